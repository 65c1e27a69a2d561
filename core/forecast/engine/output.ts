import type { Calibration } from '../calibrate';
import { continuousQuantiles, countQuantileArrays } from '../calibrate';
import { normalDraw, seededRng } from '../kernels/rng';
import { countQuantiles } from '../kernels/counts';
import { normalCdf } from '../kernels/normal';
import { NORMAL_Z } from '../models/common';
import type { AccuracySums } from '../metrics';
import { accuracyOf, addWindow, emptySums } from '../metrics';
import type { CombinedForecast } from '../select';
import type { PreparedSeries } from './prepare';
import type { BacktestMetrics } from './types';

/** Quantile arrays for one window of a combined forecast, non-crossing and within the support. */
export function windowQuantiles(
  mean: Float64Array,
  sd: Float64Array,
  calibration: Calibration,
  allowNegative: boolean,
): Float64Array[] {
  const quantiles = calibration.kind === 'count' ? countQuantileArrays(mean, sd, calibration) : continuousQuantiles(mean, sd, calibration, allowNegative);
  const h = mean.length;
  for (let i = 0; i < h; i++) {
    for (let k = 1; k < quantiles.length; k++) {
      if (quantiles[k]![i]! < quantiles[k - 1]![i]!) quantiles[k]![i] = quantiles[k - 1]![i]!;
    }
  }
  return quantiles;
}

/** Backtest accuracy of the chosen combination (with calibrated quantiles) and of naive. */
export function backtestMetrics(
  series: PreparedSeries,
  combined: CombinedForecast,
  naiveMean: Float64Array | undefined,
  calibration: Calibration,
  horizon: number,
): BacktestMetrics {
  const sums: AccuracySums = emptySums();
  const naiveSums: AccuracySums = emptySums();
  series.origins.forEach((origin, o) => {
    if (!combined.valid[o]) return;
    const steps = Math.min(horizon, series.y.length - origin);
    const actual = series.y.subarray(origin, origin + steps);
    // Only the steps with an actual: each step's quantiles depend on that step alone.
    const mean = clipMean(combined.mean.slice(o * horizon, o * horizon + steps), series.profile.allowNegative);
    const quantiles = windowQuantiles(mean, combined.sd.subarray(o * horizon, o * horizon + steps), calibration, series.profile.allowNegative);
    addWindow(sums, actual, mean, quantiles, 0, steps);
    if (naiveMean) addWindow(naiveSums, actual, naiveMean, undefined, o * horizon, steps);
  });
  const accuracy = accuracyOf(sums, series.scale);
  const naiveAccuracy = accuracyOf(naiveSums, series.scale);
  return {
    mase: accuracy.mase,
    spl: accuracy.spl,
    wape: accuracy.wape,
    bias: accuracy.bias,
    coverage80: accuracy.coverage80,
    naiveMase: naiveAccuracy.mase,
    points: sums.points,
  };
}

export function clipMean(mean: Float64Array, allowNegative: boolean): Float64Array {
  if (!allowNegative) for (let i = 0; i < mean.length; i++) if (!(mean[i]! >= 0)) mean[i] = 0;
  return mean;
}

/**
 * Sample paths with the calibrated marginals. Continuous: a Gaussian process with the
 * error structure of simple exponential smoothing (independent noise plus a random walk
 * carrying the growth of the sd), mapped step by step through the calibrated quantile
 * function (a Gaussian copula), so sums over steps keep the serial dependence. Count:
 * negative binomial marginals per step joined by an equicorrelated Gaussian copula whose
 * correlation was fitted to the backtest errors of window sums.
 */
export function samplePaths(
  mean: Float64Array,
  sd: Float64Array,
  quantiles: readonly Float64Array[],
  calibration: Calibration,
  count: number,
  seed: number,
  allowNegative: boolean,
): Float64Array[] {
  const rng = seededRng(seed);
  const h = mean.length;
  const paths: Float64Array[] = [];
  if (calibration.kind === 'count') {
    // Gaussian copula: the steps' normal scores share a common factor with weight rho, so
    // each step keeps its negative binomial marginal while path sums carry the dependence
    // the backtest windows showed (calibration.pathCorrelation).
    const rho = Math.min(1, Math.max(0, calibration.pathCorrelation));
    const shared = Math.sqrt(rho);
    const own = Math.sqrt(1 - rho);
    const level = new Float64Array(1);
    const draw = new Float64Array(1);
    for (let p = 0; p < count; p++) {
      const path = new Float64Array(h);
      const common = normalDraw(rng);
      for (let i = 0; i < h; i++) {
        level[0] = normalCdf(shared * common + own * normalDraw(rng));
        countQuantiles(Math.max(0, mean[i]!), Math.max(mean[i]!, calibration.varianceMultiplier * sd[i]! * sd[i]!), level, draw);
        path[i] = draw[0]!;
      }
      paths.push(path);
    }
    return paths;
  }
  const first = Math.max(1e-12, sd[0] ?? 0);
  for (let p = 0; p < count; p++) {
    const path = new Float64Array(h);
    let walk = 0;
    let previous = first * first;
    for (let i = 0; i < h; i++) {
      const s = Math.max(1e-12, sd[i]!);
      const variance = Math.max(previous, s * s);
      if (i > 0) walk += Math.sqrt(variance - previous) * normalDraw(rng);
      previous = variance;
      const z = (walk + first * normalDraw(rng)) / Math.sqrt(variance);
      const v = quantileAtNormalScore(quantiles, i, z);
      path[i] = allowNegative ? v : Math.max(0, v);
    }
    paths.push(path);
  }
  return paths;
}

/**
 * The calibrated quantile function at normal score z: piecewise linear in z through the
 * seven (z_level, quantile) knots, extended linearly beyond the outer ones.
 */
export function quantileAtNormalScore(quantiles: readonly Float64Array[], step: number, z: number): number {
  const k = NORMAL_Z.length;
  let j = 1;
  while (j < k - 1 && z > NORMAL_Z[j]!) j++;
  const za = NORMAL_Z[j - 1]!;
  const zb = NORMAL_Z[j]!;
  const qa = quantiles[j - 1]![step]!;
  const qb = quantiles[j]![step]!;
  return qa + ((z - za) / (zb - za)) * (qb - qa);
}
