/**
 * The product_stats cache (migration 0050): per-product figures the list and the dashboard
 * sort and sum. Written whole by the alerts refresh, in one transaction.
 */
import { writeTransaction } from '../transaction';
import type { Db } from '../connection';

export interface ProductStatsRow {
  productId: number;
  onHand: number | null;
  countDay: number | null;
  onOrder: number;
  stockValueCents: number | null;
  sold28d: number;
  sold52w: number;
  firstSaleDay: number | null;
  lastSaleDay: number | null;
  forecast28d: number | null;
  weeksOfCover: number | null;
}

/** Units sold per product over the 28 days and the 52 weeks to `asOfDay` (one scan of the last year). */
export function recentSales(db: Db, asOfDay: number): Map<number, { sold28d: number; sold52w: number }> {
  const rows = db
    .prepare(
      `SELECT product_id AS productId, total(CASE WHEN day > @asOf - 28 THEN quantity END) AS sold28d, total(quantity) AS sold52w
       FROM sales WHERE day > @asOf - 364 AND day <= @asOf GROUP BY product_id`,
    )
    .all({ asOf: asOfDay }) as Array<{ productId: number; sold28d: number; sold52w: number }>;
  return new Map(rows.map((r) => [r.productId, { sold28d: r.sold28d, sold52w: r.sold52w }]));
}

export function writeProductStats(db: Db, rows: readonly ProductStatsRow[], now = new Date()): void {
  const at = now.toISOString();
  const insert = db.prepare(
    `INSERT INTO product_stats (product_id, on_hand, count_day, on_order, stock_value_cents, sold_28d, sold_52w, first_sale_day, last_sale_day, forecast_28d, weeks_of_cover, updated_at)
     VALUES (@productId, @onHand, @countDay, @onOrder, @stockValueCents, @sold28d, @sold52w, @firstSaleDay, @lastSaleDay, @forecast28d, @weeksOfCover, @at)`,
  );
  writeTransaction(db, () => {
    db.prepare('DELETE FROM product_stats').run();
    for (const row of rows) insert.run({ ...row, at });
  });
}

export function hasProductStats(db: Db): boolean {
  return db.prepare('SELECT 1 FROM product_stats LIMIT 1').get() !== undefined;
}
