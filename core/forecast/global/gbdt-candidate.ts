/**
 * The global trees as a forecast-engine candidate, at a cost that does not grow with the
 * number of series beyond reading them: both trainings draw at most `maxTrainRows` rows
 * (seeded, evenly over the panel) and validate on at most `maxValidSeries` final windows,
 * and forecasting is one feature row per series, origin and step.
 *
 * Two models, so that no backtest forecast sees the periods it is scored on:
 * - the backtest model, trained (with early stopping and residual calibration) on every
 *   series cut at its first backtest origin, forecasts every backtest origin;
 * - the final model, retrained on the full histories with the backtest model's number of
 *   trees and its calibration (refitGbdtGlobal), forecasts from the end.
 * A feature row at origin t reads only periods before t (features/rows.ts), so every
 * origin is forecast from one state per series over its full history.
 */
import type { GlobalBatchSeries } from '../candidates';
import type { OriginForecast, SeriesContext } from '../types';
import { errorScaleAt, levelAt, writeFeatureRows } from './features/rows';
import { featureNames } from './features/spec';
import type { GlobalSeries } from './features/types';
import { SeriesState } from './features/series-state';
import type { GbdtGlobalModel, GbdtGlobalOptions } from './gbdt-global';
import { refitGbdtGlobalOnStates, trainGbdtGlobal, trainGbdtGlobalOnStates } from './gbdt-global';
import { validatePanel } from './panel';
import { predictGbdt } from './gbdt/model';
import { residualSpread } from './residuals';
import { throwIfAborted } from '../../jobs/progress';
import { packedHistory, packHistories } from '../kernels/packed';

export type Forecasts = ((OriginForecast | undefined)[] | undefined)[];

/** What the trees read of a batch series. */
export type GbdtBatchSeries = Pick<GlobalBatchSeries, 'id' | 'values' | 'context' | 'origins'>;

/** A batch series cut to its first `length` periods, as the global models read it. */
export function toGlobalSeries(s: GbdtBatchSeries, length: number): GlobalSeries {
  return {
    id: s.id,
    values: s.values.subarray(0, length),
    startDay: s.context.startDay,
    allowNegative: s.context.allowNegative,
    holiday: s.context.calendar?.holiday,
    eventMultiplier: s.context.calendar?.eventMultiplier,
  };
}

/** Model options for a run: frequency, season, horizon and calendar features from the batch. */
export function runOptions(options: Partial<GbdtGlobalOptions>, batch: GbdtBatchSeries[], horizon: number): GbdtGlobalOptions {
  const context = batch[0]!.context;
  return {
    ...options,
    frequency: context.frequency,
    season: context.season,
    horizon,
    features: { calendar: context.startDay !== undefined, holidays: batch.some((s) => s.context.calendar?.holiday), ...options.features },
  };
}

/**
 * Mean and spread from the given origins of each state (origins[i] lists series i's),
 * in one predictor call over every (series, origin, step) row.
 */
export function forecastAtOrigins(model: GbdtGlobalModel, states: SeriesState[], origins: readonly (readonly number[])[], horizon: number): OriginForecast[][] {
  const spec = model.spec;
  const nFeatures = featureNames(spec).length;
  let nRows = 0;
  for (const list of origins) nRows += list.length * horizon;
  const X = new Float32Array(nRows * nFeatures);
  let row = 0;
  states.forEach((state, i) => {
    for (const origin of origins[i]!) {
      writeFeatureRows(spec, state, origin, horizon, X, row * nFeatures, nFeatures);
      row += horizon;
    }
  });
  const scaled = predictGbdt(model.booster, X, nRows);
  // The spread is linear in the series' error scale: one unit spread per residual group.
  const unitSpread = model.calibration.quantiles.map((_, group) => residualSpread(model.calibration, horizon, 1, group));
  row = 0;
  return states.map((state, i) =>
    origins[i]!.map((origin) => {
      const level = levelAt(spec, state, origin);
      const mean = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        let value = scaled[row++]! * level;
        if (!Number.isFinite(value)) value = 0;
        mean[h] = !state.series.allowNegative && value < 0 ? 0 : value;
      }
      const group = model.residualGroups === 'pattern' ? state.patternBefore(origin) : 0;
      const scale = errorScaleAt(spec, state, origin, model.errorScale);
      return { mean, sd: unitSpread[group]!.map((v) => v * scale) };
    }),
  );
}

