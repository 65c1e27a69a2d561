/**
 * Robust location and scale for the anomaly detector: medians and the median absolute
 * deviation are not pulled by the very outliers they are meant to expose.
 * Pure functions over numbers; NaN entries are skipped.
 */

/** Median of the finite values, NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return NaN;
  finite.sort((a, b) => a - b);
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/**
 * Standard deviation estimated from the median absolute deviation: 1.4826·MAD is
 * consistent for σ under normality (Rousseeuw & Croux 1993). NaN with fewer than 2 values.
 */
export function robustSd(values: ArrayLike<number>): number {
  const center = median(values);
  if (!Number.isFinite(center)) return NaN;
  const deviations: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) deviations.push(Math.abs(v - center));
  }
  if (deviations.length < 2) return NaN;
  return 1.4826 * median(deviations);
}

/** The last `count` finite values of `values[0..end)`, oldest first. */
export function lastFinite(values: ArrayLike<number>, end: number, count: number): number[] {
  const out: number[] = [];
  for (let i = end - 1; i >= 0 && out.length < count; i--) {
    const v = values[i]!;
    if (Number.isFinite(v)) out.push(v);
  }
  return out.reverse();
}
