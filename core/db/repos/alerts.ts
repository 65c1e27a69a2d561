/**
 * Alerts (table alerts, 0001 + 0050) and the weeks marked as one-offs (anomaly_marks).
 * An alert is one row per problem while it lasts: a refresh updates the open row with the
 * same dedupe key, adds rows for new problems and resolves the rows whose problem is gone.
 */
import { writeTransaction } from '../transaction';
import type { z } from 'zod';
import type { AlertItem, AlertQuery, AlertsState, OneOffMark } from '../../contract/commands/alerts';
import type { AlertKind, Severity } from '../../contract/commands/products';
import { AppError } from '../../contract/errors';
import { isoFromDay } from '../../dates';
import type { Db } from '../connection';
import { audit } from './audit';

export interface AlertDraftRow {
  kind: AlertKind;
  severity: Severity;
  productId: number | null;
  locationId: number | null;
  dedupeKey: string;
  message: string;
  details: Record<string, unknown>;
}

interface AlertRaw {
  id: number;
  kind: AlertKind;
  severity: Severity;
  product_id: number | null;
  sku: string | null;
  product_name: string | null;
  message: string;
  details: string | null;
  created_at: string;
  updated_at: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
}

function weekOf(details: string | null): string | null {
  if (!details) return null;
  try {
    const parsed = JSON.parse(details) as { weekStartDay?: unknown };
    return typeof parsed.weekStartDay === 'number' ? isoFromDay(parsed.weekStartDay) : null;
  } catch {
    return null;
  }
}

function toItem(r: AlertRaw): AlertItem {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    status: r.resolved_at ? 'resolved' : r.acknowledged_at ? 'acknowledged' : 'open',
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    message: r.message,
    weekStartDay: r.kind === 'anomaly' ? weekOf(r.details) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    resolvedAt: r.resolved_at,
  };
}

const OPEN = 'a.resolved_at IS NULL AND a.acknowledged_at IS NULL';

export function listAlerts(db: Db, query: z.output<typeof AlertQuery>): { rows: AlertItem[]; total: number } {
  const parts: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.view === 'open') parts.push(OPEN);
  if (query.kinds.length > 0) parts.push(`a.kind IN (${query.kinds.map((k, i) => ((params[`k${i}`] = k), `@k${i}`)).join(', ')})`);
  if (query.severities.length > 0) parts.push(`a.severity IN (${query.severities.map((s, i) => ((params[`s${i}`] = s), `@s${i}`)).join(', ')})`);
  if (query.productId !== null) {
    params.productId = query.productId;
    parts.push('a.product_id = @productId');
  }
  const where = parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  const order =
    query.view === 'open'
      ? "ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.created_at DESC, a.id DESC"
      : 'ORDER BY coalesce(a.resolved_at, a.acknowledged_at, a.updated_at, a.created_at) DESC, a.id DESC';
  const rows = db
    .prepare(
      `SELECT a.id, a.kind, a.severity, a.product_id, p.sku, p.name AS product_name, a.message, a.details,
              a.created_at, a.updated_at, a.acknowledged_at, a.resolved_at
       FROM alerts a LEFT JOIN products p ON p.id = a.product_id ${where} ${order} LIMIT @limit OFFSET @offset`,
    )
    .all(params) as AlertRaw[];
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const total = (db.prepare(`SELECT count(*) AS n FROM alerts a ${where}`).get(countParams) as { n: number }).n;
  return { rows: rows.map(toItem), total };
}

export function openAlertCounts(db: Db): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  const rows = db.prepare(`SELECT severity, count(*) AS n FROM alerts a WHERE ${OPEN} GROUP BY severity`).all() as Array<{ severity: Severity; n: number }>;
  for (const r of rows) counts[r.severity] = r.n;
  return counts;
}

export function acknowledgeAlerts(db: Db, ids: readonly number[], now = new Date()): number {
  const update = db.prepare('UPDATE alerts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL AND resolved_at IS NULL');
  return writeTransaction(db, () => {
    let changed = 0;
    for (const id of ids) {
      if (update.run(now.toISOString(), id).changes > 0) {
        changed++;
        audit(db, { action: 'alert.acknowledge', entity: 'alert', entityId: id }, now);
      }
    }
    return changed;
  });
}

export interface UpsertOutcome {
  created: number;
  updated: number;
  resolved: number;
  /** Critical alerts created by this refresh (for the desktop notification). */
  newCritical: Array<{ id: number; message: string }>;
}

