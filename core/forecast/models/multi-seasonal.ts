import type { EtsFit } from '../kernels/ets';
import type { FourierFit } from '../kernels/fourier';
import { fitFourier, fourierSeasonal, fourierSeasonalRange } from '../kernels/fourier';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { adjustedInnerForecaster } from './adjusted-inner';
import { errorClipFor, smoothingLossHorizon, smoothingWindow } from './common';
import type { StlInner } from './stl';
import { classicalSeasonalFigure } from '../kernels/decompose';
import { decompose, decompositionWindow, innerForecast } from './stl';

/**
 * Daily demand with a weekly and a yearly cycle (in the spirit of MSTL, Bandara, Hyndman &
 * Bergmeir 2021, and of TBATS's trigonometric seasonality): STL removes the day-of-week
 * pattern, a Fourier series of period 365.25 days with a linear trend (harmonics by AICc,
 * fitted on the last three years) removes the yearly one, and exponential smoothing follows
 * the remaining level. Series of positive counts are modelled on log(1 + y), where both
 * cycles act multiplicatively, and transformed back with the lognormal mean.
 */

const YEAR_DAYS = 365.25;
const MAX_YEARLY_HARMONICS = 10;
const YEARLY_WINDOW = 3 * 365;

interface Adjusted {
  log: boolean;
  adjusted: Float64Array;
  weekly: Float64Array;
  yearly: FourierFit;
}

function adjust(y: Float64Array, n: number, context: SeriesContext): Adjusted | undefined {
  const key = `mstl:${n}`;
  const cached = context.memo?.get(key) as Adjusted | null | undefined;
  if (cached !== undefined) return cached ?? undefined;
  const result = adjustNow(y, n, context);
  context.memo?.set(key, result ?? null);
  return result;
}

function adjustNow(y: Float64Array, n: number, context: SeriesContext): Adjusted | undefined {
  const m = context.season;
  if (context.frequency !== 'D' || m !== 7 || n < 2 * 365 + 2 * m) return undefined;
  let positive = true;
  let total = 0;
  for (let t = 0; t < n; t++) {
    if (y[t]! < 0) positive = false;
    total += y[t]!;
  }
  // log(1 + y) only where the +1 is small against typical demand.
  const log = positive && total / n >= 5;
  const x = log ? logSeries(y, context).subarray(0, n) : y.subarray(0, n);
  // The day-of-week pattern of the recent window, applied to every day (the yearly fit needs all
  // three years de-weeked, the weekly pattern does not need them): on the raw scale the STL of
  // the STL-based models (shared), on the log scale a classical decomposition (cheap, and the
  // log already steadies the pattern).
  const seasonal = new Float64Array(n);
  if (!log) {
    const recent = decompose(x, n, m, {}, context.memo);
    if (!recent.seasonal) return undefined;
    // Before the window, day t repeats the window's first week: position (t - start) mod m.
    let position = seasonPosition(-recent.start, m);
    for (let t = 0; t < recent.start; t++) {
      seasonal[t] = recent.seasonal[position]!;
      position = position + 1 === m ? 0 : position + 1;
    }
    seasonal.set(recent.seasonal.subarray(0, n - recent.start), recent.start);
  } else {
    const windowStart = Math.max(0, n - decompositionWindow(m));
    const figure = classicalSeasonalFigure(x.subarray(windowStart, n), n - windowStart, m, false);
    let position = seasonPosition(-windowStart, m);
    for (let t = 0; t < n; t++) {
      seasonal[t] = figure[position]!;
      position = position + 1 === m ? 0 : position + 1;
    }
  }
  const deweek = new Float64Array(n);
  for (let t = 0; t < n; t++) deweek[t] = x[t]! - seasonal[t]!;
  const start = Math.max(0, n - YEARLY_WINDOW);
  const yearly = fitFourier(deweek.subarray(start, n), n - start, YEAR_DAYS, MAX_YEARLY_HARMONICS, start, true);
  const adjusted = fourierSeasonalRange(yearly, 0, n, new Float64Array(n));
  for (let t = 0; t < n; t++) adjusted[t] = deweek[t]! - adjusted[t]!;
  return { log, adjusted, weekly: seasonal, yearly };
}

/** t mod m in 0..m-1 for any integer t. */
function seasonPosition(t: number, m: number): number {
  return ((t % m) + m) % m;
}

/** log(1 + y) of the whole history, computed once per series and shared by the origins. */
function logSeries(y: Float64Array, context: SeriesContext): Float64Array {
  const cached = context.memo?.get('log1p') as Float64Array | undefined;
  if (cached && cached.length === y.length) return cached;
  const out = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) out[t] = Math.log1p(y[t]!);
  context.memo?.set('log1p', out);
  return out;
}

interface Result extends OriginForecast {
  fit: EtsFit;
}

function forecastAt(y: Float64Array, n: number, context: SeriesContext, h: number, inner: StlInner, reuse: EtsFit | undefined, warm: EtsFit | undefined): Result | undefined {
  const parts = adjust(y, n, context);
  if (!parts) return undefined;
  const m = context.season;
  const r = innerForecast(parts.adjusted, n, h, inner, reuse, warm, { memo: context.memo, key: 'mstl', window: smoothingWindow(context.frequency), clip: errorClipFor(context.frequency), lossHorizon: smoothingLossHorizon(context) });
  const row = new Float64Array(parts.yearly.coefficients.length);
  for (let i = 0; i < h; i++) {
    const mu = r.mean[i]! + parts.weekly[n - m + (i % m)]! + fourierSeasonal(parts.yearly, n + i, row);
    if (parts.log) {
      // Lognormal mean and sd of exp(N(mu, s^2)) - 1.
      const s2 = r.sd[i]! * r.sd[i]!;
      const mean = Math.exp(mu + s2 / 2);
      r.mean[i] = mean - 1;
      r.sd[i] = mean * Math.sqrt(Math.max(0, Math.expm1(s2)));
    } else r.mean[i] = mu;
  }
  // r and its description are this call's own: extend them rather than copy.
  const description = r.description!;
  description.yearlyHarmonics = parts.yearly.harmonics;
  description.log = parts.log;
  return r;
}

export function multiSeasonalForecaster(inner: StlInner, name = `mstl_${inner}`): Forecaster {
  return adjustedInnerForecaster(name, { inner, yearlyPeriodDays: YEAR_DAYS }, 'a yearly cycle needs daily data and two years of history', (y, n, context, h, reuse, warm) => forecastAt(y, n, context, h, inner, reuse, warm));
}

export const multiSeasonalSes = multiSeasonalForecaster('ses');
export const multiSeasonalDamped = multiSeasonalForecaster('damped');
