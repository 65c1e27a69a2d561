/**
 * Direct multi-step forecasting (the documented strategy of the tree model): one model,
 * with the step h as a feature, predicts every period of the horizon from the same
 * origin, so errors do not feed back into later steps as they would recursively. A
 * whole batch is one predictor call over (series × h) rows, which is what makes ONNX
 * inference of 10,000 series × 13 steps a single fast call.
 */
import type { FeatureSpec } from './features/spec';
import { featureNames } from './features/spec';
import { levelAt, writeFeatureRows } from './features/rows';
import type { SeriesState } from './features/series-state';

/** Predicts the scaled target for each row of a row-major float32 matrix. */
export type RowPredictor = (X: Float32Array, nRows: number) => Float64Array;
export type AsyncRowPredictor = (X: Float32Array, nRows: number) => Promise<Float64Array>;

export interface DirectRows {
  X: Float32Array;
  nRows: number;
  /** Origin level per series. */
  originLevel: Float64Array;
}

/** Rows for h = 1..horizon from each state's current length: row i·horizon + (h−1). */
export function directRows(spec: FeatureSpec, states: SeriesState[], horizon: number): DirectRows {
  const nFeatures = featureNames(spec).length;
  const nRows = states.length * horizon;
  const X = new Float32Array(nRows * nFeatures);
  states.forEach((state, i) => {
    writeFeatureRows(spec, state, state.length, horizon, X, i * horizon * nFeatures, nFeatures);
  });
  return { X, nRows, originLevel: Float64Array.from(states, (s) => levelAt(spec, s, s.length)) };
}

/** Scaled predictions back to per-series forecasts, clipped at 0 for non-negative series. */
export function unscale(states: SeriesState[], horizon: number, rows: DirectRows, scaled: Float64Array): Float64Array[] {
  return states.map((state, i) => {
    const level = rows.originLevel[i]!;
    const mean = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      let value = scaled[i * horizon + h]! * level;
      if (!Number.isFinite(value)) value = 0;
      mean[h] = !state.series.allowNegative && value < 0 ? 0 : value;
    }
    return mean;
  });
}
