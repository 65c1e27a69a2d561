/**
 * Classification helpers (PRODUCT.md §6). Pure functions over plain numbers.
 *
 * - ABC by value share over the last 52 weeks: products sorted by value; a product is A when
 *   the products ranked above it make less than 80% of the value (it is needed to reach
 *   80%), B when they make less than 95%, C otherwise. Counting the share before the
 *   product keeps a large product out of C in short ranges.
 * - XYZ by the coefficient of variation of period demand: X <= 0.5, Y <= 1.0, Z above.
 * - Demand pattern by ADI and CV^2 of the non-zero demands (Syntetos, Boylan & Croston
 *   2005, cut-offs 1.32 and 0.49): smooth, erratic, intermittent, lumpy.
 * - New: less than 8 weeks of history; dead: no sale in the last 26 weeks.
 */
import { averagePeriodDays } from './frequency';
import type { Frequency } from './types';

export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';
export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/**
 * ABC classes for products with the given values (e.g. revenue over the last 52 weeks).
 * Ties keep input order; products with zero or negative value are C.
 */
export function abcClasses(values: readonly number[], aShare = 0.8, bShare = 0.95): AbcClass[] {
  const order = values.map((v, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  let total = 0;
  for (const v of values) if (v > 0) total += v;
  const classes: AbcClass[] = values.map(() => 'C');
  if (!(total > 0)) return classes;
  let cumulative = 0;
  for (const i of order) {
    const v = values[i]!;
    if (!(v > 0)) break;
    const before = cumulative / total;
    cumulative += v;
    if (before < aShare - 1e-12) classes[i] = 'A';
    else if (before < bShare - 1e-12) classes[i] = 'B';
    else classes[i] = 'C';
  }
  return classes;
}

/** Coefficient of variation (sample sd / mean) of the values; Infinity when the mean is not positive. */
export function coefficientOfVariation(y: ArrayLike<number>): number {
  const n = y.length;
  if (n === 0) return Infinity;
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i]!;
  const mean = total / n;
  if (!(mean > 0)) return Infinity;
  if (n < 2) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (y[i]! - mean) ** 2;
  return Math.sqrt(ss / (n - 1)) / mean;
}

export function xyzClass(cv: number, xLimit = 0.5, yLimit = 1.0): XyzClass {
  if (cv <= xLimit) return 'X';
  if (cv <= yLimit) return 'Y';
  return 'Z';
}

export interface IntermittencyStats {
  /** Average inter-demand interval: periods per non-zero demand, from the first demand on. */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (population variance). */
  cv2: number;
  nonZeroCount: number;
  /** Index of the first non-zero period (the series' launch), or -1. */
  firstDemand: number;
}

/** ADI and CV^2 of y, counting demand as any value > 0 and ignoring the leading zeros. */
export function intermittencyStats(y: ArrayLike<number>): IntermittencyStats {
  let first = -1;
  let count = 0;
  let total = 0;
  let squares = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v > 0) {
      if (first < 0) first = i;
      count++;
      total += v;
      squares += v * v;
    }
  }
  if (count === 0) return { adi: Infinity, cv2: 0, nonZeroCount: 0, firstDemand: -1 };
  const mean = total / count;
  const variance = Math.max(0, squares / count - mean * mean);
  return { adi: (y.length - first) / count, cv2: variance / (mean * mean), nonZeroCount: count, firstDemand: first };
}

export function demandPattern(stats: Pick<IntermittencyStats, 'adi' | 'cv2'>): DemandPattern {
  const intermittent = stats.adi >= ADI_CUTOFF;
  const variable = stats.cv2 >= CV2_CUTOFF;
  if (intermittent) return variable ? 'lumpy' : 'intermittent';
  return variable ? 'erratic' : 'smooth';
}

/** New product: fewer than `weeks` weeks between its first sale and the end of the history. */
export function isNewProduct(historyLengthPeriods: number, periodsPerWeek: number, weeks = 8): boolean {
  return historyLengthPeriods < weeks * periodsPerWeek;
}

/** Dead product: no sale (value > 0) in the last `weeks` weeks of history. */
export function isDeadProduct(y: ArrayLike<number>, periodsPerWeek: number, weeks = 26): boolean {
  const window = Math.ceil(weeks * periodsPerWeek);
  if (y.length < window) return false;
  for (let i = y.length - window; i < y.length; i++) if (y[i]! > 0) return false;
  return true;
}

/** Periods per week for a frequency: 7 daily, 1 weekly, 12/52.18 monthly, 4/52.18 quarterly, 1/52.18 yearly. */
export function periodsPerWeek(frequency: Frequency): number {
  return 7 / averagePeriodDays(frequency);
}
