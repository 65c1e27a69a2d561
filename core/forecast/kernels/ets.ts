import { brentMinimize, nelderMead } from './optimize';

/**
 * Additive-error exponential smoothing without seasonality: ETS(A,N,N) simple exponential
 * smoothing, ETS(A,A,N) Holt's linear trend and ETS(A,Ad,N) damped trend, in the
 * innovations state-space form of Hyndman, Koehler, Ord & Snyder (2008), ch. 2:
 *   forecast f_t = l_{t-1} + phi b_{t-1},  e_t = y_t - f_t,
 *   l_t = f_t + alpha e_t,  b_t = phi b_{t-1} + beta e_t.
 *
 * The initial states (l_0, b_0) are not searched by the optimiser: the one-step errors are
 * affine in them, so for given smoothing parameters the least-squares initial states come
 * from a 2x2 linear system ("concentrated" sum of squares). The optimiser then only
 * searches alpha, beta and phi, which makes each fit a few hundred passes at most.
 */

export type EtsTrend = 'none' | 'additive' | 'damped';

export interface EtsFit {
  trend: EtsTrend;
  alpha: number;
  beta: number;
  phi: number;
  level0: number;
  slope0: number;
  /** Sum of squared one-step errors and the number of errors it sums. */
  sse: number;
  n: number;
  /** Number of estimated parameters (smoothing, initial states) plus one for the variance. */
  parameterCount: number;
  aicc: number;
  /** Residual variance with the degrees-of-freedom correction, as R's ets reports. */
  sigma2: number;
  /** Centre and scale the series was standardised with before fitting (states are in original units). */
  center: number;
  scale: number;
  /**
   * Largest one-step error the state filter passes on in full (absolute units; absent: no
   * limit). See withErrorClip.
   */
  errorClip?: number;
}

/**
 * A robust state filter (in the spirit of Gelper, Fried & Croux 2010, "Robust forecasting
 * with exponential and Holt-Winters smoothing", J. Forecasting 29): errors beyond k residual
 * standard deviations update the state as if they were k sd, so one spike at the end of
 * the history does not drag the level along; a real level shift still gets through over a
 * few periods. The parameters are fitted as before.
 */
export function withErrorClip(fit: EtsFit, k: number): EtsFit {
  return Number.isFinite(k) && k > 0 ? { ...fit, errorClip: k * Math.sqrt(fit.sigma2) } : fit;
}

/** Bounds of the usual admissible region (as R's ets): beta is parametrised as alpha * betaShare. */
const ALPHA_LOWER = 1e-4;
const ALPHA_UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;

interface Concentrated {
  sse: number;
  level0: number;
  slope0: number;
}

/**
 * Least-squares sum of squared one-step errors over y[from..to), minimised over the
 * initial states for fixed smoothing parameters. `z` is the standardised series. Returns
 * the sum and writes it with the initial states into `out`, one scratch object per fit
 * (the optimisers call this a few hundred times per fit).
 */
function concentratedSse(
  z: Float64Array,
  from: number,
  to: number,
  trend: boolean,
  alpha: number,
  beta: number,
  phi: number,
  out: Concentrated,
): number {
  const oneMinusAlpha = 1 - alpha;
  if (!trend) {
    // Without a trend the slope parts stay 0, so the loop below reduces to the level parts
    // (the same operations in the same order: adding phi * 0 changes nothing).
    let lc = 0, la = 1;
    let saa = 0, sac = 0, scc = 0;
    for (let t = from; t < to; t++) {
      const ec = z[t]! - lc;
      saa += la * la;
      sac += la * ec;
      scc += ec * ec;
      lc = lc + alpha * ec;
      la = la * oneMinusAlpha;
    }
    const level0 = saa > 0 ? sac / saa : 0;
    return setConcentrated(out, Math.max(0, scc - level0 * sac), level0, 0);
  }
  // State = data part (c) + coefficient on l0 (a) + coefficient on b0 (b).
  let lc = 0, la = 1, lb = 0;
  let bc = 0, ba = 0, bb = 1;
  let saa = 0, sab = 0, sbb = 0, sac = 0, sbc = 0, scc = 0;
  for (let t = from; t < to; t++) {
    const fc = lc + phi * bc;
    const fa = la + phi * ba;
    const fb = lb + phi * bb;
    const ec = z[t]! - fc;
    saa += fa * fa;
    sab += fa * fb;
    sbb += fb * fb;
    sac += fa * ec;
    sbc += fb * ec;
    scc += ec * ec;
    lc = fc + alpha * ec;
    la = fa * oneMinusAlpha;
    lb = fb * oneMinusAlpha;
    bc = phi * bc + beta * ec;
    ba = phi * ba - beta * fa;
    bb = phi * bb - beta * fb;
  }
  // Tiny ridge keeps the 2x2 system solvable when alpha is close to 1 (l0 barely matters).
  const ridge = 1e-10 * (saa + sbb + 1e-300);
  const a11 = saa + ridge;
  const a22 = sbb + ridge;
  const det = a11 * a22 - sab * sab;
  if (!(det > 0)) {
    const level0 = a11 > 0 ? sac / a11 : 0;
    return setConcentrated(out, Math.max(0, scc - level0 * sac), level0, 0);
  }
  const level0 = (a22 * sac - sab * sbc) / det;
  const slope0 = (a11 * sbc - sab * sac) / det;
  return setConcentrated(out, Math.max(0, scc - level0 * sac - slope0 * sbc), level0, slope0);
}

