/** Inputs of the slow-moving / dead / overstock assessment, per product and location. */
import type { Db } from '../connection';

export interface StockHealthRow {
  productId: number;
  locationId: number;
  locationName: string;
  sku: string;
  name: string;
  supplierName: string | null;
  unitCostCents: number | null;
  unitsSold: number;
  firstSaleDay: number | null;
  lastSaleDay: number | null;
  /** Order-up-to level of the product's latest recommendation at this location; null without a plan. */
  orderUpToLevel: number | null;
  /** Last sale on or before `yearAgoDay` (null when none). */
  lastSaleYearAgo: number | null;
  /** First sale in the 26 weeks after `yearAgoDay` (null when none). */
  resumedAfterYearAgo: number | null;
}

/**
 * Units sold over [fromDay, toDay], the last sale ever and the plan's order-up-to level, for
 * every active product at every location where it sold, was counted or was received (else at
 * the main location); and, around `yearAgoDay`, the last sale before it and the first in the
 * 26 weeks after it (a seasonal line's quiet spell and its return a year ago). Every figure is
 * the location's own: stock that sits at a location where the product does not sell is dead
 * there, however well it sells elsewhere.
 */
export function stockHealthRows(db: Db, fromDay: number, toDay: number, yearAgoDay: number = fromDay): StockHealthRow[] {
  return db
    .prepare(
      `WITH pairs AS (
         SELECT product_id, location_id FROM sales
         UNION SELECT product_id, location_id FROM stock_snapshots
         UNION SELECT l.product_id, l.location_id FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
                WHERE po.received_at IS NOT NULL AND l.received_quantity > 0
       ),
       located AS (
         SELECT p.id AS product_id, COALESCE(x.location_id, 1) AS location_id
           FROM products p LEFT JOIN pairs x ON x.product_id = p.id
          WHERE p.active = 1
       )
       SELECT p.id AS productId, k.location_id AS locationId, loc.name AS locationName, p.sku, p.name, s.name AS supplierName, p.unit_cost_cents AS unitCostCents,
              COALESCE(w.units, 0) AS unitsSold, a.firstSaleDay, a.lastSaleDay,
              (SELECT r.order_up_to FROM recommendations r WHERE r.product_id = p.id AND r.location_id = k.location_id ORDER BY r.id DESC LIMIT 1) AS orderUpToLevel,
              (SELECT max(x.day) FROM sales x WHERE x.product_id = p.id AND x.location_id = k.location_id AND x.quantity > 0 AND x.day <= @yearAgo) AS lastSaleYearAgo,
              (SELECT min(x.day) FROM sales x WHERE x.product_id = p.id AND x.location_id = k.location_id AND x.quantity > 0 AND x.day > @yearAgo AND x.day <= @yearAgo + 182) AS resumedAfterYearAgo
         FROM located k
         JOIN products p ON p.id = k.product_id
         JOIN locations loc ON loc.id = k.location_id
         LEFT JOIN suppliers s ON s.id = p.supplier_id
         LEFT JOIN (SELECT product_id, location_id, SUM(quantity) AS units FROM sales WHERE day BETWEEN @fromDay AND @toDay GROUP BY product_id, location_id) w
           ON w.product_id = k.product_id AND w.location_id = k.location_id
         LEFT JOIN (SELECT product_id, location_id, min(day) AS firstSaleDay, max(CASE WHEN quantity > 0 THEN day END) AS lastSaleDay FROM sales GROUP BY product_id, location_id) a
           ON a.product_id = k.product_id AND a.location_id = k.location_id
        ORDER BY p.id, k.location_id`,
    )
    .all({ fromDay, toDay, yearAgo: yearAgoDay }) as StockHealthRow[];
}

/**
 * Mean forecast demand per period over the `steps` periods from the one holding `nowDay`
 * (periods that ended before it are past), per product and location. A run whose periods
 * all ended has no entry, so the pace falls back to past sales.
 */
export function forecastMeanByKey(db: Db, runId: number, steps: number, nowDay: number, periodDays: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT productId, locationId, AVG(mean) AS mean FROM (
         SELECT product_id AS productId, location_id AS locationId, mean, ROW_NUMBER() OVER (PARTITION BY product_id, location_id ORDER BY step) AS k
         FROM forecasts WHERE run_id = @runId AND period_start + @periodDays > @nowDay
       ) WHERE k <= @steps GROUP BY productId, locationId`,
    )
    .all({ runId, steps, nowDay, periodDays }) as Array<{ productId: number; locationId: number; mean: number }>;
  return new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, r.mean]));
}
