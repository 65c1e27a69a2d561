import { loessAt, loessSmooth } from './loess';

/**
 * STL seasonal-trend decomposition (Cleveland et al. 1990), following the paper's
 * reference algorithm (inner loop: cycle-subseries smoothing, low-pass filter, trend
 * smoothing; optional robustness iterations) with R's stl() defaults for the windows.
 */

export interface StlOptions {
  period: number;
  /** Seasonal smoothing window (odd, >= 3), or 'periodic' for a fixed seasonal pattern. */
  seasonalWindow: number | 'periodic';
  seasonalDegree?: 0 | 1;
  trendWindow?: number;
  lowpassWindow?: number;
  robust?: boolean;
  inner?: number;
  outer?: number;
}

export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/** Decomposes y[0..n) (n > 2 * period, no missing values). */
export function stl(y: Float64Array, options: StlOptions): StlResult {
  const n = y.length;
  const period = options.period;
  if (!(period >= 2) || n <= 2 * period) throw new Error('stl needs more than two full periods');
  const periodic = options.seasonalWindow === 'periodic';
  const seasonalWindowRaw = periodic ? 10 * n + 1 : (options.seasonalWindow as number);
  const seasonalDegree = periodic ? 0 : (options.seasonalDegree ?? 0);
  const trendWindowRaw = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / seasonalWindowRaw)));
  const lowpassWindowRaw = options.lowpassWindow ?? nextOdd(period);
  const robust = options.robust ?? false;
  const inner = options.inner ?? (robust ? 1 : 2);
  const outer = options.outer ?? (robust ? 15 : 0);
  const odd = (w: number) => {
    const v = Math.max(3, w);
    return v % 2 === 0 ? v + 1 : v;
  };
  const ns = odd(seasonalWindowRaw);
  const nt = odd(trendWindowRaw);
  const nl = odd(lowpassWindowRaw);
  const jumps = { s: Math.ceil(ns / 10), t: Math.ceil(nt / 10), l: Math.ceil(nl / 10) };

  const trend = new Float64Array(n);
  const seasonal = new Float64Array(n);
  const work = workFor(n, period);
  let robustness: Float64Array | undefined;
  for (let k = 0; ; k++) {
    innerLoop(y, n, period, ns, nt, nl, seasonalDegree, jumps, inner, robustness, seasonal, trend, work);
    if (k >= outer) break;
    robustness = robustnessWeights(y, seasonal, trend, robustness ?? new Float64Array(n));
  }
  if (periodic) {
    const means = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      means[i % period] = means[i % period]! + seasonal[i]!;
      counts[i % period] = counts[i % period]! + 1;
    }
    for (let i = 0; i < n; i++) seasonal[i] = means[i % period]! / counts[i % period]!;
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return { seasonal, trend, remainder };
}

let cachedWork: StlWork | undefined;

/**
 * Scratch arrays reused between calls (kernels are not re-entrant): every call writes each
 * entry before reading it, so arrays sized for a longer series or a longer period serve
 * shorter ones. The backtest decomposes each series at several lengths, which used to
 * reallocate them at every call.
 */
function workFor(n: number, period: number): StlWork {
  const sub = Math.ceil(n / period) + 2;
  const c = cachedWork;
  if (c && c.n >= n && c.period >= period && c.sub >= sub) return c;
  cachedWork = new StlWork(Math.max(n, c?.n ?? 0), Math.max(period, c?.period ?? 0), Math.max(sub, c?.sub ?? 0));
  return cachedWork;
}

class StlWork {
  readonly detrended: Float64Array;
  readonly cycle: Float64Array;
  readonly lowpass: Float64Array;
  readonly lowpassTemp: Float64Array;
  readonly smooth: Float64Array;
  readonly weights: Float64Array;
  readonly subseries: Float64Array;
  readonly subSmooth: Float64Array;
  readonly subRobust: Float64Array;
  constructor(
    readonly n: number,
    readonly period: number,
    readonly sub: number,
  ) {
    const size = n + 2 * period;
    this.detrended = new Float64Array(n);
    this.cycle = new Float64Array(size);
    this.lowpass = new Float64Array(size);
    this.lowpassTemp = new Float64Array(size);
    this.smooth = new Float64Array(n);
    this.weights = new Float64Array(size);
    this.subseries = new Float64Array(sub);
    this.subSmooth = new Float64Array(sub);
    this.subRobust = new Float64Array(sub);
  }
}

