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

  it('replays test values on their own dates: weeks with no rows between the files count as no sales', async () => {
    const args = ['replay', '--train', 'train.csv', '--test', 'test.csv', '--season', '52', '--paths', '100', '--raw', '--json'];
    // S2's first two test weeks have no rows in one copy and explicit zeros in the other.
    const week = (w: number) => isoFromDay(19_000 + 7 * w);
    const missingDir = tempDir();
    writeDataset(missingDir, (lines) => lines.filter((line) => line !== `S2,${week(60)},${line.split(',')[2]}` && line !== `S2,${week(61)},${line.split(',')[2]}`));
    const zerosDir = tempDir();
    writeDataset(zerosDir, (lines) => lines.map((line) => (line.startsWith(`S2,${week(60)},`) || line.startsWith(`S2,${week(61)},`) ? line.replace(/,[^,]*$/, ',0') : line)));
    const missing = await cli(args, missingDir);
    const zeros = await cli(args, zerosDir);
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr).toContain('replay: 2 periods between the training and test files (in 1 series) have no rows and are replayed as 0');
    expect(zeros.stderr).not.toContain('between the training and test files');
    expect(missing.stdout).toBe(zeros.stdout);
  });

  it('says how many series are in only one file; a --limit subsample does not count the rest', async () => {
    const dir = tempDir();
    writeDataset(dir, (lines) => lines.filter((line) => !line.startsWith('S5,')));
    writeFileSync(join(dir, 'test.csv'), `series_id,date,value\n${Array.from({ length: 6 }, (_, w) => `S0,${isoFromDay(19_000 + 7 * (60 + w))},5\nNEW,${isoFromDay(19_000 + 7 * (60 + w))},2`).join('\n')}\n`);
    const all = await cli(['replay', '--train', 'train.csv', '--test', 'test.csv', '--season', '52', '--paths', '50', '--raw', '--json'], dir);
    expect(all.code, all.stderr).toBe(0);
    // S1..S4 have no test rows; NEW has no history.
    expect(all.stderr).toContain('replay: 5 series are in only one of the two files and left out');
    expect((JSON.parse(all.stdout) as { series: number }).series).toBe(1);
    const one = await cli(['replay', '--train', 'train.csv', '--test', 'test.csv', '--season', '52', '--paths', '50', '--raw', '--json', '--limit', '1'], dir);
    expect(one.stderr).toContain('replay: 1 series is in only one of the two files and left out');
  });

  it('refuses a test file whose periods differ from the history\'s, and accepts one row per series', async () => {
    const dir = tempDir();
    writeDataset(dir);
    // Daily test rows after a weekly history would be replayed as weeks.
    writeFileSync(join(dir, 'daily.csv'), `series_id,date,value\n${['S0', 'S1'].flatMap((id) => [0, 1, 2].map((d) => `${id},${isoFromDay(19_000 + 7 * 60 + d)},3`)).join('\n')}\n`);
    const daily = await cli(['replay', '--train', 'train.csv', '--test', 'daily.csv', '--season', '52'], dir);
    expect(daily.code).toBe(2);
    expect(daily.stderr.trim()).toBe('shelfcast replay: --test has daily dates but --train has weekly dates: both files must use the same periods');
    writeFileSync(join(dir, 'one.csv'), `series_id,date,value\nS0,${isoFromDay(19_000 + 7 * 60)},3\nS1,${isoFromDay(19_000 + 7 * 60)},4\n`);
    const one = await cli(['replay', '--train', 'train.csv', '--test', 'one.csv', '--season', '52', '--paths', '50', '--raw', '--json'], dir);
    expect(one.code, one.stderr).toBe(0);
    expect((JSON.parse(one.stdout) as { series: number }).series).toBe(2);
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
