/**
 * Fourier (harmonic) seasonality: a least-squares fit of sin/cos pairs of period P to a
 * detrended series, with the number of harmonics K chosen by AICc. The harmonics are nested
 * (column order 1, sin 1, cos 1, sin 2, cos 2, ...), so one Cholesky factorisation of the
 * normal equations gives the residual sum of squares of every K at once:
 * RSS_j = r'r - sum_{i<j} z_i^2 with z = L^{-1} X'r (e.g. Golub & Van Loan, §5.3).
 * Non-integer periods such as 365.25 / 7 weeks are fine.
 */

/** Writes [1, sin(wt), cos(wt), ..., sin(Kwt), cos(Kwt)] for t into row (length 2K + 1). */
export function fourierRow(t: number, period: number, harmonics: number, row: Float64Array): void {
  const angle = (2 * Math.PI * t) / period;
  const s1 = Math.sin(angle);
  const c1 = Math.cos(angle);
  row[0] = 1;
  let s = s1;
  let c = c1;
  for (let k = 1; k <= harmonics; k++) {
    row[2 * k - 1] = s;
    row[2 * k] = c;
    // Angle addition: sin((k+1)a), cos((k+1)a) from sin(ka), cos(ka).
    const nextS = s * c1 + c * s1;
    const nextC = c * c1 - s * s1;
    s = nextS;
    c = nextC;
  }
}

export interface FourierFit {
  period: number;
  harmonics: number;
  /** Coefficients for [1, sin 1, cos 1, ...]; the constant is part of the fit, not the seasonal. */
  coefficients: Float64Array;
  rss: number;
}

interface Factor {
  p: number;
  usable: number;
  lower: Float64Array;
}

/** Cholesky factors of the Fourier normal equations depend only on (period, harmonics, n, offset): cache a few. */
const factorCache = new Map<string, Factor>();
const FACTOR_CACHE_SIZE = 64;

function choleskyFactor(n: number, period: number, kMax: number, offset: number): Factor {
  const key = `${period}|${kMax}|${n}|${offset}`;
  const cached = factorCache.get(key);
  if (cached) return cached;
  const p = 2 * kMax + 1;
  const gram = new Float64Array(p * p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    fourierRow(offset + i, period, kMax, row);
    for (let a = 0; a < p; a++) {
      const ra = row[a]!;
      const base = a * p;
      for (let b = 0; b <= a; b++) gram[base + b] = gram[base + b]! + ra * row[b]!;
    }
  }
  // Cholesky G = L L' (lower triangle); stops at the first column that is (nearly) collinear.
  const lower = new Float64Array(p * p);
  let usable = p;
  for (let a = 0; a < p && usable === p; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = gram[a * p + b]!;
      for (let k = 0; k < b; k++) sum -= lower[a * p + k]! * lower[b * p + k]!;
      if (a === b) {
        if (!(sum > 1e-9 * (gram[a * p + a]! + 1e-300))) {
          usable = a;
          break;
        }
        lower[a * p + a] = Math.sqrt(sum);
      } else lower[a * p + b] = sum / lower[b * p + b]!;
    }
  }
  const factor = { p, usable, lower };
  if (factorCache.size >= FACTOR_CACHE_SIZE) factorCache.delete(factorCache.keys().next().value!);
  factorCache.set(key, factor);
  return factor;
}

/**
 * Fits x[0..n) (time index t = offset + i) with up to maxHarmonics harmonics and returns
 * the AICc-best number of harmonics (at least 1).
 */
export function fitFourier(x: Float64Array, n: number, period: number, maxHarmonics: number, offset = 0): FourierFit {
  const kMax = Math.max(1, Math.min(maxHarmonics, Math.floor(period / 2), Math.floor((n - 3) / 2 / 1.5)));
  const { p, usable, lower } = choleskyFactor(n, period, kMax, offset);
  const rhs = new Float64Array(p);
  const row = new Float64Array(p);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    fourierRow(offset + i, period, kMax, row);
    const v = x[i]!;
    rr += v * v;
    for (let a = 0; a < p; a++) rhs[a] = rhs[a]! + row[a]! * v;
  }
  const z = new Float64Array(p);
  for (let a = 0; a < usable; a++) {
    let sum = rhs[a]!;
    for (let k = 0; k < a; k++) sum -= lower[a * p + k]! * z[k]!;
    z[a] = sum / lower[a * p + a]!;
  }
  let bestK = 1;
  let bestAicc = Infinity;
  let explained = z[0]! * z[0]!;
  for (let k = 1; k <= kMax && 2 * k + 1 <= usable; k++) {
    explained += z[2 * k - 1]! * z[2 * k - 1]! + z[2 * k]! * z[2 * k]!;
    const rss = Math.max(rr - explained, 1e-300 + 1e-12 * rr);
    const params = 2 * k + 2;
    if (n - params - 1 <= 0) break;
    const aicc = n * Math.log(rss / n) + 2 * params + (2 * params * (params + 1)) / (n - params - 1);
    if (aicc < bestAicc) {
      bestAicc = aicc;
      bestK = k;
    }
  }
  const q = Math.min(2 * bestK + 1, usable);
  const coefficients = new Float64Array(q);
  for (let a = q - 1; a >= 0; a--) {
    let sum = z[a]!;
    for (let k = a + 1; k < q; k++) sum -= lower[k * p + a]! * coefficients[k]!;
    coefficients[a] = sum / lower[a * p + a]!;
  }
  let rssBest = rr;
  for (let a = 0; a < q; a++) rssBest -= z[a]! * z[a]!;
  return { period, harmonics: (q - 1) / 2, coefficients, rss: Math.max(0, rssBest) };
}

/** The seasonal part (without the constant) of a fit at time index t. */
export function fourierSeasonal(fit: FourierFit, t: number, row: Float64Array): number {
  fourierRow(t, fit.period, fit.harmonics, row);
  let v = 0;
  for (let a = 1; a < fit.coefficients.length; a++) v += fit.coefficients[a]! * row[a]!;
  return v;
}
