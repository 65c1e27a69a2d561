import { brentMinimize } from './optimize';

/**
 * Demand-rate estimators for intermittent series; each returns the flat per-period
 * forecast and the mean squared one-step in-sample error of the rate.
 */
export interface RateFit {
  rate: number;
  /** Mean squared one-step error of the rate over the periods after the first demand. */
  mse: number;
  params: Record<string, number>;
}

/**
 * Croston (1972) as R forecast::croston: SES with fixed alpha on the non-zero sizes and on
 * the intervals between them, both started at their first value ("simple" initial state);
 * forecast = size level / interval level. `debias` multiplies by (1 - alpha / 2), the
 * Syntetos-Boylan approximation (SBA, 2005).
 */
export function crostonRate(y: Float64Array, n: number, alpha: number, debias: boolean): RateFit {
  let size = NaN;
  let interval = NaN;
  let sinceLast = 0;
  let sse = 0;
  let count = 0;
  const factor = debias ? 1 - alpha / 2 : 1;
  for (let t = 0; t < n; t++) {
    sinceLast++;
    if (!Number.isNaN(size)) {
      const e = y[t]! - (factor * size) / interval;
      sse += e * e;
      count++;
    }
    if (y[t]! > 0) {
      if (Number.isNaN(size)) {
        size = y[t]!;
        interval = sinceLast;
      } else {
        size += alpha * (y[t]! - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = 0;
    }
  }
  if (Number.isNaN(size)) return { rate: 0, mse: 0, params: { alpha } };
  return { rate: (factor * size) / interval, mse: count > 0 ? sse / count : 0, params: { alpha } };
}

/**
 * TSB (Teunter, Syntetos & Babai 2011): the demand probability is smoothed every period,
 * the size only when demand occurs; forecast = probability * size. Both smoothing constants
 * are chosen on a small grid by one-step squared error (the rate decays on dead items).
 */
export function tsbRate(y: Float64Array, n: number): RateFit {
  let first = -1;
  let sizeTotal = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (y[t]! > 0) {
      if (first < 0) first = t;
      sizeTotal += y[t]!;
      count++;
    }
  }
  if (first < 0) return { rate: 0, mse: 0, params: { alphaSize: 0, alphaProbability: 0 } };
  const size0 = sizeTotal / count;
  const probability0 = count / (n - first);
  let best: RateFit | undefined;
  for (const alphaSize of [0.05, 0.1, 0.2, 0.3]) {
    for (const alphaProbability of [0.02, 0.05, 0.1, 0.2, 0.3]) {
      let size = size0;
      let probability = probability0;
      let sse = 0;
      for (let t = first; t < n; t++) {
        const e = y[t]! - probability * size;
        sse += e * e;
        const occurred = y[t]! > 0 ? 1 : 0;
        probability += alphaProbability * (occurred - probability);
        if (occurred) size += alphaSize * (y[t]! - size);
      }
      const mse = sse / (n - first);
      if (!best || mse < best.mse) best = { rate: probability * size, mse, params: { alphaSize, alphaProbability } };
    }
  }
  return best!;
}

/** SES level with alpha chosen by one-step squared error (level starts at the first value). */
export function sesLevel(x: Float64Array, n: number): { level: number; alpha: number; mse: number } {
  if (n === 0) return { level: 0, alpha: 0.1, mse: 0 };
  const run = (alpha: number) => {
    let level = x[0]!;
    let sse = 0;
    for (let t = 1; t < n; t++) {
      const e = x[t]! - level;
      sse += e * e;
      level += alpha * e;
    }
    return { level, sse };
  };
  if (n < 3) return { level: run(0.1).level, alpha: 0.1, mse: 0 };
  const best = brentMinimize((a) => run(a).sse, 0.01, 0.99, 1e-3, 30);
  const { level, sse } = run(best.x);
  return { level, alpha: best.x, mse: sse / (n - 1) };
}

/**
 * ADIDA (Nikolopoulos et al. 2011): sum the series into non-overlapping buckets of
 * `bucket` periods (aligned to the end), forecast the bucket totals by SES and spread the
 * bucket forecast evenly over its periods.
 */
export function adidaRate(y: Float64Array, n: number, bucket: number): RateFit {
  const k = Math.max(1, Math.min(bucket, Math.floor(n / 2) || 1));
  const buckets = Math.floor(n / k);
  const totals = new Float64Array(buckets);
  const offset = n - buckets * k;
  for (let b = 0; b < buckets; b++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += y[offset + b * k + j]!;
    totals[b] = s;
  }
  const fit = sesLevel(totals, buckets);
  return { rate: Math.max(0, fit.level) / k, mse: fit.mse / (k * k), params: { bucket: k, alpha: fit.alpha } };
}

/** IMAPA (Petropoulos & Kourentzes 2015): the mean of ADIDA rates over buckets 1..maxBucket. */
export function imapaRate(y: Float64Array, n: number, maxBucket: number): RateFit {
  let rate = 0;
  let mse = 0;
  const levels = Math.max(1, maxBucket);
  for (let k = 1; k <= levels; k++) {
    const fit = adidaRate(y, n, k);
    rate += fit.rate / levels;
    mse += fit.mse / levels;
  }
  return { rate, mse, params: { maxBucket: levels } };
}

/** Mean interval between demands (periods per non-zero value, from the first demand). */
export function meanInterval(y: Float64Array, n: number): number {
  let first = -1;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (y[t]! > 0) {
      if (first < 0) first = t;
      count++;
    }
  }
  return count > 0 ? (n - first) / count : n;
}
