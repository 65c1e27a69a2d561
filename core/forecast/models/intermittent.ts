import { countQuantiles } from '../kernels/counts';
import type { RateFit } from '../kernels/intermittent';
import { adidaRate, crostonRate, imapaRate, meanInterval, tsbRate } from '../kernels/intermittent';
import { fillMissing } from '../kernels/missing';
import { seededRng } from '../kernels/rng';
import { allIntegers } from '../kernels/stats';
import type { FittedModel, ForecastOptions, ForecastResult, Forecaster, OriginForecast, SeriesContext } from '../types';
import { QUANTILE_LEVELS } from '../types';
import { gaussianFitted } from './common';

/**
 * Intermittent-demand models: a flat demand rate per period. Demand is any value > 0
 * (returns count as no demand). Integer histories get count quantiles (negative binomial
 * with the rate as mean and the one-step error variance as variance); others Gaussian.
 */

type RateEstimator = (y: Float64Array, n: number) => RateFit;

function countFitted(model: string, context: SeriesContext, fit: RateFit, integer: boolean): FittedModel {
  const variance = Math.max(fit.mse, fit.rate);
  const description = { rate: fit.rate, ...fit.params };
  if (!integer) {
    const sd = Math.sqrt(variance);
    return gaussianFitted(model, context, description, (h) => ({ mean: new Float64Array(h).fill(fit.rate), sd: new Float64Array(h).fill(sd) }));
  }
  const levels = new Float64Array(QUANTILE_LEVELS);
  const perLevel = new Float64Array(levels.length);
  countQuantiles(fit.rate, variance, levels, perLevel);
  return {
    model,
    describe: () => description,
    forecast(h: number, options?: ForecastOptions): ForecastResult {
      const quantiles = Array.from(perLevel, (q) => new Float64Array(h).fill(q));
      const result: ForecastResult = { mean: new Float64Array(h).fill(fit.rate), quantiles, sd: new Float64Array(h).fill(Math.sqrt(variance)) };
      const count = options?.paths ?? 0;
      if (count > 0) {
        const rng = seededRng(options?.seed ?? 1);
        const level = new Float64Array(1);
        const draw = new Float64Array(1);
        result.paths = Array.from({ length: count }, () => {
          const path = new Float64Array(h);
          for (let i = 0; i < h; i++) {
            level[0] = rng();
            countQuantiles(fit.rate, variance, level, draw);
            path[i] = draw[0]!;
          }
          return path;
        });
      }
      return result;
    },
  };
}

/** A demand rate needs the recent past only: a year of days, three of weeks, six of months or quarters, ten of years. */
function rateWindow(context: SeriesContext): number {
  switch (context.frequency) {
    case 'D':
      return 365;
    case 'W':
      return 156;
    case 'M':
      return 72;
    case 'Q':
      return 24;
    case 'Y':
      return 10;
  }
}

function recentEstimate(estimate: RateEstimator, y: Float64Array, n: number, context: SeriesContext): RateFit {
  const start = Math.max(0, n - rateWindow(context));
  return estimate(y.subarray(start, n), n - start);
}

function rateForecaster(name: string, estimate: RateEstimator, params: Record<string, unknown> = {}): Forecaster {
  return {
    name,
    params,
    fit(history: Float64Array, context: SeriesContext) {
      const y = fillMissing(history);
      const fit = y.length > 0 ? recentEstimate(estimate, y, y.length, context) : { rate: 0, mse: 0, params: {} };
      return countFitted(name, context, fit, allIntegers(y));
    },
    forecastFromOrigins(history, context, origins, h): (OriginForecast | undefined)[] {
      const y = fillMissing(history);
      return origins.map((origin) => {
        if (origin < 1) return undefined;
        const fit = recentEstimate(estimate, y, origin, context);
        const sd = Math.sqrt(Math.max(fit.mse, fit.rate));
        return { mean: new Float64Array(h).fill(fit.rate), sd: new Float64Array(h).fill(sd), description: { rate: fit.rate, ...fit.params } };
      });
    },
  };
}

export const croston = rateForecaster('croston', (y, n) => crostonRate(y, n, 0.1, false), { alpha: 0.1 });
export const sba = rateForecaster('sba', (y, n) => crostonRate(y, n, 0.1, true), { alpha: 0.1 });
export const tsb = rateForecaster('tsb', tsbRate);
export const adida = rateForecaster('adida', (y, n) => adidaRate(y, n, Math.round(meanInterval(y, n))));
export const imapa = rateForecaster('imapa', (y, n) => imapaRate(y, n, Math.max(1, Math.round(meanInterval(y, n)))));
