/**
 * Robust location and scale for the anomaly detector: medians and quartiles are not
 * pulled by the very outliers they are meant to expose.
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

/** Quantile of the finite values by linear interpolation (Hyndman & Fan type 7, R's default). */
export function quantile(values: ArrayLike<number>, p: number): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return NaN;
  finite.sort((a, b) => a - b);
  const h = (finite.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(finite.length - 1, lo + 1);
  return finite[lo]! + (h - lo) * (finite[hi]! - finite[lo]!);
}

/**
 * Standard deviation estimated from the interquartile range: IQR / 1.349 is consistent for
 * σ under normality. Chosen over 1.4826·MAD because weekly sales are often bimodal (0 or a
 * case of 20), where the MAD collapses to 0 and would call every ordinary week unusual;
 * the IQR still ignores the top and bottom quarter, so one wild week does not move it.
 * NaN with fewer than 2 values.
 */
export function robustSd(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) count++;
  if (count < 2) return NaN;
  return (quantile(values, 0.75) - quantile(values, 0.25)) / 1.349;
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