/** Backtest and final forecasts of the trees for every series of the batch (undefined below minSeries). */
export async function gbdtForecastAcross(
  options: Partial<GbdtGlobalOptions>,
  batch: GbdtBatchSeries[],
  horizon: number,
  signal: AbortSignal | undefined,
  minSeries: number,
): Promise<Forecasts> {
  if (batch.length < minSeries) return batch.map(() => undefined);
  const model = runOptions(options, batch, horizon);
  const full = batch.map((s) => new SeriesState(toGlobalSeries(s, s.values.length), s.values.length));
  const out: Forecasts = batch.map((s) => new Array<OriginForecast | undefined>(s.origins.length + 1).fill(undefined));
  const withOrigins = batch.map((s, i) => i).filter((i) => batch[i]!.origins.length > 0);
  let backtestModel: GbdtGlobalModel | undefined;
  if (withOrigins.length >= minSeries) {
    // Each series cut at its first origin, as views of its full state (no copy, same values).
    const cut = withOrigins.map((i) => toGlobalSeries(batch[i]!, batch[i]!.origins[0]!));
    validatePanel(cut);
    backtestModel = trainGbdtGlobalOnStates(
      cut.map((s, j) => new SeriesState(s, s.values.length, full[withOrigins[j]!]!)),
      model,
      { signal },
    );
    const forecasts = forecastAtOrigins(backtestModel, withOrigins.map((i) => full[i]!), withOrigins.map((i) => batch[i]!.origins), horizon);
    withOrigins.forEach((i, j) => forecasts[j]!.forEach((f, o) => (out[i]![o] = f)));
  }
  await new Promise((resolve) => setImmediate(resolve));
  throwIfAborted(signal);
  const finalModel = backtestModel
    ? refitGbdtGlobalOnStates(full, model, backtestModel, { signal })
    : trainGbdtGlobal(batch.map((s) => toGlobalSeries(s, s.values.length)), model, { signal });
  const finals = forecastAtOrigins(finalModel, full, batch.map((s) => [s.values.length]), horizon);
  const description = { trees: finalModel.training.trees, features: finalModel.featureNames.length, rows: finalModel.training.refit ? finalModel.training.refitRows : finalModel.training.rows };
  batch.forEach((s, i) => {
    out[i]![s.origins.length] = { ...finals[i]![0]!, description };
  });
  return out;
}

/** Pool task name (registered in core/forecast/tasks.ts): the trees train in a worker, beside the local candidates. */
export const GBDT_TASK = 'forecast.gbdt';

/** Structured-cloneable batch: histories concatenated into one transferable buffer. */
export interface GbdtTaskPayload {
  options: Partial<GbdtGlobalOptions>;
  horizon: number;
  minSeries: number;
  ids: string[];
  values: Float64Array;
  offsets: Int32Array;
  contexts: SeriesContext[];
  origins: number[][];
}

/** Forecasts packed flat: per series, (origins + 1) × horizon means and sds; `present` per series. */
export interface GbdtTaskResult {
  present: Uint8Array;
  mean: Float64Array;
  sd: Float64Array;
  description: Record<string, unknown> | null;
}

export function gbdtTaskPayload(options: Partial<GbdtGlobalOptions>, batch: GbdtBatchSeries[], horizon: number, minSeries: number): GbdtTaskPayload {
  const { values, offsets } = packHistories(batch.map((s) => s.values));
  const contexts = batch.map((s): SeriesContext => {
    const { season, frequency, allowNegative, startDay, calendar } = s.context;
    return { season, frequency, allowNegative, ...(startDay !== undefined ? { startDay } : {}), ...(calendar ? { calendar } : {}) };
  });
  return { options, horizon, minSeries, ids: batch.map((s) => s.id), values, offsets, contexts, origins: batch.map((s) => [...s.origins]) };
}

/** Runs in the worker: unpacks the batch, forecasts, packs the forecasts. */
export async function runGbdtTask(payload: GbdtTaskPayload): Promise<GbdtTaskResult> {
  const { horizon, origins } = payload;
  const batch: GbdtBatchSeries[] = payload.ids.map((id, i) => ({
    id,
    values: packedHistory(payload, i),
    context: payload.contexts[i]!,
    origins: origins[i]!,
  }));
  const forecasts = await gbdtForecastAcross(payload.options, batch, horizon, undefined, payload.minSeries);
  let total = 0;
  for (const o of origins) total += (o.length + 1) * horizon;
  const result: GbdtTaskResult = { present: new Uint8Array(batch.length), mean: new Float64Array(total), sd: new Float64Array(total).fill(NaN), description: null };
  result.mean.fill(NaN);
  let at = 0;
  forecasts.forEach((perOrigin, i) => {
    const count = origins[i]!.length + 1;
    if (perOrigin) {
      result.present[i] = 1;
      perOrigin.forEach((f, o) => {
        if (!f) return;
        result.mean.set(f.mean, at + o * horizon);
        result.sd.set(f.sd, at + o * horizon);
        if (f.description) result.description = f.description;
      });
    }
    at += count * horizon;
  });
  return result;
}

/** Back from the packed result to one forecast per series and origin (undefined where none). */
export function unpackGbdtResult(result: GbdtTaskResult, origins: readonly (readonly number[])[], horizon: number): Forecasts {
  let at = 0;
  return origins.map((list, i) => {
    const count = list.length + 1;
    const start = at;
    at += count * horizon;
    if (!result.present[i]) return undefined;
    return Array.from({ length: count }, (_, o) => {
      const from = start + o * horizon;
      if (Number.isNaN(result.mean[from]!)) return undefined;
      const f: OriginForecast = { mean: result.mean.slice(from, from + horizon), sd: result.sd.slice(from, from + horizon) };
      if (o === count - 1 && result.description) f.description = result.description;
      return f;
    });
  });
}
