/**
 * Training a global model on a workspace: weekly demand series from the sales table,
 * the model trained across all of them, its files written beside the workspace
 * (`<name>.models/<kind>-v<version>.json` and `.onnx`), the version recorded in the model
 * registry, and champion/challenger: the new version becomes the champion only if it
 * beats the current champion on the same held-out final weeks by a margin.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../contract/errors';
import type { Db } from '../../db/connection';
import type { GlobalModelKind, GlobalModelRecord } from '../../db/repos/global-models';
import { deleteGlobalModels, globalChampion, insertGlobalModel, listGlobalModels, nextGlobalVersion } from '../../db/repos/global-models';
import { readSettings } from '../../db/repos/settings';
import type { ProgressFn } from '../../jobs/progress';
import type { DemandSeries } from '../../series/build';
import { buildWeeklySeries } from '../../series/build';
import type { GlobalSeries } from './features/types';
import { trainGbdtGlobal } from './gbdt-global';
import type { GlobalModel } from './serialize';
import { deserializeGlobalModel, serializeGlobalModel } from './serialize';
import { exportGlobalModelToOnnx, forecastGlobal } from './index';

/** A challenger must be this much better (relative scaled MAE) to replace the champion. */
export const CHAMPION_MARGIN = 0.02;
/** Versions kept per kind (the champion is always kept). */
export const VERSIONS_KEPT = 5;
/** Fewer series than this cannot train a useful global model. */
export const MIN_SERIES = 2;

export interface TrainWorkspaceInput {
  model: GlobalModelKind;
  seed?: number;
}

export interface WindowScore {
  /** Mean absolute error over the final weeks, each error divided by its series' level. */
  scaledMae: number;
  /** The same for the seasonal naive forecast (naive with less than a season of history). */
  naiveScaledMae: number;
  /** Share of actuals inside the 10%–90% interval. */
  coverage80: number;
  points: number;
}

export interface TrainWorkspaceResult {
  id: number;
  model: GlobalModelKind;
  version: number;
  champion: boolean;
  /** The champion this version was compared with (null when there was none). */
  previousChampion: { version: number; score: WindowScore } | null;
  backend: string;
  series: number;
  rows: number;
  trainingSeconds: number;
  rowsPerSecond: number;
  score: WindowScore;
  files: { json: string; onnx: string };
}

export function modelsDir(workspacePath: string): string {
  return join(dirname(workspacePath), `${basename(workspacePath).replace(/\.shelfcast$/i, '')}.models`);
}

/** Workspace series as global-model input: categories (category, supplier, location) as codes, ABC by value. */
export function workspaceGlobalSeries(series: DemandSeries[]): GlobalSeries[] {
  const codes = (values: (string | number | null)[]) => {
    const distinct = [...new Set(values.filter((v) => v !== null).map(String))].sort();
    const map = new Map(distinct.map((v, i) => [v, i]));
    return (v: string | number | null) => (v === null ? NaN : (map.get(String(v)) ?? NaN));
  };
  const category = codes(series.map((s) => s.category));
  const supplier = codes(series.map((s) => s.supplierId));
  const location = codes(series.map((s) => s.locationId));
  const abc = abcClasses(series);
  return series.map((s, i) => ({
    id: `${s.productId}:${s.locationId}`,
    values: s.values,
    startDay: s.startDay,
    allowNegative: s.hasNegative,
    holiday: s.holiday,
    eventMultiplier: s.eventMultiplier,
    categories: [category(s.category), supplier(s.supplierId), location(s.locationId)],
    abc: abc[i],
  }));
}

/** ABC by share of sales value over the last 52 weeks: A up to 80%, B up to 95%, C the rest. */
function abcClasses(series: DemandSeries[]): number[] {
  const value = series.map((s) => {
    let sum = 0;
    for (let t = Math.max(0, s.valueCents.length - 52); t < s.valueCents.length; t++) sum += Math.max(0, s.valueCents[t]!);
    return sum;
  });
  const total = value.reduce((a, b) => a + b, 0);
  const order = value.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const classes = new Array<number>(series.length).fill(2);
  let cumulative = 0;
  for (const [v, i] of order) {
    const before = total > 0 ? cumulative / total : 1;
    classes[i] = before < 0.8 ? 0 : before < 0.95 ? 1 : 2;
    cumulative += v;
  }
  return classes;
}

