/**
 * Small numeric helpers for the inventory kernels: sample quantiles and means over
 * Float64Array, and the standard normal functions the normal-approximation baseline needs.
 * Pure functions; no allocation unless noted.
 */

/** Compensated (Neumaier) sum, so means of thousands of sample paths do not drift. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

export function mean(values: ArrayLike<number>): number {
  return values.length > 0 ? sum(values) / values.length : NaN;
}

/** A sorted copy (ascending); the input is not changed. */
export function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Quantile of sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, type 7; R's default). Monotone in p, which the policy relies on:
 * a higher service level never gives a lower stock level.
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** Share of values strictly above a threshold. */
export function shareAbove(values: ArrayLike<number>, threshold: number): number {
  if (values.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold) count++;
  return count / values.length;
}

/** Mean of (x − level)⁺ over the samples: the expected shortfall of a stock level. */
export function expectedExcess(values: ArrayLike<number>, level: number): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const excess = values[i]! - level;
    if (excess > 0) total += excess;
  }
  return total / values.length;
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal distribution function, from the complementary error function
 * (Numerical Recipes 3rd ed. §6.2.2, erfc by Chebyshev fit, |error| < 1.2e-7).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const upper = 0.5 * erfc;
  return z >= 0 ? 1 - upper : upper;
}

/**
 * Inverse standard normal distribution function (Acklam's rational approximation,
 * relative error < 1.15e-9), for the z-values of the normal-approximation baseline.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Standard normal loss function G(k) = E[(Z − k)⁺] = φ(k) − k(1 − Φ(k))
 * (Silver, Pyke & Peterson 1998, appendix B).
 */
export function normalLoss(k: number): number {
  return normalPdf(k) - k * (1 - normalCdf(k));
}

/** The app's one seeded generator (mulberry32), re-exported for the inventory code. */
export { seededRng } from '../forecast/kernels/rng';