function innerLoop(
  y: Float64Array,
  n: number,
  period: number,
  ns: number,
  nt: number,
  nl: number,
  seasonalDegree: number,
  jumps: { s: number; t: number; l: number },
  iterations: number,
  robustness: Float64Array | undefined,
  seasonal: Float64Array,
  trend: Float64Array,
  w: StlWork,
): void {
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < n; i++) w.detrended[i] = y[i]! - trend[i]!;
    cycleSubseries(w.detrended, n, period, ns, seasonalDegree, jumps.s, robustness, w);
    lowPass(w.cycle, n + 2 * period, period, w.lowpass, w.lowpassTemp);
    loessSmooth(w.lowpass, n, nl, 1, jumps.l, undefined, w.smooth, w.weights);
    for (let i = 0; i < n; i++) seasonal[i] = w.cycle[period + i]! - w.smooth[i]!;
    for (let i = 0; i < n; i++) w.detrended[i] = y[i]! - seasonal[i]!;
    loessSmooth(w.detrended, n, nt, 1, jumps.t, robustness, trend, w.weights);
  }
}

/** Smooths each cycle-subseries and extends it one period before and after (into w.cycle). */
function cycleSubseries(
  x: Float64Array,
  n: number,
  period: number,
  ns: number,
  degree: number,
  jump: number,
  robustness: Float64Array | undefined,
  w: StlWork,
): void {
  for (let j = 0; j < period; j++) {
    const k = Math.floor((n - j - 1) / period) + 1;
    for (let i = 0; i < k; i++) w.subseries[i] = x[i * period + j]!;
    const subRobust = robustness ? w.subRobust : undefined;
    if (subRobust && robustness) for (let i = 0; i < k; i++) subRobust[i] = robustness[i * period + j]!;
    loessSmooth(w.subseries, k, ns, degree, jump, subRobust, w.subSmooth, w.weights, 1);
    if (!loessAt(w.subseries, k, ns, degree, 0, 1, Math.min(ns, k), w.weights, subRobust, w.subSmooth, 0)) w.subSmooth[0] = w.subSmooth[1]!;
    if (!loessAt(w.subseries, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, w.weights, subRobust, w.subSmooth, k + 1)) w.subSmooth[k + 1] = w.subSmooth[k]!;
    for (let m = 0; m < k + 2; m++) w.cycle[m * period + j] = w.subSmooth[m]!;
  }
}

/** Moving averages of lengths period, period and 3 (the paper's low-pass filter). */
function lowPass(x: Float64Array, size: number, period: number, out: Float64Array, temp: Float64Array): void {
  movingAverage(x, size, period, out);
  movingAverage(out, size - period + 1, period, temp);
  movingAverage(temp, size - 2 * period + 2, 3, out);
}

function movingAverage(x: Float64Array, n: number, length: number, out: Float64Array): void {
  const count = n - length + 1;
  let total = 0;
  for (let i = 0; i < length; i++) total += x[i]!;
  out[0] = total / length;
  for (let j = 1; j < count; j++) {
    total += x[j + length - 1]! - x[j - 1]!;
    out[j] = total / length;
  }
}

/** Bisquare robustness weights from the remainder, scaled by six times its median absolute value. */
function robustnessWeights(y: Float64Array, seasonal: Float64Array, trend: Float64Array, out: Float64Array): Float64Array {
  const n = y.length;
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = Math.abs(y[i]! - seasonal[i]! - trend[i]!);
  const sorted = Float64Array.from(residual).sort();
  const mid1 = Math.floor(n / 2);
  const mid2 = n - mid1 - 1;
  const cmad = 3 * (sorted[mid1]! + sorted[mid2]!);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = residual[i]!;
    if (r <= c1) out[i] = 1;
    else if (r <= c9) {
      const u = r / cmad;
      out[i] = (1 - u * u) * (1 - u * u);
    } else out[i] = 0;
  }
  return out;
}
