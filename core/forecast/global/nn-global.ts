/**
 * The global neural forecaster: an MLP over a window of recent values (nn/inputs.ts)
 * that outputs, for every step of the horizon at once, a mean and the seven quantiles.
 * Trained with TensorFlow.js on the backend backend.ts selects; served from plain
 * weights (TypeScript forward pass or the ONNX export).
 *
 * Training holds out the final H periods of every series: origins up to n − 2H train,
 * the origin n − H validates (early stopping) and then calibrates the quantiles: each
 * level gets the shift that makes its empirical coverage on that window match its level
 * (split-conformal style, Romano et al. 2019), pooled over steps.
 */
import { recentTrainingPeriods } from '../frequency';
import type { ForecastOptions, ForecastResult, Frequency } from '../types';
import { QUANTILE_LEVELS } from '../types';
import type { BackendSelection } from './backend';
import type { GlobalSeries } from './features/types';
import type { SeriesState } from './features/series-state';
import type { NnInputSpec } from './nn/inputs';
import { defaultNnInputSpec, nnInputSize, writeNnInput } from './nn/inputs';
import type { MlpWeights } from './nn/mlp';
import { mlpForward, OUTPUTS_PER_STEP } from './nn/mlp';
// TensorFlow.js is loaded only when a network is trained (serving needs only the weights).
import type { EpochProgress, MlpParams, SampleSet } from './nn/train';
import { statesFor, validatePanel } from './panel';
import { pathsFromQuantiles } from './quantile-paths';
import { deriveSeed, seededRng } from './random';
import { quantileOfSorted } from './stats';

export interface NnGlobalOptions {
  frequency: Frequency;
  season: number;
  horizon: number;
  inputs?: { calendar?: boolean; holidays?: boolean; price?: boolean };
  inputOverrides?: Partial<Pick<NnInputSpec, 'window' | 'yearlyOffset' | 'levelWindow'>>;
  mlp?: Partial<MlpParams>;
  /** Most recent training origins per series. */
  maxOriginsPerSeries?: number;
  /** Scaled targets are clipped to ±this (default 10). */
  targetClip?: number;
  seed?: number;
}

export interface NnValidation {
  series: number;
  points: number;
  /** Mean absolute error of the mean output over the final window, in level units. */
  scaledMae: number;
  /** Coverage of the calibrated 80% interval on that window. */
  coverage80: number;
}

export interface NnGlobalModel {
  kind: 'nn';
  spec: NnInputSpec;
  weights: MlpWeights;
  /** Additive shift per quantile level (scaled units) from the final-window calibration. */
  quantileShift: Float64Array;
  curve: { trainLoss: number[]; validLoss: number[] };
  bestEpoch: number;
  backend: string;
  validation: NnValidation;
  training: { series: number; rows: number; validRows: number; epochs: number };
}

export interface NnRunOptions {
  signal?: AbortSignal;
  onEpoch?: (progress: EpochProgress) => void;
  /** Use this backend instead of the process-wide selection. */
  backend?: BackendSelection;
}

export async function trainNnGlobal(series: GlobalSeries[], options: NnGlobalOptions, run: NnRunOptions = {}): Promise<NnGlobalModel> {
  validatePanel(series);
  const H = options.horizon;
  if (!(Number.isInteger(H) && H >= 1)) throw new RangeError(`horizon must be a whole number >= 1, got ${H}`);
  const spec: NnInputSpec = { ...defaultNnInputSpec(options.frequency, options.season, H, options.inputs), ...options.inputOverrides };
  const seed = options.seed ?? options.mlp?.seed ?? 1;
  const backend = run.backend ?? (await (await import('./backend')).ensureBackend());
  const { trainMlp } = await import('./nn/train');
  const states = statesFor(series, H);
  const minContext = spec.levelWindow;
  const maxOrigins = options.maxOriginsPerSeries ?? recentTrainingPeriods(options.frequency, 5);
  const clip = options.targetClip ?? 10;
  const trainOrigins: [number, number][] = [];
  const validOrigins: [number, number][] = [];
  states.forEach((state, s) => {
    const n = state.length;
    for (let o = Math.max(minContext, n - 2 * H - maxOrigins + 1); o <= n - 2 * H; o++) trainOrigins.push([s, o]);
    if (n - H >= minContext) validOrigins.push([s, n - H]);
  });
  const train = sampleSet(spec, states, trainOrigins, clip);
  const valid = sampleSet(spec, states, validOrigins, Infinity);
  const result = await trainMlp(train.set, valid.set.nRows > 0 ? valid.set : undefined, { ...options.mlp, seed }, run);

  // Calibrate the quantile levels on the final window, and score it.
  const out = mlpForward(result.weights, valid.set.X, valid.set.nRows);
  const residuals = QUANTILE_LEVELS.map(() => [] as number[]);
  let points = 0;
  let absError = 0;
  for (let r = 0; r < valid.set.nRows; r++) {
    for (let h = 0; h < H; h++) {
      const y = valid.set.Y[r * H + h]!;
      if (y !== y) continue;
      const base = (r * H + h) * OUTPUTS_PER_STEP;
      points++;
      absError += Math.abs(y - out[base]!);
      for (let j = 0; j < QUANTILE_LEVELS.length; j++) residuals[j]!.push(y - out[base + 1 + j]!);
    }
  }
  const quantileShift = Float64Array.from(QUANTILE_LEVELS, (level, j) =>
    residuals[j]!.length >= 50 ? quantileOfSorted(Float64Array.from(residuals[j]!).sort(), level) : 0,
  );
  let covered = 0;
  const lo = QUANTILE_LEVELS.indexOf(0.1);
  const hi = QUANTILE_LEVELS.indexOf(0.9);
  for (let r = 0; r < valid.set.nRows; r++) {
    for (let h = 0; h < H; h++) {
      const y = valid.set.Y[r * H + h]!;
      if (y !== y) continue;
      const base = (r * H + h) * OUTPUTS_PER_STEP;
      if (y >= out[base + 1 + lo]! + quantileShift[lo]! && y <= out[base + 1 + hi]! + quantileShift[hi]!) covered++;
    }
  }
  return {
    kind: 'nn',
    spec,
    weights: result.weights,
    quantileShift,
    curve: result.curve,
    bestEpoch: result.bestEpoch,
    backend: backend.chosen.id,
    validation: { series: valid.set.nRows, points, scaledMae: points ? absError / points : NaN, coverage80: points ? covered / points : NaN },
    training: { series: series.length, rows: train.set.nRows, validRows: valid.set.nRows, epochs: result.curve.trainLoss.length },
  };
}

