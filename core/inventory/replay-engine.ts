/**
 * The replay with the real forecasting engine: adapts forecastMany to the replay's batch
 * forecaster, and builds replay series from a benchmark data set (train.csv + test.csv)
 * or from a workspace's weekly demand.
 */
import { forecastMany } from '../forecast/engine';
import type { TaskRunner } from '../forecast/engine/types';
import type { Frequency } from '../forecast/types';
import { QUANTILE_LEVELS } from '../forecast/types';
import type { BatchForecaster, ReplaySeries } from './replay';
import { pathsFromQuantiles } from './quantile-paths';

export interface EngineForecasterOptions {
  season: number;
  frequency: Frequency;
  paths: number;
  runner?: TaskRunner;
}

export function engineForecaster(options: EngineForecasterOptions): BatchForecaster {
  return async (histories, horizon, seed) => {
    const result = await forecastMany(
      histories.map((values, i) => ({ id: String(i), values })),
      { horizon, season: options.season, frequency: options.frequency, paths: options.paths, seed, ...(options.runner ? { runner: options.runner } : {}) },
    );
    return result.series.map((s, i) => ({
      mean: s.mean,
      quantiles: s.quantiles,
      // The engine returns paths when asked; quantile draws only guard against a model without them.
      paths: s.paths && s.paths.length > 0 ? s.paths : pathsFromQuantiles(QUANTILE_LEVELS, s.quantiles, options.paths, seed + i),
    }));
  };
}

export interface DatasetSeries {
  id: string;
  values: Float64Array;
}

/**
 * Joins train and test series by id: history followed by the test window. Series missing
 * from either file are skipped and counted.
 */
export function joinTrainTest(train: readonly DatasetSeries[], test: readonly DatasetSeries[], unitCostCents: number, leadTimePeriods?: number): { series: ReplaySeries[]; skipped: number } {
  const testById = new Map(test.map((s) => [s.id, s.values]));
  const series: ReplaySeries[] = [];
  let skipped = 0;
  for (const s of train) {
    const window = testById.get(s.id);
    if (!window || window.length === 0 || s.values.length === 0) {
      skipped++;
      continue;
    }
    const values = new Float64Array(s.values.length + window.length);
    values.set(s.values);
    values.set(window, s.values.length);
    series.push({ id: s.id, values, testStart: s.values.length, unitCostCents, ...(leadTimePeriods ? { leadTimePeriods } : {}) });
  }
  return { series, skipped: skipped + Math.max(0, test.length - (train.length - skipped)) };
}