/**
 * Replaces the set of open problems with `drafts` in one transaction: same key → update,
 * new key → insert, open key missing from the drafts → resolved.
 */
export function applyAlertDrafts(db: Db, drafts: readonly AlertDraftRow[], now = new Date()): UpsertOutcome {
  const at = now.toISOString();
  const existing = db.prepare('SELECT id, dedupe_key AS key, severity, message FROM alerts WHERE resolved_at IS NULL AND dedupe_key IS NOT NULL').all() as Array<{ id: number; key: string; severity: Severity; message: string }>;
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const insert = db.prepare('INSERT INTO alerts (kind, severity, product_id, location_id, message, details, created_at, updated_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE alerts SET severity = ?, message = ?, details = ?, updated_at = ? WHERE id = ?');
  const resolve = db.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?');
  const outcome: UpsertOutcome = { created: 0, updated: 0, resolved: 0, newCritical: [] };
  writeTransaction(db, () => {
    const seen = new Set<string>();
    for (const d of drafts) {
      if (seen.has(d.dedupeKey)) continue;
      seen.add(d.dedupeKey);
      const open = byKey.get(d.dedupeKey);
      const details = JSON.stringify(d.details);
      if (open) {
        if (open.message !== d.message || open.severity !== d.severity) {
          update.run(d.severity, d.message, details, at, open.id);
          outcome.updated++;
        }
      } else {
        const id = Number(insert.run(d.kind, d.severity, d.productId, d.locationId, d.message, details, at, at, d.dedupeKey).lastInsertRowid);
        outcome.created++;
        if (d.severity === 'critical') outcome.newCritical.push({ id, message: d.message });
      }
    }
    for (const e of existing) {
      if (!seen.has(e.key)) {
        resolve.run(at, e.id);
        outcome.resolved++;
      }
    }
  });
  return outcome;
}

export function markNotified(db: Db, ids: readonly number[], now = new Date()): void {
  const update = db.prepare('UPDATE alerts SET notified_at = ? WHERE id = ?');
  writeTransaction(db, () => {
    for (const id of ids) update.run(now.toISOString(), id);
  });
}

/* ---- one-off marks ---- */

interface MarkRaw {
  id: number;
  product_id: number;
  start_day: number;
  end_day: number;
  reason: string | null;
  created_at: string;
}

function toMark(r: MarkRaw): z.infer<typeof OneOffMark> {
  return { id: r.id, productId: r.product_id, startDay: isoFromDay(r.start_day), endDay: isoFromDay(r.end_day), reason: r.reason, createdAt: r.created_at };
}

/** Marks the week of an anomaly alert as a one-off and resolves the alert. */
export function markAlertOneOff(db: Db, alertId: number, reason: string | null, now = new Date()): z.infer<typeof OneOffMark> {
  const alert = db.prepare('SELECT id, kind, product_id AS productId, details FROM alerts WHERE id = ?').get(alertId) as { id: number; kind: string; productId: number | null; details: string | null } | undefined;
  if (!alert) throw new AppError('not_found', `There is no alert with id ${alertId}.`);
  const week = weekOf(alert.details);
  if (alert.kind !== 'anomaly' || alert.productId === null || week === null) {
    throw new AppError('conflict', 'Only an unusual-sales alert of a product can be marked as a one-off.');
  }
  const startDay = (JSON.parse(alert.details ?? '{}') as { weekStartDay: number }).weekStartDay;
  const productId = alert.productId;
  return writeTransaction(db, () => {
    const id = Number(
      db.prepare('INSERT INTO anomaly_marks (product_id, location_id, start_day, end_day, reason, created_at) VALUES (?, NULL, ?, ?, ?, ?)').run(productId, startDay, startDay + 6, reason, now.toISOString()).lastInsertRowid,
    );
    db.prepare('UPDATE alerts SET resolved_at = coalesce(resolved_at, ?), acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?').run(now.toISOString(), now.toISOString(), alertId);
    const mark = toMark(db.prepare('SELECT * FROM anomaly_marks WHERE id = ?').get(id) as MarkRaw);
    audit(db, { action: 'anomaly.mark_one_off', entity: 'anomaly_mark', entityId: id, after: { ...mark, alertId } }, now);
    return mark;
  });
}

