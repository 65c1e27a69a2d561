/**
 * The global models as candidates of the forecast engine's backtest (core/forecast/
 * candidates.ts, GlobalCandidate). A global model must not see the periods it is scored
 * on, so each run trains twice: a backtest model on every series cut at its first
 * backtest origin, which forecasts from all backtest origins, and a final model on the
 * full histories for the forecast from the end. (Training once per origin would be
 * cleaner still, but costs a training per origin for little difference.)
 */
import { createRequire } from 'node:module';
import type { GlobalBatchSeries, GlobalCandidate } from '../candidates';
import type { OriginForecast } from '../types';
import type { GlobalSeries } from './features/types';
import type { GbdtGlobalOptions } from './gbdt-global';
import type { GbdtTaskResult } from './gbdt-candidate';
import { GBDT_TASK, gbdtForecastAcross, gbdtTaskPayload, toGlobalSeries, unpackGbdtResult } from './gbdt-candidate';
import type { NnGlobalModel, NnGlobalOptions } from './nn-global';
import { forecastNnGlobal, trainNnGlobal } from './nn-global';

type Forecasts = ((OriginForecast | undefined)[] | undefined)[];

export interface GlobalCandidateOptions<T> {
  /** Model options other than frequency, season and horizon (which come from the run). */
  model?: T;
  /** Periods of history a series needs to join (default 2 horizons + the level window). */
  minHistory?: number;
  /** Minimum number of series for a global model to be worth training (default 20). */
  minSeries?: number;
}

interface Trainer<M> {
  train(series: GlobalSeries[], horizon: number, batch: GlobalBatchSeries[], signal: AbortSignal | undefined): Promise<M>;
  /** One OriginForecast per series (same order). */
  forecast(model: M, series: GlobalSeries[], horizon: number): OriginForecast[];
  describe(model: M): Record<string, unknown>;
}

async function forecastAcross<M>(
  trainer: Trainer<M>,
  batch: GlobalBatchSeries[],
  horizon: number,
  signal: AbortSignal | undefined,
  minSeries: number,
): Promise<Forecasts> {
  if (batch.length < minSeries) return batch.map(() => undefined);
  const out: Forecasts = batch.map((s) => new Array<OriginForecast | undefined>(s.origins.length + 1).fill(undefined));
  // Backtest model: every series cut at its first backtest origin.
  const withOrigins = batch.filter((s) => s.origins.length > 0);
  if (withOrigins.length >= minSeries) {
    const backtestModel = await trainer.train(
      withOrigins.map((s) => toGlobalSeries(s, s.origins[0]!)),
      horizon,
      withOrigins,
      signal,
    );
    const maxOrigins = Math.max(...withOrigins.map((s) => s.origins.length));
    for (let k = 0; k < maxOrigins; k++) {
      const members = batch.map((s, i) => [s, i] as const).filter(([s]) => k < s.origins.length);
      const forecasts = trainer.forecast(backtestModel, members.map(([s]) => toGlobalSeries(s, s.origins[k]!)), horizon);
      members.forEach(([, i], j) => {
        out[i]![k] = forecasts[j];
      });
    }
  }
  const finalModel = await trainer.train(batch.map((s) => toGlobalSeries(s, s.values.length)), horizon, batch, signal);
  const finals = trainer.forecast(finalModel, batch.map((s) => toGlobalSeries(s, s.values.length)), horizon);
  const description = trainer.describe(finalModel);
  batch.forEach((s, i) => {
    out[i]![s.origins.length] = { ...finals[i]!, description };
  });
  return out;
}

function spreadOf(sd: Float64Array | undefined, quantiles: Float64Array[], h: number): Float64Array {
  if (sd) return sd;
  return Float64Array.from({ length: h }, (_, i) => Math.max(0, quantiles[5]![i]! - quantiles[1]![i]!) / 2.5631);
}

const nnTrainer = (options: Partial<NnGlobalOptions>): Trainer<NnGlobalModel> => ({
  async train(series, horizon, batch, signal) {
    const context = batch[0]!.context;
    return trainNnGlobal(
      series,
      {
        ...options,
        frequency: context.frequency,
        season: context.season,
        horizon,
        inputs: { calendar: context.startDay !== undefined, holidays: batch.some((s) => s.context.calendar?.holiday), ...options.inputs },
      },
      { signal },
    );
  },
  forecast(model, series, horizon) {
    return forecastNnGlobal(model, series, horizon).map((r) => ({ mean: r.mean, sd: spreadOf(r.sd, r.quantiles, horizon) }));
  },
  describe: (model) => ({ backend: model.backend, epochs: model.training.epochs, rows: model.training.rows }),
});

