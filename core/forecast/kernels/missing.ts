/**
 * Returns y with NaN / non-finite values replaced by linear interpolation between the
 * nearest finite neighbours (edges carry the nearest finite value; all-missing gives zeros).
 * Returns y itself when nothing is missing.
 */
export function fillMissing(y: Float64Array): Float64Array {
  let missing = false;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      missing = true;
      break;
    }
  }
  if (!missing) return y;
  const out = new Float64Array(y.length);
  let previous = -1;
  for (let i = 0; i <= y.length; i++) {
    if (i < y.length && !Number.isFinite(y[i]!)) continue;
    const current = i < y.length ? y[i]! : NaN;
    for (let j = previous + 1; j < i; j++) {
      if (previous < 0) out[j] = i < y.length ? current : 0;
      else if (i >= y.length) out[j] = y[previous]!;
      else out[j] = y[previous]! + ((current - y[previous]!) * (j - previous)) / (i - previous);
    }
    if (i < y.length) out[i] = current;
    previous = i;
  }
  return out;
}
