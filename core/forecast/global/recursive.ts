/**
 * Recursive multi-step forecasting (the documented strategy for the tree model): one
 * model predicts the next period; its prediction is appended to the series and becomes
 * lag 1 of the following step. Every series of a batch advances together, so each step
 * is one predictor call over a matrix of all series (fast with ONNX or in TypeScript).
 */
import type { FeatureSpec } from './features/spec';
import { featureNames } from './features/spec';
import { levelAt, writeFeatureRow } from './features/rows';
import type { SeriesState } from './features/series-state';

/** Predicts the scaled target for each row of a row-major float32 matrix. */
export type RowPredictor = (X: Float32Array, nRows: number) => Float64Array;
export type AsyncRowPredictor = (X: Float32Array, nRows: number) => Promise<Float64Array>;

export interface RecursiveResult {
  /** Per series, the h point forecasts on the original scale. */
  mean: Float64Array[];
  /** Per series, the level at the forecast origin (scales residual quantiles). */
  originLevel: Float64Array;
}

class RecursiveRun {
  readonly nFeatures: number;
  readonly X: Float32Array;
  readonly levels: Float64Array;
  readonly mean: Float64Array[];
  readonly originLevel: Float64Array;
  private readonly startLengths: number[];

  constructor(
    private readonly spec: FeatureSpec,
    private readonly states: SeriesState[],
    private readonly horizon: number,
  ) {
    this.nFeatures = featureNames(spec).length;
    this.X = new Float32Array(states.length * this.nFeatures);
    this.levels = new Float64Array(states.length);
    this.mean = states.map(() => new Float64Array(horizon));
    this.startLengths = states.map((s) => s.length);
    this.originLevel = Float64Array.from(states, (s) => levelAt(spec, s, s.length));
  }

  rows(step: number): Float32Array {
    this.states.forEach((state, i) => {
      this.levels[i] = writeFeatureRow(this.spec, state, this.startLengths[i]! + step, this.X, i * this.nFeatures);
    });
    return this.X;
  }

  apply(step: number, scaled: Float64Array): void {
    this.states.forEach((state, i) => {
      let value = scaled[i]! * this.levels[i]!;
      if (!state.series.allowNegative && value < 0) value = 0;
      if (!Number.isFinite(value)) value = 0;
      this.mean[i]![step] = value;
      state.push(value);
    });
  }

  finish(): RecursiveResult {
    this.states.forEach((state, i) => state.truncate(this.startLengths[i]!));
    return { mean: this.mean, originLevel: this.originLevel };
  }
}

/**
 * Forecasts `horizon` steps for every state from its current length. The states get the
 * forecasts appended while this runs and are truncated back before it returns.
 */
export function forecastRecursive(spec: FeatureSpec, states: SeriesState[], horizon: number, predict: RowPredictor): RecursiveResult {
  const run = new RecursiveRun(spec, states, horizon);
  try {
    for (let step = 0; step < horizon; step++) run.apply(step, predict(run.rows(step), states.length));
  } finally {
    run.finish();
  }
  return { mean: run.mean, originLevel: run.originLevel };
}

export async function forecastRecursiveAsync(
  spec: FeatureSpec,
  states: SeriesState[],
  horizon: number,
  predict: AsyncRowPredictor,
): Promise<RecursiveResult> {
  const run = new RecursiveRun(spec, states, horizon);
  try {
    for (let step = 0; step < horizon; step++) run.apply(step, await predict(run.rows(step), states.length));
  } finally {
    run.finish();
  }
  return { mean: run.mean, originLevel: run.originLevel };
}