function candidate<T, M>(name: string, complexity: number, trainer: Trainer<M>, options: GlobalCandidateOptions<T>): GlobalCandidate {
  return {
    kind: 'global',
    name,
    complexity,
    // Trained with seasonal lags and calendar features.
    seasonal: true,
    appliesTo: (s) => !s.profile.allZero && s.profile.length >= (options.minHistory ?? 2 * s.horizon + 8),
    forecastAcross: (batch, horizon, { signal }) => forecastAcross(trainer, batch, horizon, signal, options.minSeries ?? 20),
  };
}

/**
 * The trees' settings inside the engine: a bounded training whatever the number of series
 * (see gbdt-candidate.ts), with a faster learning rate and earlier stopping than a
 * workspace training, since the engine runs them twice on every forecast.
 */
export const ENGINE_GBDT_OPTIONS: Partial<GbdtGlobalOptions> = {
  // Walmart MASE 0.683 with 50,000 rows, 0.682 with 100,000 at twice the cost (limit 800).
  maxTrainRows: 50_000,
  maxValidSeries: 3_000,
  gbdt: { learningRate: 0.1, earlyStoppingRounds: 15, binSampleRows: 20_000 },
};

/**
 * Training rows for a panel of `seriesCount` series: 60 per series between 20,000 and the
 * cap, so a small panel does not pay for a large one's training (the trees' cost is linear
 * in the rows). Against a flat 50,000 (default candidates, all series; training CPU best of
 * 3): M4 weekly (359 series) OWA 0.729 either way, 1.1 vs 3.0 s; m5 (196) SPL 0.377 vs
 * 0.373, 0.7 vs 1.4 s; store item (350) MASE 0.650 vs 0.641, 2.1 vs 2.9 s. Panels of 834
 * series or more (walmart, car parts) keep the cap.
 */
export function gbdtTrainRows(seriesCount: number, cap: number = ENGINE_GBDT_OPTIONS.maxTrainRows ?? 50_000): number {
  return Math.min(cap, Math.max(20_000, 60 * seriesCount));
}

/** Gradient-boosted trees trained across the run's series. */
export function gbdtCandidate(options: GlobalCandidateOptions<Partial<GbdtGlobalOptions>> = {}): GlobalCandidate {
  const configured: Partial<GbdtGlobalOptions> = { ...ENGINE_GBDT_OPTIONS, ...options.model, gbdt: { ...ENGINE_GBDT_OPTIONS.gbdt, ...options.model?.gbdt } };
  return {
    kind: 'global',
    name: 'gbdt',
    complexity: 5,
    seasonal: true,
    appliesTo: (s) => !s.profile.allZero && s.profile.length >= (options.minHistory ?? 2 * s.horizon + 8),
    async forecastAcross(batch, horizon, { signal, runner }) {
      const minSeries = options.minSeries ?? 20;
      const model: Partial<GbdtGlobalOptions> =
        options.model?.maxTrainRows !== undefined ? configured : { ...configured, maxTrainRows: gbdtTrainRows(batch.length, configured.maxTrainRows) };
      if (!runner) return gbdtForecastAcross(model, batch, horizon, signal, minSeries);
      // In a worker, so the trees train while the other workers run the local candidates.
      const payload = gbdtTaskPayload(model, batch, horizon, minSeries);
      const result = await runner.run<GbdtTaskResult>(GBDT_TASK, payload, [payload.values.buffer as ArrayBuffer, payload.offsets.buffer as ArrayBuffer]);
      return unpackGbdtResult(result, payload.origins, horizon);
    },
  };
}

/** The MLP trained across the run's series (TensorFlow.js backend chosen at run time). */
export function nnCandidate(options: GlobalCandidateOptions<Partial<NnGlobalOptions>> = {}): GlobalCandidate {
  return candidate('nn', 6, nnTrainer(options.model ?? {}), options);
}

function nativeTensorFlowInstalled(): boolean {
  const require = createRequire(import.meta.url);
  for (const name of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      require.resolve(name);
      return true;
    } catch {
      // not installed: try the next
    }
  }
  return false;
}

/**
 * The global candidates every forecast run backtests (the workspace job and the CLI): the
 * trees always (a few CPU seconds, bounded whatever the number of series); the network when
 * native TensorFlow is installed, since on WebAssembly its two trainings per run take
 * minutes. SHELFCAST_GLOBAL_MODELS ("gbdt,nn", "gbdt", "none") overrides the choice.
 */
export function defaultGlobalCandidates(env: Record<string, string | undefined> = process.env): GlobalCandidate[] {
  const chosen = env.SHELFCAST_GLOBAL_MODELS?.split(',').map((s) => s.trim()) ?? (nativeTensorFlowInstalled() ? ['gbdt', 'nn'] : ['gbdt']);
  const out: GlobalCandidate[] = [];
  if (chosen.includes('gbdt')) out.push(gbdtCandidate());
  if (chosen.includes('nn')) out.push(nnCandidate());
  return out;
}
