/**
 * Histogram gradient boosting (Friedman 2001; histogram split finding as in LightGBM,
 * Ke et al. 2017): binned features, leaf-wise or depth-wise trees, shrinkage, row and
 * feature subsampling, early stopping on a validation set the caller orders in time.
 */
import { deriveSeed, seededRng } from '../random';
import { quantileInPlace } from '../stats';
import { binMatrix, fitBinMapper } from './binning';
import type { GrowOptions, GrownTree } from './grow';
import { growTree, HistogramPool } from './grow';
import type { GbdtModel, GbdtParams, TrainingCurve } from './model';
import { DEFAULT_GBDT_PARAMS } from './model';
import type { Objective } from './objectives';
import { checkTargets, makeObjective } from './objectives';
import type { RegressionTree } from './tree';
import { leafForBinnedRow } from './tree';
import type { Rng } from '../../types';

export interface GbdtDataset {
  /** Row-major features, nRows × nFeatures; NaN = missing. */
  X: Float32Array;
  y: Float64Array;
  nRows: number;
  nFeatures: number;
}

export interface GbdtProgress {
  iteration: number;
  nTrees: number;
  trainLoss: number;
  validLoss: number | undefined;
}

export interface GbdtTrainOptions {
  signal?: AbortSignal;
  onIteration?: (progress: GbdtProgress) => void;
  featureNames?: string[];
}

export function trainGbdt(
  train: GbdtDataset,
  valid: GbdtDataset | undefined,
  paramsIn: Partial<GbdtParams> = {},
  options: GbdtTrainOptions = {},
): GbdtModel {
  const params: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...paramsIn };
  validateInputs(train, valid, params);
  const { nRows, nFeatures, y } = train;
  const objective = makeObjective(params.objective);
  checkTargets(params.objective, y);
  if (valid) checkTargets(params.objective, valid.y);

  const mapper = fitBinMapper(train.X, nRows, nFeatures, { maxBins: params.maxBins, sampleRows: params.binSampleRows, rng: seededRng(deriveSeed(params.seed, 1)) });
  const bins = binMatrix(mapper, train.X, nRows);
  const validBins = valid ? binMatrix(mapper, valid.X, valid.nRows) : undefined;

  const allRows = allRowsOf(nRows);
  const baseScore = objective.initScore(y, allRows);
  const pool = HistogramPool.forFeatures(nFeatures);
  // Scratch for every row now, so no tree has to grow it (a path its optimized code had not seen).
  pool.scratch(nRows);
  // The tree settings in an object of one fixed shape for every training: the merged params
  // object's hidden class differed between the first training and the refit, and the
  // optimized growTree and findBestSplit were thrown away and recompiled on every switch.
  const growOptions: GrowOptions = {
    maxLeaves: params.maxLeaves,
    maxDepth: params.maxDepth,
    growth: params.growth,
    lambdaL2: params.lambdaL2,
    minDataInLeaf: params.minDataInLeaf,
    minSumHessian: params.minSumHessian,
    minSplitGain: params.minSplitGain,
  };
  const state = new BoostState(train, valid, params, objective, mapper.edges, bins, validBins, baseScore, pool, growOptions, seededRng(deriveSeed(params.seed, 2)));
  let bestLoss = Infinity;
  let bestIteration = 0;
  for (let iteration = 0; iteration < params.nTrees; iteration++) {
    if (options.signal?.aborted) throw abortError();
    const validLoss = boostRound(state);
    if (validLoss === undefined) bestIteration = iteration + 1;
    else if (bestIteration === 0 || validLoss < bestLoss - 1e-12 * Math.abs(bestLoss)) {
      bestLoss = validLoss;
      bestIteration = iteration + 1;
    }
    options.onIteration?.({ iteration: iteration + 1, nTrees: params.nTrees, trainLoss: state.curve.trainLoss[iteration]!, validLoss });
    if (params.earlyStoppingRounds > 0 && valid && iteration + 1 - bestIteration >= params.earlyStoppingRounds) break;
  }
  return {
    nFeatures,
    featureNames: options.featureNames ?? Array.from({ length: nFeatures }, (_, f) => `f${f}`),
    objective: params.objective,
    link: objective.link,
    baseScore,
    trees: state.trees.slice(0, bestIteration),
    params,
    curve: state.curve,
    bestIteration,
  };
}

