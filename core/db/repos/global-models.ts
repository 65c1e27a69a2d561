/**
 * The model registry's rows for global models (model_registry with product_id NULL):
 * one row per trained version of each kind ('gbdt', 'nn'), its files, backend and
 * metrics as JSON, and which version is the champion.
 */
import { writeTransaction } from '../transaction';
import type { Db } from '../connection';
import { audit } from './audit';

export type GlobalModelKind = 'gbdt' | 'nn';

export interface GlobalModelRecord {
  id: number;
  model: GlobalModelKind;
  version: number;
  champion: boolean;
  createdAt: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

interface Row {
  id: number;
  model: string;
  version: number;
  champion: number;
  created_at: string;
  params: string;
  metrics: string | null;
}

function parseJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toRecord(row: Row): GlobalModelRecord {
  return {
    id: row.id,
    model: row.model === 'nn' ? 'nn' : 'gbdt',
    version: row.version,
    champion: row.champion === 1,
    createdAt: row.created_at,
    params: parseJson(row.params),
    metrics: parseJson(row.metrics),
  };
}

const COLUMNS = 'id, model, version, champion, created_at, params, metrics';

/** Every global model version, newest first (optionally of one kind). */
export function listGlobalModels(db: Db, model?: GlobalModelKind): GlobalModelRecord[] {
  const rows = model
    ? (db.prepare(`SELECT ${COLUMNS} FROM model_registry WHERE product_id IS NULL AND model = ? ORDER BY version DESC`).all(model) as Row[])
    : (db.prepare(`SELECT ${COLUMNS} FROM model_registry WHERE product_id IS NULL ORDER BY model, version DESC`).all() as Row[]);
  return rows.map(toRecord);
}

export function globalChampion(db: Db, model: GlobalModelKind): GlobalModelRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM model_registry WHERE product_id IS NULL AND model = ? AND champion = 1`).get(model) as Row | undefined;
  return row ? toRecord(row) : undefined;
}

export function getGlobalModel(db: Db, id: number): GlobalModelRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM model_registry WHERE product_id IS NULL AND id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : undefined;
}

/** The version number the next model of this kind gets. */
export function nextGlobalVersion(db: Db, model: GlobalModelKind): number {
  const row = db.prepare('SELECT max(version) AS v FROM model_registry WHERE product_id IS NULL AND model = ?').get(model) as { v: number | null };
  return (row.v ?? 0) + 1;
}

/** Adds a version; when `champion`, it replaces the current champion of its kind (one transaction). */
export function insertGlobalModel(
  db: Db,
  entry: { model: GlobalModelKind; version: number; champion: boolean; createdAt: string; params: Record<string, unknown>; metrics: Record<string, unknown> },
): number {
  return writeTransaction(db, () => {
    if (entry.champion) db.prepare('UPDATE model_registry SET champion = 0 WHERE product_id IS NULL AND model = ?').run(entry.model);
    const result = db
      .prepare('INSERT INTO model_registry (product_id, location_id, model, params, version, metrics, champion, created_at) VALUES (NULL, NULL, ?, ?, ?, ?, ?, ?)')
      .run(entry.model, JSON.stringify(entry.params), entry.version, JSON.stringify(entry.metrics), entry.champion ? 1 : 0, entry.createdAt);
    return Number(result.lastInsertRowid);
  });
}

/** Makes a version the champion of its kind (audited); false when there is no such version. */
export function promoteGlobalModel(db: Db, id: number): boolean {
  return writeTransaction(db, () => {
    const row = getGlobalModel(db, id);
    if (!row) return false;
    const before = globalChampion(db, row.model);
    db.prepare('UPDATE model_registry SET champion = 0 WHERE product_id IS NULL AND model = ?').run(row.model);
    db.prepare('UPDATE model_registry SET champion = 1 WHERE id = ?').run(id);
    audit(db, { action: 'models.promote', entity: 'global_model', entityId: row.model, before: before ? { version: before.version } : null, after: { version: row.version } });
    return true;
  });
}

export interface ProductModelUsageRow {
  model: string;
  products: number;
  mase: number | null;
  naiveMase: number | null;
}

/** Per model: products it is champion for in the latest finished forecast run, with mean backtest MASE vs naive. */
export function productModelUsage(db: Db): { runId: number | null; models: ProductModelUsageRow[] } {
  const run = db.prepare("SELECT id FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1").get() as { id: number } | undefined;
  if (!run) return { runId: null, models: [] };
  const models = db
    .prepare(
      `SELECT m.model AS model, count(DISTINCT m.product_id || ':' || coalesce(m.location_id, 1)) AS products,
              avg(b.mase) AS mase, avg(b.naive_mase) AS naiveMase
         FROM model_registry m
         LEFT JOIN backtests b ON b.run_id = m.run_id AND b.product_id = m.product_id AND b.model = m.model
                              AND b.location_id = coalesce(m.location_id, 1)
        WHERE m.run_id = ? AND m.product_id IS NOT NULL AND m.champion = 1
        GROUP BY m.model
        ORDER BY products DESC, m.model`,
    )
    .all(run.id) as ProductModelUsageRow[];
  return { runId: run.id, models };
}

export function deleteGlobalModels(db: Db, ids: number[]): void {
  const statement = db.prepare('DELETE FROM model_registry WHERE product_id IS NULL AND id = ?');
  writeTransaction(db, () => {
    for (const id of ids) statement.run(id);
  });
}
