/**
 * Calibrated residual quantiles per horizon step. A model trained without the last H
 * periods forecasts them recursively; the errors (actual − forecast), divided by the
 * series' level at that origin, give for every step h an empirical distribution pooled
 * over series (optionally per group, e.g. demand pattern). A forecast's quantile at
 * level τ is then mean + level × Q_τ(h). Whole error trajectories are kept too, so
 * sample paths keep the correlation between steps that lead-time sums need.
 */
import { QUANTILE_LEVELS } from '../types';
import type { Rng } from '../types';
import { quantileOfSorted } from './stats';

export interface ResidualCalibration {
  horizon: number;
  /** quantiles[group][h] = QUANTILE_LEVELS.length scaled error quantiles (ascending). */
  quantiles: Float64Array[][];
  /** Scaled error trajectories (length horizon, NaN where the actual was missing). */
  paths: Float64Array[];
  /** Number of errors behind each group's step quantiles. */
  counts: number[][];
}

export interface CalibrationInput {
  actual: Float64Array[];
  forecast: Float64Array[];
  originLevel: Float64Array;
  /** Group code per series (0 when absent). */
  group?: Int32Array;
  nGroups?: number;
  /** A group needs this many errors at a step to get its own quantiles, else it takes the pooled ones. */
  minGroupCount?: number;
  maxPaths?: number;
  rng: Rng;
}

export function calibrateResiduals(input: CalibrationInput): ResidualCalibration {
  const { actual, forecast, originLevel, rng } = input;
  const nGroups = input.nGroups ?? 1;
  const minGroupCount = input.minGroupCount ?? 200;
  const horizon = forecast[0]?.length ?? 0;
  const errorsByGroup: number[][][] = Array.from({ length: nGroups + 1 }, () => Array.from({ length: horizon }, () => []));
  const paths: Float64Array[] = [];
  for (let i = 0; i < forecast.length; i++) {
    const level = originLevel[i]!;
    const group = input.group?.[i] ?? 0;
    const path = new Float64Array(horizon).fill(NaN);
    let any = false;
    for (let h = 0; h < horizon; h++) {
      const y = actual[i]![h]!;
      if (y !== y) continue;
      const e = (y - forecast[i]![h]!) / level;
      if (!Number.isFinite(e)) continue;
      path[h] = e;
      any = true;
      errorsByGroup[group]![h]!.push(e);
      errorsByGroup[nGroups]![h]!.push(e);
    }
    if (any) paths.push(path);
  }
  const pooled = errorsByGroup[nGroups]!.map((errors) => quantilesOf(errors));
  const quantiles = errorsByGroup.slice(0, nGroups).map((steps) =>
    steps.map((errors, h) => (errors.length >= minGroupCount ? quantilesOf(errors) : pooled[h]!)),
  );
  const counts = errorsByGroup.slice(0, nGroups).map((steps) => steps.map((errors) => errors.length));
  const maxPaths = input.maxPaths ?? 2000;
  return { horizon, quantiles, paths: subsample(paths, maxPaths, rng), counts };
}

function quantilesOf(errors: number[]): Float64Array {
  if (errors.length === 0) return new Float64Array(QUANTILE_LEVELS.length);
  const sorted = Float64Array.from(errors).sort();
  return Float64Array.from(QUANTILE_LEVELS, (level) => quantileOfSorted(sorted, level));
}

function subsample<T>(items: T[], max: number, rng: Rng): T[] {
  if (items.length <= max) return items;
  const picked = items.slice();
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng() * (picked.length - i));
    const tmp = picked[i]!;
    picked[i] = picked[j]!;
    picked[j] = tmp;
  }
  return picked.slice(0, max);
}

/**
 * Scaled error quantiles for step h (0-based). Beyond the calibrated horizon the last
 * step's spread grows like √h, the random-walk rate.
 */
export function stepQuantiles(calibration: ResidualCalibration, group: number, h: number): Float64Array {
  const steps = calibration.quantiles[Math.min(group, calibration.quantiles.length - 1)] ?? calibration.quantiles[0]!;
  const H = calibration.horizon;
  if (h < H) return steps[h]!;
  const last = steps[H - 1]!;
  const factor = Math.sqrt((h + 1) / H);
  return Float64Array.from(last, (q) => q * factor);
}

/** Quantile forecasts around `mean` (per level of QUANTILE_LEVELS), clipped at 0 unless negatives are allowed. */
export function residualQuantiles(
  calibration: ResidualCalibration,
  mean: Float64Array,
  level: number,
  group: number,
  allowNegative: boolean,
): Float64Array[] {
  const h = mean.length;
  const out = QUANTILE_LEVELS.map(() => new Float64Array(h));
  for (let step = 0; step < h; step++) {
    const q = stepQuantiles(calibration, group, step);
    for (let j = 0; j < out.length; j++) {
      const value = mean[step]! + level * q[j]!;
      out[j]![step] = allowNegative ? value : Math.max(0, value);
    }
  }
  return out;
}

/** Sample paths: mean plus a resampled whole error trajectory (missing steps filled from the step quantiles). */
export function residualPaths(
  calibration: ResidualCalibration,
  mean: Float64Array,
  level: number,
  group: number,
  allowNegative: boolean,
  count: number,
  rng: Rng,
): Float64Array[] {
  const h = mean.length;
  const H = calibration.horizon;
  const out: Float64Array[] = [];
  for (let p = 0; p < count; p++) {
    const source = calibration.paths.length > 0 ? calibration.paths[Math.floor(rng() * calibration.paths.length)]! : undefined;
    const path = new Float64Array(h);
    for (let step = 0; step < h; step++) {
      let e = source ? source[Math.min(step, H - 1)]! * (step >= H ? Math.sqrt((step + 1) / H) : 1) : NaN;
      if (e !== e) {
        // Missing in the trajectory: draw from the step's quantile function instead.
        const q = stepQuantiles(calibration, group, step);
        e = q[Math.floor(rng() * q.length)]!;
      }
      const value = mean[step]! + level * e;
      path[step] = allowNegative ? value : Math.max(0, value);
    }
    out.push(path);
  }
  return out;
}

/**
 * A standard deviation per step implied by the calibrated 10%–90% spread (the width of
 * that interval of a normal distribution is 2 × 1.2816 sd), for consumers that calibrate
 * their own distributions from a spread (the forecast engine's backtest).
 */
export function residualSpread(calibration: ResidualCalibration, h: number, scale: number, group: number): Float64Array {
  const lower = QUANTILE_LEVELS.indexOf(0.1);
  const upper = QUANTILE_LEVELS.indexOf(0.9);
  return Float64Array.from({ length: h }, (_, step) => {
    const q = stepQuantiles(calibration, group, step);
    return (scale * Math.max(0, q[upper]! - q[lower]!)) / (2 * 1.2816);
  });
}
