/**
 * The local regression smoother used by STL (Cleveland, Cleveland, McRae & Terpenning 1990,
 * "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", J. Official Statistics 6(1)):
 * tricube-weighted local constant or local linear fits over a window of `span` neighbours,
 * evaluated every `jump` points and linearly interpolated in between. Positions are 1-based
 * as in the paper's reference implementation so that window arithmetic matches it exactly.
 */

/**
 * Tricube weights (1 - (r / h)^3)^3 of the integer distances r = 0..h, with the reference
 * implementation's cut-offs (1 within 0.001 h, 0 beyond 0.999 h). They depend on h alone and
 * a smoothing pass uses a handful of h values, so each table is computed once; windows wider
 * than MAX_TABULATED (only periodic seasonal windows) are computed directly.
 */
const MAX_TABULATED = 1024;
const tricubeTables: (Float64Array | undefined)[] = [];

function tricubeTable(h: number): Float64Array {
  const cached = h <= MAX_TABULATED ? tricubeTables[h] : undefined;
  if (cached) return cached;
  const table = new Float64Array(h + 1);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  for (let r = 0; r <= h; r++) {
    if (r > h9) continue;
    if (r <= h1) table[r] = 1;
    else {
      const u = r / h;
      const c = 1 - u * u * u;
      table[r] = c * c * c;
    }
  }
  if (h <= MAX_TABULATED) tricubeTables[h] = table;
  return table;
}

/**
 * Local fit at position xs (1-based integer, may lie outside 1..n) using points nleft..nright
 * (1-based, inclusive), written to out[outIndex]; false (out untouched or NaN) when all
 * weights vanish or the fit is NaN. `weights` is scratch of length >= n. (Writing the value
 * instead of returning it spares a heap-allocated number per call in optimised code.)
 * The passes of the reference algorithm (weights, normalise, centre, spread, adjust, fit)
 * are merged where one only reads what the previous wrote, with the same operations in the
 * same order, so the fitted values are unchanged.
 */
export function loessAt(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  weights: Float64Array,
  robustness: Float64Array | undefined,
  out: Float64Array,
  outIndex: number,
): boolean {
  if (!robustness && nleft === 1 && nright === n && n <= MAX_WHOLE && xs >= 0 && xs <= n + 1) {
    const normalised = wholeWindowWeights(n, span);
    if (normalised && !Number.isNaN(normalised[xs * n]!)) return loessAtWeighted(y, n, degree, xs, 1, n, normalised, xs * n, out, outIndex);
  }
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (span > n) h += Math.floor((span - n) / 2);
  // nleft <= xs + h and nright >= xs - h, so every distance indexes the table.
  const tricube = tricubeTable(h);
  let total = 0;
  // (Separate loops with and without robustness weights, and on either side of xs, spare
  // a branch and an absolute value per point; the weights and their sum are the same.)
  const split = Math.min(nright + 1, Math.max(nleft, xs));
  if (robustness) {
    for (let j = nleft; j < split; j++) {
      const w = tricube[xs - j]! * robustness[j - 1]!;
      total += w;
      weights[j - 1] = w;
    }
    for (let j = split; j <= nright; j++) {
      const w = tricube[j - xs]! * robustness[j - 1]!;
      total += w;
      weights[j - 1] = w;
    }
  } else {
    for (let j = nleft; j < split; j++) {
      const w = tricube[xs - j]!;
      total += w;
      weights[j - 1] = w;
    }
    for (let j = split; j <= nright; j++) {
      const w = tricube[j - xs]!;
      total += w;
      weights[j - 1] = w;
    }
  }
  if (total <= 0) return false;
  let fitted = 0;
  if (!(h > 0 && degree > 0)) {
    for (let j = nleft; j <= nright; j++) fitted += (weights[j - 1]! / total) * y[j - 1]!;
    out[outIndex] = fitted;
    return !Number.isNaN(fitted);
  }
  let center = 0;
  for (let j = nleft; j <= nright; j++) {
    const w = weights[j - 1]! / total;
    weights[j - 1] = w;
    center += w * j;
  }
  let c = 0;
  for (let j = nleft; j <= nright; j++) c += weights[j - 1]! * (j - center) * (j - center);
  if (Math.sqrt(c) > 0.001 * range) {
    const b = (xs - center) / c;
    for (let j = nleft; j <= nright; j++) fitted += weights[j - 1]! * (b * (j - center) + 1) * y[j - 1]!;
  } else {
    for (let j = nleft; j <= nright; j++) fitted += weights[j - 1]! * y[j - 1]!;
  }
  out[outIndex] = fitted;
  return !Number.isNaN(fitted);
}

