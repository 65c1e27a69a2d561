/**
 * SQL fragments for the per-product figures the screens show: current stock, stock on
 * order, sales over a window, the latest forecast and the latest plan. Shared by the
 * products list, the dashboard and the alert rules so that one number means one thing.
 *
 * On hand = the latest stock count per location minus the sales after that day (a count
 * is taken as of the end of its day), summed over locations, never below 0 (a negative
 * result means sales were recorded that the count did not know about, not negative stock).
 * On order = open quantities of sent purchase orders.
 */
import type { Db } from '../connection';

/** CTEs: stock(product_id, on_hand, count_day), on_order(product_id, qty). */
export const STOCK_CTES = `
latest_count AS (
  SELECT product_id, location_id, max(day) AS day, on_hand
  FROM stock_snapshots GROUP BY product_id, location_id
),
stock AS (
  SELECT lc.product_id,
         sum(max(0, lc.on_hand - coalesce((
           SELECT sum(s.quantity) FROM sales s
           WHERE s.product_id = lc.product_id AND s.location_id = lc.location_id AND s.day > lc.day
         ), 0))) AS on_hand,
         max(lc.day) AS count_day
  FROM latest_count lc GROUP BY lc.product_id
),
on_order AS (
  SELECT pl.product_id, sum(max(0, pl.quantity - pl.received_quantity)) AS qty
  FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id
  WHERE po.status = 'sent' GROUP BY pl.product_id
)`;

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
