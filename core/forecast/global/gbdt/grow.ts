/**
 * Grows one regression tree on binned rows by best-first (leaf-wise) or level-order
 * (depth-wise) expansion, limited by leaf count, depth, leaf size and minimum gain.
 */
import { MISSING_BIN } from './binning';
import type { SplitCandidate, SplitConstraints } from './histogram';
import { buildHistogram, findBestSplit, histogramSize, noSplit, subtractHistogram } from './histogram';
import type { RegressionTree } from './tree';

export interface GrowOptions extends SplitConstraints {
  maxLeaves: number;
  maxDepth: number;
  growth: 'leafwise' | 'depthwise';
}

export interface GrowInput {
  /** Column-major bins: feature f of row r is binsByFeature[f * nRows + r]. */
  binsByFeature: Uint8Array;
  nRows: number;
  valueBinCounts: Int32Array;
  /** float32 thresholds per feature (BinMapper.edges) to turn bin splits into value splits. */
  edges: Float32Array[];
  grad: Float64Array;
  hess: Float64Array;
  constantHessian: boolean;
  /** The rows of this tree (bagged sample); reordered in place so each leaf is a segment. */
  rows: Uint32Array;
  features: Int32Array;
}

export interface GrownTree {
  tree: RegressionTree;
  /** Segment [leafStart[l], leafEnd[l]) of `rows` holds the rows of leaf l. */
  leafStart: Int32Array;
  leafEnd: Int32Array;
  leafGrad: Float64Array;
  leafHess: Float64Array;
}

interface OpenLeaf {
  start: number;
  end: number;
  depth: number;
  grad: number;
  hess: number;
  count: number;
  hist: Float64Array;
  split: SplitCandidate;
  /** Internal node whose child pointer this leaf fills, and which side (-1 for the root). */
  parent: number;
  isLeft: boolean;
}

function scratchOf(n: number): { grad: Float64Array; hess: Float64Array; rows: Uint32Array } {
  return { grad: new Float64Array(n), hess: new Float64Array(n), rows: new Uint32Array(n) };
}

/** Reusable histogram buffers (one per open leaf), so trees allocate nothing big. */
export class HistogramPool {
  // Made from a list of arrays, not `[]`: V8 gives an empty literal the hidden class of a list
  // of small integers and changes it at the first push, so every new pool (each training)
  // threw away the optimized growTree, which was compiled for the class after that change.
  private free: Float64Array[] = [new Float64Array(0)].slice(0, 0);
  // Always from scratchOf: objects from two literals have two hidden classes, and changing
  // this field's class changed the pool's, which threw away the optimized growTree.
  private scratchBuffers = scratchOf(0);
  constructor(private readonly size: number) {}
  /** Gradient gather and row spill buffers of at least n entries. */
  scratch(n: number): { grad: Float64Array; hess: Float64Array; rows: Uint32Array } {
    if (this.scratchBuffers.grad.length < n) this.scratchBuffers = scratchOf(n);
    return this.scratchBuffers;
  }
  static forFeatures(nFeatures: number): HistogramPool {
    return new HistogramPool(histogramSize(nFeatures));
  }
  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }
  give(hist: Float64Array): void {
    this.free.push(hist);
  }
}

