/**
 * Unusual sales in a weekly series (PRODUCT.md §10, issue 6): actuals outside the 95% band
 * of the one-step-ahead forecast that do not repeat the same weeks of last year (the
 * season is not a surprise), and sudden level shifts.
 *
 * One-step-ahead forecast of week t: the median of the previous LEVEL_WEEKS valid weeks (a
 * local level that one spike cannot drag along, unlike exponential smoothing).
 * Its 95% band is the wider of two: level ± 1.96·σ, with σ the robust standard deviation
 * (IQR / 1.349) of the one-step errors over the previous SCALE_WEEKS weeks; and the central
 * 95% of a Poisson count at that level, which keeps slow sellers (one or two a week) from
 * raising an alarm at every sale. Where most weeks sell nothing (a median level below 1) the
 * median says 0 and a Poisson(0) band would call every sale unusual, so the count band is
 * the central 95% of a negative binomial with the mean and variance of the previous
 * SCALE_WEEKS weeks instead: a part that sells 4 to 8 now and then is not unusual when it
 * sells 6, but is at 40. Weeks marked as one-offs, censored weeks (out of stock)
 * and weeks without data are NaN: they are neither judged nor used to judge others.
 *
 * Level shift: the median of the last w weeks (w = 4..8) against the median of the 26
 * weeks before them; a shift when the gap is over 4 standard errors of that difference
 * (the standard error of a median is about 1.2533·σ/√n), at least 30% of the old level,
 * at least 3 in 4 of the recent weeks sit on the new side of the old level, and the window's
 * first week is already past halfway (so the reported start is where the level changed).
 */
import { countQuantiles } from '../forecast/kernels/counts';
import { poissonQuantile } from '../overrides/poisson';
import { lastFinite, median, robustSd } from './robust';

export const LEVEL_WEEKS = 8;
export const SCALE_WEEKS = 26;
const Z95 = 1.959964;

export interface Band {
  forecast: number;
  lower: number;
  upper: number;
}

/** The one-step-ahead forecast and 95% band of every week (null where history is too short). */
export function oneStepBands(y: ArrayLike<number>): Array<Band | null> {
  const n = y.length;
  const forecasts = new Float64Array(n).fill(NaN);
  const errors = new Float64Array(n).fill(NaN);
  const bands: Array<Band | null> = new Array<Band | null>(n).fill(null);
  for (let t = 0; t < n; t++) {
    const previous = lastFinite(y, t, LEVEL_WEEKS);
    if (previous.length < LEVEL_WEEKS) continue;
    const level = median(previous);
    forecasts[t] = level;
    const pastErrors = lastFinite(errors, t, SCALE_WEEKS);
    // Until enough errors exist, the spread of the recent weeks themselves stands in.
    const sigma = pastErrors.length >= LEVEL_WEEKS ? robustSd(pastErrors) : robustSd(previous);
    const spread = Number.isFinite(sigma) ? sigma : 0;
    const normalLower = level - Z95 * spread;
    const normalUpper = level + Z95 * spread;
    let countLower = poissonQuantile(level, 0.025);
    let countUpper = poissonQuantile(level, 0.975);
    if (level < 1) [countLower, countUpper] = sparseCountBand(lastFinite(y, t, SCALE_WEEKS));
    bands[t] = { forecast: level, lower: Math.max(0, Math.min(normalLower, countLower)), upper: Math.max(normalUpper, countUpper) };
    const actual = y[t]!;
    if (Number.isFinite(actual)) errors[t] = actual - level;
  }
  return bands;
}

const SPARSE_LEVELS = [0.025, 0.975];

/** Central 95% of a negative binomial (Poisson when not overdispersed) with the weeks' mean and variance. */
export function sparseCountBand(weeks: readonly number[]): [number, number] {
  const n = weeks.length;
  if (n === 0) return [0, 0];
  const mean = weeks.reduce((a, b) => a + Math.max(0, b), 0) / n;
  const variance = n > 1 ? weeks.reduce((a, b) => a + (Math.max(0, b) - mean) ** 2, 0) / (n - 1) : mean;
  const out = new Float64Array(2);
  countQuantiles(mean, variance, SPARSE_LEVELS, out);
  return [out[0]!, out[1]!];
}

