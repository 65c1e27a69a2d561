import { QUANTILE_COLUMNS } from '../../forecast/types';
import type { Db } from '../connection';

export interface RunHeader {
  asOfDay: number;
  period: 'day' | 'week';
  horizon: number;
  fingerprint: string;
}

export function startForecastRun(db: Db, header: RunHeader, now = new Date()): number {
  return Number(
    db
      .prepare("INSERT INTO forecast_runs (created_at, as_of_day, period, horizon, status, data_fingerprint) VALUES (?, ?, ?, ?, 'running', ?)")
      .run(now.toISOString(), header.asOfDay, header.period, header.horizon, header.fingerprint).lastInsertRowid,
  );
}

export function finishForecastRun(db: Db, runId: number, status: 'done' | 'failed' | 'cancelled', summary: { nSeries: number; nFallbacks: number; durationMs: number; details: unknown }): void {
  db.prepare('UPDATE forecast_runs SET status = ?, n_series = ?, n_fallbacks = ?, duration_ms = ?, summary = ? WHERE id = ?').run(
    status,
    summary.nSeries,
    summary.nFallbacks,
    Math.round(summary.durationMs),
    JSON.stringify(summary.details),
    runId,
  );
}

export interface ClassRow {
  productId: number;
  locationId: number;
  abc: 'A' | 'B' | 'C' | null;
  xyz: 'X' | 'Y' | 'Z' | null;
  pattern: 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | null;
  isNew: boolean;
  isDead: boolean;
  adi: number | null;
  cv2: number | null;
  historyPeriods: number;
}

export function replaceClasses(db: Db, rows: readonly ClassRow[], now = new Date()): void {
  const insert = db.prepare(
    `INSERT INTO product_classes (product_id, location_id, abc, xyz, pattern, is_new, is_dead, adi, cv2, history_periods, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = now.toISOString();
  db.prepare('DELETE FROM product_classes').run();
  for (const r of rows) {
    insert.run(r.productId, r.locationId, r.abc, r.xyz, r.pattern, r.isNew ? 1 : 0, r.isDead ? 1 : 0, finiteOrNull(r.adi), finiteOrNull(r.cv2), r.historyPeriods, at);
  }
}

export interface StoredSeriesForecast {
  productId: number;
  locationId: number;
  firstPeriodStart: number;
  periodDays: number;
  mean: Float64Array;
  quantiles: Float64Array[];
  paths?: Float64Array[];
  /** Backtest windows of the chosen forecast: the day of each window's first period, and its means. */
  backtest?: Array<{ originDay: number; mean: Float64Array }>;
}

export function insertForecasts(db: Db, runId: number, items: readonly StoredSeriesForecast[]): void {
  const insert = db.prepare(
    `INSERT INTO forecasts (run_id, product_id, location_id, step, period_start, mean, ${QUANTILE_COLUMNS.join(', ')})
     VALUES (?, ?, ?, ?, ?, ?, ${QUANTILE_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertPaths = db.prepare('INSERT INTO forecast_paths (run_id, product_id, location_id, path_count, steps, paths) VALUES (?, ?, ?, ?, ?, ?)');
  const insertWindow = db.prepare('INSERT OR REPLACE INTO forecast_backtest_windows (run_id, product_id, location_id, origin_day, steps, mean) VALUES (?, ?, ?, ?, ?, ?)');
  for (const item of items) {
    for (let k = 0; k < item.mean.length; k++) {
      insert.run(runId, item.productId, item.locationId, k + 1, item.firstPeriodStart + k * item.periodDays, item.mean[k], ...item.quantiles.map((q) => q[k]));
    }
    if (item.paths && item.paths.length > 0) {
      insertPaths.run(runId, item.productId, item.locationId, item.paths.length, item.mean.length, encodePaths(item.paths, item.mean.length));
    }
    for (const window of item.backtest ?? []) {
      if (window.mean.length > 0) insertWindow.run(runId, item.productId, item.locationId, window.originDay, window.mean.length, encodePaths([window.mean], window.mean.length));
    }
  }
  // Only the newest run keeps its paths (what the plan reads) and backtest windows (what the chart draws).
  db.prepare('DELETE FROM forecast_paths WHERE run_id <> ?').run(runId);
  db.prepare('DELETE FROM forecast_backtest_windows WHERE run_id <> ?').run(runId);
}

/** The latest stored backtest windows of one product and location, oldest first. */
/** Every location's windows when `locationId` is null (the chart then adds them up). */
export function backtestWindows(db: Db, runId: number, productId: number, locationId: number | null): Array<{ locationId: number; originDay: number; mean: Float64Array }> {
  const rows = db
    .prepare(
      `SELECT location_id AS locationId, origin_day AS originDay, steps, mean FROM forecast_backtest_windows
        WHERE run_id = ? AND product_id = ? AND (? IS NULL OR location_id = ?) ORDER BY origin_day, location_id`,
    )
    .all(runId, productId, locationId, locationId) as Array<{ locationId: number; originDay: number; steps: number; mean: Buffer }>;
  return rows.map((r) => ({ locationId: r.locationId, originDay: r.originDay, mean: decodePaths(r.mean, 1, r.steps)[0]! }));
}

/** Float32 little-endian, path-major. */
export function encodePaths(paths: readonly Float64Array[], steps: number): Buffer {
  const buffer = Buffer.alloc(paths.length * steps * 4);
  paths.forEach((path, p) => {
    for (let k = 0; k < steps; k++) buffer.writeFloatLE(path[k] ?? 0, (p * steps + k) * 4);
  });
  return buffer;
}

export function decodePaths(blob: Buffer, pathCount: number, steps: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let p = 0; p < pathCount; p++) {
    const path = new Float64Array(steps);
    for (let k = 0; k < steps; k++) path[k] = blob.readFloatLE((p * steps + k) * 4);
    out.push(path);
  }
  return out;
}

export interface StoredPaths {
  productId: number;
  locationId: number;
  paths: Float64Array[];
}

export function forecastPaths(db: Db, runId: number): Map<string, Float64Array[]> {
  const rows = db.prepare('SELECT product_id AS productId, location_id AS locationId, path_count AS pathCount, steps, paths FROM forecast_paths WHERE run_id = ?').all(runId) as Array<{
    productId: number;
    locationId: number;
    pathCount: number;
    steps: number;
    paths: Buffer;
  }>;
  return new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, decodePaths(r.paths, r.pathCount, r.steps)]));
}

