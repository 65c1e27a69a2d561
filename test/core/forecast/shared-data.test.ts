import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forecastMany } from '../../../core/forecast/engine';
import { defaultCandidates } from '../../../core/forecast/engine/prepare';
import { readSeriesCsv } from '../../../core/forecast/io/series-csv';
import { WorkerPool } from '../../../core/jobs/pool';

// Runs the whole engine on every shared benchmark dataset (all series): no NaN, no negative
// value unless the history has one, no crossing quantiles. The data is not in the repository.
const dataRoot = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const present = existsSync(dataRoot);
if (!present) console.log(`shared-data forecast checks skipped: ${dataRoot} is absent`);

const DATASETS = ['walmart', 'm4_weekly', 'm5', 'carparts', 'store_item_demand'];

describe.skipIf(!present)('forecasts on the shared datasets are sound', () => {
  const pool = present ? new WorkerPool(2) : undefined;
  afterAll(() => pool?.close());

  it.each(DATASETS)('%s', async (dataset) => {
    const dir = join(dataRoot, dataset);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { horizon: number; season: number };
    const file = await readSeriesCsv(join(dir, 'train.csv'));
    // The default candidates, statistical and global (as `shelfcast forecast`).
    const result = await forecastMany(file.series, { horizon: meta.horizon, season: meta.season, frequency: file.frequency, runner: pool, candidates: defaultCandidates() });
    expect(result.series).toHaveLength(file.series.length);
    let problems = 0;
    result.series.forEach((s, i) => {
      const negative = file.series[i]!.values.some((v) => v < 0);
      for (let step = 0; step < meta.horizon; step++) {
        const values = [s.mean[step]!, ...s.quantiles.map((q) => q[step]!)];
        if (values.some((v) => !Number.isFinite(v))) problems++;
        if (!negative && values.some((v) => v < 0)) problems++;
        for (let k = 1; k < s.quantiles.length; k++) if (s.quantiles[k]![step]! < s.quantiles[k - 1]![step]!) problems++;
      }
    });
    expect(problems).toBe(0);
  }, 600_000);
});
