/**
 * The one interface every forecasting model implements (CONVENTIONS.md §7).
 * A `Forecaster` holds hyperparameters only; `fit` returns a separate fitted model.
 */

/** Quantile levels reported for every horizon step, in this order everywhere. */
export const QUANTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
export type QuantileLevel = (typeof QUANTILE_LEVELS)[number];
export const QUANTILE_COLUMNS = ['q05', 'q10', 'q25', 'q50', 'q75', 'q90', 'q95'] as const;

/** A seeded random number generator: returns uniform numbers in [0, 1). */
export type Rng = () => number;

/** Daily, weekly, monthly, quarterly or yearly periods (frequency.ts says what each means in days and months). */
export type Frequency = 'D' | 'W' | 'M' | 'Q' | 'Y';

export interface SeriesContext {
  /** Season length in periods: 52 weekly, 7 daily, 12 monthly, 4 quarterly, 1 when none (yearly). */
  season: number;
  frequency: Frequency;
  /** Day number (days since 1970-01-01) of the first period, when real dates are known. */
  startDay?: number;
  /**
   * Values may be negative (returns, markdowns). When false, forecasts are clipped at 0.
   */
  allowNegative: boolean;
  /** Optional per-period regressors aligned with the history and extended over the horizon. */
  calendar?: SeriesCalendar;
  /**
   * Scratch shared by the models fitted to the same series in one run (e.g. an STL
   * decomposition used by several STL-based models), keyed by what was computed. Models
   * must only store values that are pure functions of the history and the key.
   */
  memo?: Map<string, unknown>;
  /**
   * Steps ahead the smoothing parameter of level-only exponential smoothing is chosen for
   * (see smoothingLossHorizon in models/common.ts); absent: the engine's default. 1 is least
   * squares on one-step errors, as R's ets (the reference tests compare on it).
   */
  smoothingLossHorizon?: number;
}

export interface SeriesCalendar {
  /** 1 where the period holds a public holiday, length history + horizon. */
  holiday?: Uint8Array;
  /** Expected multiplier from user events (1 = none), length history + horizon. */
  eventMultiplier?: Float64Array;
}

export interface ForecastOptions {
  /** Number of sample paths to return (0 or absent: none). */
  paths?: number;
  /** Seed for anything random (sample paths, bootstrap); same seed, same output. */
  seed?: number;
}

export interface ForecastResult {
  /** Expected value per step, length h. */
  mean: Float64Array;
  /** One array per QUANTILE_LEVELS entry, each of length h; non-crossing, within the support. */
  quantiles: Float64Array[];
  /** Sample paths (each of length h) when requested: sums over steps give lead-time demand. */
  paths?: Float64Array[];
  /**
   * The model's own forecast standard deviation per step, before the engine's calibration
   * (absent for models whose distribution is not summarised by a spread, e.g. count models).
   */
  sd?: Float64Array;
}

export interface FittedModel {
  /** The model's registered name, e.g. "ets", "tsb". */
  readonly model: string;
  /** JSON-serialisable description of the fitted parameters (for the registry and the UI). */
  describe(): Record<string, unknown>;
  forecast(h: number, options?: ForecastOptions): ForecastResult;
}

export interface Forecaster {
  readonly name: string;
  /** Hyperparameters, JSON-serialisable. */
  readonly params: Record<string, unknown>;
  /**
   * Fits on the history `y` (NaN marks a missing / censored period). Never mutates `y`.
   * Throws ForecastError when the series cannot be fitted; the engine falls back.
   */
  fit(y: Float64Array, context: SeriesContext): FittedModel;
  /**
   * Optional fast path for rolling-origin evaluation: the forecasts of h steps made from
   * each origin (an origin is a history length; origin y.length is the final forecast),
   * reusing work between origins (e.g. smoothing parameters estimated once and the state
   * filtered forward). Entries are undefined where the model cannot run at that origin.
   * Without it the engine calls fit(y.subarray(0, origin)) per origin.
   */
  forecastFromOrigins?(y: Float64Array, context: SeriesContext, origins: readonly number[], h: number): (OriginForecast | undefined)[];
}

/** Mean and spread of h steps from one forecast origin. */
export interface OriginForecast {
  mean: Float64Array;
  sd: Float64Array;
  /** Fitted parameters (given at least for the final origin). */
  description?: Record<string, unknown>;
}

export class ForecastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastError';
  }
}
