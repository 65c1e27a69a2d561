/**
 * Gradient histograms: per feature and bin, the sums of gradients, hessians and row
 * counts of a node's rows. Layout: hist[(feature * 256 + bin) * 3 + {0: grad, 1: hess, 2: count}].
 * A child's histogram is its parent's minus its sibling's (the subtraction trick), so
 * only the smaller child is ever built from rows.
 */
import { MISSING_BIN } from './binning';

export const BINS_PER_FEATURE = 256;
export const HIST_STRIDE = 3;

export function histogramSize(nFeatures: number): number {
  return nFeatures * BINS_PER_FEATURE * HIST_STRIDE;
}

/**
 * Zeroes the bins a feature's rows can fall in: its value bins and MISSING_BIN. The
 * others are never written, read or subtracted (histograms of a training all come from
 * one binning), which saves most of the per-node work for features with few values.
 */
export function clearHistogram(hist: Float64Array, features: Int32Array, valueBinCounts: Int32Array): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j]!;
    const start = f * BINS_PER_FEATURE * HIST_STRIDE;
    hist.fill(0, start, start + valueBinCounts[f]! * HIST_STRIDE);
    const missing = start + MISSING_BIN * HIST_STRIDE;
    hist.fill(0, missing, missing + HIST_STRIDE);
  }
}

/**
 * Builds hist from the rows rows[start..end) over the listed features. Bins are
 * column-major (feature f's bins are binsByFeature[f * nRows + row]); gradients are
 * gathered once into row order so each pass reads them sequentially, and four features
 * share one pass over the rows (one row index and gradient load for four updates).
 * Each kind of pass is a function of its own, with no closures: in a cold worker V8
 * optimizes a loop while it runs, and optimized code that reached a pass that had not
 * run yet, or called another closure, was thrown away and compiled again.
 */
export function buildHistogram(
  hist: Float64Array,
  binsByFeature: Uint8Array,
  nRows: number,
  features: Int32Array,
  valueBinCounts: Int32Array,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  constantHessian: boolean,
  scratch: { grad: Float64Array; hess: Float64Array },
): void {
  clearHistogram(hist, features, valueBinCounts);
  const n = end - start;
  const orderedGrad = scratch.grad;
  const orderedHess = scratch.hess;
  gatherRows(orderedGrad, grad, rows, start, n);
  if (!constantHessian) gatherRows(orderedHess, hess, rows, start, n);
  const stride = BINS_PER_FEATURE * HIST_STRIDE;
  let j = 0;
  for (; j + 4 <= features.length; j += 4) {
    const f0 = features[j]!;
    const f1 = features[j + 1]!;
    const f2 = features[j + 2]!;
    const f3 = features[j + 3]!;
    const c0 = binsByFeature.subarray(f0 * nRows, (f0 + 1) * nRows);
    const c1 = binsByFeature.subarray(f1 * nRows, (f1 + 1) * nRows);
    const c2 = binsByFeature.subarray(f2 * nRows, (f2 + 1) * nRows);
    const c3 = binsByFeature.subarray(f3 * nRows, (f3 + 1) * nRows);
    if (constantHessian) addFourCounted(hist, c0, c1, c2, c3, f0 * stride, f1 * stride, f2 * stride, f3 * stride, rows, start, n, orderedGrad);
    else addFour(hist, c0, c1, c2, c3, f0 * stride, f1 * stride, f2 * stride, f3 * stride, rows, start, n, orderedGrad, orderedHess);
  }
  for (; j < features.length; j++) {
    const f = features[j]!;
    addOne(hist, binsByFeature.subarray(f * nRows, (f + 1) * nRows), f * stride, rows, start, n, orderedGrad, orderedHess, constantHessian);
  }
  // hessian = count when every hessian is 1
  if (constantHessian) copyCountsToHessians(hist, features, valueBinCounts);
}

function gatherRows(out: Float64Array, values: Float64Array, rows: Uint32Array, start: number, n: number): void {
  for (let i = 0; i < n; i++) out[i] = values[rows[start + i]!]!;
}