function setConcentrated(out: Concentrated, sse: number, level0: number, slope0: number): number {
  out.sse = sse;
  out.level0 = level0;
  out.slope0 = slope0;
  return sse;
}

/**
 * The evaluations of one fit (parameters and results), to look the optimum up afterwards.
 * One log serves every fit in turn (fits do not nest): `reset` starts the next.
 */
class EvaluationLog {
  private values = new Float64Array(6 * 128);
  private count = 0;
  private capacity = 128;

  reset(capacity: number): this {
    if (capacity > this.capacity) {
      this.values = new Float64Array(6 * capacity);
      this.capacity = capacity;
    }
    this.count = 0;
    return this;
  }

  /** Records an evaluation (its results are in `out`) and returns its sum of squares. */
  add(alpha: number, beta: number, phi: number, sse: number, out: Concentrated): number {
    if (this.count < this.capacity) {
      const v = this.values;
      const i = 6 * this.count++;
      v[i] = alpha;
      v[i + 1] = beta;
      v[i + 2] = phi;
      v[i + 3] = out.sse;
      v[i + 4] = out.level0;
      v[i + 5] = out.slope0;
    }
    return sse;
  }

  /** Writes the latest evaluation at exactly these parameters into `out`; false when there is none. */
  recall(alpha: number, beta: number, phi: number, out: Concentrated): boolean {
    const v = this.values;
    for (let k = this.count - 1; k >= 0; k--) {
      const i = 6 * k;
      if (v[i] === alpha && v[i + 1] === beta && v[i + 2] === phi) {
        setConcentrated(out, v[i + 3]!, v[i + 4]!, v[i + 5]!);
        return true;
      }
    }
    return false;
  }
}

const evaluationLog = new EvaluationLog();

export interface EtsStart {
  alpha: number;
  betaShare: number;
  phi: number;
}

export interface FitEtsOptions {
  /** Starting smoothing parameters (e.g. from a fit on a shorter window). */
  start?: EtsStart;
  maxEvaluations?: number;
  /**
   * Steps ahead the smoothing parameter of a model without trend is chosen for: it minimises
   * the mean squared error of the 1- to lossHorizon-step forecasts from every point of the
   * history (default 1: the one-step errors, i.e. maximum likelihood).
   */
  lossHorizon?: number;
}

/** Prefix sums of z[0..n) and of its squares (s[t] = z[0] + ... + z[t - 1]). */
export function prefixSums(z: Float64Array, n: number): { s: Float64Array; q: Float64Array } {
  const s = new Float64Array(n + 1);
  const q = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) {
    s[t + 1] = s[t]! + z[t]!;
    q[t + 1] = q[t]! + z[t]! * z[t]!;
  }
  return { s, q };
}

/**
 * Mean squared error of simple exponential smoothing's 1- to h-step forecasts over z[0..n),
 * minimised over the initial level: from each point t the forecast of z[t..t+h) is the level
 * before z[t], which is c_t + a_t * level0 (linear in the initial level), so the loss is a
 * quadratic in level0 summed over t.
 */
