/**
 * Read side of the stock position per product and location (PRODUCT.md §7):
 *   on hand  = latest stock count + deliveries received after it − sales after it
 *   on order = open lines of sent purchase orders (ordered − received), with their due day
 * A count on day d is the stock at the end of day d, so sales and receipts of later days
 * move it. A product never counted has what was received minus what sold after the first
 * delivery. Backorders are not kept by the shop systems we import, so they are 0 here.
 */
import type { Db } from '../connection';

export interface OpenOrderLine {
  poId: number;
  poNumber: string;
  quantity: number;
  /** Expected delivery day; null when neither the line nor the order says. */
  expectedDay: number | null;
  sentDay: number | null;
}

export interface StockPosition {
  productId: number;
  locationId: number;
  /** Day of the latest stock count; null when the product was never counted. */
  countDay: number | null;
  countOnHand: number | null;
  receivedSinceCount: number;
  soldSinceCount: number;
  /** Counted stock moved by receipts and sales since; never below 0 (a sale beyond the count means the count was short). */
  onHand: number;
  onOrder: OpenOrderLine[];
}

/** ISO timestamp text → day number, in SQL. */
const DAY_OF = (column: string) => `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`;

export function stockPositions(db: Db): Map<string, StockPosition> {
  const counts = db
    .prepare(
      `SELECT s.product_id AS productId, s.location_id AS locationId, s.day AS day, s.on_hand AS onHand
         FROM stock_snapshots s
         JOIN (SELECT product_id, location_id, max(day) AS day FROM stock_snapshots GROUP BY product_id, location_id) latest
           ON latest.product_id = s.product_id AND latest.location_id = s.location_id AND latest.day = s.day`,
    )
    .all() as Array<{ productId: number; locationId: number; day: number; onHand: number }>;
  const countByKey = new Map(counts.map((c) => [positionKey(c.productId, c.locationId), c]));

  const sales = db
    .prepare(
      `SELECT sa.product_id AS productId, sa.location_id AS locationId, SUM(sa.quantity) AS quantity
         FROM sales sa
         LEFT JOIN (SELECT product_id, location_id, max(day) AS day FROM stock_snapshots GROUP BY product_id, location_id) latest
           ON latest.product_id = sa.product_id AND latest.location_id = sa.location_id
        WHERE latest.day IS NOT NULL AND sa.day > latest.day
        GROUP BY sa.product_id, sa.location_id`,
    )
    .all() as Array<{ productId: number; locationId: number; quantity: number }>;

  // Never counted: what was received minus what sold after the first delivery.
  const uncountedSales = db
    .prepare(
      `SELECT sa.product_id AS productId, sa.location_id AS locationId, SUM(sa.quantity) AS quantity
         FROM sales sa
         JOIN (SELECT l.product_id, l.location_id, min(${DAY_OF('po.received_at')}) AS firstDay
                 FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
                WHERE po.received_at IS NOT NULL AND l.received_quantity > 0
                GROUP BY l.product_id, l.location_id) first ON first.product_id = sa.product_id AND first.location_id = sa.location_id
        WHERE sa.day > first.firstDay
          AND NOT EXISTS (SELECT 1 FROM stock_snapshots c WHERE c.product_id = sa.product_id AND c.location_id = sa.location_id)
        GROUP BY sa.product_id, sa.location_id`,
    )
    .all() as Array<{ productId: number; locationId: number; quantity: number }>;

  const receipts = db
    .prepare(
      `SELECT l.product_id AS productId, l.location_id AS locationId, ${DAY_OF('po.received_at')} AS day, SUM(l.received_quantity) AS quantity
         FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
        WHERE po.received_at IS NOT NULL AND l.received_quantity > 0
        GROUP BY l.product_id, l.location_id, day`,
    )
    .all() as Array<{ productId: number; locationId: number; day: number; quantity: number }>;

  const open = db
    .prepare(
      `SELECT l.product_id AS productId, l.location_id AS locationId, po.id AS poId, po.number AS poNumber,
              l.quantity - l.received_quantity AS quantity, COALESCE(l.expected_day, po.expected_day) AS expectedDay,
              CASE WHEN po.sent_at IS NULL THEN NULL ELSE ${DAY_OF('po.sent_at')} END AS sentDay
         FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
        WHERE po.status = 'sent' AND l.quantity - l.received_quantity > 0
        ORDER BY expectedDay`,
    )
    .all() as Array<OpenOrderLine & { productId: number; locationId: number }>;

  const positions = new Map<string, StockPosition>();
  const get = (productId: number, locationId: number): StockPosition => {
    const k = positionKey(productId, locationId);
    let position = positions.get(k);
    if (!position) {
      const count = countByKey.get(k);
      position = {
        productId,
        locationId,
        countDay: count?.day ?? null,
        countOnHand: count?.onHand ?? null,
        receivedSinceCount: 0,
        soldSinceCount: 0,
        onHand: 0,
        onOrder: [],
      };
      positions.set(k, position);
    }
    return position;
  };
  for (const c of counts) get(c.productId, c.locationId);
  for (const s of sales) get(s.productId, s.locationId).soldSinceCount = s.quantity;
  for (const s of uncountedSales) get(s.productId, s.locationId).soldSinceCount = s.quantity;
  for (const r of receipts) {
    const position = get(r.productId, r.locationId);
    if (position.countDay === null || r.day > position.countDay) position.receivedSinceCount += r.quantity;
  }
  for (const line of open) {
    get(line.productId, line.locationId).onOrder.push({ poId: line.poId, poNumber: line.poNumber, quantity: line.quantity, expectedDay: line.expectedDay, sentDay: line.sentDay });
  }
  for (const position of positions.values()) {
    position.onHand = Math.max(0, (position.countOnHand ?? 0) + position.receivedSinceCount - position.soldSinceCount);
  }
  return positions;
}

export function positionKey(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}

/** The last day with any data (a sale or a stock count): the plan is made for the day after. */
export function lastDataDay(db: Db): number | null {
  const row = db.prepare('SELECT max(d) AS day FROM (SELECT max(day) AS d FROM sales UNION ALL SELECT max(day) FROM stock_snapshots)').get() as { day: number | null };
  return row.day;
}
