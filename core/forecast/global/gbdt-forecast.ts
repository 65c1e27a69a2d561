/** Forecasts of a trained global tree model for any series (seen in training or not). */
import type { ForecastOptions, ForecastResult } from '../types';
import type { GbdtGlobalModel } from './gbdt-global';
import type { GlobalSeries } from './features/types';
import { predictGbdt } from './gbdt/model';
import { statesFor, uncross, validatePanel } from './panel';
import type { AsyncRowPredictor } from './direct';
import { directRows, unscale } from './direct';
import { errorScaleAt } from './features/rows';
import type { SeriesState } from './features/series-state';
import { residualPaths, residualQuantiles, residualSpread } from './residuals';
import { deriveSeed, seededRng } from './random';

/** Forecasts h steps for every series with the TypeScript tree predictor. */
export function forecastGbdtGlobal(model: GbdtGlobalModel, series: GlobalSeries[], h: number, options: ForecastOptions = {}): ForecastResult[] {
  checkHorizon(h);
  validatePanel(series);
  const states = statesFor(series, h);
  const rows = directRows(model.spec, states, h);
  const mean = unscale(states, h, rows, predictGbdt(model.booster, rows.X, rows.nRows));
  const results = distributions(model, states.map((s) => s.pattern), series, mean, errorScales(model, states), options);
  if (model.quantileBoosters) {
    const perLevel = model.quantileBoosters.map((booster) => unscale(states, h, rows, predictGbdt(booster, rows.X, rows.nRows)));
    results.forEach((result, i) => {
      result.quantiles = perLevel.map((level) => level[i]!);
      uncross(result);
    });
  }
  return results;
}

/** The same with another row predictor, e.g. an onnxruntime session of the exported model. */
export async function forecastGbdtGlobalWith(
  model: GbdtGlobalModel,
  series: GlobalSeries[],
  h: number,
  predict: AsyncRowPredictor,
  options: ForecastOptions = {},
): Promise<ForecastResult[]> {
  checkHorizon(h);
  validatePanel(series);
  const states = statesFor(series, h);
  const rows = directRows(model.spec, states, h);
  const mean = unscale(states, h, rows, await predict(rows.X, rows.nRows));
  return distributions(model, states.map((s) => s.pattern), series, mean, errorScales(model, states), options);
}

function distributions(
  model: GbdtGlobalModel,
  patterns: number[],
  series: GlobalSeries[],
  means: Float64Array[],
  errorScale: Float64Array,
  options: ForecastOptions,
): ForecastResult[] {
  return series.map((s, i) => {
    const mean = means[i]!;
    const level = errorScale[i]!;
    const group = model.residualGroups === 'pattern' ? patterns[i]! : 0;
    const allowNegative = s.allowNegative ?? false;
    const result: ForecastResult = {
      mean,
      quantiles: residualQuantiles(model.calibration, mean, level, group, allowNegative),
      sd: residualSpread(model.calibration, mean.length, level, group),
    };
    if (options.paths && options.paths > 0) {
      const rng = seededRng(deriveSeed(options.seed ?? 1, i));
      result.paths = residualPaths(model.calibration, mean, level, group, allowNegative, options.paths, rng);
    }
    return result;
  });
}

function errorScales(model: GbdtGlobalModel, states: SeriesState[]): Float64Array {
  return Float64Array.from(states, (s) => errorScaleAt(model.spec, s, s.length, model.errorScale));
}

function checkHorizon(h: number): void {
  if (!(Number.isInteger(h) && h >= 1)) throw new RangeError(`horizon must be a whole number >= 1, got ${h}`);
}
