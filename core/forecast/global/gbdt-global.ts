/**
 * The global gradient-boosted tree forecaster: one tree ensemble trained on every
 * series at once (features in features/), recursive multi-step forecasts, and
 * quantiles from residuals calibrated per horizon step on a held-out final window.
 *
 * Training: (1) rows before the last H periods train a model with early stopping on
 * the last H periods' rows; (2) that model forecasts the last H periods recursively
 * from the origin n−H, and the scaled errors calibrate the quantiles; (3) with `refit`
 * the model is retrained on all rows with the number of trees found in (1).
 */
import type { Frequency } from '../types';
import { QUANTILE_LEVELS } from '../types';
import type { FeatureSpec, FeatureSpecOptions } from './features/spec';
import { defaultFeatureSpec, featureNames } from './features/spec';
import { buildPanelDataset } from './features/dataset';
import type { GlobalSeries } from './features/types';
import type { SeriesState } from './features/series-state';
import type { GbdtModel, GbdtParams } from './gbdt/model';
import { predictGbdt } from './gbdt/model';
import type { GbdtProgress } from './gbdt/train';
import { trainGbdt } from './gbdt/train';
import { concatRows, statesFor, validatePanel } from './panel';
import { forecastRecursive } from './recursive';
import type { ResidualCalibration } from './residuals';
import { calibrateResiduals } from './residuals';
import { deriveSeed, seededRng } from './random';

export interface GbdtGlobalOptions {
  frequency: Frequency;
  season: number;
  /** Forecast horizon the quantiles are calibrated for (and the validation window). */
  horizon: number;
  features?: FeatureSpecOptions;
  /** Overrides of the default lags / windows. */
  featureOverrides?: Partial<Pick<FeatureSpec, 'lags' | 'rollingWindows' | 'levelWindow' | 'distanceCap'>>;
  gbdt?: Partial<GbdtParams>;
  /** Retrain on all periods after calibration (about twice the training time). */
  refit?: boolean;
  /** Calibrate quantiles per demand pattern (smooth/erratic/intermittent/lumpy) instead of pooled. */
  residualGroups?: 'pooled' | 'pattern';
  minContext?: number;
  maxRowsPerSeries?: number;
  /** Scaled training targets are clipped to ±this (default 10). */
  targetClip?: number;
  seed?: number;
}

export interface GlobalTrainProgress {
  stage: 'features' | 'train' | 'calibrate' | 'refit';
  iteration: number;
  nTrees: number;
  trainLoss: number | undefined;
  validLoss: number | undefined;
}

export interface GlobalRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: GlobalTrainProgress) => void;
}

export interface ValidationScores {
  /** Series and points in the held-out final window. */
  series: number;
  points: number;
  /** Mean absolute error of the recursive forecasts, each error divided by the series' level. */
  scaledMae: number;
  /** The same for the seasonal naive forecast (naive when the history is shorter than a season). */
  naiveScaledMae: number;
  /** Share of actuals inside the calibrated 80% interval on that window (in-sample: ~0.8 by construction). */
  coverage80: number;
}

export interface GbdtGlobalModel {
  kind: 'gbdt';
  spec: FeatureSpec;
  featureNames: string[];
  booster: GbdtModel;
  calibration: ResidualCalibration;
  residualGroups: 'pooled' | 'pattern';
  validation: ValidationScores;
  training: { series: number; rows: number; validRows: number; refit: boolean; trees: number };
}

