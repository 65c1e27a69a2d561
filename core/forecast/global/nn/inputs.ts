/**
 * Inputs of the global neural network: a window of recent values and the known
 * covariates of the H target periods, all values scaled by the origin level (the same
 * level as the tree model's, features/rows.ts). One row per (series, origin); the
 * network outputs every step at once (direct multi-horizon, as in MQ-CNN/N-BEATS).
 */
import type { Frequency } from '../../types';
import { civilFromDays, dayOfWeek, dayOfYear, periodDay } from '../features/calendar';
import { levelAt } from '../features/rows';
import type { FeatureSpec } from '../features/spec';
import { defaultFeatureSpec } from '../features/spec';
import type { SeriesState } from '../features/series-state';

export interface NnInputSpec {
  frequency: Frequency;
  season: number;
  horizon: number;
  /** Recent values fed to the network (a season plus the horizon by default). */
  window: number;
  /** Offset of a second window aligned with the targets one year back (daily: 364), 0 = none. */
  yearlyOffset: number;
  levelWindow: number;
  calendar: boolean;
  holidays: boolean;
  price: boolean;
}

export function defaultNnInputSpec(
  frequency: Frequency,
  season: number,
  horizon: number,
  options: { calendar?: boolean; holidays?: boolean; price?: boolean } = {},
): NnInputSpec {
  // A yearly season is one period: a few years of values instead.
  const window = frequency === 'D' ? 4 * season + horizon : frequency === 'Y' ? Math.max(season, 5) + horizon : season + horizon;
  return {
    frequency,
    season,
    horizon,
    window,
    yearlyOffset: frequency === 'D' ? 364 : 0,
    levelWindow: defaultFeatureSpec(frequency, season).levelWindow,
    calendar: options.calendar ?? true,
    holidays: options.holidays ?? false,
    price: options.price ?? false,
  };
}

export function nnInputSize(spec: NnInputSpec): number {
  const H = spec.horizon;
  return spec.window + (spec.yearlyOffset > 0 ? H : 0) + 3 + (spec.calendar ? 4 : 0) + (spec.holidays ? H : 0) + (spec.price ? H : 0);
}

/** The level function shared with the tree model (only its window matters here). */
function levelSpec(spec: NnInputSpec): FeatureSpec {
  return {
    frequency: spec.frequency,
    season: spec.season,
    lags: [],
    targetLags: [],
    rollingWindows: [],
    levelWindow: spec.levelWindow,
    distanceCap: 0,
    calendar: false,
    holidays: false,
    events: false,
    price: false,
    categories: [],
  };
}

export function nnLevelAt(spec: NnInputSpec, state: SeriesState, origin: number): number {
  return levelAt(levelSpec(spec), state, origin);
}

/**
 * Writes the input row for a forecast from `origin` into out[offset..]; returns the
 * level. Missing values become 0 (a network needs numbers); the value window is
 * zero-padded before the series starts.
 */
export function writeNnInput(spec: NnInputSpec, state: SeriesState, origin: number, out: Float32Array, offset: number): number {
  const level = nnLevelAt(spec, state, origin);
  const values = state.values;
  const H = spec.horizon;
  let k = offset;
  for (let i = spec.window; i >= 1; i--) {
    const t = origin - i;
    const v = t >= 0 ? values[t]! : NaN;
    out[k++] = v === v ? v / level : 0;
  }
  if (spec.yearlyOffset > 0) {
    for (let h = 0; h < H; h++) {
      const t = origin + h - spec.yearlyOffset;
      const v = t >= 0 && t < origin ? values[t]! : NaN;
      out[k++] = v === v ? v / level : 0;
    }
  }
  out[k++] = Math.log1p(level) / 10;
  const zeroShare = state.zeroShare(origin - spec.levelWindow, origin);
  out[k++] = zeroShare === zeroShare ? zeroShare : 0;
  out[k++] = Math.min(origin, 4 * Math.max(spec.season, 13)) / (4 * Math.max(spec.season, 13));
  const series = state.series;
  if (spec.calendar) {
    if (series.startDay === undefined) {
      for (let i = 0; i < 4; i++) out[k++] = 0;
    } else {
      // Day of the first target period, as two cycles (year, and week or month).
      const day = periodDay(series.startDay, spec.frequency, origin);
      const yearAngle = (2 * Math.PI * (dayOfYear(day) - 1)) / 365.25;
      const shortAngle =
        spec.frequency === 'D' ? (2 * Math.PI * dayOfWeek(day)) / 7 : (2 * Math.PI * (civilFromDays(day).day - 1)) / 31;
      out[k++] = Math.sin(yearAngle);
      out[k++] = Math.cos(yearAngle);
      out[k++] = Math.sin(shortAngle);
      out[k++] = Math.cos(shortAngle);
    }
  }
  if (spec.holidays) {
    const holiday = series.holiday;
    for (let h = 0; h < H; h++) out[k++] = holiday && origin + h < holiday.length ? holiday[origin + h]! : 0;
  }
  if (spec.price) {
    const price = state.priceFilled;
    for (let h = 0; h < H; h++) {
      const p = price && origin + h < price.length ? price[origin + h]! / state.priceMeanBefore(origin) : NaN;
      out[k++] = p === p && Number.isFinite(p) ? p - 1 : 0;
    }
  }
  return level;
}
