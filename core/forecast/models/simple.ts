import { fillMissing } from '../kernels/missing';
import { mean } from '../kernels/stats';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import type { MeanSd } from './common';
import { gaussianFitted, sanitize } from './common';

/**
 * Benchmarks of Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.)
 * §5.2 and §5.5: naive (random walk), seasonal naive and the moving average, with the
 * textbook forecast standard deviations from one-step residuals.
 *
 * Their residual statistics are running sums over the history, so the backtest computes them
 * in one pass over the whole series and reads them off at each origin (`forecastFromOrigins`):
 * the sums at an origin are the same additions in the same order as a fit on that prefix.
 */

function requireHistory(y: Float64Array): Float64Array {
  if (y.length === 0) throw new ForecastError('empty history');
  return fillMissing(y);
}

/**
 * Running root-mean-square statistics of the lag-`lag` differences: after the call,
 * total[n] and count[n] are the sum of squares and number of the finite differences
 * y[t] - y[t - lag] with t < n (as rootMeanSquare adds them).
 */
function runningSquaredDifferences(y: Float64Array, lag: number): { total: Float64Array; count: Int32Array } {
  const n = y.length;
  const total = new Float64Array(n + 1);
  const count = new Int32Array(n + 1);
  let sum = 0;
  let finite = 0;
  for (let t = 0; t < n; t++) {
    if (t >= lag) {
      const v = y[t]! - y[t - lag]!;
      if (Number.isFinite(v)) {
        sum += v * v;
        finite++;
      }
    }
    total[t + 1] = sum;
    count[t + 1] = finite;
  }
  return { total, count };
}

function rootMeanSquareAt(stats: { total: Float64Array; count: Int32Array }, n: number): number {
  const count = stats.count[n]!;
  return count > 0 ? Math.sqrt(stats.total[n]! / count) : 0;
}

/**
 * The backtest fast path: mean and sd at each origin from `atOrigin` (given running
 * statistics of the whole history), sanitised as gaussianFitted's forecasts are. A history
 * with gaps goes through fit() origin by origin, because a prefix fills its gaps differently.
 */
function benchmarkFromOrigins(
  forecaster: Forecaster,
  history: Float64Array,
  context: SeriesContext,
  origins: readonly number[],
  h: number,
  atOrigin: (y: Float64Array) => (n: number, h: number) => MeanSd,
): OriginForecast[] {
  if (origins.some((origin) => origin < 1)) throw new ForecastError('empty history');
  if (fillMissing(history) !== history) {
    return origins.map((origin) => {
      const result = forecaster.fit(history.subarray(0, origin), context).forecast(h);
      return { mean: result.mean, sd: result.sd! };
    });
  }
  const forecastAt = atOrigin(history);
  return origins.map((origin) => sanitize(forecastAt(origin, h), context.allowNegative));
}

function naiveMeanSd(last: number, sigma: number, h: number): MeanSd {
  const m = new Float64Array(h).fill(last);
  const sd = Float64Array.from({ length: h }, (_, i) => sigma * Math.sqrt(i + 1));
  return { mean: m, sd };
}

/** Naive: the last value; sd_h = sigma * sqrt(h) with sigma from one-step differences. */
export const naive: Forecaster = {
  name: 'naive',
  params: {},
  fit(history: Float64Array, context: SeriesContext) {
    const y = requireHistory(history);
    const n = y.length;
    const last = y[n - 1]!;
    const sigma = n > 1 ? rootMeanSquareAt(runningSquaredDifferences(y, 1), n) : Math.abs(last) * 0.5;
    return gaussianFitted('naive', context, { last, sigma }, (h) => naiveMeanSd(last, sigma, h));
  },
  forecastFromOrigins(history, context, origins, h) {
    return benchmarkFromOrigins(naive, history, context, origins, h, (y) => {
      const stats = runningSquaredDifferences(y, 1);
      return (n, steps) => naiveMeanSd(y[n - 1]!, n > 1 ? rootMeanSquareAt(stats, n) : Math.abs(y[n - 1]!) * 0.5, steps);
    });
  },
};

function seasonalNaiveMeanSd(y: Float64Array, n: number, m: number, sigma: number, h: number): MeanSd {
  const mu = new Float64Array(h);
  const sd = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    mu[i] = y[n - m + (i % m)]!;
    sd[i] = sigma * Math.sqrt(Math.floor(i / m) + 1);
  }
  return { mean: mu, sd };
}

/**
 * Seasonal naive: the value one season earlier; sd_h = sigma * sqrt(k + 1) with k the
 * number of whole seasons before step h. Falls back to naive below one full season.
 */
