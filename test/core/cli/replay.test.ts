import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli/main';
import { isoFromDay } from '../../../core/dates';
import { seededRng } from '../../../core/inventory/stats';
import { useTempDir } from '../../helpers/tmp';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** Six weekly series of noisy demand: 60 weeks of history, 6 test weeks (rows in date order unless `order` mixes them). */
function writeDataset(dir: string, order: (lines: string[]) => string[] = (lines) => lines): void {
  const rng = seededRng(3);
  const train = ['series_id,date,value'];
  const test = ['series_id,date,value'];
  for (let s = 0; s < 6; s++) {
    const level = 5 + 10 * s;
    for (let w = 0; w < 66; w++) {
      const value = Math.max(0, Math.round(level + (rng() - 0.5) * level));
      (w < 60 ? train : test).push(`S${s},${isoFromDay(19_000 + 7 * w)},${value}`);
    }
  }
  writeFileSync(join(dir, 'train.csv'), `${[train[0]!, ...order(train.slice(1))].join('\n')}\n`);
  writeFileSync(join(dir, 'test.csv'), `${[test[0]!, ...order(test.slice(1))].join('\n')}\n`);
}

describe('shelfcast replay', () => {
  const tempDir = useTempDir();

  it('replays a data set with the real engine and prints the three policies as JSON', async () => {
    const dir = tempDir();
    writeDataset(dir);
    const result = await cli(['replay', '--train', 'train.csv', '--test', 'test.csv', '--season', '52', '--paths', '200', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { series: number; policies: Record<string, Record<string, number>>; calibration: { level: number } };
    expect(json.series).toBe(6);
    for (const name of ['shelfcast', 'normalApprox', 'lastFourWeeks']) {
      const p = json.policies[name]!;
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['fillRate', 'stockoutPeriods', 'avgStockUnits', 'avgStockValue', 'orders']));
      expect(p.fillRate).toBeGreaterThan(0);
      expect(p.fillRate).toBeLessThanOrEqual(1);
      expect(p.stockoutPeriods).toBeLessThanOrEqual(36);
      expect(p.orders).toBeGreaterThan(0);
    }
    expect(json.calibration.level).toBeGreaterThanOrEqual(0.8);
  });

  it('reads the data set through the forecast reader: rows in any order give the same replay', async () => {
    const args = ['replay', '--train', 'train.csv', '--test', 'test.csv', '--season', '52', '--paths', '100', '--raw', '--json'];
    const sortedDir = tempDir();
    writeDataset(sortedDir);
    const mixedDir = tempDir();
    // Each series' newest row first (series keep their order: the replay seeds by position),
    // then the rest interleaved newest first: consecutive rows are hardly ever one week apart.
    writeDataset(mixedDir, (lines) => {
      const newest = new Map(lines.map((line) => [line.split(',')[0]!, line]));
      const rest = lines.filter((line) => newest.get(line.split(',')[0]!) !== line);
      const interleaved = rest.map((line, i) => [line, (i * 7) % rest.length] as const).sort((a, b) => a[1] - b[1]);
      return [...newest.values(), ...interleaved.map(([line]) => line).reverse()];
    });
    const sorted = await cli(args, sortedDir);
    const mixed = await cli(args, mixedDir);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect((JSON.parse(mixed.stdout) as { frequency: string }).frequency).toBe('W');
    expect(mixed.stdout).toBe(sorted.stdout);
  });

  it('refuses a test window that does not follow the history, naming the series and dates', async () => {
    const dir = tempDir();
    writeDataset(dir);
    // The two files swapped: the "test" file is the 60-week history.
    const result = await cli(['replay', '--train', 'test.csv', '--test', 'train.csv', '--season', '52'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `shelfcast replay: --test must start after --train ends: series S0 has test dates from ${isoFromDay(19_000)} but training dates up to ${isoFromDay(19_000 + 7 * 65)} (and 5 more series like it)`,
    );
  });

  it('says what is missing', async () => {
    const dir = tempDir();
    for (const args of [['replay'], ['replay', '--train', 'x.csv', '--test', 'y.csv', '--season', '52'], ['replay', '--workspace', 'w.shelfcast', '--service', '1.5']]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