/** Scores a model's forecasts of the final H weeks made from the series cut H weeks earlier. */
export function scoreFinalWindow(model: GlobalModel, series: GlobalSeries[], H: number, season: number): WindowScore {
  const eligible = series.filter((s) => s.values.length > H + 4);
  const cut = eligible.map((s) => ({ ...s, values: s.values.subarray(0, s.values.length - H) }));
  const forecasts = cut.length ? forecastGlobal(model, cut, H) : [];
  let points = 0;
  let error = 0;
  let naiveError = 0;
  let covered = 0;
  eligible.forEach((s, i) => {
    const origin = s.values.length - H;
    let level = 0;
    let n = 0;
    for (let t = Math.max(0, origin - 13); t < origin; t++) {
      if (s.values[t] === s.values[t]) {
        level += Math.abs(s.values[t]!);
        n++;
      }
    }
    level = n > 0 && level > 0 ? level / n : 1;
    const lag = origin > season ? season : 1;
    for (let h = 0; h < H; h++) {
      const y = s.values[origin + h]!;
      const naive = s.values[origin - lag + (h % lag)]!;
      if (y !== y || naive !== naive) continue;
      const f = forecasts[i]!;
      points++;
      error += Math.abs(y - f.mean[h]!) / level;
      naiveError += Math.abs(y - naive) / level;
      if (y >= f.quantiles[1]![h]! && y <= f.quantiles[5]![h]!) covered++;
    }
  });
  return {
    scaledMae: points ? error / points : NaN,
    naiveScaledMae: points ? naiveError / points : NaN,
    coverage80: points ? covered / points : NaN,
    points,
  };
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

export function loadModelFile(workspacePath: string, record: GlobalModelRecord): GlobalModel {
  const files = record.params.files as { json?: unknown } | undefined;
  const name = typeof files?.json === 'string' ? files.json : '';
  const path = join(modelsDir(workspacePath), name);
  if (!name || !existsSync(path)) throw new AppError('not_found', `The file of ${record.model} version ${record.version} is missing (${path}).`);
  return deserializeGlobalModel(readFileSync(path, 'utf8'), name);
}

export async function trainWorkspaceModel(
  db: Db,
  workspacePath: string,
  input: TrainWorkspaceInput,
  run: { signal?: AbortSignal; onProgress?: ProgressFn } = {},
): Promise<TrainWorkspaceResult> {
  const steps = ['series', 'train', 'compare', 'save'];
  const report = (step: number, current: number, total: number, message: string) =>
    run.onProgress?.({ step: step + 1, steps: steps.length, stepName: steps[step]!, current, total, message });
  report(0, 0, 1, 'Building weekly demand series');
  const settings = readSettings(db);
  const H = settings.horizonWeeks;
  const season = 52;
  const set = buildWeeklySeries(db, { weekStart: settings.weekStart, country: settings.country, horizon: H });
  const series = workspaceGlobalSeries(set.series.filter((s) => s.values.length > 0));
  const usable = series.filter((s) => s.values.length >= 2 * H + 8);
  if (usable.length < MIN_SERIES) {
    throw new AppError(
      'forecast.insufficient_history',
      `A global model needs at least ${MIN_SERIES} products with ${2 * H + 8} weeks of sales; this workspace has ${usable.length}.`,
    );
  }
  const started = performance.now();
  let model: GlobalModel;
  let rows: number;
  let backend: string;
  if (input.model === 'gbdt') {
    const gbdt = trainGbdtGlobal(
      usable,
      { frequency: 'W', season, horizon: H, features: { holidays: true, events: true, categories: ['category', 'supplier', 'location'] }, seed: input.seed },
      {
        signal: run.signal,
        onProgress: (p) =>
          p.stage === 'train' &&
          report(1, p.iteration, p.nTrees, `Tree ${p.iteration} of at most ${p.nTrees}${p.validLoss === undefined ? '' : `, validation loss ${p.validLoss.toPrecision(4)}`}`),
      },
    );
    model = gbdt;
    rows = gbdt.training.rows + gbdt.training.validRows;
    backend = 'typescript';
  } else {
    const { trainNnGlobal } = await import('./nn-global');
    const nn = await trainNnGlobal(
      usable,
      { frequency: 'W', season, horizon: H, inputs: { holidays: true }, seed: input.seed },
      {
        signal: run.signal,
        onEpoch: (p) => report(1, p.epoch, p.maxEpochs, `Epoch ${p.epoch} of at most ${p.maxEpochs}${p.validLoss === undefined ? '' : `, validation loss ${p.validLoss.toPrecision(4)}`}`),
      },
    );
    model = nn;
    rows = nn.training.rows;
    backend = nn.backend;
  }
  const trainingSeconds = (performance.now() - started) / 1000;

  report(2, 0, 1, 'Comparing with the champion');
  const score = scoreFinalWindow(model, usable, H, season);
  const champion = globalChampion(db, input.model);
  let previousChampion: TrainWorkspaceResult['previousChampion'] = null;
  if (champion) {
    try {
      previousChampion = { version: champion.version, score: scoreFinalWindow(loadModelFile(workspacePath, champion), usable, H, season) };
    } catch {
      // A champion whose file is gone or unreadable cannot defend its title.
      previousChampion = null;
    }
  }
  const becomesChampion = !previousChampion || score.scaledMae < previousChampion.score.scaledMae * (1 - CHAMPION_MARGIN);

  report(3, 0, 1, 'Saving the model files');
  const version = nextGlobalVersion(db, input.model);
  const dir = modelsDir(workspacePath);
  mkdirSync(dir, { recursive: true });
  const files = { json: `${input.model}-v${version}.json`, onnx: `${input.model}-v${version}.onnx` };
  writeAtomic(join(dir, files.json), serializeGlobalModel(model));
  writeAtomic(join(dir, files.onnx), exportGlobalModelToOnnx(model, { shelfcast_model: input.model, shelfcast_version: String(version) }));
  const curve = model.kind === 'gbdt' ? model.booster.curve : model.curve;
  const id = insertGlobalModel(db, {
    model: input.model,
    version,
    champion: becomesChampion,
    createdAt: new Date().toISOString(),
    params: { files, backend, horizon: H, seed: input.seed ?? 1, series: usable.length },
    metrics: {
      score,
      previousChampion,
      trainingSeconds,
      rows,
      rowsPerSecond: rows / Math.max(trainingSeconds, 1e-9),
      curve,
      size: model.kind === 'gbdt' ? { trees: model.booster.trees.length, features: model.featureNames.length } : { epochs: model.training.epochs, bestEpoch: model.bestEpoch, layers: model.weights.layers.map((l) => l.outputs) },
    },
  });
  pruneVersions(db, workspacePath, input.model);
  report(3, 1, 1, 'Saved');
  return {
    id,
    model: input.model,
    version,
    champion: becomesChampion,
    previousChampion,
    backend,
    series: usable.length,
    rows,
    trainingSeconds,
    rowsPerSecond: rows / Math.max(trainingSeconds, 1e-9),
    score,
    files: { json: join(dir, files.json), onnx: join(dir, files.onnx) },
  };
}

/** Deletes all but the newest VERSIONS_KEPT versions (never the champion) and their files. */
function pruneVersions(db: Db, workspacePath: string, kind: GlobalModelKind): void {
  const stale = listGlobalModels(db, kind).filter((r, i) => i >= VERSIONS_KEPT && !r.champion);
  for (const record of stale) {
    const files = record.params.files as Record<string, unknown> | undefined;
    for (const name of Object.values(files ?? {})) {
      if (typeof name === 'string' && name) rmSync(join(modelsDir(workspacePath), name), { force: true });
    }
  }
  deleteGlobalModels(db, stale.map((r) => r.id));
}
