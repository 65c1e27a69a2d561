import { normalQuantile } from './normal';

/**
 * Quantiles of count distributions with a given mean and variance: Poisson when the
 * variance does not exceed the mean, negative binomial (size r = mean^2 / (var - mean))
 * above it. Quantiles are the smallest integer k with P(X <= k) >= p, computed by summing
 * the probability mass function with its recurrence; large means use the normal
 * approximation (rounded up) because the sums get long.
 */
/**
 * The probability mass function's recurrence for mean and variance v ≥ mean: log P(X = 0)
 * and P(X = k) / P(X = k − 1) — Poisson (mean / k) or negative binomial with size
 * r = mean² / (v − mean) ((k − 1 + r) / k · mean / (r + mean)) — and a count past which
 * the remaining mass is negligible. Null when r underflows to 0 (variance beyond ~1e300
 * times the mean), which leaves all the mass at 0.
 */
function countPmf(mean: number, v: number): { logP0: number; ratio: (k: number) => number; limit: number } | null {
  const poisson = v <= mean * (1 + 1e-9);
  const size = poisson ? Infinity : (mean * mean) / (v - mean);
  const q = poisson ? 0 : mean / (size + mean);
  const logP0 = poisson ? -mean : size * Math.log(size / (size + mean));
  if (!Number.isFinite(logP0)) return null;
  return { logP0, ratio: poisson ? (k) => mean / k : (k) => ((k - 1 + size) / k) * q, limit: Math.ceil(mean + 40 * Math.sqrt(v) + 50) };
}

export function countQuantiles(mean: number, variance: number, levels: ArrayLike<number>, out: Float64Array): void {
  const count = levels.length;
  if (!(mean > 0)) {
    out.fill(0, 0, count);
    return;
  }
  const v = Math.max(mean, variance);
  if (mean > 2000) {
    const sd = Math.sqrt(v);
    for (let i = 0; i < count; i++) out[i] = Math.max(0, Math.ceil(mean + sd * normalQuantile(levels[i]!) - 0.5));
    return;
  }
  const pmf = countPmf(mean, v);
  if (!pmf) {
    out.fill(0, 0, count);
    return;
  }
  let logP = pmf.logP0;
  let probability = Math.exp(logP);
  let cumulative = probability;
  let k = 0;
  let level = 0;
  const { limit } = pmf;
  while (level < count) {
    if (cumulative >= levels[level]! - 1e-12 || k >= limit) {
      out[level] = k;
      level++;
      continue;
    }
    k++;
    logP += Math.log(pmf.ratio(k));
    probability = Math.exp(logP);
    cumulative += probability;
  }
}

/**
 * Quantiles of the count distribution made continuous by spreading the mass of each count k
 * uniformly over (k - 1, k] (the randomised-PIT view of a discrete forecast, Czado, Gneiting
 * & Held 2009): q = k - 1 + (p - F(k - 1)) / P(k) where F(k - 1) < p <= F(k). Rounding q up
 * gives the integer quantile; the continuous value also says how far into that count the
 * level falls. Negative values (inside the mass at zero) are clipped to 0.
 */
export function spreadCountQuantiles(mean: number, variance: number, levels: ArrayLike<number>, out: Float64Array): void {
  const count = levels.length;
  if (!(mean > 0)) {
    out.fill(0, 0, count);
    return;
  }
  const v = Math.max(mean, variance);
  if (mean > 2000) {
    const sd = Math.sqrt(v);
    for (let i = 0; i < count; i++) out[i] = Math.max(0, mean + sd * normalQuantile(levels[i]!));
    return;
  }
  const pmf = countPmf(mean, v);
  if (!pmf) {
    out.fill(0, 0, count);
    return;
  }
  let logP = pmf.logP0;
  let probability = Math.exp(logP);
  let below = 0;
  let k = 0;
  let level = 0;
  const { limit } = pmf;
  while (level < count) {
    const p = levels[level]!;
    if (below + probability >= p - 1e-12 || k >= limit) {
      const within = probability > 0 ? Math.min(1, Math.max(0, (p - below) / probability)) : 1;
      out[level] = Math.max(0, k - 1 + within);
      level++;
      continue;
    }
    below += probability;
    k++;
    logP += Math.log(pmf.ratio(k));
    probability = Math.exp(logP);
  }
}

/**
 * Cov(Z, X) when the count X = F^-1(Phi(Z)) is driven by a standard normal score Z (the
 * Gaussian copula), for the count distribution of countQuantiles. Writing X = sum_{k>=1}
 * 1{X >= k} and E[Z 1{Z > c}] = phi(c) gives Cov(Z, X) = sum_{k>=1} phi(Phi^-1(F(k - 1))).
 * This is the first Hermite coefficient of the transform: two steps whose scores have
 * correlation rho have Cov(X_i, X_j) = rho * a_i * a_j + O(rho^2) (Mehler's expansion).
 */
export function countNormalScoreCovariance(mean: number, variance: number): number {
  if (!(mean > 0)) return 0;
  const v = Math.max(mean, variance);
  if (mean > 2000) return Math.sqrt(v);
  const pmf = countPmf(mean, v);
  if (!pmf) return 0;
  let logP = pmf.logP0;
  let cumulative = Math.exp(logP);
  let total = 0;
  const { limit } = pmf;
  for (let k = 1; k <= limit && cumulative < 1 - 1e-12; k++) {
    const z = normalQuantile(cumulative);
    total += Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    logP += Math.log(pmf.ratio(k));
    cumulative += Math.exp(logP);
  }
  return total;
}