export interface Anomaly {
  index: number;
  actual: number;
  band: Band;
  direction: 'above' | 'below';
}

/** Weeks in a year: a week's counterpart last year is 52 weeks back (±1 for the drift of dates). */
export const WEEKS_PER_YEAR = 52;

/**
 * Whether week t's departure from its band repeats last year's: one of the weeks 51 to 53
 * back departed from its own one-step forecast the same way by at least half as much (the
 * run-up to Christmas, an Easter line). Such a week is the season, not a surprise.
 */
export function repeatsLastYear(y: ArrayLike<number>, bands: ReadonlyArray<Band | null>, t: number): boolean {
  const band = bands[t];
  if (!band) return false;
  const gap = y[t]! - band.forecast;
  for (let k = -1; k <= 1; k++) {
    const j = t - WEEKS_PER_YEAR + k;
    const then = j >= 0 ? bands[j] : null;
    if (!then || !Number.isFinite(y[j]!)) continue;
    const previous = y[j]! - then.forecast;
    if (Math.sign(previous) === Math.sign(gap) && Math.abs(previous) >= 0.5 * Math.abs(gap)) return true;
  }
  return false;
}

/** Weeks whose actual lies outside its band and does not repeat last year's pattern, in time order. */
export function findAnomalies(y: ArrayLike<number>, bands: ReadonlyArray<Band | null> = oneStepBands(y)): Anomaly[] {
  const out: Anomaly[] = [];
  for (let t = 0; t < y.length; t++) {
    const band = bands[t];
    const actual = y[t]!;
    if (!band || !Number.isFinite(actual)) continue;
    if (actual <= band.upper && actual >= band.lower) continue;
    if (repeatsLastYear(y, bands, t)) continue;
    out.push({ index: t, actual, band, direction: actual > band.upper ? 'above' : 'below' });
  }
  return out;
}

export interface LevelShift {
  /** First week of the new level. */
  index: number;
  before: number;
  after: number;
  /** after / before − 1 (Infinity when the old level was 0). */
  change: number;
  statistic: number;
}

export const SHIFT_BASE_WEEKS = 26;

/** A sudden change of level at the end of the series, or null. */
export function findLevelShift(y: ArrayLike<number>): LevelShift | null {
  let best: LevelShift | null = null;
  for (let w = 4; w <= 8; w++) {
    const start = y.length - w;
    if (start < SHIFT_BASE_WEEKS) break;
    const recent = lastFinite(y, y.length, w);
    if (recent.length < w - 1 || recent.length < 4) continue;
    const base = lastFinite(y, start, SHIFT_BASE_WEEKS);
    if (base.length < SHIFT_BASE_WEEKS / 2) continue;
    const before = median(base);
    const after = median(recent);
    const sigma = Math.max(robustSd(base), Math.sqrt(Math.max(before, 1)) * 0.5, 1e-9);
    const standardError = 1.2533 * sigma * Math.sqrt(1 / recent.length + 1 / base.length);
    const statistic = (after - before) / standardError;
    const change = before > 0 ? after / before - 1 : after > 0 ? Infinity : 0;
    const sameSide = recent.filter((v) => (after > before ? v > before : v < before)).length;
    if (Math.abs(statistic) < 4 || Math.abs(change) < 0.3 || sameSide < 0.75 * recent.length) continue;
    // The window's first week must already be past halfway to the new level.
    const halfway = (before + after) / 2;
    const firstRecent = y[start]!;
    if (Number.isFinite(firstRecent) && (after > before ? firstRecent <= halfway : firstRecent >= halfway)) continue;
    if (!best || Math.abs(statistic) > Math.abs(best.statistic)) best = { index: start, before, after, change, statistic };
  }
  if (best) {
    // A shift older than the window: walk back to the first week past half the gap.
    const halfway = (best.before + best.after) / 2;
    const up = best.after > best.before;
    while (best.index > 0 && y.length - best.index < SHIFT_BASE_WEEKS) {
      const v = y[best.index - 1]!;
      if (!Number.isFinite(v) || (up ? v <= halfway : v >= halfway)) break;
      best.index--;
    }
  }
  return best;
}
