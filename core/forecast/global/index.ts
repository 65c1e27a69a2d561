/**
 * Public API of the global models (gradient-boosted trees and a neural network trained
 * across all series at once):
 *
 *   trainGbdtGlobal(series, options, run)        → GbdtGlobalModel   (sync, pure TypeScript)
 *   trainNnGlobal(series, options, run)          → Promise<NnGlobalModel> (TensorFlow.js)
 *   forecastGlobal(model, series, h, options)    → ForecastResult[]  (TypeScript predictors)
 *   forecastGlobalOnnx(model, onnx, series, h)   → Promise<ForecastResult[]> (onnxruntime-node)
 *   exportGlobalModelToOnnx(model)               → ONNX bytes
 *   serializeGlobalModel / deserializeGlobalModel → the JSON model file
 *   globalForecaster(model)                      → a Forecaster (fit per series, forecast(h))
 *   gbdtCandidate() / nnCandidate()              → candidates for the forecast engine
 */
import type { FittedModel, ForecastOptions, ForecastResult, Forecaster, SeriesContext } from '../types';
import { ForecastError } from '../types';
import type { GlobalSeries } from './features/types';
import { forecastGbdtGlobal, forecastGbdtGlobalWith } from './gbdt-forecast';
import { forecastNnGlobal, forecastNnGlobalWith } from './nn-global';
import { nnInputSize } from './nn/inputs';
import { exportMlpToOnnx } from './onnx/mlp-export';
import { createOnnxRunner } from './onnx/session';
import { exportGbdtToOnnx } from './onnx/tree-export';
import type { GlobalModel } from './serialize';

export type { GlobalSeries } from './features/types';
export type { GbdtGlobalModel, GbdtGlobalOptions } from './gbdt-global';
export type { NnGlobalModel, NnGlobalOptions } from './nn-global';
export type { GlobalModel } from './serialize';
export { trainGbdtGlobal } from './gbdt-global';
export { trainNnGlobal } from './nn-global';
export { deserializeGlobalModel, ModelFileError, serializeGlobalModel } from './serialize';
export { gbdtCandidate, nnCandidate } from './candidates';

export function forecastGlobal(model: GlobalModel, series: GlobalSeries[], h: number, options: ForecastOptions = {}): ForecastResult[] {
  return model.kind === 'gbdt' ? forecastGbdtGlobal(model, series, h, options) : forecastNnGlobal(model, series, h, options);
}

export function exportGlobalModelToOnnx(model: GlobalModel, metadata: Record<string, string> = {}): Uint8Array {
  return model.kind === 'gbdt' ? exportGbdtToOnnx(model.booster, metadata) : exportMlpToOnnx(model.weights, metadata);
}

/** Forecasts with the model's ONNX export in onnxruntime (the serving path for big batches). */
export async function forecastGlobalOnnx(
  model: GlobalModel,
  onnx: Uint8Array,
  series: GlobalSeries[],
  h: number,
  options: ForecastOptions = {},
): Promise<ForecastResult[]> {
  if (model.kind === 'gbdt') {
    const runner = await createOnnxRunner(onnx, model.featureNames.length, { inputType: 'float64' });
    try {
      return await forecastGbdtGlobalWith(model, series, h, (X, n) => runner.run(X, n), options);
    } finally {
      await runner.release();
    }
  }
  const runner = await createOnnxRunner(onnx, nnInputSize(model.spec));
  try {
    return await forecastNnGlobalWith(model, series, h, async (X, n) => (await runner.runMatrix(X, n)).values, options);
  } finally {
    await runner.release();
  }
}

/**
 * A trained global model behind the per-series Forecaster interface: fit() only keeps
 * the history (the model is already trained across series), forecast(h) runs it.
 */
export function globalForecaster(model: GlobalModel): Forecaster {
  return {
    name: `global_${model.kind}`,
    params: { kind: model.kind },
    fit(y: Float64Array, context: SeriesContext): FittedModel {
      if (y.length === 0) throw new ForecastError('a global model needs at least one period of history');
      const series: GlobalSeries = {
        id: 'series',
        values: y.slice(),
        startDay: context.startDay,
        allowNegative: context.allowNegative,
        holiday: context.calendar?.holiday,
        eventMultiplier: context.calendar?.eventMultiplier,
      };
      return {
        model: `global_${model.kind}`,
        describe: () => ({ kind: model.kind }),
        forecast: (h: number, options?: ForecastOptions) => {
          const [result] = forecastGlobal(model, [series], h, options);
          return result!;
        },
      };
    },
  };
}
