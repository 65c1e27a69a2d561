import { MISSING_BIN } from './binning';

/**
 * A regression tree in flat arrays. Internal node i sends x left when
 * `x[feature[i]] <= threshold[i]`, and a missing (NaN) x left when missingLeft[i] is 1.
 * A child reference c >= 0 is an internal node; c < 0 is the leaf ~c. A tree with no
 * internal node is the single leaf 0.
 */
export interface RegressionTree {
  feature: Int32Array;
  /** float32 data values (see binning.ts), so float32 inputs route identically everywhere. */
  threshold: Float32Array;
  /** The same split as a bin index: bin <= thresholdBin goes left. */
  thresholdBin: Uint8Array;
  /** 1 where missing values go left. */
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Already multiplied by the learning rate; float32-representable so ONNX export is exact. */
  leafValue: Float64Array;
  /** Gain of each internal node's split (for feature importance). */
  gain: Float64Array;
}

/** Leaf index reached by row `row` of the row-major float matrix X. */
export function leafForRow(tree: RegressionTree, X: Float32Array | Float64Array, nFeatures: number, row: number): number {
  if (tree.feature.length === 0) return 0;
  const base = row * nFeatures;
  let node = 0;
  for (;;) {
    const x = X[base + tree.feature[node]!]!;
    const goLeft = x === x ? x <= tree.threshold[node]! : tree.missingLeft[node] === 1;
    const next = goLeft ? tree.left[node]! : tree.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}

/** Leaf index reached by row `row` of a column-major bin matrix with nRows rows. */
export function leafForBinnedRow(tree: RegressionTree, binsByFeature: Uint8Array, nRows: number, row: number): number {
  if (tree.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const bin = binsByFeature[tree.feature[node]! * nRows + row]!;
    const goLeft = bin === MISSING_BIN ? tree.missingLeft[node] === 1 : bin <= tree.thresholdBin[node]!;
    const next = goLeft ? tree.left[node]! : tree.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}

export function treeLeafCount(tree: RegressionTree): number {
  return tree.leafValue.length;
}

export function treeDepth(tree: RegressionTree): number {
  if (tree.feature.length === 0) return 0;
  const depthOf = (ref: number): number => (ref < 0 ? 0 : 1 + Math.max(depthOf(tree.left[ref]!), depthOf(tree.right[ref]!)));
  return depthOf(0);
}