/**
 * Normalised weights of a window of `span` points without robustness weights, for a fit at
 * position p = xs - nleft inside it (span < n): loessAt's h is max(p, span - 1 - p), so the
 * weights depend on span and p alone and are the same for every window of the smooth (the
 * centred interior ones, and the ends where the window stops at the edge of the series).
 * Computed exactly as loessAt computes them, once per (span, p); row p at p * span, NaN
 * where not computed yet, -Infinity in its first entry where the weights vanish.
 */
const windowTables: (Float64Array | undefined)[] = [];

function windowTable(span: number): Float64Array | undefined {
  if (span > MAX_TABULATED) return undefined;
  let table = windowTables[span];
  if (!table) {
    table = new Float64Array(span * span).fill(Number.NaN);
    windowTables[span] = table;
  }
  return table;
}

/** Fills row p of a windowTable on first use; false where the weights vanish. */
function windowRow(table: Float64Array, span: number, p: number): boolean {
  const row = p * span;
  const first = table[row]!;
  if (first === first) return first !== -Infinity;
  const tricube = tricubeTable(Math.max(p, span - 1 - p));
  let total = 0;
  for (let k = 0; k < span; k++) total += tricube[Math.abs(k - p)]!;
  if (!(total > 0)) {
    table[row] = -Infinity;
    return false;
  }
  for (let k = 0; k < span; k++) table[row + k] = tricube[Math.abs(k - p)]! / total;
  return true;
}

/**
 * Normalised weights of a fit over a whole short series (nleft = 1, nright = n, xs in
 * 0..n + 1) without robustness weights, as loessAt computes them: STL smooths every
 * cycle-subseries of a long season (52 weeks: subseries of 2 to 6 years) this way, with
 * the same n, span and positions over and over. Tables per (span, n), row xs at xs * n;
 * NaN rows where the weights vanish or h = 0 (loessAt then computes the fit itself).
 */
const MAX_WHOLE = 32;
const wholeTables: (Float64Array | undefined)[][] = [];

function wholeWindowWeights(n: number, span: number): Float64Array | undefined {
  if (span > MAX_TABULATED) return undefined;
  const bySpan = (wholeTables[span] ??= []);
  let table = bySpan[n];
  if (!table) {
    table = new Float64Array((n + 2) * n).fill(Number.NaN);
    for (let x = 0; x <= n + 1; x++) {
      let h = Math.max(x - 1, n - x);
      if (span > n) h += Math.floor((span - n) / 2);
      const tricube = tricubeTable(h);
      let total = 0;
      for (let j = 1; j <= n; j++) total += tricube[Math.abs(j - x)]!;
      if (!(total > 0) || !(h > 0)) continue;
      for (let j = 1; j <= n; j++) table[x * n + j - 1] = tricube[Math.abs(j - x)]! / total;
    }
    bySpan[n] = table;
  }
  return table;
}