export interface BacktestRow {
  productId: number;
  locationId: number;
  model: string;
  origins: number;
  mase: number;
  spl: number;
  wape: number;
  bias: number;
  coverage80: number;
  naiveMase: number;
}

export function insertBacktests(db: Db, runId: number, rows: readonly BacktestRow[]): void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO backtests (run_id, product_id, location_id, model, origins, mase, spl, wape, bias, coverage80, naive_mase)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    insert.run(runId, r.productId, r.locationId, r.model, r.origins, finiteOrNull(r.mase), finiteOrNull(r.spl), finiteOrNull(r.wape), finiteOrNull(r.bias), finiteOrNull(r.coverage80), finiteOrNull(r.naiveMase));
  }
}

export interface RegistryEntry {
  productId: number;
  locationId: number;
  model: string;
  params: unknown;
  metrics: unknown;
}

export interface Champion {
  id: number;
  model: string;
  version: number;
  metrics: { mase?: number; naiveMase?: number } | null;
}

export function currentChampions(db: Db): Map<string, Champion> {
  const rows = db
    .prepare(
      `SELECT id, product_id AS productId, location_id AS locationId, model, version, metrics FROM model_registry
        WHERE champion = 1 AND product_id IS NOT NULL`,
    )
    .all() as Array<{ id: number; productId: number; locationId: number; model: string; version: number; metrics: string | null }>;
  return new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, { id: r.id, model: r.model, version: r.version, metrics: r.metrics ? (JSON.parse(r.metrics) as Champion['metrics']) : null }]));
}

