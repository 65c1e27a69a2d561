import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../core/cli/commands/forecast';
import { runCli } from '../../../core/cli/main';
import { useTempDir } from '../../helpers/tmp';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('shelfcast forecast', () => {
  const tempDir = useTempDir();

  it('writes mean and seven quantiles for steps 1..H of every series', async () => {
    const dir = tempDir();
    const lines = ['series_id,date,value'];
    for (const id of ['alpha', 'beta,2']) {
      for (let t = 0; t < 40; t++) {
        const day = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
        lines.push(`${id.includes(',') ? `"${id}"` : id},${day},${id === 'alpha' ? 10 + (t % 4) : t % 3 === 0 ? 2 : 0}`);
      }
    }
    writeFileSync(join(dir, 'train.csv'), `${lines.join('\n')}\n`);
    const result = await cli(['forecast', '--train', 'train.csv', '--horizon', '5', '--season', '52', '--out', 'out.csv'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/forecast: 2 series \(W, 80 rows\)/);
    const out = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('series_id,step,mean,q05,q10,q25,q50,q75,q90,q95');
    expect(out).toHaveLength(1 + 2 * 5);
    expect(out[1]!.startsWith('alpha,1,')).toBe(true);
    expect(out[6]!.startsWith('"beta,2",1,')).toBe(true);
    for (const line of out.slice(1)) {
      const numbers = line.slice(line.lastIndexOf('"') + 1).split(',').slice(-8).map(Number);
      for (let k = 1; k < numbers.length; k++) expect(Number.isFinite(numbers[k]!)).toBe(true);
      for (let k = 2; k < numbers.length; k++) expect(numbers[k]!).toBeGreaterThanOrEqual(numbers[k - 1]!);
    }
  }, 60_000);

  it('gives one clear line on stderr and exit code 2 for bad arguments or files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'id,when,qty\n');
    const cases = [
      ['forecast'],
      ['forecast', '--train', 'missing.csv', '--horizon', '5', '--season', '52', '--out', 'o.csv'],
      ['forecast', '--train', 'bad.csv', '--horizon', '5', '--season', '52', '--out', 'o.csv'],
      ['forecast', '--train', 'bad.csv', '--horizon', 'five', '--season', '52', '--out', 'o.csv'],
      ['forecast', '--train', 'bad.csv', '--horizon', '5', '--season', '52', '--out', 'o.csv', '--bogus', '1'],
    ];
    for (const args of cases) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await cli(cases[1]!, dir)).stderr).toMatch(/cannot read .*missing\.csv/);
    expect((await cli(cases[2]!, dir)).stderr).toMatch(/line 1: expected the header series_id,date,value/);
  });

  it('writes numbers as the shortest text of their 10-significant-digit rounding', () => {
    expect([0.1 + 0.2, 123.456, -0.5, 2.00000000001, 0.99999999999, 1.234e-6, 1.5e-7, 12345678901.5, 7, -3, Number.NaN].map(formatNumber)).toEqual([
      '0.3', '123.456', '-0.5', '2', '1', '0.000001234', '1.5e-7', '12345678900', '7', '-3', 'NaN',
    ]);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -1e7, max: 1e7, noNaN: true })), (v) => {
        // Whole numbers are written in full; the rest as their 10-digit rounding parsed back.
        expect(formatNumber(v)).toBe(Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10))));
      }),
      { numRuns: 20_000 },
    );
  });
});