export function listOneOffs(db: Db, productId: number): Array<z.infer<typeof OneOffMark>> {
  return (db.prepare('SELECT * FROM anomaly_marks WHERE product_id = ? AND removed_at IS NULL ORDER BY start_day').all(productId) as MarkRaw[]).map(toMark);
}

export function removeOneOff(db: Db, id: number, now = new Date()): void {
  const raw = db.prepare('SELECT * FROM anomaly_marks WHERE id = ? AND removed_at IS NULL').get(id) as MarkRaw | undefined;
  if (!raw) throw new AppError('not_found', `There is no one-off mark with id ${id}.`);
  writeTransaction(db, () => {
    db.prepare('UPDATE anomaly_marks SET removed_at = ? WHERE id = ?').run(now.toISOString(), id);
    audit(db, { action: 'anomaly.unmark_one_off', entity: 'anomaly_mark', entityId: id, before: toMark(raw) }, now);
  });
}

/**
 * The days marked as one-offs, per product: the series builder treats them as missing so
 * the models ignore them. locationId null means every location.
 */
export function oneOffDays(db: Db): Map<number, Array<{ locationId: number | null; startDay: number; endDay: number }>> {
  const rows = db.prepare('SELECT product_id, location_id, start_day, end_day FROM anomaly_marks WHERE removed_at IS NULL ORDER BY product_id, start_day').all() as Array<{ product_id: number; location_id: number | null; start_day: number; end_day: number }>;
  const out = new Map<number, Array<{ locationId: number | null; startDay: number; endDay: number }>>();
  for (const r of rows) {
    const list = out.get(r.product_id) ?? [];
    list.push({ locationId: r.location_id, startDay: r.start_day, endDay: r.end_day });
    out.set(r.product_id, list);
  }
  return out;
}

/* ---- refresh state ---- */

const STATE_KEY = 'alerts.lastRefresh';

/** A cheap signature of everything the alerts depend on; it changes when any of it does. */
export function dataFingerprint(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(id) FROM sales) AS sales, (SELECT count(*) FROM imports) || '/' || (SELECT max(id) FROM imports) AS imports,
              (SELECT count(*) FROM stock_snapshots) || '/' || (SELECT max(id) FROM stock_snapshots) AS counts,
              (SELECT max(id) FROM forecast_runs WHERE status = 'done') AS run,
              (SELECT max(id) FROM recommendations) || '/' || (SELECT count(*) FROM recommendations WHERE status = 'pending') AS recs,
              (SELECT max(id) FROM purchase_orders) || '/' || (SELECT group_concat(status) FROM (SELECT status, count(*) FROM purchase_orders GROUP BY status)) || '/' || (SELECT total(received_quantity) FROM po_lines) AS pos,
              (SELECT count(*) FROM anomaly_marks WHERE removed_at IS NULL) || '/' || (SELECT max(id) FROM anomaly_marks) AS marks,
              (SELECT count(*) FROM events) || '/' || (SELECT total(id * 7 + start_day * 3 + end_day + coalesce(multiplier, 0)) FROM events) AS events,
              (SELECT count(*) FROM products WHERE active = 1) || '/' || (SELECT max(id) FROM products) AS products,
              (SELECT group_concat(key || '=' || value, ';') FROM settings WHERE key IN ('locale', 'currency', 'weekStart', 'country', 'defaultLeadTimeDays')) AS settings`,
    )
    .get() as Record<string, unknown>;
  return JSON.stringify(row);
}

interface StoredState {
  at: string;
  fingerprint: string;
  asOfDay: number | null;
}

export function readRefreshState(db: Db): StoredState | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(STATE_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as StoredState;
  } catch {
    return null;
  }
}

export function writeRefreshState(db: Db, state: StoredState): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(STATE_KEY, JSON.stringify(state));
}

export function alertsState(db: Db, flags: { hasForecast: boolean; hasPlan: boolean }): AlertsState {
  const stored = readRefreshState(db);
  const hasStockCounts = db.prepare('SELECT 1 FROM stock_snapshots LIMIT 1').get() !== undefined;
  return {
    lastRefreshAt: stored?.at ?? null,
    asOfDay: stored?.asOfDay === null || stored?.asOfDay === undefined ? null : isoFromDay(stored.asOfDay),
    stale: !stored || stored.fingerprint !== dataFingerprint(db),
    hasForecast: flags.hasForecast,
    hasPlan: flags.hasPlan,
    hasStockCounts,
  };
}
