/**
 * Small shared reads of the screens: the latest forecast runs, the as-of day of the data,
 * whether a plan exists. (Stock positions come from stock-position.ts, the plan's read.)
 */
import type { Db } from '../connection';

/** The latest finished forecast run, or null. */
export function latestForecastRun(db: Db): { id: number; asOfDay: number; period: 'day' | 'week'; horizon: number } | null {
  const row = db
    .prepare("SELECT id, as_of_day AS asOfDay, period, horizon FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1")
    .get() as { id: number; asOfDay: number; period: 'day' | 'week'; horizon: number } | undefined;
  return row ?? null;
}

/** The forecast run before the latest finished one (for "which forecasts got worse"), or null. */
export function previousForecastRun(db: Db, beforeId: number): { id: number; asOfDay: number } | null {
  const row = db
    .prepare("SELECT id, as_of_day AS asOfDay FROM forecast_runs WHERE status = 'done' AND id < ? ORDER BY id DESC LIMIT 1")
    .get(beforeId) as { id: number; asOfDay: number } | undefined;
  return row ?? null;
}

/**
 * The day the workspace's figures are as of: the last day with a sale or a stock count
 * (a demo shop's data ends in the past; "today" would show everything as stale).
 * Reads each product's newest sale through the (product, location, day) index.
 */
export function asOfDay(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT max(d) AS day FROM (
         SELECT (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = l.id ORDER BY s.day DESC LIMIT 1) AS d
         FROM products p CROSS JOIN locations l
         UNION ALL SELECT max(day) FROM stock_snapshots
       )`,
    )
    .get() as { day: number | null };
  return row.day;
}

/** Whether a reorder plan has been made (any recommendation exists). */
export function hasPlan(db: Db): boolean {
  return db.prepare('SELECT 1 FROM recommendations LIMIT 1').get() !== undefined;
}