export function multiStepSesLoss(z: Float64Array, n: number, alpha: number, h: number, sums: { s: Float64Array; q: Float64Array }, out: Concentrated): number {
  let c = 0;
  let a = 1;
  let a2 = 0;
  let a1 = 0;
  let a0 = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    const end = Math.min(n, t + h);
    const w = end - t;
    const sum = sums.s[end]! - sums.s[t]!;
    const squares = sums.q[end]! - sums.q[t]!;
    a2 += w * a * a;
    a1 += w * a * c - a * sum;
    a0 += squares - 2 * c * sum + w * c * c;
    count += w;
    c = c + alpha * (z[t]! - c);
    a = a * (1 - alpha);
  }
  const level0 = a2 > 1e-300 ? -a1 / a2 : 0;
  const loss = Math.max(0, a0 + a1 * level0);
  out.sse = loss;
  out.level0 = level0;
  return count > 0 ? loss / count : 0;
}

/** Fits one ETS(A, trend, N) model to y[from..to) by least squares. */
export function fitEts(y: Float64Array, from: number, to: number, trend: EtsTrend, options: FitEtsOptions = {}): EtsFit {
  const n = to - from;
  const { center, scale, z } = standardise(y, from, to);
  const hasTrend = trend !== 'none';
  const best: Concentrated = { sse: 0, level0: 0, slope0: 0 };
  const maxEvaluations = options.maxEvaluations ?? (!hasTrend ? 40 : options.start ? (trend === 'damped' ? 24 : 18) : trend === 'damped' ? 60 : 45);
  const log = evaluationLog.reset(maxEvaluations + 4);
  let alpha: number;
  let betaShare = 0;
  let phi = 1;
  const lossHorizon = Math.min(options.lossHorizon ?? 1, Math.floor(n / 2));
  if (!hasTrend && lossHorizon > 1) {
    // The initial level and the one-step sum of squares (sigma2, AICc) are then the
    // least-squares ones at the alpha chosen (the log holds none: evaluated below).
    const scratch: Concentrated = { sse: 0, level0: 0, slope0: 0 };
    const sums = prefixSums(z, n);
    alpha = brentMinimize((a) => multiStepSesLoss(z, n, a, lossHorizon, sums, scratch), ALPHA_LOWER, ALPHA_UPPER, 1e-4, maxEvaluations).x;
  } else if (!hasTrend) {
    const result = brentMinimize((a) => log.add(a, 0, 1, concentratedSse(z, 0, n, false, a, 0, 1, best), best), ALPHA_LOWER, ALPHA_UPPER, 1e-4, maxEvaluations);
    alpha = result.x;
  } else {
    const damped = trend === 'damped';
    const start = options.start ?? { alpha: 0.3, betaShare: 0.1, phi: 0.94 };
    const lower = damped ? [ALPHA_LOWER, 1e-4, PHI_LOWER] : [ALPHA_LOWER, 1e-4];
    const upper = damped ? [ALPHA_UPPER, 0.9999, PHI_UPPER] : [ALPHA_UPPER, 0.9999];
    const x0 = damped ? [start.alpha, start.betaShare, start.phi] : [start.alpha, start.betaShare];
    const result = nelderMead(
      (x) => {
        const a = x[0]!;
        const b = x[0]! * x[1]!;
        const p = damped ? x[2]! : 1;
        return log.add(a, b, p, concentratedSse(z, 0, n, true, a, b, p, best), best);
      },
      x0,
      { lower, upper, step: damped ? [0.15, 0.2, 0.05] : [0.15, 0.2], maxEvaluations, tolerance: 1e-6 },
    );
    alpha = result.x[0]!;
    betaShare = result.x[1]!;
    phi = damped ? result.x[2]! : 1;
  }
  const beta = alpha * betaShare;
  // The optimum was evaluated during the search: take its initial states from there
  // (the same arguments give the same results) instead of evaluating it once more.
  if (!log.recall(alpha, beta, phi, best)) concentratedSse(z, 0, n, hasTrend, alpha, beta, phi, best);
  const smoothingCount = trend === 'none' ? 1 : trend === 'additive' ? 2 : 3;
  const parameterCount = smoothingCount + (hasTrend ? 2 : 1) + 1;
  const sseOriginal = best.sse * scale * scale;
  return {
    trend,
    alpha,
    beta,
    phi,
    level0: center + best.level0 * scale,
    slope0: best.slope0 * scale,
    sse: sseOriginal,
    n,
    parameterCount,
    aicc: aicc(best.sse / n, n, parameterCount),
    sigma2: sseOriginal / Math.max(1, n - parameterCount + 1),
    center,
    scale,
  };
}

