import type { ObjectiveSpec } from './objectives';
import type { RegressionTree } from './tree';

export interface GbdtParams {
  objective: ObjectiveSpec;
  /** Maximum number of trees (boosting rounds). */
  nTrees: number;
  /** Shrinkage applied to every leaf value. */
  learningRate: number;
  maxLeaves: number;
  maxDepth: number;
  growth: 'leafwise' | 'depthwise';
  minDataInLeaf: number;
  minSumHessian: number;
  lambdaL2: number;
  minSplitGain: number;
  /** Share of rows drawn (without replacement, Bernoulli) for each tree; 1 = all. */
  rowSubsample: number;
  /** Share of features drawn for each tree; 1 = all. */
  featureSubsample: number;
  maxBins: number;
  /** Rows sampled (seeded) to place the bin edges (quantiles of each feature). */
  binSampleRows: number;
  /** Stop when the validation loss has not improved for this many trees (0 = never). */
  earlyStoppingRounds: number;
  seed: number;
}

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  objective: { kind: 'squared' },
  nTrees: 500,
  learningRate: 0.05,
  maxLeaves: 31,
  maxDepth: 10,
  growth: 'leafwise',
  minDataInLeaf: 20,
  minSumHessian: 1e-3,
  lambdaL2: 1,
  minSplitGain: 0,
  rowSubsample: 0.8,
  featureSubsample: 0.8,
  maxBins: 254,
  binSampleRows: 100_000,
  earlyStoppingRounds: 30,
  seed: 1,
};

export interface TrainingCurve {
  trainLoss: number[];
  validLoss: number[];
}

/** A trained ensemble: prediction = link(baseScore + Σ tree leaf values). */
export interface GbdtModel {
  nFeatures: number;
  featureNames: string[];
  objective: ObjectiveSpec;
  link: 'identity' | 'exp';
  baseScore: number;
  trees: RegressionTree[];
  params: GbdtParams;
  curve: TrainingCurve;
  /** Number of trees kept (the best validation iteration when early stopping ran). */
  bestIteration: number;
}

/** Rows scored together tree by tree: their features (a few tens of KB) stay in cache across the trees. */
const ROW_BLOCK = 512;

/** Raw scores (before the link) for each row of the row-major matrix X (each row's sum in tree order). */
export function rawScores(model: GbdtModel, X: Float32Array, nRows: number): Float64Array {
  const out = new Float64Array(nRows).fill(model.baseScore);
  const nFeatures = model.nFeatures;
  for (let from = 0; from < nRows; from += ROW_BLOCK) {
    const to = Math.min(nRows, from + ROW_BLOCK);
    for (const tree of model.trees) {
      const { feature, threshold, left, right, leafValue, missingLeft } = tree;
      if (feature.length === 0) {
        for (let r = from; r < to; r++) out[r] = out[r]! + leafValue[0]!;
        continue;
      }
      for (let r = from; r < to; r++) {
        const base = r * nFeatures;
        let node = 0;
        for (;;) {
          const x = X[base + feature[node]!]!;
          const goLeft = x === x ? x <= threshold[node]! : missingLeft[node] === 1;
          const next = goLeft ? left[node]! : right[node]!;
          if (next < 0) {
            out[r] = out[r]! + leafValue[~next]!;
            break;
          }
          node = next;
        }
      }
    }
  }
  return out;
}

/** Predictions on the response scale for each row of X (row-major, nRows × nFeatures). */
export function predictGbdt(model: GbdtModel, X: Float32Array, nRows: number): Float64Array {
  if (X.length !== nRows * model.nFeatures) {
    throw new RangeError(`expected ${nRows} × ${model.nFeatures} feature values, got ${X.length}`);
  }
  const out = rawScores(model, X, nRows);
  if (model.link === 'exp') for (let r = 0; r < nRows; r++) out[r] = Math.exp(out[r]!);
  return out;
}

/** Total split gain per feature, normalised to sum to 1. */
export function featureImportance(model: GbdtModel): Float64Array {
  const importance = new Float64Array(model.nFeatures);
  for (const tree of model.trees) for (let i = 0; i < tree.feature.length; i++) { const f = tree.feature[i]!; importance[f] = importance[f]! + tree.gain[i]!; }
  const total = importance.reduce((a, b) => a + b, 0);
  if (total > 0) for (let f = 0; f < importance.length; f++) importance[f] = importance[f]! / total;
  return importance;
}
