import type { EtsFit, EtsStart, EtsTrend } from '../kernels/ets';
import { autoEts, etsForecast, etsState, fitEts, withErrorClip } from '../kernels/ets';
import { fillMissing } from '../kernels/missing';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import { errorClipFor, gaussianFitted, smoothingLossHorizon, smoothingWindow } from './common';

/**
 * Non-seasonal exponential smoothing with automatic choice among SES, Holt and damped
 * trend by AICc (R forecast's ets(model = "ZZN") restricted to additive errors), fitted on
 * the most recent smoothingWindow periods like the inner fits of the seasonal models (on
 * M4 weekly, fitting 156 instead of up to 312 weeks took OWA 0.733 -> 0.730; daily series,
 * 180 instead of up to 1,095 days, cost a quarter as much and forecast the same).
 */
export function describeEts(fit: EtsFit): Record<string, unknown> {
  return {
    trend: fit.trend,
    alpha: round(fit.alpha),
    beta: round(fit.beta),
    phi: round(fit.phi),
    aicc: round(fit.aicc),
    sigma: round(Math.sqrt(fit.sigma2)),
  };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function etsStartOf(fit: EtsFit): EtsStart {
  return { alpha: fit.alpha, betaShare: fit.alpha > 0 ? Math.min(0.9999, fit.beta / fit.alpha) : 0.1, phi: fit.phi };
}

/** Fits y[from..n) choosing the trend type; short series get SES only. With a memo, the SES fit is shared (rawSesFit). */
export function fitAutoEts(y: Float64Array, n: number, trends: readonly EtsTrend[], starts?: Partial<Record<EtsTrend, EtsStart>>, from = 0, memo?: Map<string, unknown>, lossHorizon = 1): EtsFit {
  const allowed = n - from >= 10 ? trends : trends.filter((t) => t === 'none');
  return autoEts(y, from, n, allowed.length ? allowed : ['none'], starts, (trend, options) => (trend === 'none' ? rawSesFit(y, from, n, memo, lossHorizon) : fitEts(y, from, n, trend, options)));
}

/**
 * Simple exponential smoothing fitted to the series itself (not an adjusted one), y[from..to),
 * without error clip: ets and theta (on a series without a significant season) fit the same
 * one on the same window, so the series memo keeps it for the other.
 */
export function rawSesFit(y: Float64Array, from: number, to: number, memo: Map<string, unknown> | undefined, lossHorizon = 1): EtsFit {
  const key = `ses-raw|${from}|${to}|${lossHorizon}`;
  const cached = memo?.get(key) as EtsFit | undefined;
  if (cached) return cached;
  const fit = fitEts(y, from, to, 'none', { lossHorizon });
  memo?.set(key, fit);
  return fit;
}

/** Where a fit on y[0..n) starts with at most `window` periods. */
function windowStart(n: number, window: number): number {
  return n > window ? n - window : 0;
}

/**
 * Forecasts from several origins of the same series: parameters are estimated once at the
 * first origin and the state is filtered forward to the later ones; the final origin
 * (the whole history) gets a fresh fit started from the first one's parameters.
 */
export function etsFromOrigins(
  y: Float64Array,
  origins: readonly number[],
  h: number,
  trends: readonly EtsTrend[],
  clip = Infinity,
  window = Infinity,
  memo?: Map<string, unknown>,
  lossHorizon = 1,
): (OriginForecast | undefined)[] {
  const results: (OriginForecast | undefined)[] = [];
  let shared: EtsFit | undefined;
  let sharedFrom = 0;
  for (const origin of origins) {
    if (origin < 1) {
      results.push(undefined);
      continue;
    }
    let fit: EtsFit;
    let from = windowStart(origin, window);
    if (!shared) {
      fit = withErrorClip(fitAutoEts(y, origin, trends, undefined, from, memo, lossHorizon), clip);
      shared = fit;
      sharedFrom = from;
    } else if (origin === y.length) {
      // (A fit without trend ignores the start: it is the shared SES fit.)
      fit = withErrorClip(shared.trend === 'none' ? rawSesFit(y, from, origin, memo, lossHorizon) : fitEts(y, from, origin, shared.trend, { start: etsStartOf(shared) }), clip);
    } else {
      fit = shared;
      from = sharedFrom;
    }
    const mean = new Float64Array(h);
    const sd = new Float64Array(h);
    etsForecast(fit, etsState(y, from, origin, fit), h, mean, sd);
    results.push({ mean, sd, description: describeEts(fit) });
  }
  return results;
}

export function etsForecaster(trends: readonly EtsTrend[] = ['none', 'additive', 'damped'], name = 'ets'): Forecaster {
  return {
    name,
    params: { trends: [...trends] },
    fit(history: Float64Array, context: SeriesContext) {
      if (history.length === 0) throw new ForecastError('empty history');
      const y = fillMissing(history);
      const from = windowStart(y.length, smoothingWindow(context.frequency));
      const fit = withErrorClip(fitAutoEts(y, y.length, trends, undefined, from, undefined, smoothingLossHorizon(context)), errorClipFor(context.frequency));
      const state = etsState(y, from, y.length, fit);
      return gaussianFitted(name, context, describeEts(fit), (h) => {
        const mean = new Float64Array(h);
        const sd = new Float64Array(h);
        etsForecast(fit, state, h, mean, sd);
        return { mean, sd };
      });
    },
    forecastFromOrigins(history, context, origins, h) {
      return etsFromOrigins(fillMissing(history), origins, h, trends, errorClipFor(context.frequency), smoothingWindow(context.frequency), context.memo, smoothingLossHorizon(context));
    },
  };
}

export const ets = etsForecaster();
export const ses = etsForecaster(['none'], 'ses');
export const holt = etsForecaster(['additive'], 'holt');
export const dampedTrend = etsForecaster(['damped'], 'damped');
