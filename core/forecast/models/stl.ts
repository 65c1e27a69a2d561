import type { EtsFit } from '../kernels/ets';
import { etsForecast, etsState, fitEts } from '../kernels/ets';
import { fillMissing } from '../kernels/missing';
import { stl } from '../kernels/stl';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import { gaussianFitted } from './common';
import { describeEts, etsStartOf, fitAutoEts } from './ets';
import { fitThetaCore, thetaCoreForecast } from './theta';

/**
 * STL decomposition forecasting (R forecast's stlf): decompose with STL (seasonal window
 * 11 as stlf's default), forecast the seasonally adjusted series with a non-seasonal method
 * and add back the last season of the seasonal component. Works for any season length,
 * including 52 weeks where seasonal ETS cannot be fitted. Needs more than two seasons;
 * shorter histories use the inner method on the raw series.
 */
export type StlInner = 'ets' | 'theta' | 'damped' | 'ses';

export interface StlModelOptions {
  inner: StlInner;
  seasonalWindow?: number | 'periodic';
  robust?: boolean;
}

interface Decomposed {
  adjusted: Float64Array;
  seasonal: Float64Array | undefined;
  trend: Float64Array | undefined;
}

export function decompose(y: Float64Array, n: number, m: number, options: Pick<StlModelOptions, 'seasonalWindow' | 'robust'>, memo: Map<string, unknown> | undefined): Decomposed {
  if (m < 2 || n <= 2 * m) return { adjusted: y.subarray(0, n), seasonal: undefined, trend: undefined };
  const key = `stl:${n}:${m}:${options.seasonalWindow ?? 11}:${options.robust ? 1 : 0}`;
  const cached = memo?.get(key) as Decomposed | undefined;
  if (cached) return cached;
  const result = decomposeNow(y, n, m, options);
  memo?.set(key, result);
  return result;
}

function decomposeNow(y: Float64Array, n: number, m: number, options: Pick<StlModelOptions, 'seasonalWindow' | 'robust'>): Decomposed {
  const series = y.subarray(0, n);
  const { seasonal, trend } = stl(series, { period: m, seasonalWindow: options.seasonalWindow ?? 11, robust: options.robust ?? false });
  const adjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) adjusted[t] = series[t]! - seasonal[t]!;
  return { adjusted, seasonal, trend };
}

export interface InnerResult extends OriginForecast {
  fit: EtsFit;
}

export function innerForecast(x: Float64Array, n: number, h: number, inner: StlInner, reuse: EtsFit | undefined, warmStart: EtsFit | undefined): InnerResult {
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  if (inner === 'theta') {
    const core = fitThetaCore(x, n, reuse);
    const r = thetaCoreForecast(core, h);
    return { mean: r.mean, sd: r.sd, fit: core.fit, description: { inner, alpha: core.fit.alpha, drift: core.halfSlope } };
  }
  let fit: EtsFit;
  if (reuse) fit = reuse;
  else if (warmStart) fit = fitEts(x, 0, n, warmStart.trend, { start: etsStartOf(warmStart) });
  else if (inner === 'ses') fit = fitEts(x, 0, n, 'none');
  else fit = inner === 'damped' ? fitEts(x, 0, n, n >= 10 ? 'damped' : 'none') : fitAutoEts(x, n, ['none', 'additive', 'damped']);
  etsForecast(fit, etsState(x, 0, n, fit), h, mean, sd);
  return { mean, sd, fit, description: { inner, ...describeEts(fit) } };
}

function addSeasonal(result: OriginForecast, seasonal: Float64Array | undefined, n: number, m: number, h: number): void {
  if (!seasonal) return;
  for (let i = 0; i < h; i++) result.mean[i] = result.mean[i]! + seasonal[n - m + (i % m)]!;
}

export function stlForecaster(options: StlModelOptions, name = `stl_${options.inner}`): Forecaster {
  return {
    name,
    params: { ...options },
    fit(history: Float64Array, context: SeriesContext) {
      if (history.length === 0) throw new ForecastError('empty history');
      const y = fillMissing(history);
      const n = y.length;
      const m = context.season;
      const { adjusted, seasonal } = decompose(y, n, m, options, context.memo);
      const base = innerForecast(adjusted, n, 1, options.inner, undefined, undefined);
      return gaussianFitted(name, context, { ...base.description, seasonal: seasonal ? 'stl' : 'none' }, (h) => {
        const r = innerForecast(adjusted, n, h, options.inner, base.fit, undefined);
        addSeasonal(r, seasonal, n, m, h);
        return { mean: r.mean, sd: r.sd };
      });
    },
    forecastFromOrigins(history, context, origins, h) {
      const y = fillMissing(history);
      const m = context.season;
      let shared: EtsFit | undefined;
      return origins.map((origin) => {
        if (origin < 1) return undefined;
        if (m >= 2 && origin <= 2 * m) return undefined;
        const { adjusted, seasonal } = decompose(y, origin, m, options, context.memo);
        const final = origin === y.length;
        const r = innerForecast(adjusted, origin, h, options.inner, final ? undefined : shared, final ? shared : undefined);
        shared ??= r.fit;
        addSeasonal(r, seasonal, origin, m, h);
        return { mean: r.mean, sd: r.sd, description: r.description };
      });
    },
  };
}

export const stlEts = stlForecaster({ inner: 'ets' });
export const stlTheta = stlForecaster({ inner: 'theta' });
export const stlDamped = stlForecaster({ inner: 'damped' });
export const stlSes = stlForecaster({ inner: 'ses' });
