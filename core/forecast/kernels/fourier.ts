/**
 * Fourier (harmonic) seasonality: a least-squares fit of sin/cos pairs of period P to a
 * detrended series, with the number of harmonics K chosen by AICc. The harmonics are nested
 * (column order 1, sin 1, cos 1, sin 2, cos 2, ...), so one Cholesky factorisation of the
 * normal equations gives the residual sum of squares of every K at once:
 * RSS_j = r'r - sum_{i<j} z_i^2 with z = L^{-1} X'r (e.g. Golub & Van Loan, §5.3).
 * Non-integer periods such as 365.25 / 7 weeks are fine.
 */

/**
 * Writes [1, sin(wt), cos(wt), ..., sin(Kwt), cos(Kwt)] for t into row (length 2K + 1),
 * or with `lead` = 2 [1, trend, sin(wt), ...] where trend is (t - trendCenter) / trendScale.
 */
export function fourierRow(t: number, period: number, harmonics: number, row: Float64Array, lead = 1, trendCenter = 0, trendScale = 1): void {
  const angle = (2 * Math.PI * t) / period;
  const s1 = Math.sin(angle);
  const c1 = Math.cos(angle);
  row[0] = 1;
  if (lead === 2) row[1] = (t - trendCenter) / trendScale;
  let s = s1;
  let c = c1;
  for (let k = 1; k <= harmonics; k++) {
    row[lead + 2 * k - 2] = s;
    row[lead + 2 * k - 1] = c;
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
  /** Coefficients for [1, (trend,) sin 1, cos 1, ...]; constant and trend are not part of the seasonal. */
  coefficients: Float64Array;
  rss: number;
  /** 1 without a trend column, 2 with one. */
  lead: number;
  trendCenter: number;
  trendScale: number;
  /**
   * The design matrix of the fitted window (shared, read-only), column-major: entry
   * (t - offset, a) at a * n + t - offset. Columns keep the dot products of the fit and of
   * fourierSeasonalRange on contiguous memory with one running sum each.
   */
  columns: Float64Array;
  p: number;
  offset: number;
  n: number;
}

interface Factor {
  p: number;
  usable: number;
  lower: Float64Array;
  columns: Float64Array;
}

/** Cholesky factors of the Fourier normal equations depend only on (period, harmonics, n, offset): cache a few. */
const factorCache = new Map<string, Factor>();
const FACTOR_CACHE_SIZE = 64;

function choleskyFactor(n: number, period: number, kMax: number, offset: number, lead: number): Factor {
  const key = `${period}|${kMax}|${n}|${offset}|${lead}`;
  const cached = factorCache.get(key);
  if (cached) return cached;
  const p = 2 * kMax + lead;
  const columns = new Float64Array(n * p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    fourierRow(offset + i, period, kMax, row, lead, offset + (n - 1) / 2, n);
    for (let a = 0; a < p; a++) columns[a * n + i] = row[a]!;
  }
  // Gram matrix X'X (lower triangle): row a is X' times column a.
  const gram = new Float64Array(p * p);
  for (let a = 0; a < p; a++) gram.set(columnDots(columns, n, a + 1, columns.subarray(a * n, (a + 1) * n)), a * p);
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
  const factor = { p, usable, lower, columns };
  if (factorCache.size >= FACTOR_CACHE_SIZE) factorCache.delete(factorCache.keys().next().value!);
  factorCache.set(key, factor);
  return factor;
}

/**
 * X'x for the column-major n x p matrix X: each entry summed over i in order. Four columns
 * at a time, so that four independent running sums keep the floating-point unit busy
 * (one sum alone waits for each addition to finish).
 */
function columnDots(columns: Float64Array, n: number, p: number, x: Float64Array): Float64Array {
  const out = new Float64Array(p);
  let a = 0;
  for (; a + 4 <= p; a += 4) {
    const base = a * n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      s0 += columns[base + i]! * v;
      s1 += columns[base + n + i]! * v;
      s2 += columns[base + 2 * n + i]! * v;
      s3 += columns[base + 3 * n + i]! * v;
    }
    out[a] = s0;
    out[a + 1] = s1;
    out[a + 2] = s2;
    out[a + 3] = s3;
  }
  for (; a < p; a++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += columns[a * n + i]! * x[i]!;
    out[a] = sum;
  }
  return out;
}

/**
 * Fits x[0..n) (time index t = offset + i) with up to maxHarmonics harmonics and returns
 * the AICc-best number of harmonics (at least 1).
 */
