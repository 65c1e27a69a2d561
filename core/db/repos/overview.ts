import type { Db } from '../connection';

export const COUNTED_TABLES = [
  'products',
  'suppliers',
  'locations',
  'customers',
  'sales',
  'stock_snapshots',
  'purchase_orders',
  'po_lines',
  'events',
  'imports',
  'forecast_runs',
  'forecasts',
  'recommendations',
  'alerts',
] as const;

export function tableCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

export function salesDayRange(db: Db): { first: number | null; last: number | null } {
  const row = db.prepare('SELECT min(day) AS first, max(day) AS last FROM sales').get() as { first: number | null; last: number | null };
  return row;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
