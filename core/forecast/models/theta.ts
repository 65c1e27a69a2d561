import { classicalSeasonalFigure, isSeasonal } from '../kernels/decompose';
import type { EtsFit } from '../kernels/ets';
import { etsState, fitEts, withErrorClip } from '../kernels/ets';
import { fillMissing } from '../kernels/missing';
import { linearTrend } from '../kernels/stats';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import { errorClipFor, gaussianFitted, smoothingLossHorizon, smoothingWindow } from './common';
import { rawSesFit } from './ets';

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah
 * (2003): simple exponential smoothing plus half the slope of the linear trend,
 *   f_h = l_n + (b / 2) * (h - 1 + (1 - (1 - alpha)^n) / alpha),
 * on the seasonally adjusted series when the thetaf seasonality test says so (classical
 * multiplicative decomposition; additive when the series is not strictly positive).
 * Standard deviation as thetaf: sigma * sqrt(1 + (h - 1) alpha^2). The theta lines (level,
 * alpha and drift) are fitted on the last smoothingWindow periods of the adjusted series, as
 * stl_theta's are; the seasonality test and figure use the whole history. On M4 weekly
 * (up to 312 weeks) that took OWA 0.7298 -> 0.7257; m5 SPL 0.3774 -> 0.3773.
 */
export interface ThetaCore {
  fit: EtsFit;
  level: number;
  halfSlope: number;
  n: number;
}

/** Fits the theta lines to an (adjusted) series x[0..n); reuses alpha when given. */
export function fitThetaCore(x: Float64Array, n: number, reuse?: EtsFit, clip = Infinity, lossHorizon = 1): ThetaCore {
  const fit = reuse ?? withErrorClip(fitEts(x, 0, n, 'none', { lossHorizon }), clip);
  const level = etsState(x, 0, n, fit).level;
  const halfSlope = n > 1 ? linearTrend(x, 0, n).slope / 2 : 0;
  return { fit, level, halfSlope, n };
}

export function thetaCoreForecast(core: ThetaCore, h: number): { mean: Float64Array; sd: Float64Array } {
  const alpha = Math.max(1e-10, core.fit.alpha);
  const offset = (1 - Math.pow(1 - alpha, core.n)) / alpha;
  const sigma = Math.sqrt(core.fit.sigma2);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    mean[i] = core.level + core.halfSlope * (i + offset);
    sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
  }
  return { mean, sd };
}

interface Adjustment {
  figure: Float64Array | undefined;
  multiplicative: boolean;
}

function seasonalAdjustment(y: Float64Array, n: number, m: number): Adjustment {
  if (m < 2 || !isSeasonal(y, n, m)) return { figure: undefined, multiplicative: false };
  let positive = true;
  for (let t = 0; t < n; t++) if (!(y[t]! > 0)) positive = false;
  const figure = classicalSeasonalFigure(y, n, m, positive);
  if (positive) for (let k = 0; k < m; k++) if (Math.abs(figure[k]!) < 1e-4) return { figure: undefined, multiplicative: false };
  return { figure, multiplicative: positive };
}

function thetaAt(y: Float64Array, n: number, m: number, h: number, reuse?: EtsFit, clip = Infinity, window = Infinity, memo?: Map<string, unknown>, lossHorizon = 1): OriginForecast & { fit: EtsFit } {
  const adjustment = seasonalAdjustment(y, n, m);
  const { figure, multiplicative } = adjustment;
  let x = y;
  if (figure) {
    x = new Float64Array(n);
    for (let t = 0; t < n; t++) x[t] = multiplicative ? y[t]! / figure[t % m]! : y[t]! - figure[t % m]!;
  }
  const from = n > window ? n - window : 0;
  // Without a seasonal figure x is the series itself: its SES fit is the ets model's (shared through the memo).
  const fit = reuse ?? (figure ? undefined : withErrorClip(rawSesFit(y, from, n, memo, lossHorizon), clip));
  const core = fitThetaCore(x.subarray(from, n), n - from, fit, clip, lossHorizon);
  const { mean, sd } = thetaCoreForecast(core, h);
  if (figure) {
    for (let i = 0; i < h; i++) {
      const s = figure[(n + i) % m]!;
      mean[i] = multiplicative ? mean[i]! * s : mean[i]! + s;
      if (multiplicative) sd[i] = sd[i]! * s;
    }
  }
  return {
    mean,
    sd,
    fit: core.fit,
    description: { alpha: core.fit.alpha, drift: core.halfSlope, seasonal: figure ? (multiplicative ? 'multiplicative' : 'additive') : 'none' },
  };
}

export const theta: Forecaster = {
  name: 'theta',
  params: {},
  fit(history: Float64Array, context: SeriesContext) {
    if (history.length === 0) throw new ForecastError('empty history');
    const y = fillMissing(history);
    const n = y.length;
    const cache = new Map<number, OriginForecast>();
    const at = (h: number) => {
      let r = cache.get(h);
      if (!r) {
        r = thetaAt(y, n, context.season, h, undefined, errorClipFor(context.frequency), smoothingWindow(context.frequency), undefined, smoothingLossHorizon(context));
        cache.set(h, r);
      }
      return r;
    };
    return gaussianFitted('theta', context, at(1).description ?? {}, (h) => {
      const r = at(h);
      return { mean: Float64Array.from(r.mean), sd: Float64Array.from(r.sd) };
    });
  },
  forecastFromOrigins(history, context, origins, h) {
    const y = fillMissing(history);
    let shared: EtsFit | undefined;
    return origins.map((origin) => {
      if (origin < 1) return undefined;
      const r = thetaAt(y, origin, context.season, h, origin === y.length ? undefined : shared, errorClipFor(context.frequency), smoothingWindow(context.frequency), context.memo, smoothingLossHorizon(context));
      shared ??= r.fit;
      return { mean: r.mean, sd: r.sd, description: r.description };
    });
  },
};