/** AICc of a Gaussian model from its mean squared error (constants common to all models dropped). */
function aicc(meanSquaredError: number, n: number, k: number): number {
  const logLik = -0.5 * n * Math.log(Math.max(meanSquaredError, 1e-300));
  const aic = -2 * logLik + 2 * k;
  return n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
}

let standardScratch = new Float64Array(256);

function standardise(y: Float64Array, from: number, to: number): { center: number; scale: number; z: Float64Array } {
  const n = to - from;
  const center = y[from]!;
  let sumAbs = 0;
  for (let t = from + 1; t < to; t++) sumAbs += Math.abs(y[t]! - y[t - 1]!);
  let scale = n > 1 ? sumAbs / (n - 1) : 0;
  if (!(scale > 0)) scale = Math.abs(center) > 0 ? Math.abs(center) : 1;
  // One scratch array serves every fit in turn (fits do not nest; concentratedSse reads z[0..n) only).
  if (standardScratch.length < n) standardScratch = new Float64Array(Math.max(n, 2 * standardScratch.length));
  const z = standardScratch;
  for (let i = 0; i < n; i++) z[i] = (y[from + i]! - center) / scale;
  return { center, scale, z };
}

/** Runs the fitted filter over y[from..until) and returns the final level and slope. */
export function etsState(y: Float64Array, from: number, until: number, fit: EtsFit): { level: number; slope: number } {
  let level = fit.level0;
  let slope = fit.slope0;
  const limit = fit.errorClip !== undefined && fit.errorClip > 0 ? fit.errorClip : Infinity;
  for (let t = from; t < until; t++) {
    const f = level + fit.phi * slope;
    const raw = y[t]! - f;
    const e = raw > limit ? limit : raw < -limit ? -limit : raw;
    level = f + fit.alpha * e;
    slope = fit.phi * slope + fit.beta * e;
  }
  return { level, slope };
}

/**
 * Point forecasts and forecast standard deviations for steps 1..h from a state
 * (Hyndman et al. 2008, Table 6.1, class 1: var_h = sigma2 (1 + sum_{j<h} c_j^2)).
 */
export function etsForecast(
  fit: EtsFit,
  state: { level: number; slope: number },
  h: number,
  mean: Float64Array,
  sd: Float64Array,
): void {
  let phiSum = 0;
  let phiPower = 1;
  let cumulative = 1;
  for (let step = 1; step <= h; step++) {
    phiPower *= fit.phi;
    phiSum += phiPower;
    mean[step - 1] = state.level + (fit.trend === 'none' ? 0 : phiSum * state.slope);
    sd[step - 1] = Math.sqrt(fit.sigma2 * cumulative);
    const c = fit.alpha + (fit.trend === 'none' ? 0 : fit.beta * phiSum);
    cumulative += c * c;
  }
}

/**
 * Fits each trend type and returns the one with the lowest AICc (R's ets model selection).
 * `fit` makes each fit (default fitEts on y[from..to)); callers pass one that reuses fits
 * already made on the same data.
 */
export function autoEts(
  y: Float64Array,
  from: number,
  to: number,
  trends: readonly EtsTrend[] = ['none', 'additive', 'damped'],
  starts?: Partial<Record<EtsTrend, EtsStart>>,
  fit: (trend: EtsTrend, options: FitEtsOptions) => EtsFit = (trend, options) => fitEts(y, from, to, trend, options),
): EtsFit {
  let best: EtsFit | undefined;
  for (const trend of trends) {
    if (trend !== 'none' && to - from < 5) continue;
    const candidate = fit(trend, { start: starts?.[trend] });
    if (!best || candidate.aicc < best.aicc) best = candidate;
  }
  return best ?? fit('none', {});
}
