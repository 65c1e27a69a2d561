import { normalQuantile } from './normal';

/**
 * Quantiles of count distributions with a given mean and variance: Poisson when the
 * variance does not exceed the mean, negative binomial (size r = mean^2 / (var - mean))
 * above it. Quantiles are the smallest integer k with P(X <= k) >= p, computed by summing
 * the probability mass function with its recurrence; large means use the normal
 * approximation (rounded up) because the sums get long.
 */
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
  const poisson = v <= mean * (1 + 1e-9);
  const size = poisson ? Infinity : (mean * mean) / (v - mean);
  const q = poisson ? 0 : mean / (size + mean);
  // log P(X = 0)
  let logP = poisson ? -mean : size * Math.log(size / (size + mean));
  let probability = Math.exp(logP);
  let cumulative = probability;
  let k = 0;
  let level = 0;
  const limit = Math.ceil(mean + 40 * Math.sqrt(v) + 50);
  while (level < count) {
    if (cumulative >= levels[level]! - 1e-12 || k >= limit) {
      out[level] = k;
      level++;
      continue;
    }
    k++;
    const ratio = poisson ? mean / k : ((k - 1 + size) / k) * q;
    logP += Math.log(ratio);
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
  const poisson = v <= mean * (1 + 1e-9);
  const size = poisson ? Infinity : (mean * mean) / (v - mean);
  const q = poisson ? 0 : mean / (size + mean);
  let logP = poisson ? -mean : size * Math.log(size / (size + mean));
  let probability = Math.exp(logP);
  let below = 0;
  let k = 0;
  let level = 0;
  const limit = Math.ceil(mean + 40 * Math.sqrt(v) + 50);
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
    logP += Math.log(poisson ? mean / k : ((k - 1 + size) / k) * q);
    probability = Math.exp(logP);
  }
}
