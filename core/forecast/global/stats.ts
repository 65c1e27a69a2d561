/** Small order-statistics helpers shared by the global models. */

/**
 * Quantile of an ascending array by linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the R and NumPy default).
 */
export function quantileOfSorted(sorted: Float64Array | Float32Array, level: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const position = (n - 1) * level;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const weight = position - lower;
  return sorted[lower]! + weight * (sorted[upper]! - sorted[lower]!);
}

/** Quantile of the values (copied and sorted; NaN ignored). */
export function quantileOf(values: ArrayLike<number>, level: number): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) finite.push(values[i]!);
  return quantileOfSorted(Float64Array.from(finite).sort(), level);
}
