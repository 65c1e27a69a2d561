import type { Candidate } from '../candidates';
import type { DemandPattern } from '../classify';
import type { Frequency, SeriesCalendar } from '../types';

/** One product's (or product x location's) demand history, regular periods, oldest first. */
export interface SeriesInput {
  id: string;
  /** Demand per period; NaN marks a missing or censored period. */
  values: Float64Array;
  /** Day number (days since 1970-01-01) of the first period, when known. */
  startDay?: number;
  /** Category or supplier key: new products borrow the sales profile of their group. */
  group?: string;
  calendar?: SeriesCalendar;
}

/** Runs pure tasks somewhere (core/jobs/pool.ts's WorkerPool satisfies this). */
export interface TaskRunner {
  readonly size: number;
  run<R>(name: string, payload: unknown, transfer?: ArrayBuffer[]): Promise<R>;
}

export interface ForecastManyOptions {
  horizon: number;
  /** Season length in periods (52 weekly, 7 daily, 12 monthly, 4 quarterly, 1 none or yearly). */
  season: number;
  frequency: Frequency;
  /** Rolling-origin backtest origins per series (default 3). */
  origins?: number;
  /** Periods between backtest origins (default ceil(horizon / 2), at least 1). */
  originStride?: number;
  /** Longest history used for fitting, in periods (default by frequency). */
  maxHistory?: number;
  /** Sample paths per series (default 0). */
  paths?: number;
  seed?: number;
  /** Candidate set (default: every registered local candidate). */
  candidates?: readonly Candidate[];
  /** Largest number of models averaged in a combination (default 4). */
  maxCombination?: number;
  /** Where local candidates run; in-process when absent. */
  runner?: TaskRunner;
}

export interface BacktestMetrics {
  /** Mean absolute error / in-sample seasonal-naive MAE (lag 1 when history is short). */
  mase: number;
  /** Scaled pinball loss over the 0.1..0.9 quantiles, same scale as MASE. */
  spl: number;
  /** Sum |error| / sum |actual|. */
  wape: number;
  /** Sum error / sum actual (positive: over-forecast). */
  bias: number;
  /** Share of actuals inside the 10%-90% interval. */
  coverage80: number;
  /** MASE of the naive (last value) forecast on the same windows, for "accuracy vs naive". */
  naiveMase: number;
  /** Number of backtest points scored. */
  points: number;
}

export interface SeriesForecast {
  id: string;
  pattern: DemandPattern;
  isNew: boolean;
  isDead: boolean;
  /** Models averaged (equal weights) for the forecast. */
  models: string[];
  /** Fitted parameters of each model at the end of the history. */
  params: Record<string, Record<string, unknown>>;
  metrics: BacktestMetrics;
  distribution: 'continuous' | 'count';
  mean: Float64Array;
  /** One array per QUANTILE_LEVELS entry. */
  quantiles: Float64Array[];
  paths?: Float64Array[];
  /**
   * The chosen forecast's mean over each scored backtest window, oldest first: `start` is
   * the index, in the input's values, of the window's first period (the "fitted backtest"
   * drawn over the history on the product screen).
   */
  backtest: Array<{ start: number; mean: Float64Array }>;
  /** Present when the preferred models failed and simpler ones were used. */
  fallback?: { intended: string[]; reason: string };
}

export interface ForecastManyResult {
  series: SeriesForecast[];
  /** Per candidate-group key: the pooled choice and its backtest loss (for logs and the UI). */
  groups: { key: string; series: number; models: string[]; loss: number; switched: number }[];
  fallbacks: number;
  /** Factor by which continuous series' calibrated intervals were widened for the optimism of model choice (1: none; see selectionWidening). */
  intervalWidening: number;
}
