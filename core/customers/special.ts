/**
 * Special functions for the customer model: log-gamma, regularized incomplete gamma and
 * beta, the normal and Student-t distributions. Pure and deterministic.
 */

const LANCZOS_G = 7;
// Lanczos coefficients for g = 7, n = 9 (Godfrey's table, as in Numerical Recipes 3rd ed. §6.1).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITER = 500;

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).
 * Series for x < a + 1, Lentz continued fraction otherwise (Numerical Recipes §6.2).
 */
export function upperIncompleteGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(logPrefix) * h;
}

/** Φ(x), the standard normal CDF, through erfc(z) = Q(1/2, z²). Accurate in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const tail = 0.5 * upperIncompleteGammaQ(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

/** 1 − Φ(x), accurate for large positive x. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/**
 * 1 − Φ(x) through the Chebyshev-fitted erfc of Numerical Recipes 2nd ed. §6.2 (erfcc),
 * fractional error below 1.2e-7 everywhere, tails included: for the hot loops (sampling,
 * calibration), where that is far below the Monte Carlo and estimation noise.
 */
export function fastNormalSurvival(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
}

/**
 * Φ⁻¹(p) by Acklam's rational approximation alone (relative error 1.15e-9): cheap enough
 * for sampling by inversion, where that precision is far below Monte Carlo noise.
 */
export function fastNormalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : Number.NaN;
  if (!(p < 1)) return p === 1 ? Infinity : Number.NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/**
 * Φ⁻¹(p): Acklam's approximation refined by one Halley step against normalCdf, which
 * brings it to about machine precision.
 */
export function normalQuantile(p: number): number {
  const x = fastNormalQuantile(p);
  if (!Number.isFinite(x)) return x;
  // Halley refinement; compare in the smaller tail to keep precision.
  const error = x < 0 ? normalCdf(x) - p : (1 - p) - normalSurvival(x);
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * Regularized incomplete beta I_x(a, b) by Lentz's continued fraction
 * (Numerical Recipes §6.4), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) for convergence.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b);
  if (x > (a + 1) / (a + b + 2)) return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
  return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** CDF of the standard Student-t with ν degrees of freedom (Abramowitz & Stegun 26.7.1 via I_x). */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const nu = degreesOfFreedom;
  const t2 = t * t;
  if (t2 < nu) {
    // Near the centre ν/(ν+t²) rounds to 1; use I_{t²/(ν+t²)}(½, ν/2) = 1 − I_{ν/(ν+t²)}(ν/2, ½).
    const central = 0.5 * regularizedIncompleteBeta(t2 / (nu + t2), 0.5, nu / 2);
    return t > 0 ? 0.5 + central : 0.5 - central;
  }
  const tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t2), nu / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Upper tail 1 − F(t), accurate for large positive t. */
export function studentTSurvival(t: number, degreesOfFreedom: number): number {
  return studentTCdf(-t, degreesOfFreedom);
}

/**
 * Student-t quantile by safeguarded bisection/Newton on the CDF (monotone, so bisection
 * alone is exact to the tolerance; Newton steps only speed it up).
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : Number.NaN;
  if (!(p < 1)) return p === 1 ? Infinity : Number.NaN;
  if (p === 0.5) return 0;
  const nu = degreesOfFreedom;
  // Bracket: start from the normal quantile and widen.
  let x = normalQuantile(p);
  let lo = x - 1;
  let hi = x + 1;
  while (studentTCdf(lo, nu) > p) lo = lo * 2 - 1;
  while (studentTCdf(hi, nu) < p) hi = hi * 2 + 1;
  const logNorm = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(x, nu) - p;
    if (Math.abs(f) < 1e-14) break;
    if (f > 0) hi = x;
    else lo = x;
    const density = Math.exp(logNorm - ((nu + 1) / 2) * Math.log1p((x * x) / nu));
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-13 * Math.max(1, Math.abs(x))) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}
