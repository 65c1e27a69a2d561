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

/**
 * Type-7 quantile of `values` by selection (Hoare's quickselect, expected O(n)); reorders
 * `values` in place. Same result as sorting and calling quantileOfSorted.
 */
export function quantileInPlace(values: Float64Array, level: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (n === 1) return values[0]!;
  const position = (n - 1) * level;
  const lower = Math.floor(position);
  const weight = position - lower;
  const low = selectInPlace(values, lower, 0, n - 1);
  if (weight === 0 || lower + 1 >= n) return low;
  // After selection everything right of `lower` is >= it: the next order statistic is their minimum.
  let next = Infinity;
  for (let i = lower + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
  return low + weight * (next - low);
}

function selectInPlace(values: Float64Array, k: number, left: number, right: number): number {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    // Median of three as pivot keeps sorted and constant runs fast.
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const tmp = values[i]!;
        values[i] = values[j]!;
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