/** Four features' gradient sums and counts (hessians filled from the counts afterwards). */
function addFourCounted(
  hist: Float64Array,
  c0: Uint8Array,
  c1: Uint8Array,
  c2: Uint8Array,
  c3: Uint8Array,
  b0: number,
  b1: number,
  b2: number,
  b3: number,
  rows: Uint32Array,
  start: number,
  n: number,
  orderedGrad: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = rows[start + i]!;
    const g = orderedGrad[i]!;
    let k = b0 + c0[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b1 + c1[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b2 + c2[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b3 + c3[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 2] = hist[k + 2]! + 1;
  }
}

function addFour(
  hist: Float64Array,
  c0: Uint8Array,
  c1: Uint8Array,
  c2: Uint8Array,
  c3: Uint8Array,
  b0: number,
  b1: number,
  b2: number,
  b3: number,
  rows: Uint32Array,
  start: number,
  n: number,
  orderedGrad: Float64Array,
  orderedHess: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const row = rows[start + i]!;
    const g = orderedGrad[i]!;
    const h = orderedHess[i]!;
    let k = b0 + c0[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 1] = hist[k + 1]! + h;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b1 + c1[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 1] = hist[k + 1]! + h;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b2 + c2[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 1] = hist[k + 1]! + h;
    hist[k + 2] = hist[k + 2]! + 1;
    k = b3 + c3[row]! * 3;
    hist[k] = hist[k]! + g;
    hist[k + 1] = hist[k + 1]! + h;
    hist[k + 2] = hist[k + 2]! + 1;
  }
}

function addOne(
  hist: Float64Array,
  c: Uint8Array,
  base: number,
  rows: Uint32Array,
  start: number,
  n: number,
  orderedGrad: Float64Array,
  orderedHess: Float64Array,
  constantHessian: boolean,
): void {
  for (let i = 0; i < n; i++) {
    const k = base + c[rows[start + i]!]! * 3;
    hist[k] = hist[k]! + orderedGrad[i]!;
    if (!constantHessian) hist[k + 1] = hist[k + 1]! + orderedHess[i]!;
    hist[k + 2] = hist[k + 2]! + 1;
  }
}

function copyCountsToHessians(hist: Float64Array, features: Int32Array, valueBinCounts: Int32Array): void {
  const stride = BINS_PER_FEATURE * HIST_STRIDE;
  for (let jj = 0; jj < features.length; jj++) {
    const f = features[jj]!;
    const base = f * stride;
    for (let k = base, end = base + valueBinCounts[f]! * HIST_STRIDE; k < end; k += 3) hist[k + 1] = hist[k + 2]!;
    const missing = base + MISSING_BIN * HIST_STRIDE;
    hist[missing + 1] = hist[missing + 2]!;
  }
}

/** target = parent - sibling, over the listed features' value bins and MISSING_BIN (target may alias parent). */
export function subtractHistogram(target: Float64Array, parent: Float64Array, sibling: Float64Array, features: Int32Array, valueBinCounts: Int32Array): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j]!;
    const startK = f * BINS_PER_FEATURE * HIST_STRIDE;
    const endK = startK + valueBinCounts[f]! * HIST_STRIDE;
    for (let k = startK; k < endK; k++) target[k] = parent[k]! - sibling[k]!;
    const missing = startK + MISSING_BIN * HIST_STRIDE;
    for (let k = missing; k < missing + HIST_STRIDE; k++) target[k] = parent[k]! - sibling[k]!;
  }
}

export interface SplitConstraints {
  lambdaL2: number;
  minDataInLeaf: number;
  minSumHessian: number;
  minSplitGain: number;
}

export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Rows with a value bin <= bin go left; bin = value bins - 1 splits values from missing. */
  bin: number;
  /** Rows with a missing value go left (else right). */
  missingLeft: boolean;
  leftGrad: number;
  leftHess: number;
  leftCount: number;
}

/**
 * No split yet. The left sums start as NaN (there are none), not 0: V8 stores a field first
 * set to a small integer as one, and the first fractional sum then changed the object's
 * hidden class mid-training, which discarded the optimized growTree and findBestSplit.
 */
export function noSplit(): SplitCandidate {
  return { gain: -Infinity, feature: -1, bin: -1, missingLeft: false, leftGrad: NaN, leftHess: NaN, leftCount: NaN };
}