/**
 * Adds a version to a product's registry. The newest `keep` versions stay; the champion
 * is never pruned.
 */
export function registerVersion(db: Db, runId: number, entry: RegistryEntry, champion: boolean, keep = 5, now = new Date()): void {
  const version =
    ((db.prepare('SELECT max(version) AS v FROM model_registry WHERE product_id = ? AND location_id = ?').get(entry.productId, entry.locationId) as { v: number | null }).v ?? 0) + 1;
  if (champion) db.prepare('UPDATE model_registry SET champion = 0 WHERE product_id = ? AND location_id = ? AND champion = 1').run(entry.productId, entry.locationId);
  db.prepare('INSERT INTO model_registry (product_id, location_id, model, params, version, metrics, champion, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.productId,
    entry.locationId,
    entry.model,
    JSON.stringify(entry.params ?? {}),
    version,
    JSON.stringify(entry.metrics ?? {}),
    champion ? 1 : 0,
    runId,
    now.toISOString(),
  );
  db.prepare(
    `DELETE FROM model_registry WHERE product_id = ? AND location_id = ? AND champion = 0 AND id NOT IN
       (SELECT id FROM model_registry WHERE product_id = ? AND location_id = ? ORDER BY version DESC LIMIT ?)`,
  ).run(entry.productId, entry.locationId, entry.productId, entry.locationId, keep);
}

/** Marks the champion of an earlier run as also serving this run (it stayed champion). */
export function confirmChampion(db: Db, championId: number, runId: number): void {
  db.prepare('UPDATE model_registry SET run_id = ? WHERE id = ?').run(runId, championId);
}

/** A cheap fingerprint of everything a forecast depends on. */
export function dataFingerprint(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM sales) AS sales, (SELECT coalesce(max(id), 0) FROM sales) AS salesMax,
              (SELECT coalesce(max(id), 0) FROM imports) AS imports, (SELECT count(*) FROM imports) AS importCount,
              (SELECT count(*) FROM events) AS events, (SELECT coalesce(max(id), 0) FROM events) AS eventMax,
              (SELECT count(*) FROM stock_snapshots) AS stock,
              (SELECT count(*) FROM anomaly_marks WHERE removed_at IS NULL) AS marks,
              (SELECT coalesce(group_concat(key || '=' || value, ';'), '') FROM settings WHERE key IN ('weekStart', 'country', 'horizonWeeks')) AS settings`,
    )
    .get() as Record<string, number | string>;
  return JSON.stringify(row);
}

export function latestDoneRun(db: Db): { id: number; fingerprint: string | null; asOfDay: number; createdAt: string } | undefined {
  return db
    .prepare("SELECT id, data_fingerprint AS fingerprint, as_of_day AS asOfDay, created_at AS createdAt FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1")
    .get() as { id: number; fingerprint: string | null; asOfDay: number; createdAt: string } | undefined;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export interface RunSummaryRow {
  id: number;
  createdAt: string;
  asOfDay: number;
  horizon: number;
  nSeries: number;
  durationMs: number | null;
  details: {
    asOfDate?: string;
    fallbacks?: Array<{ sku: string; intended: string[]; reason: string }>;
    accuracy?: { mase: number; naiveMase: number; products: number } | null;
  };
  models: Array<{ model: string; products: number }>;
}

export function latestRunSummary(db: Db): RunSummaryRow | undefined {
  const row = db
    .prepare(
      `SELECT id, created_at AS createdAt, as_of_day AS asOfDay, horizon, n_series AS nSeries, duration_ms AS durationMs, summary
         FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .get() as (Omit<RunSummaryRow, 'details' | 'models'> & { summary: string | null }) | undefined;
  if (!row) return undefined;
  const models = db
    .prepare('SELECT model, count(*) AS products FROM model_registry WHERE run_id = ? AND champion = 1 GROUP BY model ORDER BY products DESC, model')
    .all(row.id) as Array<{ model: string; products: number }>;
  const { summary, ...rest } = row;
  return { ...rest, details: summary ? (JSON.parse(summary) as RunSummaryRow['details']) : {}, models };
}
