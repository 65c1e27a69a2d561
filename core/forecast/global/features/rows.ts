/**
 * One feature row of the direct multi-step strategy: everything known at the forecast
 * origin (the first unknown period) about the target period origin + h − 1, h = 1..H.
 * Training rows and forecasting rows are written by this one function, so they cannot
 * drift apart. One model serves every h, with h as a feature.
 *
 * Value features and the target are divided by the local level at the origin (mean |y|
 * over the `levelWindow` periods before it), which lets one model serve series of any
 * volume and lets trees follow trends they could not extrapolate on the raw scale.
 */
import { civilFromDays, dayOfWeek, periodDay, weekOfYear } from './calendar';
import type { SeriesState } from './series-state';
import type { FeatureSpec } from './spec';
import { calendarWidth, hasWeekOfYear } from './spec';

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

/** Period offset of a target lag for step h: moved back by whole seasons until it is before the origin. */
export function effectiveTargetLag(lag: number, h: number, season: number): number {
  let offset = lag;
  const step = Math.max(1, season);
  while (offset < h) offset += step;
  return offset;
}

/**
 * Writes the row for step h (1-based) from `origin` (number of known periods) into
 * out[offset..]; returns the origin level that scales it.
 */
export function writeFeatureRow(
  spec: FeatureSpec,
  state: SeriesState,
  origin: number,
  h: number,
  out: Float32Array,
  offset: number,
): number {
  const level = writeOriginColumns(spec, state, origin, out, offset);
  writeStepColumns(spec, state, origin, h, level, out, offset);
  return level;
}

/**
 * The rows for steps 1..steps from one origin, `nFeatures` apart from `offset`: the
 * columns that depend only on the origin (most of them) are computed once and copied.
 * Same values as writeFeatureRow per step.
 */
export function writeFeatureRows(
  spec: FeatureSpec,
  state: SeriesState,
  origin: number,
  steps: number,
  out: Float32Array,
  offset: number,
  nFeatures: number,
): number {
  const level = writeFeatureRow(spec, state, origin, 1, out, offset);
  for (let h = 2; h <= steps; h++) {
    const at = offset + (h - 1) * nFeatures;
    out.copyWithin(at, offset, offset + nFeatures);
    writeStepColumns(spec, state, origin, h, level, out, at);
  }
  return level;
}

/** Column of the first calendar feature (after h, lags, target lags, rolling stats and five series stats). */
function stepBlockColumn(spec: FeatureSpec): number {
  return 1 + spec.lags.length + spec.targetLags.length + 2 * spec.rollingWindows.length + 5;
}

/** Columns that depend on the origin only: lags, rolling stats, series stats, pattern, codes. */
function writeOriginColumns(spec: FeatureSpec, state: SeriesState, origin: number, out: Float32Array, offset: number): number {
  const level = levelAt(spec, state, origin);
  const values = state.values;
  let k = offset + 1;
  for (const lag of spec.lags) out[k++] = origin - lag >= 0 ? values[origin - lag]! / level : NaN;
  k += spec.targetLags.length;
  for (const w of spec.rollingWindows) {
    out[k++] = state.mean(origin - w, origin) / level;
    out[k++] = state.std(origin - w, origin) / level;
  }
  out[k++] = state.zeroShare(origin - spec.levelWindow, origin);
  const lastSale = state.lastSaleBefore(origin);
  out[k++] = Math.min(spec.distanceCap, lastSale >= 0 ? origin - lastSale : spec.distanceCap);
  out[k++] = Math.log1p(level);
  const longLevel = state.meanAbs(origin - 4 * spec.levelWindow, origin);
  out[k++] = longLevel > 0 ? level / longLevel : NaN;
  // Capped short: beyond the launch ramp, age would only tell the trees which calendar period a row is from.
  out[k++] = state.firstSale >= 0 && state.firstSale < origin ? Math.min(origin - state.firstSale, spec.distanceCap) : 0;
  k += stepBlockWidth(spec);
  out[k++] = state.patternBefore(origin);
  const series = state.series;
  out[k++] = series.abc ?? NaN;
  for (let c = 0; c < spec.categories.length; c++) out[k++] = series.categories?.[c] ?? NaN;
  return level;
}

function stepBlockWidth(spec: FeatureSpec): number {
  let width = 0;
  if (spec.calendar) width += calendarWidth(spec.frequency);
  if (spec.holidays) width += 4;
  if (spec.events) width += 1;
  if (spec.price) width += 2;
  return width;
}

/** Columns that depend on the step h: h itself, target lags, and the target period's calendar, holidays, events and price. */
function writeStepColumns(spec: FeatureSpec, state: SeriesState, origin: number, h: number, level: number, out: Float32Array, offset: number): void {
  const values = state.values;
  const target = origin + h - 1;
  out[offset] = h;
  let k = offset + 1 + spec.lags.length;
  for (const lag of spec.targetLags) {
    const from = target - effectiveTargetLag(lag, h, spec.season);
    out[k++] = from >= 0 ? values[from]! / level : NaN;
  }
  k = offset + stepBlockColumn(spec);
  const t = target;
  const series = state.series;
  if (spec.calendar) {
    if (series.startDay === undefined) {
      for (let i = calendarWidth(spec.frequency); i > 0; i--) out[k++] = NaN;
    } else {
      const day = periodDay(series.startDay, spec.frequency, t);
      const civil = civilFromDays(day);
      if (spec.frequency === 'D') {
        out[k++] = dayOfWeek(day);
        out[k++] = civil.day;
      }
      if (hasWeekOfYear(spec.frequency)) out[k++] = weekOfYear(day);
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
    out[k++] = now / state.priceMeanBefore(origin);
    out[k++] = now / before - 1;
  }
}

function periodsToHoliday(holiday: Uint8Array, t: number, cap: number): number {
  for (let d = 0; d <= cap; d++) if (t + d < holiday.length && holiday[t + d] === 1) return d;
  return cap;
}

function periodsSinceHoliday(holiday: Uint8Array, t: number, cap: number): number {
  for (let d = 1; d <= cap; d++) if (t - d >= 0 && t - d < holiday.length && holiday[t - d] === 1) return d;
  return cap;
}

export type ErrorScaleKind = 'level' | 'noise';

/**
 * Scale that divides forecast errors before their quantiles are pooled across series.
 * 'level': the origin level. 'noise': the mean absolute one-period change over the
 * last 4·levelWindow periods (the naive forecast's error, as in the MASE scale), so
 * erratic series get wider intervals than smooth ones of the same volume; floored at
 * 5% of the level.
 */
export function errorScaleAt(spec: FeatureSpec, state: SeriesState, origin: number, kind: ErrorScaleKind): number {
  const level = levelAt(spec, state, origin);
  if (kind === 'level') return level;
  const values = state.values;
  let sum = 0;
  let n = 0;
  for (let t = Math.max(1, origin - 4 * spec.levelWindow); t < origin; t++) {
    const d = values[t]! - values[t - 1]!;
    if (d === d) {
      sum += Math.abs(d);
      n++;
    }
  }
  return n > 0 ? Math.max(sum / n, NOISE_FLOOR_SHARE * level) : level;
}

const NOISE_FLOOR_SHARE = 0.05;
