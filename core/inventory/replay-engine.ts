/**
 * The replay with the real forecasting engine: adapts forecastMany to the replay's batch
 * forecaster, and builds replay series from a benchmark data set (train.csv + test.csv)
 * or from a workspace's weekly demand.
 */
import { forecastMany } from '../forecast/engine';
import type { TaskRunner } from '../forecast/engine/types';
import type { Frequency } from '../forecast/types';
import { QUANTILE_LEVELS } from '../forecast/types';
import { civilFromDays, periodDay } from '../forecast/global/features/calendar';
import { monthsPerPeriod } from '../forecast/frequency';
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
  /** Day number of the first period (days since 1970-01-01), as the series reader gives it. */
  startDay?: number;
}

/**
 * Whole periods between the end of a history (`length` periods from `startDay`) and
 * `testStartDay`: 0 when the test window starts the period after the history ends. Months,
 * quarters and years count calendar months, so the day of the month does not matter.
 */
export function periodsBetween(startDay: number, length: number, testStartDay: number, frequency: Frequency): number {
  const next = periodDay(startDay, frequency, length);
  if (frequency === 'D') return testStartDay - next;
  if (frequency === 'W') return Math.round((testStartDay - next) / 7);
  const a = civilFromDays(next);
  const b = civilFromDays(testStartDay);
  return Math.round((b.year * 12 + b.month - (a.year * 12 + a.month)) / monthsPerPeriod(frequency));
}

export interface JoinedDataset {
  series: ReplaySeries[];
  /** Series in only one of the two files (or empty in one). */
  skipped: number;
  /** Periods between a history's end and its test window, filled with 0 (no sale recorded). */
  filledPeriods: number;
  /** Series with such periods. */
  filledSeries: number;
}

/**
 * Joins train and test series by id: history, then any periods between the two files
 * filled with 0 (as the reader fills missing periods inside a file), then the test window,
 * so that each test value is replayed on its own date. Without dates (no `frequency` or
 * `startDay`) the test window follows the history directly. Series missing from either
 * file are skipped and counted.
 */
export function joinTrainTest(
  train: readonly DatasetSeries[],
  test: readonly DatasetSeries[],
  unitCostCents: number,
  leadTimePeriods?: number,
  frequency?: Frequency,
): JoinedDataset {
  const testById = new Map(test.map((s) => [s.id, s]));
  const series: ReplaySeries[] = [];
  let skipped = 0;
  let filledPeriods = 0;
  let filledSeries = 0;
  for (const s of train) {
    const window = testById.get(s.id);
    if (!window || window.values.length === 0 || s.values.length === 0) {
      skipped++;
      continue;
    }
    const gap =
      frequency !== undefined && s.startDay !== undefined && window.startDay !== undefined
        ? Math.max(0, periodsBetween(s.startDay, s.values.length, window.startDay, frequency))
        : 0;
    if (gap > 0) {
      filledPeriods += gap;
      filledSeries++;
    }
    const values = new Float64Array(s.values.length + gap + window.values.length);
    values.set(s.values);
    values.set(window.values, s.values.length + gap);
    series.push({ id: s.id, values, testStart: s.values.length, unitCostCents, ...(leadTimePeriods ? { leadTimePeriods } : {}) });
  }
  return { series, skipped: skipped + Math.max(0, test.length - (train.length - skipped)), filledPeriods, filledSeries };
}
