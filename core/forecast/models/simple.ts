import { fillMissing } from '../kernels/missing';
import { mean } from '../kernels/stats';
import type { Forecaster, SeriesContext } from '../types';
import { ForecastError } from '../types';
import type { MeanSd } from './common';
import { gaussianFitted, rootMeanSquare } from './common';

/**
 * Benchmarks of Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.)
 * §5.2 and §5.5: naive (random walk), seasonal naive and the moving average, with the
 * textbook forecast standard deviations from one-step residuals.
 */

function requireHistory(y: Float64Array): Float64Array {
  if (y.length === 0) throw new ForecastError('empty history');
  return fillMissing(y);
}

/** Naive: the last value; sd_h = sigma * sqrt(h) with sigma from one-step differences. */
export const naive: Forecaster = {
  name: 'naive',
  params: {},
  fit(history: Float64Array, context: SeriesContext) {
    const y = requireHistory(history);
    const n = y.length;
    const last = y[n - 1]!;
    const diffs = new Float64Array(Math.max(0, n - 1));
    for (let t = 1; t < n; t++) diffs[t - 1] = y[t]! - y[t - 1]!;
    const sigma = n > 1 ? rootMeanSquare(diffs) : Math.abs(last) * 0.5;
    return gaussianFitted('naive', context, { last, sigma }, (h): MeanSd => {
      const m = new Float64Array(h).fill(last);
      const sd = Float64Array.from({ length: h }, (_, i) => sigma * Math.sqrt(i + 1));
      return { mean: m, sd };
    });
  },
};

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
    const diffs = new Float64Array(n - m);
    for (let t = m; t < n; t++) diffs[t - m] = y[t]! - y[t - m]!;
    const sigma = rootMeanSquare(diffs);
    return gaussianFitted('snaive', context, { season: m, sigma }, (h): MeanSd => {
      const mu = new Float64Array(h);
      const sd = new Float64Array(h);
      for (let i = 0; i < h; i++) {
        mu[i] = y[n - m + (i % m)]!;
        sd[i] = sigma * Math.sqrt(Math.floor(i / m) + 1);
      }
      return { mean: mu, sd };
    });
  },
};

/**
 * Moving average of the last `window` values (chosen from a few lengths by the one-step
 * in-sample error when not fixed); flat forecast, sd = sigma * sqrt(1 + 1/window).
 */
export function movingAverage(fixedWindow?: number): Forecaster {
  return {
    name: fixedWindow ? `ma${fixedWindow}` : 'ma',
    params: fixedWindow ? { window: fixedWindow } : {},
    fit(history: Float64Array, context: SeriesContext) {
      const y = requireHistory(history);
      const n = y.length;
      const choices = fixedWindow ? [fixedWindow] : [3, 4, 6, 8, 13, 26, 52];
      let bestWindow = Math.min(n, choices[0]!);
      let bestError = Infinity;
      for (const w of choices) {
        if (w >= n) continue;
        const error = oneStepMovingAverageError(y, w);
        if (error < bestError) {
          bestError = error;
          bestWindow = w;
        }
      }
      const window = Math.min(n, bestWindow);
      const level = mean(y, n - window, n);
      const sigma = Number.isFinite(bestError) ? Math.sqrt(bestError) : Math.abs(level) * 0.5;
      return gaussianFitted('ma', context, { window, level, sigma }, (h): MeanSd => ({
        mean: new Float64Array(h).fill(level),
        sd: new Float64Array(h).fill(sigma * Math.sqrt(1 + 1 / window)),
      }));
    },
  };
}

/** Mean squared one-step error of a trailing moving average of length w. */
function oneStepMovingAverageError(y: Float64Array, w: number): number {
  let windowSum = 0;
  for (let t = 0; t < w; t++) windowSum += y[t]!;
  let sse = 0;
  for (let t = w; t < y.length; t++) {
    const e = y[t]! - windowSum / w;
    sse += e * e;
    windowSum += y[t]! - y[t - w]!;
  }
  return sse / (y.length - w);
}
