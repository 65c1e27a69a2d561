/**
 * Small descriptive statistics over Float64Array ranges. Pure, allocation-free unless
 * noted. Sums use Neumaier's compensated summation where the result is reported to users.
 */

/** Compensated (Neumaier) sum of y[from..to). */
export function sum(y: ArrayLike<number>, from = 0, to = y.length): number {
  let total = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const v = y[i]!;
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

export function mean(y: ArrayLike<number>, from = 0, to = y.length): number {
  return to > from ? sum(y, from, to) / (to - from) : NaN;
}

/** Sample variance (denominator n - 1) of y[from..to); 0 for fewer than two values. */
export function variance(y: ArrayLike<number>, from = 0, to = y.length): number {
  const n = to - from;
  if (n < 2) return 0;
  const m = mean(y, from, to);
  let ss = 0;
  for (let i = from; i < to; i++) {
    const d = y[i]! - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Mean absolute difference between y[t] and y[t - lag] over t in [from + lag, to). NaN if none. */
export function meanAbsLagDiff(y: ArrayLike<number>, lag: number, from = 0, to = y.length): number {
  let total = 0;
  let count = 0;
  for (let t = from + lag; t < to; t++) {
    total += Math.abs(y[t]! - y[t - lag]!);
    count++;
  }
  return count > 0 ? total / count : NaN;
}

/**
 * Quantile of already sorted values, linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R's quantile()).
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number, from = 0, to = sorted.length): number {
  const n = to - from;
  if (n <= 0) return NaN;
  if (n === 1) return sorted[from]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[from + lo]!;
  return a + (h - lo) * (sorted[from + hi]! - a);
}

/** Quantile of y (type 7); copies and sorts. */
export function quantile(y: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(y).sort();
  return sortedQuantile(sorted, p);
}

export function median(y: ArrayLike<number>): number {
  return quantile(y, 0.5);
}

/** Least-squares slope and intercept of y[from..to) on t = 0, 1, ... (relative to from). */
export function linearTrend(y: ArrayLike<number>, from = 0, to = y.length): { intercept: number; slope: number } {
  const n = to - from;
  if (n <= 0) return { intercept: NaN, slope: 0 };
  if (n === 1) return { intercept: y[from]!, slope: 0 };
  const tMean = (n - 1) / 2;
  const yMean = mean(y, from, to);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = i - tMean;
    sxy += dt * (y[from + i]! - yMean);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  return { intercept: yMean - slope * tMean, slope };
}

/** True when every value is finite and equal to a whole number. */
export function allIntegers(y: ArrayLike<number>): boolean {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v) || Math.round(v) !== v) return false;
  }
  return true;
}

export function minOf(y: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < y.length; i++) if (y[i]! < m) m = y[i]!;
  return m;
}

export function maxOf(y: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < y.length; i++) if (y[i]! > m) m = y[i]!;
  return m;
}