export const seasonalNaive: Forecaster = {
  name: 'snaive',
  params: {},
  fit(history: Float64Array, context: SeriesContext) {
    const m = context.season;
    const y = requireHistory(history);
    const n = y.length;
    if (m < 2 || n < m + 1) return naive.fit(y, context);
    const sigma = rootMeanSquareAt(runningSquaredDifferences(y, m), n);
    return gaussianFitted('snaive', context, { season: m, sigma }, (h) => seasonalNaiveMeanSd(y, n, m, sigma, h));
  },
  forecastFromOrigins(history, context, origins, h) {
    const m = context.season;
    const forecasts = benchmarkFromOrigins(seasonalNaive, history, context, origins, h, (y) => {
      const seasonal = runningSquaredDifferences(y, Math.max(1, m));
      const oneStep = runningSquaredDifferences(y, 1);
      return (n, steps) => {
        if (m < 2 || n < m + 1) return naiveMeanSd(y[n - 1]!, n > 1 ? rootMeanSquareAt(oneStep, n) : Math.abs(y[n - 1]!) * 0.5, steps);
        return seasonalNaiveMeanSd(y, n, m, rootMeanSquareAt(seasonal, n), steps);
      };
    });
    // When a later origin has a full season, the earlier ones forecast nothing instead of
    // the naive fallback, so that the choice judges seasonal naive on its own windows.
    const last = origins[origins.length - 1] ?? 0;
    return m >= 2 && last >= m + 1 ? forecasts.map((f, i) => (origins[i]! < m + 1 ? undefined : f)) : forecasts;
  },
};

/**
 * Moving average of the last `window` values (chosen from a few lengths by the one-step
 * in-sample error when not fixed); flat forecast, sd = sigma * sqrt(1 + 1/window).
 */
export function movingAverage(fixedWindow?: number): Forecaster {
  const choices = fixedWindow ? [fixedWindow] : [3, 4, 6, 8, 13, 26, 52];
  /** The window with the lowest one-step error at history length n (errorOf(w) for w < n), its level and sigma. */
  const chooseWindow = (y: Float64Array, n: number, errorOf: (w: number) => number) => {
    let bestWindow = Math.min(n, choices[0]!);
    let bestError = Infinity;
    for (const w of choices) {
      if (w >= n) continue;
      const error = errorOf(w);
      if (error < bestError) {
        bestError = error;
        bestWindow = w;
      }
    }
    const window = Math.min(n, bestWindow);
    const level = mean(y, n - window, n);
    const sigma = Number.isFinite(bestError) ? Math.sqrt(bestError) : Math.abs(level) * 0.5;
    return { window, level, sigma };
  };
  const flat = (choice: { window: number; level: number; sigma: number }, h: number): MeanSd => ({
    mean: new Float64Array(h).fill(choice.level),
    sd: new Float64Array(h).fill(choice.sigma * Math.sqrt(1 + 1 / choice.window)),
  });
  const forecaster: Forecaster = {
    name: fixedWindow ? `ma${fixedWindow}` : 'ma',
    params: fixedWindow ? { window: fixedWindow } : {},
    fit(history: Float64Array, context: SeriesContext) {
      const y = requireHistory(history);
      const n = y.length;
      const choice = chooseWindow(y, n, (w) => oneStepMovingAverageErrors(y, w)[n]!);
      return gaussianFitted('ma', context, { ...choice }, (h) => flat(choice, h));
    },
    forecastFromOrigins(history, context, origins, h) {
      return benchmarkFromOrigins(forecaster, history, context, origins, h, (y) => {
        const errors = new Map(choices.filter((w) => w < y.length).map((w) => [w, oneStepMovingAverageErrors(y, w)]));
        return (n, steps) => flat(chooseWindow(y, n, (w) => errors.get(w)![n]!), steps);
      });
    },
  };
  return forecaster;
}

/**
 * Mean squared one-step error of a trailing moving average of length w over y[0..n), for
 * every n > w (entry n; the others are NaN): one pass, the errors summed in time order.
 */
function oneStepMovingAverageErrors(y: Float64Array, w: number): Float64Array {
  const errors = new Float64Array(y.length + 1).fill(NaN);
  let windowSum = 0;
  for (let t = 0; t < w; t++) windowSum += y[t]!;
  let sse = 0;
  for (let t = w; t < y.length; t++) {
    const e = y[t]! - windowSum / w;
    sse += e * e;
    windowSum += y[t]! - y[t - w]!;
    errors[t + 1] = sse / (t + 1 - w);
  }
  return errors;
}