/** loessAt for a window whose normalised weights are given (from normalised[base] on): same operations, same order. */
function loessAtWeighted(
  y: Float64Array,
  n: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  normalised: Float64Array,
  base: number,
  out: Float64Array,
  outIndex: number,
): boolean {
  const o = base - nleft;
  let fitted = 0;
  if (!(degree > 0)) {
    for (let j = nleft; j <= nright; j++) fitted += normalised[o + j]! * y[j - 1]!;
    out[outIndex] = fitted;
    return !Number.isNaN(fitted);
  }
  let center = 0;
  for (let j = nleft; j <= nright; j++) center += normalised[o + j]! * j;
  let c = 0;
  for (let j = nleft; j <= nright; j++) c += normalised[o + j]! * (j - center) * (j - center);
  if (Math.sqrt(c) > 0.001 * (n - 1)) {
    const b = (xs - center) / c;
    for (let j = nleft; j <= nright; j++) fitted += normalised[o + j]! * (b * (j - center) + 1) * y[j - 1]!;
  } else {
    for (let j = nleft; j <= nright; j++) fitted += normalised[o + j]! * y[j - 1]!;
  }
  out[outIndex] = fitted;
  return !Number.isNaN(fitted);
}

/** Fits position i (1-based) into out[outOffset + i - 1], falling back to the data value. */
function fitPoint(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  i: number,
  nleft: number,
  nright: number,
  weights: Float64Array,
  robustness: Float64Array | undefined,
  out: Float64Array,
  outOffset: number,
  table?: Float64Array,
): void {
  // (table: the windowTable of span, given only without robustness weights and with span < n.)
  if (table && nright - nleft === span - 1 && i >= nleft && i <= nright && windowRow(table, span, i - nleft)) {
    if (!loessAtWeighted(y, n, degree, i, nleft, nright, table, (i - nleft) * span, out, outOffset + i - 1)) out[outOffset + i - 1] = y[i - 1]!;
    return;
  }
  if (!loessAt(y, n, span, degree, i, nleft, nright, weights, robustness, out, outOffset + i - 1)) out[outOffset + i - 1] = y[i - 1]!;
}

/** Loess smooth of y[0..n) into out[outOffset..outOffset + n) (the paper's "stless"). */
export function loessSmooth(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  jump: number,
  robustness: Float64Array | undefined,
  out: Float64Array,
  weights: Float64Array,
  outOffset = 0,
): void {
  if (n < 2) {
    out[outOffset] = y[0]!;
    return;
  }
  const step = Math.max(1, Math.min(jump, n - 1));
  if (span >= n) {
    for (let i = 1; i <= n; i += step) fitPoint(y, n, span, degree, i, 1, n, weights, robustness, out, outOffset);
  } else if (step === 1) {
    const half = Math.floor((span + 1) / 2);
    const table = robustness ? undefined : windowTable(span);
    let nleft = 1;
    let nright = span;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      fitPoint(y, n, span, degree, i, nleft, nright, weights, robustness, out, outOffset, table);
    }
  } else {
    const half = Math.floor((span + 1) / 2);
    const table = robustness ? undefined : windowTable(span);
    for (let i = 1; i <= n; i += step) {
      let nleft: number;
      let nright: number;
      if (i < half) {
        nleft = 1;
        nright = span;
      } else if (i >= n - half + 1) {
        nleft = n - span + 1;
        nright = n;
      } else {
        nleft = i - half + 1;
        nright = span + i - half;
      }
      fitPoint(y, n, span, degree, i, nleft, nright, weights, robustness, out, outOffset, table);
    }
  }
  if (step !== 1) {
    const o = outOffset - 1;
    for (let i = 1; i <= n - step; i += step) {
      const delta = (out[o + i + step]! - out[o + i]!) / step;
      for (let j = i + 1; j <= i + step - 1; j++) out[o + j] = out[o + i]! + delta * (j - i);
    }
    const k = Math.floor((n - 1) / step) * step + 1;
    if (k !== n) {
      const nleft = span >= n ? 1 : n - span + 1;
      fitPoint(y, n, span, degree, n, nleft, n, weights, robustness, out, outOffset, robustness || span >= n ? undefined : windowTable(span));
      if (k !== n - 1) {
        const delta = (out[o + n]! - out[o + k]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) out[o + j] = out[o + k]! + delta * (j - k);
      }
    }
  }
}
