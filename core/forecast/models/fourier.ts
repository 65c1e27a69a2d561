import type { EtsFit } from '../kernels/ets';
import type { FourierFit } from '../kernels/fourier';
import { fitFourier, fourierSeasonal, fourierSeasonalRange } from '../kernels/fourier';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { adjustedInnerForecaster } from './adjusted-inner';
import { errorClipFor, smoothingLossHorizon, smoothingWindow } from './common';
import type { StlInner } from './stl';
import { decompose, innerForecast } from './stl';

/**
 * Harmonic seasonality with a smoothed level (in the spirit of dynamic harmonic regression,
 * Hyndman & Athanasopoulos, FPP3 §10.5): the STL trend is removed, a Fourier series with
 * AICc-chosen harmonics is fitted to what remains, and the series minus that smooth
 * seasonal pattern is forecast by exponential smoothing. The seasonal pattern is smoother
 * than STL's cycle-subseries estimate, and its period can be fractional (52.18 weeks a
 * year), so it makes a good partner to STL in combinations.
 */

/** The Fourier period for a frequency: 365.25 / 7 weeks for weekly data with a yearly season. */
export function fourierPeriod(context: SeriesContext): number {
  if (context.frequency === 'W' && context.season === 52) return 365.25 / 7;
  return context.season;
}

const MAX_HARMONICS = 20;

interface FourierOrigin extends OriginForecast {
  fit: EtsFit;
}

interface FourierAdjusted {
  fit: FourierFit;
  adjusted: Float64Array;
}

/** The Fourier seasonal fit of y[0..n) and the seasonally adjusted series (memoised per series and length). */
function fourierAdjust(y: Float64Array, n: number, context: SeriesContext): FourierAdjusted | undefined {
  const key = `fourier:${n}`;
  const cached = context.memo?.get(key) as FourierAdjusted | null | undefined;
  if (cached !== undefined) return cached ?? undefined;
  const result = fourierAdjustNow(y, n, context);
  context.memo?.set(key, result ?? null);
  return result;
}

function fourierAdjustNow(y: Float64Array, n: number, context: SeriesContext): FourierAdjusted | undefined {
  const m = context.season;
  const { trend, start } = decompose(y, n, m, {}, context.memo);
  if (!trend) return undefined;
  const length = n - start;
  const detrended = new Float64Array(length);
  for (let t = 0; t < length; t++) detrended[t] = y[start + t]! - trend[t]!;
  const period = fourierPeriod(context);
  const fit: FourierFit = fitFourier(detrended, length, period, MAX_HARMONICS, start);
  const adjusted = new Float64Array(length);
  fourierSeasonalRange(fit, start, start + length, adjusted);
  for (let t = 0; t < length; t++) adjusted[t] = y[start + t]! - adjusted[t]!;
  return { fit, adjusted };
}

function forecastAt(y: Float64Array, n: number, context: SeriesContext, h: number, inner: StlInner, reuse: EtsFit | undefined, warm: EtsFit | undefined): FourierOrigin | undefined {
  const seasonal = fourierAdjust(y, n, context);
  if (!seasonal) return undefined;
  const { fit, adjusted } = seasonal;
  const row = new Float64Array(fit.coefficients.length);
  const period = fit.period;
  const r = innerForecast(adjusted, adjusted.length, h, inner, reuse, warm, { memo: context.memo, key: `fourier:${n}`, window: smoothingWindow(context.frequency), clip: errorClipFor(context.frequency), lossHorizon: smoothingLossHorizon(context) });
  for (let i = 0; i < h; i++) r.mean[i] = r.mean[i]! + fourierSeasonal(fit, n + i, row);
  // r and its description are this call's own: extend them rather than copy.
  const description = r.description!;
  description.harmonics = fit.harmonics;
  description.period = period;
  return r;
}

export function fourierForecaster(inner: StlInner, name = `fourier_${inner}`): Forecaster {
  return adjustedInnerForecaster(name, { inner, maxHarmonics: MAX_HARMONICS }, 'fourier seasonality needs more than two seasons of history', (y, n, context, h, reuse, warm) => forecastAt(y, n, context, h, inner, reuse, warm));
}

export const fourierEts = fourierForecaster('ets');
export const fourierTheta = fourierForecaster('theta');
export const fourierSes = fourierForecaster('ses');
export const fourierDamped = fourierForecaster('damped');
