import type { Db } from '../connection';

export interface SeriesMeta {
  productId: number;
  locationId: number;
  sku: string;
  name: string;
  category: string | null;
  supplierId: number | null;
  unitPriceCents: number | null;
  unitCostCents: number | null;
  active: boolean;
}

export interface PeriodTotal {
  productId: number;
  locationId: number;
  /** Index of the period counted from the anchor day (0 = the period starting at the anchor). */
  period: number;
  quantity: number;
  /** Sales value in cents where prices are known (line revenue, else quantity × unit price). */
  valueCents: number;
}

/** Products with at least one sale, per location where they sold. */
export function seriesWithSales(db: Db): SeriesMeta[] {
  const rows = db
    .prepare(
      `SELECT p.id AS productId, s.location_id AS locationId, p.sku, p.name, p.category, p.supplier_id AS supplierId,
              p.unit_price_cents AS unitPriceCents, p.unit_cost_cents AS unitCostCents, p.active
         FROM (SELECT DISTINCT product_id, location_id FROM sales) s
         JOIN products p ON p.id = s.product_id
        ORDER BY p.id, s.location_id`,
    )
    .all() as Array<Omit<SeriesMeta, 'active'> & { active: number }>;
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

/**
 * Sales summed per product, location and period of `periodDays` days starting at
 * `anchorDay` (which must not be after the first sale). Returns are netted in the sum.
 */
export function periodTotals(db: Db, anchorDay: number, periodDays: number, untilDay: number): PeriodTotal[] {
  // The alias is not "period": sales has a column of that name (daily or weekly totals).
  const rows = db
    .prepare(
      `SELECT s.product_id AS productId, s.location_id AS locationId, (s.day - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS bucket,
              SUM(s.quantity) AS quantity,
              SUM(COALESCE(s.revenue_cents, s.quantity * COALESCE(s.unit_price_cents, p.unit_price_cents, 0))) AS valueCents
         FROM sales s JOIN products p ON p.id = s.product_id
        WHERE s.day >= ? AND s.day <= ?
        GROUP BY s.product_id, s.location_id, bucket
        ORDER BY s.product_id, s.location_id, bucket`,
    )
    .all(anchorDay, periodDays, anchorDay, untilDay) as Array<Omit<PeriodTotal, 'period'> & { bucket: number }>;
  return rows.map(({ bucket, ...rest }) => ({ ...rest, period: bucket }));
}

export function salesDayBounds(db: Db): { first: number; last: number } | undefined {
  const row = db.prepare('SELECT min(day) AS first, max(day) AS last FROM sales').get() as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? undefined : { first: row.first, last: row.last };
}

export interface StockPoint {
  productId: number;
  locationId: number;
  day: number;
  onHand: number;
}

/** All stock counts, ordered per product and location by day. */
export function stockPoints(db: Db): StockPoint[] {
  return db
    .prepare('SELECT product_id AS productId, location_id AS locationId, day, on_hand AS onHand FROM stock_snapshots ORDER BY product_id, location_id, day')
    .all() as StockPoint[];
}

/** Days with a sale per product and location (for censoring: a sale ends a stockout). */
export function saleDays(db: Db, fromDay: number): Array<{ productId: number; locationId: number; day: number }> {
  return db
    .prepare('SELECT DISTINCT product_id AS productId, location_id AS locationId, day FROM sales WHERE day >= ? AND quantity > 0 ORDER BY product_id, location_id, day')
    .all(fromDay) as Array<{ productId: number; locationId: number; day: number }>;
}

export interface EventRow {
  id: number;
  name: string;
  type: 'promo' | 'holiday' | 'closure' | 'other';
  startDay: number;
  endDay: number;
  scope: 'all' | 'category' | 'sku';
  scopeValue: string | null;
  multiplier: number | null;
}

export function allEvents(db: Db): EventRow[] {
  return db
    .prepare('SELECT id, name, type, start_day AS startDay, end_day AS endDay, scope, scope_value AS scopeValue, multiplier FROM events ORDER BY start_day')
    .all() as EventRow[];
}

export interface OneOffMark {
  productId: number;
  locationId: number | null;
  startDay: number;
  endDay: number;
}

/** Sales days the owner marked as one-offs (not removed): the models ignore them. */
export function activeOneOffMarks(db: Db): OneOffMark[] {
  return db
    .prepare('SELECT product_id AS productId, location_id AS locationId, start_day AS startDay, end_day AS endDay FROM anomaly_marks WHERE removed_at IS NULL')
    .all() as OneOffMark[];
}