function allRowsOf(nRows: number): Uint32Array {
  const allRows = new Uint32Array(nRows);
  for (let r = 0; r < nRows; r++) allRows[r] = r;
  return allRows;
}

/** Everything one boosting round reads and updates, in one object of fixed shape. */
class BoostState {
  readonly y: Float64Array;
  readonly nRows: number;
  readonly score: Float64Array;
  readonly validScore: Float64Array | undefined;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly rowBuffer: Uint32Array;
  readonly inBag: Uint8Array;
  readonly valueBinCounts: Int32Array;
  readonly residualBuffer: Float64Array;
  readonly trees: RegressionTree[] = [];
  // Lists of doubles from the start: an empty literal is a list of small integers until its
  // first push, and that change sent the optimized boostRound back to the interpreter.
  readonly curve: TrainingCurve = { trainLoss: [0.5].slice(0, 0), validLoss: [0.5].slice(0, 0) };
  constructor(
    train: GbdtDataset,
    readonly valid: GbdtDataset | undefined,
    readonly params: GbdtParams,
    readonly objective: Objective,
    readonly edges: Float32Array[],
    readonly bins: Uint8Array,
    readonly validBins: Uint8Array | undefined,
    baseScore: number,
    readonly pool: HistogramPool,
    readonly growOptions: GrowOptions,
    readonly rng: Rng,
  ) {
    const nRows = train.nRows;
    this.y = train.y;
    this.nRows = nRows;
    this.score = new Float64Array(nRows).fill(baseScore);
    this.validScore = valid ? new Float64Array(valid.nRows).fill(baseScore) : undefined;
    this.grad = new Float64Array(nRows);
    this.hess = new Float64Array(nRows);
    this.rowBuffer = new Uint32Array(nRows);
    this.inBag = new Uint8Array(nRows);
    this.valueBinCounts = Int32Array.from(edges, (e) => e.length + 1);
    this.residualBuffer = new Float64Array(nRows);
  }
}

/**
 * One tree: grows it, sets its leaf values, adds it to the scores and the curves; returns the
 * validation loss (undefined without a validation set). A function of its own, called once per tree, rather than the body of
 * trainGbdt's loop: V8 compiled trainGbdt on the fly while its first loop ran, before the
 * code after it had run, and threw that code away again at each branch not yet seen.
 */
function boostRound(s: BoostState): number | undefined {
  const { y, score, grad, hess, nRows, params, objective, bins, inBag } = s;
  objective.gradients(y, score, grad, hess);
  const rows = sampleRows(s.rowBuffer, inBag, nRows, params.rowSubsample, s.rng);
  const features = sampleFeatures(s.valueBinCounts.length, params.featureSubsample, s.rng);
  const grown = growTree(
    { binsByFeature: bins, nRows, valueBinCounts: s.valueBinCounts, edges: s.edges, grad, hess, constantHessian: objective.constantHessian, rows, features },
    s.growOptions,
    s.pool,
  );
  const tree = grown.tree;
  for (let l = 0; l < tree.leafValue.length; l++) {
    let value: number;
    if (params.objective.kind === 'quantile') {
      // Pinball trees: the Newton step is ±alpha/count; refit each leaf to the residual quantile (as LightGBM does).
      const start = grown.leafStart[l]!;
      const end = grown.leafEnd[l]!;
      const residuals = s.residualBuffer.subarray(0, end - start);
      for (let i = start; i < end; i++) residuals[i - start] = y[rows[i]!]! - score[rows[i]!]!;
      value = quantileInPlace(residuals, params.objective.alpha);
    } else {
      value = -grown.leafGrad[l]! / (grown.leafHess[l]! + params.lambdaL2);
    }
    tree.leafValue[l] = Math.fround(params.learningRate * value);
  }
  addTreeToScores(tree, grown, rows, score, bins, nRows, inBag);
  s.trees.push(tree);
  const trainLoss = objective.loss(y, score);
  s.curve.trainLoss.push(trainLoss);
  const valid = s.valid;
  const validBins = s.validBins;
  const validScore = s.validScore;
  if (valid && validBins && validScore) {
    for (let r = 0; r < valid.nRows; r++) validScore[r] = validScore[r]! + tree.leafValue[leafForBinnedRow(tree, validBins, valid.nRows, r)]!;
    const validLoss = objective.loss(valid.y, validScore);
    s.curve.validLoss.push(validLoss);
    return validLoss;
  }
  return undefined;
}