function sampleSet(spec: NnInputSpec, states: SeriesState[], origins: [number, number][], clip: number) {
  const H = spec.horizon;
  const inputSize = nnInputSize(spec);
  const X = new Float32Array(origins.length * inputSize);
  const Y = new Float32Array(origins.length * H);
  const levels = new Float64Array(origins.length);
  origins.forEach(([s, o], row) => {
    const state = states[s]!;
    const level = writeNnInput(spec, state, o, X, row * inputSize);
    levels[row] = level;
    for (let h = 0; h < H; h++) {
      const v = o + h < state.length ? state.values[o + h]! : NaN;
      Y[row * H + h] = v === v ? Math.max(-clip, Math.min(clip, v / level)) : NaN;
    }
  });
  const set: SampleSet = { X, Y, nRows: origins.length, inputSize, horizon: H };
  return { set, levels };
}

/** Input rows for forecasting every series from the end of its history. */
export function nnForecastInputs(model: NnGlobalModel, series: GlobalSeries[]): { X: Float32Array; nRows: number; levels: Float64Array } {
  validatePanel(series);
  const states = statesFor(series, model.spec.horizon);
  const inputSize = nnInputSize(model.spec);
  const X = new Float32Array(series.length * inputSize);
  const levels = Float64Array.from(states, (state, i) => writeNnInput(model.spec, state, state.length, X, i * inputSize));
  return { X, nRows: series.length, levels };
}

/** Forecasts h <= model horizon steps per series with the TypeScript forward pass. */
export function forecastNnGlobal(model: NnGlobalModel, series: GlobalSeries[], h: number, options: ForecastOptions = {}): ForecastResult[] {
  checkHorizon(model, h);
  const inputs = nnForecastInputs(model, series);
  return nnResults(model, series, h, inputs.levels, mlpForward(model.weights, inputs.X, inputs.nRows), options);
}

/** The same with another forward pass, e.g. the ONNX export in onnxruntime. */
export async function forecastNnGlobalWith(
  model: NnGlobalModel,
  series: GlobalSeries[],
  h: number,
  forward: (X: Float32Array, nRows: number) => Promise<Float32Array | Float64Array>,
  options: ForecastOptions = {},
): Promise<ForecastResult[]> {
  checkHorizon(model, h);
  const inputs = nnForecastInputs(model, series);
  return nnResults(model, series, h, inputs.levels, await forward(inputs.X, inputs.nRows), options);
}

function nnResults(
  model: NnGlobalModel,
  series: GlobalSeries[],
  h: number,
  levels: Float64Array,
  outputs: Float32Array | Float64Array,
  options: ForecastOptions,
): ForecastResult[] {
  const H = model.spec.horizon;
  const Q = QUANTILE_LEVELS.length;
  const column = new Float64Array(Q);
  return series.map((s, i) => {
    const allowNegative = s.allowNegative ?? false;
    const level = levels[i]!;
    const mean = new Float64Array(h);
    const quantiles = QUANTILE_LEVELS.map(() => new Float64Array(h));
    for (let step = 0; step < h; step++) {
      const base = (i * H + step) * OUTPUTS_PER_STEP;
      const m = outputs[base]! * level;
      mean[step] = allowNegative ? m : Math.max(0, m);
      for (let j = 0; j < Q; j++) column[j] = (outputs[base + 1 + j]! + model.quantileShift[j]!) * level;
      column.sort();
      for (let j = 0; j < Q; j++) quantiles[j]![step] = allowNegative ? column[j]! : Math.max(0, column[j]!);
    }
    const result: ForecastResult = { mean, quantiles };
    if (options.paths && options.paths > 0) {
      result.paths = pathsFromQuantiles(quantiles, options.paths, allowNegative, seededRng(deriveSeed(options.seed ?? 1, i)));
    }
    return result;
  });
}

function checkHorizon(model: NnGlobalModel, h: number): void {
  if (!(Number.isInteger(h) && h >= 1)) throw new RangeError(`horizon must be a whole number >= 1, got ${h}`);
  if (h > model.spec.horizon) {
    throw new RangeError(`this network forecasts at most ${model.spec.horizon} periods ahead (asked for ${h}); retrain it with a longer horizon`);
  }
}