export function growTree(input: GrowInput, options: GrowOptions, pool: HistogramPool): GrownTree {
  const { binsByFeature, nRows, grad, hess, rows, features, valueBinCounts, constantHessian } = input;
  const scratch = pool.scratch(rows.length);
  let totalGrad = 0;
  let totalHess = 0;
  for (let i = 0; i < rows.length; i++) {
    totalGrad += grad[rows[i]!]!;
    totalHess += hess[rows[i]!]!;
  }
  const rootHist = pool.take();
  buildHistogram(rootHist, binsByFeature, nRows, features, valueBinCounts, rows, 0, rows.length, grad, hess, constantHessian, scratch);

  const open: OpenLeaf[] = [
    {
      start: 0, end: rows.length, depth: 0, grad: totalGrad, hess: totalHess, count: rows.length,
      hist: rootHist, split: splitOf(rootHist, features, valueBinCounts, totalGrad, totalHess, rows.length, 0, options), parent: -1, isLeft: false,
    },
  ];
  const feature: number[] = [];
  const threshold: number[] = [];
  const thresholdBin: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const gains: number[] = [];

  while (open.length < options.maxLeaves) {
    const pick = pickLeafToSplit(open, options.growth);
    if (pick < 0) break;
    const leaf = open[pick]!;
    const { feature: f, bin } = leaf.split;
    const node = feature.length;
    feature.push(f);
    // The bin past the last edge splits values (all left) from missing ones.
    threshold.push(bin < input.edges[f]!.length ? input.edges[f]![bin]! : Infinity);
    thresholdBin.push(bin);
    missingLeft.push(leaf.split.missingLeft ? 1 : 0);
    left.push(0);
    right.push(0);
    gains.push(leaf.split.gain);
    if (leaf.parent >= 0) (leaf.isLeft ? left : right)[leaf.parent] = node;

    const mid = partitionRows(rows, leaf.start, leaf.end, binsByFeature.subarray(f * nRows, (f + 1) * nRows), bin, leaf.split.missingLeft, scratch.rows);
    const leftCount = mid - leaf.start;
    const rightCount = leaf.end - mid;
    const leftGrad = leaf.split.leftGrad;
    const leftHess = leaf.split.leftHess;
    const smallHist = pool.take();
    const leftIsSmaller = leftCount <= rightCount;
    if (leftIsSmaller) buildHistogram(smallHist, binsByFeature, nRows, features, valueBinCounts, rows, leaf.start, mid, grad, hess, constantHessian, scratch);
    else buildHistogram(smallHist, binsByFeature, nRows, features, valueBinCounts, rows, mid, leaf.end, grad, hess, constantHessian, scratch);
    const largeHist = leaf.hist;
    subtractHistogram(largeHist, leaf.hist, smallHist, features, valueBinCounts);
    const depth = leaf.depth + 1;
    const leftHist = leftIsSmaller ? smallHist : largeHist;
    const rightHist = leftIsSmaller ? largeHist : smallHist;
    const rightGrad = leaf.grad - leftGrad;
    const rightHess = leaf.hess - leftHess;
    const leftLeaf: OpenLeaf = {
      start: leaf.start, end: mid, depth, grad: leftGrad, hess: leftHess, count: leftCount, hist: leftHist,
      split: splitOf(leftHist, features, valueBinCounts, leftGrad, leftHess, leftCount, depth, options), parent: node, isLeft: true,
    };
    const rightLeaf: OpenLeaf = {
      start: mid, end: leaf.end, depth, grad: rightGrad, hess: rightHess, count: rightCount, hist: rightHist,
      split: splitOf(rightHist, features, valueBinCounts, rightGrad, rightHess, rightCount, depth, options), parent: node, isLeft: false,
    };
    open.splice(pick, 1, leftLeaf, rightLeaf);
  }

  const nLeaves = open.length;
  const leafStart = new Int32Array(nLeaves);
  const leafEnd = new Int32Array(nLeaves);
  const leafGrad = new Float64Array(nLeaves);
  const leafHess = new Float64Array(nLeaves);
  for (let l = 0; l < nLeaves; l++) {
    const leaf = open[l]!;
    leafStart[l] = leaf.start;
    leafEnd[l] = leaf.end;
    leafGrad[l] = leaf.grad;
    leafHess[l] = leaf.hess;
    if (leaf.parent >= 0) (leaf.isLeft ? left : right)[leaf.parent] = ~l;
    pool.give(leaf.hist);
  }
  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Float32Array.from(threshold),
      thresholdBin: Uint8Array.from(thresholdBin),
      missingLeft: Uint8Array.from(missingLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      leafValue: new Float64Array(nLeaves),
      gain: Float64Array.from(gains),
    },
    leafStart,
    leafEnd,
    leafGrad,
    leafHess,
  };
}

function splitOf(
  hist: Float64Array,
  features: Int32Array,
  valueBinCounts: Int32Array,
  g: number,
  h: number,
  count: number,
  depth: number,
  options: GrowOptions,
): SplitCandidate {
  return depth >= options.maxDepth ? noSplit() : findBestSplit(hist, features, valueBinCounts, g, h, count, options);
}

function pickLeafToSplit(open: OpenLeaf[], growth: 'leafwise' | 'depthwise'): number {
  let best = -1;
  for (let i = 0; i < open.length; i++) {
    const candidate = open[i]!;
    if (candidate.split.gain === -Infinity) continue;
    if (best < 0) {
      best = i;
      continue;
    }
    const current = open[best]!;
    const better =
      growth === 'depthwise'
        ? candidate.depth < current.depth || (candidate.depth === current.depth && candidate.split.gain > current.split.gain)
        : candidate.split.gain > current.split.gain;
    if (better) best = i;
  }
  return best;
}

/**
 * Stable partition of rows[start..end): rows with bin <= splitBin first, then the rest,
 * each in their original (ascending) order, which keeps later histogram passes
 * reading the bin columns nearly sequentially. Returns the boundary.
 */
function partitionRows(
  rows: Uint32Array,
  start: number,
  end: number,
  column: Uint8Array,
  splitBin: number,
  missingLeft: boolean,
  spill: Uint32Array,
): number {
  const mid = partitionLoop(rows, start, end, column, splitBin, missingLeft, spill);
  rows.set(spill.subarray(0, end - mid), mid);
  return mid;
}

/**
 * The loop of partitionRows alone (left rows kept in place, right ones to `spill`; returns
 * the end of the left ones): V8 reuses the code it optimized while a loop ran, and code
 * after the loop that had not run yet made that code bail out again on every call.
 */
function partitionLoop(rows: Uint32Array, start: number, end: number, column: Uint8Array, splitBin: number, missingLeft: boolean, spill: Uint32Array): number {
  let writeLeft = start;
  let nRight = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    const bin = column[row]!;
    if (bin === MISSING_BIN ? missingLeft : bin <= splitBin) rows[writeLeft++] = row;
    else spill[nRight++] = row;
  }
  return writeLeft;
}
