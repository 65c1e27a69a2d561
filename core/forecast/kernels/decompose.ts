import { normalQuantile } from './normal';

/**
 * Classical decomposition (R's decompose()): a centred moving average of order m (2 x m
 * for even m) as trend, seasonal figure = mean of detrended values per season position,
 * normalised to average 0 (additive) or 1 (multiplicative). Position of period t is t % m.
 */
export function classicalSeasonalFigure(y: Float64Array, n: number, m: number, multiplicative: boolean): Float64Array {
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  // Four consecutive moving averages at a time: four independent running sums (each over
  // its own window in the same order as one at a time), so the additions overlap.
  const trends = new Float64Array(4);
  const end = n - half;
  for (let t0 = half; t0 < end; t0 += 4) {
    const block = Math.min(4, end - t0);
    if (block === 4) movingAverages4(y, t0, half, even, trends);
    else for (let b = 0; b < block; b++) trends[b] = movingAverage(y, t0 + b, half, even);
    for (let b = 0; b < block; b++) {
      const t = t0 + b;
      const trend = trends[b]! / m;
      const detrended = multiplicative ? y[t]! / trend : y[t]! - trend;
      sums[t % m] = sums[t % m]! + detrended;
      counts[t % m] = counts[t % m]! + 1;
    }
  }
  const figure = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) {
    figure[k] = counts[k]! > 0 ? sums[k]! / counts[k]! : multiplicative ? 1 : 0;
    total += figure[k]!;
  }
  const average = total / m;
  for (let k = 0; k < m; k++) figure[k] = multiplicative ? figure[k]! / average : figure[k]! - average;
  return figure;
}

/** Sum of the centred window of t (2 x m for even m: half weights at the ends), not yet divided by m. */
function movingAverage(y: Float64Array, t: number, half: number, even: boolean): number {
  let trend = 0;
  if (even) {
    trend = 0.5 * (y[t - half]! + y[t + half]!);
    for (let j = t - half + 1; j < t + half; j++) trend += y[j]!;
  } else for (let j = t - half; j <= t + half; j++) trend += y[j]!;
  return trend;
}

/** movingAverage of t0..t0 + 3 into out[0..4), each summed in the same order. */
function movingAverages4(y: Float64Array, t0: number, half: number, even: boolean, out: Float64Array): void {
  let a = 0, b = 0, c = 0, d = 0;
  let from = t0 - half;
  let to = t0 + half;
  if (even) {
    a = 0.5 * (y[t0 - half]! + y[t0 + half]!);
    b = 0.5 * (y[t0 + 1 - half]! + y[t0 + 1 + half]!);
    c = 0.5 * (y[t0 + 2 - half]! + y[t0 + 2 + half]!);
    d = 0.5 * (y[t0 + 3 - half]! + y[t0 + 3 + half]!);
    from++;
    to--;
  }
  for (let j = from; j <= to; j++) {
    a += y[j]!;
    b += y[j + 1]!;
    c += y[j + 2]!;
    d += y[j + 3]!;
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

/** Sample autocorrelations r_1..r_maxLag of y[0..n) (R's acf). */
export function autocorrelations(y: Float64Array, n: number, maxLag: number): Float64Array {
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  const d = new Float64Array(n);
  for (let t = 0; t < n; t++) d[t] = y[t]! - mean;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += d[t]! ** 2;
  const r = new Float64Array(maxLag);
  if (!(denominator > 0)) return r;
  // Four lags at a time (independent sums, each over t in ascending order as one lag at a time).
  let k = 1;
  for (; k + 3 <= maxLag; k += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let t = 0;
    for (; t + k + 3 < n; t++) {
      const v = d[t]!;
      s0 += v * d[t + k]!;
      s1 += v * d[t + k + 1]!;
      s2 += v * d[t + k + 2]!;
      s3 += v * d[t + k + 3]!;
    }
    for (let u = t; u + k < n; u++) s0 += d[u]! * d[u + k]!;
    for (let u = t; u + k + 1 < n; u++) s1 += d[u]! * d[u + k + 1]!;
    for (let u = t; u + k + 2 < n; u++) s2 += d[u]! * d[u + k + 2]!;
    r[k - 1] = s0 / denominator;
    r[k] = s1 / denominator;
    r[k + 1] = s2 / denominator;
    r[k + 2] = s3 / denominator;
  }
  for (; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += d[t]! * d[t + k]!;
    r[k - 1] = s / denominator;
  }
  return r;
}

/**
 * The seasonality test of R forecast's thetaf (Assimakopoulos & Nikolopoulos 2000, as
 * used in the M3/M4 benchmarks): |r_m| exceeds the 90% two-sided bound
 * 1.645 * sqrt((1 + 2 sum_{k<m} r_k^2) / n).
 */
export function isSeasonal(y: Float64Array, n: number, m: number): boolean {
  if (m < 2 || n <= 2 * m) return false;
  const r = autocorrelations(y, n, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += r[k]! * r[k]!;
  const stat = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m - 1]!) / stat > normalQuantile(0.95);
}