function validateInputs(train: GbdtDataset, valid: GbdtDataset | undefined, params: GbdtParams): void {
  const check = (d: GbdtDataset, name: string) => {
    if (d.X.length !== d.nRows * d.nFeatures) throw new RangeError(`${name}: X has ${d.X.length} values, expected ${d.nRows} × ${d.nFeatures}`);
    if (d.y.length !== d.nRows) throw new RangeError(`${name}: y has ${d.y.length} values, expected ${d.nRows}`);
  };
  check(train, 'training set');
  if (train.nRows === 0) throw new RangeError('training set is empty');
  if (valid) {
    check(valid, 'validation set');
    if (valid.nFeatures !== train.nFeatures) throw new RangeError(`validation set has ${valid.nFeatures} features, training set ${train.nFeatures}`);
  }
  if (!(params.learningRate > 0)) throw new RangeError(`learningRate must be > 0, got ${params.learningRate}`);
  if (!(params.rowSubsample > 0 && params.rowSubsample <= 1)) throw new RangeError(`rowSubsample must be in (0, 1], got ${params.rowSubsample}`);
  if (!(params.featureSubsample > 0 && params.featureSubsample <= 1)) throw new RangeError(`featureSubsample must be in (0, 1], got ${params.featureSubsample}`);
  if (!(params.maxLeaves >= 2)) throw new RangeError(`maxLeaves must be >= 2, got ${params.maxLeaves}`);
}

function sampleRows(buffer: Uint32Array, inBag: Uint8Array, nRows: number, share: number, rng: Rng): Uint32Array {
  if (share >= 1) {
    for (let r = 0; r < nRows; r++) buffer[r] = r;
    inBag.fill(1);
    return buffer;
  }
  let n = drawRows(buffer, inBag, nRows, share, rng);
  if (n === 0) {
    buffer[n++] = Math.floor(rng() * nRows);
    inBag[buffer[0]!] = 1;
  }
  return buffer.subarray(0, n);
}

/**
 * The draw loop of sampleRows alone; returns the rows drawn. (V8 reuses the code it
 * optimized while a loop ran on the next call, and code after the loop that had not run
 * yet made that code bail out again every tree.)
 */
function drawRows(buffer: Uint32Array, inBag: Uint8Array, nRows: number, share: number, rng: Rng): number {
  let n = 0;
  for (let r = 0; r < nRows; r++) {
    const take = rng() < share;
    inBag[r] = take ? 1 : 0;
    if (take) buffer[n++] = r;
  }
  return n;
}

/** In-bag rows take their leaf from the tree's row segments; only out-of-bag rows are routed. */
function addTreeToScores(
  tree: RegressionTree,
  grown: GrownTree,
  rows: Uint32Array,
  score: Float64Array,
  bins: Uint8Array,
  nRows: number,
  inBag: Uint8Array,
): void {
  for (let l = 0; l < tree.leafValue.length; l++) {
    const value = tree.leafValue[l]!;
    for (let i = grown.leafStart[l]!; i < grown.leafEnd[l]!; i++) score[rows[i]!] = score[rows[i]!]! + value;
  }
  if (rows.length === nRows) return;
  for (let r = 0; r < nRows; r++) {
    if (inBag[r] === 0) score[r] = score[r]! + tree.leafValue[leafForBinnedRow(tree, bins, nRows, r)]!;
  }
}

function sampleFeatures(nFeatures: number, share: number, rng: Rng): Int32Array {
  const all = Int32Array.from({ length: nFeatures }, (_, f) => f);
  if (share >= 1) return all;
  const k = Math.max(1, Math.round(share * nFeatures));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (nFeatures - i));
    const tmp = all[i]!;
    all[i] = all[j]!;
    all[j] = tmp;
  }
  return all.subarray(0, k).sort();
}

function abortError(): Error {
  const err = new Error('Training was cancelled.');
  err.name = 'AbortError';
  return err;
}
