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
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (even) {
      trend = 0.5 * (y[t - half]! + y[t + half]!);
      for (let j = t - half + 1; j < t + half; j++) trend += y[j]!;
    } else for (let j = t - half; j <= t + half; j++) trend += y[j]!;
    trend /= m;
    const detrended = multiplicative ? y[t]! / trend : y[t]! - trend;
    sums[t % m] = sums[t % m]! + detrended;
    counts[t % m] = counts[t % m]! + 1;
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

/** Sample autocorrelations r_1..r_maxLag of y[0..n) (R's acf). */
export function autocorrelations(y: Float64Array, n: number, maxLag: number): Float64Array {
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t]! - mean) ** 2;
  const r = new Float64Array(maxLag);
  if (!(denominator > 0)) return r;
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (y[t]! - mean) * (y[t + k]! - mean);
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