export function trainGbdtGlobal(series: GlobalSeries[], options: GbdtGlobalOptions, run: GlobalRunOptions = {}): GbdtGlobalModel {
  validatePanel(series);
  const H = options.horizon;
  if (!(Number.isInteger(H) && H >= 1)) throw new RangeError(`horizon must be a whole number >= 1, got ${H}`);
  const spec: FeatureSpec = { ...defaultFeatureSpec(options.frequency, options.season, options.features), ...options.featureOverrides };
  const seed = options.seed ?? options.gbdt?.seed ?? 1;
  const minContext = options.minContext ?? Math.min(spec.levelWindow, 8);
  const maxRowsPerSeries = options.maxRowsPerSeries ?? (options.frequency === 'D' ? 730 : options.frequency === 'W' ? 520 : 240);
  const states = statesFor(series, H);
  run.onProgress?.({ stage: 'features', iteration: 0, nTrees: 0, trainLoss: undefined, validLoss: undefined });
  const targetClip = options.targetClip ?? 10;
  const dataset = buildPanelDataset(spec, states, { validationPeriods: H, minContext, maxRowsPerSeries, targetClip });
  const params: Partial<GbdtParams> = { ...options.gbdt, seed };
  const report = (stage: GlobalTrainProgress['stage']) => (p: GbdtProgress) =>
    run.onProgress?.({ stage, iteration: p.iteration, nTrees: p.nTrees, trainLoss: p.trainLoss, validLoss: p.validLoss });
  const first = trainGbdt(dataset.train, dataset.valid, params, {
    signal: run.signal,
    onIteration: report('train'),
    featureNames: dataset.featureNames,
  });

  run.onProgress?.({ stage: 'calibrate', iteration: 0, nTrees: 0, trainLoss: undefined, validLoss: undefined });
  const residualGroups = options.residualGroups ?? 'pooled';
  const { calibration, validation } = calibrateOnFinalWindow(spec, states, H, first, residualGroups, minContext, seed);

  let booster = first;
  const refit = options.refit ?? false;
  if (refit) {
    const all = concatRows(dataset.train, dataset.valid);
    booster = trainGbdt(all, undefined, { ...params, nTrees: Math.max(1, first.bestIteration), earlyStoppingRounds: 0 }, {
      signal: run.signal,
      onIteration: report('refit'),
      featureNames: dataset.featureNames,
    });
    booster.curve = first.curve;
  }
  return {
    kind: 'gbdt',
    spec,
    featureNames: featureNames(spec),
    booster,
    calibration,
    residualGroups,
    validation,
    training: {
      series: series.length,
      rows: dataset.train.nRows,
      validRows: dataset.valid?.nRows ?? 0,
      refit,
      trees: booster.trees.length,
    },
  };
}

function calibrateOnFinalWindow(
  spec: FeatureSpec,
  states: SeriesState[],
  H: number,
  booster: GbdtModel,
  residualGroups: 'pooled' | 'pattern',
  minContext: number,
  seed: number,
): { calibration: ResidualCalibration; validation: ValidationScores } {
  const eligible = states.filter((s) => s.length - H >= minContext);
  const fullLengths = eligible.map((s) => s.length);
  for (const s of eligible) s.truncate(s.length - H);
  const predict = (X: Float32Array, nRows: number) => predictGbdt(booster, X, nRows);
  let result;
  try {
    result = forecastRecursive(spec, eligible, H, predict);
  } finally {
    // The recursion overwrote the buffer past the origin: put the actuals back.
    eligible.forEach((s, i) => {
      for (let t = s.length; t < fullLengths[i]!; t++) s.push(s.series.values[t]!);
    });
  }
  const actual = eligible.map((s, i) => s.series.values.subarray(fullLengths[i]! - H, fullLengths[i]!));
  const group = residualGroups === 'pattern' ? Int32Array.from(eligible, (s) => s.pattern) : undefined;
  const calibration = calibrateResiduals({
    actual,
    forecast: result.mean,
    originLevel: result.originLevel,
    group,
    nGroups: residualGroups === 'pattern' ? 4 : 1,
    rng: seededRng(deriveSeed(seed, 7)),
  });
  const validation = validationScores(eligible, fullLengths, H, spec.season, actual, result.mean, result.originLevel, calibration, group);
  return { calibration, validation };
}

function validationScores(
  states: SeriesState[],
  fullLengths: number[],
  H: number,
  season: number,
  actual: Float64Array[],
  forecast: Float64Array[],
  originLevel: Float64Array,
  calibration: ResidualCalibration,
  group: Int32Array | undefined,
): ValidationScores {
  let points = 0;
  let modelError = 0;
  let naiveError = 0;
  let covered = 0;
  const q10 = QUANTILE_LEVELS.indexOf(0.1);
  const q90 = QUANTILE_LEVELS.indexOf(0.9);
  states.forEach((state, i) => {
    const origin = fullLengths[i]! - H;
    const values = state.series.values;
    const lag = origin > season ? season : 1;
    const level = originLevel[i]!;
    const steps = calibration.quantiles[group?.[i] ?? 0]!;
    for (let h = 0; h < H; h++) {
      const y = actual[i]![h]!;
      if (y !== y) continue;
      const naiveSource = origin + h - lag < origin ? values[origin + h - lag]! : values[origin - 1]!;
      if (naiveSource !== naiveSource) continue;
      points++;
      modelError += Math.abs(y - forecast[i]![h]!) / level;
      naiveError += Math.abs(y - naiveSource) / level;
      const lo = forecast[i]![h]! + level * steps[h]![q10]!;
      const hi = forecast[i]![h]! + level * steps[h]![q90]!;
      if (y >= lo && y <= hi) covered++;
    }
  });
  return {
    series: states.length,
    points,
    scaledMae: points > 0 ? modelError / points : NaN,
    naiveScaledMae: points > 0 ? naiveError / points : NaN,
    coverage80: points > 0 ? covered / points : NaN,
  };
}