export function fitFourier(x: Float64Array, n: number, period: number, maxHarmonics: number, offset = 0, withTrend = false): FourierFit {
  const lead = withTrend ? 2 : 1;
  const kMax = Math.max(1, Math.min(maxHarmonics, Math.floor(period / 2), Math.floor((n - 3) / 2 / 1.5)));
  const { p, usable, lower, columns } = choleskyFactor(n, period, kMax, offset, lead);
  const trendCenter = offset + (n - 1) / 2;
  let rr = 0;
  for (let i = 0; i < n; i++) rr += x[i]! * x[i]!;
  const rhs = columnDots(columns, n, p, x);
  const z = new Float64Array(p);
  for (let a = 0; a < usable; a++) {
    let sum = rhs[a]!;
    for (let k = 0; k < a; k++) sum -= lower[a * p + k]! * z[k]!;
    z[a] = sum / lower[a * p + a]!;
  }
  let bestK = 1;
  let bestAicc = Infinity;
  let explained = 0;
  for (let a = 0; a < Math.min(lead, usable); a++) explained += z[a]! * z[a]!;
  for (let k = 1; k <= kMax && 2 * k + lead <= usable; k++) {
    explained += z[lead + 2 * k - 2]! * z[lead + 2 * k - 2]! + z[lead + 2 * k - 1]! * z[lead + 2 * k - 1]!;
    const rss = Math.max(rr - explained, 1e-300 + 1e-12 * rr);
    const params = 2 * k + lead + 1;
    if (n - params - 1 <= 0) break;
    const aicc = n * Math.log(rss / n) + 2 * params + (2 * params * (params + 1)) / (n - params - 1);
    if (aicc < bestAicc) {
      bestAicc = aicc;
      bestK = k;
    }
  }
  const q = Math.min(2 * bestK + lead, usable);
  const coefficients = new Float64Array(q);
  for (let a = q - 1; a >= 0; a--) {
    let sum = z[a]!;
    for (let k = a + 1; k < q; k++) sum -= lower[k * p + a]! * coefficients[k]!;
    coefficients[a] = sum / lower[a * p + a]!;
  }
  let rssBest = rr;
  for (let a = 0; a < q; a++) rssBest -= z[a]! * z[a]!;
  return { period, harmonics: Math.max(0, Math.floor((q - lead) / 2)), coefficients, rss: Math.max(0, rssBest), lead, trendCenter, trendScale: n, columns, p, offset, n };
}

/**
 * The seasonal part for t in [from, to) into out[0..to - from): from the cached design
 * columns inside the fitted window (summed harmonic by harmonic, in the same order as
 * fourierSeasonal), computed afresh outside it.
 */
export function fourierSeasonalRange(fit: FourierFit, from: number, to: number, out: Float64Array): Float64Array {
  const { coefficients, columns, offset, n, lead } = fit;
  const last = lead + 2 * fit.harmonics;
  const inFrom = Math.min(to, Math.max(from, offset));
  const inTo = Math.max(inFrom, Math.min(to, offset + n));
  const row = new Float64Array(coefficients.length);
  for (let t = from; t < inFrom; t++) out[t - from] = fourierSeasonal(fit, t, row);
  out.fill(0, inFrom - from, inTo - from);
  // Four columns per pass over t: each out[t] still adds its terms column by column in
  // ascending order (the same sums), with a quarter of the loads and stores of out.
  let a = lead;
  for (; a + 4 <= last; a += 4) {
    const c0 = coefficients[a]!, c1 = coefficients[a + 1]!, c2 = coefficients[a + 2]!, c3 = coefficients[a + 3]!;
    const b0 = a * n - offset, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
    for (let t = inFrom; t < inTo; t++) {
      out[t - from] = out[t - from]! + c0 * columns[b0 + t]! + c1 * columns[b1 + t]! + c2 * columns[b2 + t]! + c3 * columns[b3 + t]!;
    }
  }
  for (; a < last; a++) {
    const coefficient = coefficients[a]!;
    const base = a * n - offset;
    for (let t = inFrom; t < inTo; t++) out[t - from] = out[t - from]! + coefficient * columns[base + t]!;
  }
  for (let t = inTo; t < to; t++) out[t - from] = fourierSeasonal(fit, t, row);
  return out;
}

/** The seasonal part (without the constant) of a fit at time index t. */
export function fourierSeasonal(fit: FourierFit, t: number, row: Float64Array): number {
  fourierRow(t, fit.period, fit.harmonics, row, fit.lead, fit.trendCenter, fit.trendScale);
  let v = 0;
  for (let a = fit.lead; a < fit.lead + 2 * fit.harmonics; a++) v += fit.coefficients[a]! * row[a]!;
  return v;
}
