import type { EtsFit, EtsTrend } from '../kernels/ets';
import { etsForecast, etsState, fitEts, withErrorClip } from '../kernels/ets';
import { fillMissing } from '../kernels/missing';
import { stl } from '../kernels/stl';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import { errorClipFor, gaussianFitted, smoothingLossHorizon, smoothingWindow } from './common';
import { describeEts, etsStartOf } from './ets';
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

/**
 * The STL components of y[start..n): arrays are indexed from `start` (adjusted[i] belongs to
 * period start + i). Short seasons are decomposed over their last DECOMPOSITION_WINDOW
 * periods only (a year of days says all there is about the day-of-week pattern), which
 * keeps long daily histories cheap.
 */
export interface Decomposed {
  start: number;
  adjusted: Float64Array;
  seasonal: Float64Array | undefined;
  trend: Float64Array | undefined;
}

/** Periods decomposed at most: ten seasons, and at least about a year of days. */
export function decompositionWindow(m: number): number {
  return Math.max(10 * m, 400);
}

export function decompose(y: Float64Array, n: number, m: number, options: Pick<StlModelOptions, 'seasonalWindow' | 'robust'>, memo: Map<string, unknown> | undefined): Decomposed {
  if (m < 2 || n <= 2 * m) return { start: 0, adjusted: y.subarray(0, n), seasonal: undefined, trend: undefined };
  const key = `stl:${n}:${m}:${options.seasonalWindow ?? 11}:${options.robust ? 1 : 0}`;
  const cached = memo?.get(key) as Decomposed | undefined;
  if (cached) return cached;
  const result = decomposeNow(y, n, m, options);
  memo?.set(key, result);
  return result;
}

function decomposeNow(y: Float64Array, n: number, m: number, options: Pick<StlModelOptions, 'seasonalWindow' | 'robust'>): Decomposed {
  const start = Math.max(0, n - decompositionWindow(m));
  const series = y.subarray(start, n);
  const { seasonal, trend } = stl(series, { period: m, seasonalWindow: options.seasonalWindow ?? 11, robust: options.robust ?? false });
  const adjusted = new Float64Array(series.length);
  for (let t = 0; t < series.length; t++) adjusted[t] = series[t]! - seasonal[t]!;
  return { start, adjusted, seasonal, trend };
}

export interface InnerResult extends OriginForecast {
  fit: EtsFit;
}

/**
 * Where an inner fit may be shared: models that adjust the same series the same way (e.g.
 * stl_ets, stl_damped, stl_ses and stl_theta all smooth the STL-adjusted series) reuse each
 * other's ETS fits through the series memo under `key` (what was adjusted, e.g. "stl").
 */
export interface FitSharing {
  memo: Map<string, unknown> | undefined;
  key: string;
  /** Fit on at most this many recent periods (see smoothingWindow). */
  window?: number;
  /** Robust state filter clip in residual sds (see errorClipFor). */
  clip?: number;
  /** Loss horizon of level-only fits (see smoothingLossHorizon). */
  lossHorizon?: number;
}

function sharedFit(sharing: FitSharing | undefined, x: Float64Array, n: number, trend: EtsTrend, warmStart: EtsFit | undefined): EtsFit {
  const memoKey = sharing ? `ets|${sharing.key}|${n}|${trend}|${warmStart ? 'warm' : 'cold'}` : '';
  const cached = sharing?.memo?.get(memoKey) as EtsFit | undefined;
  if (cached) return cached;
  const lossHorizon = sharing?.lossHorizon ?? 1;
  const fit = withErrorClip(fitEts(x, fitStart(sharing, n), n, trend, warmStart ? { start: etsStartOf(warmStart), lossHorizon } : { lossHorizon }), sharing?.clip ?? Infinity);
  sharing?.memo?.set(memoKey, fit);
  return fit;
}

function fitStart(sharing: FitSharing | undefined, n: number): number {
  return sharing?.window && n > sharing.window ? n - sharing.window : 0;
}

export function innerForecast(
  x: Float64Array,
  n: number,
  h: number,
  inner: StlInner,
  reuse: EtsFit | undefined,
  warmStart: EtsFit | undefined,
  sharing?: FitSharing,
): InnerResult {
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const from = fitStart(sharing, n);
  if (inner === 'theta') {
    const core = fitThetaCore(x.subarray(from, n), n - from, reuse ?? sharedFit(sharing, x, n, 'none', undefined));
    const r = thetaCoreForecast(core, h);
    return { mean: r.mean, sd: r.sd, fit: core.fit, description: { inner, alpha: core.fit.alpha, drift: core.halfSlope } };
  }
  let fit: EtsFit;
  if (reuse) fit = reuse;
  else if (warmStart) fit = sharedFit(sharing, x, n, warmStart.trend, warmStart.trend === 'none' ? undefined : warmStart);
  else if (inner === 'ses' || n < 10) fit = sharedFit(sharing, x, n, 'none', undefined);
  else if (inner === 'damped') fit = sharedFit(sharing, x, n, 'damped', undefined);
  else {
    // Automatic choice by AICc among the three trend types (as fitAutoEts), from shared fits.
    fit = sharedFit(sharing, x, n, 'none', undefined);
    for (const trend of ['additive', 'damped'] as const) {
      const candidate = sharedFit(sharing, x, n, trend, undefined);
      if (candidate.aicc < fit.aicc) fit = candidate;
    }
  }
  etsForecast(fit, etsState(x, from, n, fit), h, mean, sd);
  return { mean, sd, fit, description: { inner, ...describeEts(fit) } };
}

function sharingKey(context: SeriesContext, options: StlModelOptions, origin: number): FitSharing {
  // The adjusted series' length alone does not identify it once windows start later: key on the origin.
  return {
    memo: context.memo,
    key: `stl:${options.seasonalWindow ?? 11}:${options.robust ? 1 : 0}:${origin}`,
    window: smoothingWindow(context.frequency),
    clip: errorClipFor(context.frequency),
    lossHorizon: smoothingLossHorizon(context),
  };
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
      const length = adjusted.length;
      const base = innerForecast(adjusted, length, 1, options.inner, undefined, undefined, { memo: undefined, key: 'fit', lossHorizon: smoothingLossHorizon(context) });
      return gaussianFitted(name, context, { ...base.description, seasonal: seasonal ? 'stl' : 'none' }, (h) => {
        const r = innerForecast(adjusted, length, h, options.inner, base.fit, undefined);
        addSeasonal(r, seasonal, length, m, h);
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
        const length = adjusted.length;
        const r = innerForecast(adjusted, length, h, options.inner, final ? undefined : shared, final ? shared : undefined, sharingKey(context, options, origin));
        shared ??= r.fit;
        addSeasonal(r, seasonal, length, m, h);
        return { mean: r.mean, sd: r.sd, description: r.description };
      });
    },
  };
}

export const stlEts = stlForecaster({ inner: 'ets' });
export const stlTheta = stlForecaster({ inner: 'theta' });
export const stlDamped = stlForecaster({ inner: 'damped' });
export const stlSes = stlForecaster({ inner: 'ses' });