/**
 * Best split of a node from its histogram: the second-order gain
 * G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) (Chen & Guestrin 2016, eq. 7, without the ½ and γ).
 * Rows with a missing value go to whichever side gains more (XGBoost's sparsity-aware
 * split finding, Chen & Guestrin §3.4). Returns gain −Infinity when nothing qualifies.
 */
export function findBestSplit(
  hist: Float64Array,
  features: Int32Array,
  valueBinCounts: Int32Array,
  totalGrad: number,
  totalHess: number,
  totalCount: number,
  constraints: SplitConstraints,
): SplitCandidate {
  const { lambdaL2, minDataInLeaf, minSumHessian, minSplitGain } = constraints;
  const parentScore = (totalGrad * totalGrad) / (totalHess + lambdaL2);
  const best = noSplit();
  for (let j = 0; j < features.length; j++) {
    const f = features[j]!;
    scanFeature(best, hist, f, valueBinCounts[f]!, totalGrad, totalHess, totalCount, parentScore, lambdaL2, minDataInLeaf, minSumHessian);
  }
  // (Not the literal -Infinity, a negation that rarely runs: optimized code bailed out on it.)
  if (best.gain <= minSplitGain) best.gain = Number.NEGATIVE_INFINITY;
  return best;
}

/**
 * The splits of one feature into `best` (a function of its own: V8 reuses the code it
 * optimized while this loop ran, and code after it in findBestSplit that had not run yet
 * made that code bail out again on every call).
 */
function scanFeature(
  best: SplitCandidate,
  hist: Float64Array,
  f: number,
  nBins: number,
  totalGrad: number,
  totalHess: number,
  totalCount: number,
  parentScore: number,
  lambdaL2: number,
  minDataInLeaf: number,
  minSumHessian: number,
): void {
  const base = f * BINS_PER_FEATURE * HIST_STRIDE;
  const missingK = base + MISSING_BIN * HIST_STRIDE;
  const missingGrad = hist[missingK]!;
  const missingHess = hist[missingK + 1]!;
  const missingCount = hist[missingK + 2]!;
  let leftGrad = 0;
  let leftHess = 0;
  let leftCount = 0;
  const lastBin = missingCount > 0 ? nBins - 1 : nBins - 2;
  for (let b = 0; b <= lastBin; b++) {
    const k = base + b * HIST_STRIDE;
    // An empty bin leaves the sums as they were at b - 1, so its splits gain exactly as
    // much as those, which cannot beat them (strictly greater wins): skip it.
    if (b > 0 && hist[k + 2] === 0) continue;
    leftGrad += hist[k]!;
    leftHess += hist[k + 1]!;
    leftCount += hist[k + 2]!;
    consider(best, f, b, false, leftGrad, leftHess, leftCount, totalGrad, totalHess, totalCount, parentScore, lambdaL2, minDataInLeaf, minSumHessian);
    if (missingCount > 0 && b < nBins - 1) {
      consider(best, f, b, true, leftGrad + missingGrad, leftHess + missingHess, leftCount + missingCount, totalGrad, totalHess, totalCount, parentScore, lambdaL2, minDataInLeaf, minSumHessian);
    }
  }
}

/** Takes the split into `best` when it is allowed and gains more (a module function, not a closure: see buildHistogram). */
function consider(
  best: SplitCandidate,
  f: number,
  b: number,
  missingLeft: boolean,
  lg: number,
  lh: number,
  lc: number,
  totalGrad: number,
  totalHess: number,
  totalCount: number,
  parentScore: number,
  lambdaL2: number,
  minDataInLeaf: number,
  minSumHessian: number,
): void {
  const rc = totalCount - lc;
  const rh = totalHess - lh;
  if (lc < minDataInLeaf || lh < minSumHessian || rc < minDataInLeaf || rh < minSumHessian) return;
  const rg = totalGrad - lg;
  const gain = (lg * lg) / (lh + lambdaL2) + (rg * rg) / (rh + lambdaL2) - parentScore;
  if (gain > best.gain) {
    best.gain = gain;
    best.feature = f;
    best.bin = b;
    best.missingLeft = missingLeft;
    best.leftGrad = lg;
    best.leftHess = lh;
    best.leftCount = lc;
  }
}
