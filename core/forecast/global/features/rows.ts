/**
 * One feature row: everything the global models know when predicting period t of a
 * series from the values before t. Training rows and recursive forecasting rows are
 * written by this one function, so they cannot drift apart.
 *
 * Value features and the target are divided by the row's local level (mean |y| over
 * the `levelWindow` periods before t), which lets one model serve series of any
 * volume and lets trees follow trends they could not extrapolate on the raw scale.
 */
import { civilFromDays, dayOfWeek, periodDay, weekOfYear } from './calendar';
import type { SeriesState } from './series-state';
import type { FeatureSpec } from './spec';

/**
 * Local level of period t: the scale of its features and target (always > 0). The mean
 * |y| of the last `levelWindow` periods, but at least a fifth of the mean over four such
 * windows, so a quiet spell does not turn ordinary sales into huge ratios.
 */
export function levelAt(spec: FeatureSpec, state: SeriesState, t: number): number {
  const recent = state.meanAbs(t - spec.levelWindow, t);
  const longer = state.meanAbs(t - 4 * spec.levelWindow, t);
  const level = Math.max(recent > 0 ? recent : 0, longer > 0 ? LEVEL_FLOOR_SHARE * longer : 0);
  if (level > 0) return level;
  const longRun = state.meanAbs(0, t);
  return longRun > 0 ? longRun : 1;
}

const LEVEL_FLOOR_SHARE = 0.2;

/** Writes the row for period t into out[offset..]; returns the level used to scale it. */
export function writeFeatureRow(spec: FeatureSpec, state: SeriesState, t: number, out: Float32Array, offset: number): number {
  const level = levelAt(spec, state, t);
  const values = state.values;
  let k = offset;
  for (const lag of spec.lags) out[k++] = t - lag >= 0 ? values[t - lag]! / level : NaN;
  for (const w of spec.rollingWindows) {
    out[k++] = state.mean(t - w, t) / level;
    out[k++] = state.std(t - w, t) / level;
  }
  out[k++] = state.zeroShare(t - spec.levelWindow, t);
  const lastSale = state.lastSaleBefore(t);
  out[k++] = Math.min(spec.distanceCap, lastSale >= 0 ? t - lastSale : spec.distanceCap);
  out[k++] = Math.log1p(level);
  const longLevel = state.meanAbs(t - 4 * spec.levelWindow, t);
  out[k++] = longLevel > 0 ? level / longLevel : NaN;
  // Capped short: beyond the launch ramp, age would only tell the trees which calendar period a row is from.
  out[k++] = state.firstSale >= 0 && state.firstSale < t ? Math.min(t - state.firstSale, spec.distanceCap) : 0;
  const series = state.series;
  if (spec.calendar) {
    if (series.startDay === undefined) {
      const n = spec.frequency === 'D' ? 4 : spec.frequency === 'W' ? 2 : 1;
      for (let i = 0; i < n; i++) out[k++] = NaN;
    } else {
      const day = periodDay(series.startDay, spec.frequency, t);
      const civil = civilFromDays(day);
      if (spec.frequency === 'D') {
        out[k++] = dayOfWeek(day);
        out[k++] = civil.day;
      }
      if (spec.frequency !== 'M') out[k++] = weekOfYear(day);
      out[k++] = civil.month;
    }
  }
  if (spec.holidays) {
    const holiday = series.holiday;
    out[k++] = holiday && t < holiday.length ? holiday[t]! : NaN;
    out[k++] = holiday && t + 1 < holiday.length ? holiday[t + 1]! : NaN;
    out[k++] = holiday ? periodsToHoliday(holiday, t, spec.distanceCap) : NaN;
    out[k++] = holiday ? periodsSinceHoliday(holiday, t, spec.distanceCap) : NaN;
  }
  if (spec.events) {
    const events = series.eventMultiplier;
    out[k++] = events && t < events.length ? events[t]! : 1;
  }
  if (spec.price) {
    const price = state.priceFilled;
    const now = price && t < price.length ? price[t]! : NaN;
    const before = price && t >= 1 && t - 1 < price.length ? price[t - 1]! : NaN;
    out[k++] = now / state.priceMean;
    out[k++] = now / before - 1;
  }
  out[k++] = state.pattern;
  out[k++] = series.abc ?? NaN;
  for (let c = 0; c < spec.categories.length; c++) out[k++] = series.categories?.[c] ?? NaN;
  return level;
}

function periodsToHoliday(holiday: Uint8Array, t: number, cap: number): number {
  for (let d = 0; d <= cap; d++) if (t + d < holiday.length && holiday[t + d] === 1) return d;
  return cap;
}

function periodsSinceHoliday(holiday: Uint8Array, t: number, cap: number): number {
  for (let d = 1; d <= cap; d++) if (t - d >= 0 && t - d < holiday.length && holiday[t - d] === 1) return d;
  return cap;
}
