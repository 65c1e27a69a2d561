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

  it('reads shuffled daily rows as daily data and interpolates missing values, saying how many', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    for (const id of ['p', 'q']) {
      for (let t = 0; t < 70; t++) {
        if (t === 20 || t === 41) continue; // no row: no sale that day
        const day = new Date(Date.UTC(2024, 0, 1) + t * 86_400_000).toISOString().slice(0, 10);
        const value = t === 30 || (id === 'q' && t === 69) ? 'NA' : t === 50 ? '' : String(10 + (t % 7) + (id === 'q' ? 5 : 0));
        lines.push(`${id},${day},${value}`);
      }
    }
    // A fixed reversal plus interleaving: far from date order.
    const mixed = lines.map((line, i) => [line, (i * 37) % lines.length] as const).sort((a, b) => a[1] - b[1]).map(([line]) => line);
    writeFileSync(join(dir, 'train.csv'), `series_id,date,value\n${mixed.reverse().join('\n')}\n`);
    const result = await cli(['forecast', '--train', 'train.csv', '--horizon', '7', '--season', '7', '--out', 'out.csv'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/forecast: 2 series \(D, 136 rows, 4 missing periods as 0, 5 missing values interpolated\)/);
    const out = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n').slice(1);
    expect(out).toHaveLength(2 * 7);
    for (const line of out) {
      const numbers = line.split(',').slice(2).map(Number);
      for (const v of numbers) expect(Number.isFinite(v) && v >= 0, line).toBe(true);
      // Daily levels of 10-21 a day, not monthly sums.
      expect(numbers[0]!, line).toBeGreaterThan(5);
      expect(numbers[0]!, line).toBeLessThan(30);
    }
  }, 60_000);

  /** Runs the CLI on a file and checks every output row: H steps per series, finite, non-negative, non-crossing. */
  async function forecastFile(lines: string[], horizon: number, season: number, expectedSummary: RegExp) {
    const dir = tempDir();
    writeFileSync(join(dir, 'train.csv'), `series_id,date,value\n${lines.join('\n')}\n`);
    const result = await cli(['forecast', '--train', 'train.csv', '--horizon', String(horizon), '--season', String(season), '--out', 'out.csv'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(expectedSummary);
    const rows = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const bySeries = new Map<string, number[][]>();
    for (const [id, step, ...numbers] of rows) {
      const values = numbers.map(Number);
      expect(values, `${id} step ${step}`).toHaveLength(8);
      expect(Number(step)).toBe((bySeries.get(id!)?.length ?? 0) + 1);
      for (const v of values) expect(Number.isFinite(v) && v >= 0, `${id} step ${step}: ${numbers.join(',')}`).toBe(true);
      for (let k = 2; k < values.length; k++) expect(values[k]!, `${id} step ${step} crossing`).toBeGreaterThanOrEqual(values[k - 1]!);
      bySeries.set(id!, [...(bySeries.get(id!) ?? []), values]);
    }
    for (const steps of bySeries.values()) expect(steps).toHaveLength(horizon);
    return bySeries;
  }

  it('forecasts quarterly data (dates 89-92 days apart) with a season of 4', async () => {
    const lines: string[] = [];
    for (let s = 0; s < 22; s++) {
      for (let t = 0; t < 40; t++) {
        // Quarter ends: Mar 31, Jun 30, Sep 30, Dec 31 of 2010..2019.
        const end = new Date(Date.UTC(2010, 3 * (t + 1), 0)).toISOString().slice(0, 10);
        const value = (100 + 10 * s + 2 * t) * [0.8, 1, 1.1, 1.2][t % 4]! + ((s * 7 + t * 3) % 5);
        lines.push(`q${s},${end},${value.toFixed(1)}`);
      }
    }
    const out = await forecastFile(lines, 8, 4, /forecast: 22 series \(Q, 880 rows\)/);
    expect(out.size).toBe(22);
    // The next quarter is a Q1 (low), the fourth a Q4 (high).
    for (const [id, steps] of out) expect(steps[0]![0]!, id).toBeLessThan(steps[3]![0]!);
  }, 60_000);

  it('forecasts yearly data (dates 365-366 days apart) with a season of 1', async () => {
    const lines: string[] = [];
    for (let s = 0; s < 21; s++) {
      for (let t = 0; t < 25; t++) lines.push(`y${s},${1995 + t}-07-01,${500 + 20 * s + (8 + (s % 4)) * t + ((s + t) % 3) * 4}`);
    }
    const out = await forecastFile(lines, 6, 1, /forecast: 21 series \(Y, 525 rows\)/);
    expect(out.size).toBe(21);
    // A steady upward trend: the sixth year ahead above the last year seen.
    for (let s = 0; s < 21; s++) expect(out.get(`y${s}`)![5]![0]!).toBeGreaterThan(500 + 20 * s + (8 + (s % 4)) * 24 - 10);
  }, 60_000);

  it('forecasts every series of an awkward but legitimate file: ordered, finite, non-crossing, in range', async () => {
    // One file of the awkward cases a CLI fuzz run tried: BOM, CRLF, no final line break,
    // shuffled rows, quoted ids with commas, quotes, a line break and unicode, 1-3 observations, zeros,
    // a constant, a spike, NA, a gap, returns, 1e9 and 1e-6 scales, a series ending early; H > most histories.
    const horizon = 30;
    const day = (t: number) => new Date(Date.UTC(2024, 0, 1) + t * 86_400_000).toISOString().slice(0, 10);
    const series: Record<string, (string | number)[]> = {
      one: [4],
      two: [0, 3],
      three: [5, 0, 2],
      zeros: Array.from({ length: 40 }, () => 0),
      constant: Array.from({ length: 40 }, () => 7),
      spike: Array.from({ length: 60 }, (_, t) => (t === 30 ? 500 : 0)),
      'with NA': Array.from({ length: 50 }, (_, t) => (t % 9 === 4 ? 'NA' : t % 9 === 6 ? '' : 3 + (t % 7))),
      returns: Array.from({ length: 50 }, (_, t) => ((t * 37) % 11) - 4.5),
      huge: Array.from({ length: 50 }, (_, t) => 1e9 + ((t * 7919) % 1000) * 1e5),
      tiny: Array.from({ length: 50 }, (_, t) => ((t * 31) % 17) * 1e-6),
      'a,b "c"': Array.from({ length: 45 }, (_, t) => 1 + (t % 3)),
      'line\nbreak': Array.from({ length: 20 }, (_, t) => t % 2),
      'Ünïcødé 日本': Array.from({ length: 25 }, (_, t) => (t % 5 === 0 ? 2 : 0)),
    };
    const rows: string[] = [];
    for (const [id, values] of Object.entries(series)) {
      const quoted = /[",\n]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
      // "early" series end 10 days before the others; one gap (no row) in "constant".
      values.forEach((v, t) => {
        if (id === 'constant' && t === 17) return;
        rows.push(`${quoted},${day(t + (id === 'returns' ? 0 : 10) - values.length + 40)},${v}`);
      });
    }
    const shuffled = rows.map((r, i) => [r, (i * 7919) % rows.length] as const).sort((a, b) => a[1] - b[1]).map(([r]) => r);
    const dir = tempDir();
    writeFileSync(join(dir, 'train.csv'), `\uFEFFseries_id,date,value\r\n${shuffled.join('\r\n')}`);
    const result = await cli(['forecast', '--train', 'train.csv', '--horizon', String(horizon), '--season', '7', '--out', 'out.csv'], dir);
    expect(result.code, result.stderr).toBe(0);
    // Our own CSV (a quoted id may hold a line break): the id, then step, mean and seven quantiles.
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const record = /("(?:[^"]|"")*"|[^",\n]*),([^\n]*)\n/y;
    const byId = new Map<string, number[][]>();
    for (let m = record.exec(body); m; m = record.exec(body)) {
      const id = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
      byId.set(id, [...(byId.get(id) ?? []), m[2]!.split(',').map(Number)]);
      if (record.lastIndex === body.length) break;
    }
    expect(record.lastIndex).toBe(body.length);
    expect([...byId.keys()].sort()).toEqual(Object.keys(series).sort());
    for (const [id, steps] of byId) {
      const history = series[id]!.filter((v) => v !== '').map(Number).filter(Number.isFinite);
      const max = Math.max(...history.map(Math.abs));
      expect(steps.map((s) => s[0]), id).toEqual(Array.from({ length: horizon }, (_, k) => k + 1));
      for (const [, mean, ...quantiles] of steps) {
        for (const v of [mean!, ...quantiles]) {
          expect(Number.isFinite(v), id).toBe(true);
          expect(Math.abs(v), id).toBeLessThanOrEqual(10 * max);
          if (history.every((h) => h >= 0)) expect(v, id).toBeGreaterThanOrEqual(0);
        }
        for (let k = 1; k < quantiles.length; k++) expect(quantiles[k]!, id).toBeGreaterThanOrEqual(quantiles[k - 1]!);
      }
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
    writeFileSync(join(dir, 'words.csv'), 'series_id,date,value\nA,2024-01-01,3\nA,2024-01-02,lots\n');
    const words = await cli(['forecast', '--train', 'words.csv', '--horizon', '5', '--season', '7', '--out', 'o.csv'], dir);
    expect(words.code).toBe(2);
    expect(words.stderr).toMatch(/words\.csv: line 3, column 3 \(value\): "lots" is not a number/);
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
