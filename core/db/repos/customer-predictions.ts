import type { Db } from '../connection';

/** One stored customer × product prediction, joined with the names the screens show. */
export interface PredictionRow {
  customerId: number;
  externalId: string;
  customerName: string | null;
  productId: number;
  sku: string;
  productName: string;
  orderCount: number;
  firstOrderDay: number;
  lastOrderDay: number;
  meanIntervalDays: number | null;
  intervalSpreadDays: number | null;
  typicalIntervalDays: number;
  typicalQuantity: number;
  expectedQuantity: number;
  confidence: number;
  probabilityActive: number;
  overdueProbability: number;
  nextOrderDay: number;
  nextOrderLowDay: number;
  nextOrderHighDay: number;
  likelyOrderDay: number | null;
  expectedOrders: number;
  expectedUnits: number;
  revenueAtStakeCents: number | null;
  atRisk: boolean;
  reason: string;
  /** JSON: per week {next, any, units}. */
  weeks: string;
}

export type PredictionSort = 'revenueAtStake' | 'nextOrder' | 'confidence' | 'customer' | 'expectedUnits';

export interface PredictionFilter {
  search?: string;
  atRiskOnly?: boolean;
  customerId?: number;
  productId?: number;
  sort?: PredictionSort;
  limit: number;
  offset: number;
}

const ORDER_BY: Record<PredictionSort, string> = {
  revenueAtStake: 'cp.at_risk DESC, coalesce(cp.revenue_at_stake_cents, 0) DESC',
  nextOrder: 'cp.next_order_day ASC, cp.confidence DESC',
  confidence: 'cp.confidence DESC',
  customer: "coalesce(c.name, c.external_id) COLLATE NOCASE ASC, p.name COLLATE NOCASE ASC",
  expectedUnits: 'cp.expected_units DESC',
};

const COLUMNS = `cp.customer_id AS customerId, c.external_id AS externalId, c.name AS customerName, cp.product_id AS productId, p.sku, p.name AS productName,
  cp.order_count AS orderCount, cp.first_order_day AS firstOrderDay, cp.last_order_day AS lastOrderDay, cp.mean_interval_days AS meanIntervalDays,
  cp.interval_spread_days AS intervalSpreadDays, cp.typical_interval_days AS typicalIntervalDays, cp.typical_quantity AS typicalQuantity,
  cp.expected_quantity AS expectedQuantity, cp.confidence, cp.probability_active AS probabilityActive, cp.overdue_probability AS overdueProbability,
  cp.next_order_day AS nextOrderDay, cp.next_order_low_day AS nextOrderLowDay, cp.next_order_high_day AS nextOrderHighDay, cp.likely_order_day AS likelyOrderDay,
  cp.expected_orders AS expectedOrders, cp.expected_units AS expectedUnits, cp.revenue_at_stake_cents AS revenueAtStakeCents, cp.at_risk AS atRisk,
  cp.reason, cp.weeks`;

/** Predictions of a run, filtered, sorted and paged; `total` counts every match. */
export function listPredictions(db: Db, runId: number, filter: PredictionFilter): { rows: PredictionRow[]; total: number } {
  const where = ['cp.run_id = ?'];
  const params: (string | number)[] = [runId];
  if (filter.atRiskOnly) where.push('cp.at_risk = 1');
  if (filter.customerId !== undefined) {
    where.push('cp.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.productId !== undefined) {
    where.push('cp.product_id = ?');
    params.push(filter.productId);
  }
  const search = filter.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push("(c.name LIKE ? ESCAPE '\\' OR c.external_id LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')");
    params.push(like, like, like, like);
  }
  const from = `FROM customer_predictions cp JOIN customers c ON c.id = cp.customer_id JOIN products p ON p.id = cp.product_id WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const order = ORDER_BY[filter.sort ?? 'revenueAtStake'];
  const rows = db
    .prepare(`SELECT ${COLUMNS} ${from} ORDER BY ${order}, cp.customer_id, cp.product_id LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset) as Array<Omit<PredictionRow, 'atRisk'> & { atRisk: number }>;
  return { rows: rows.map((r) => ({ ...r, atRisk: r.atRisk === 1 })), total };
}

export interface CustomerRecord {
  id: number;
  externalId: string;
  name: string | null;
}

export function customerById(db: Db, customerId: number): CustomerRecord | null {
  const row = db.prepare('SELECT id, external_id AS externalId, name FROM customers WHERE id = ?').get(customerId) as CustomerRecord | undefined;
  return row ?? null;
}

export interface CustomerOrderSummary {
  orderDays: number;
  firstDay: number | null;
  lastDay: number | null;
  revenueCents: number;
  products: number;
}

/** What the customer bought, all products: distinct order days, first and last, revenue. */
export function customerOrderSummary(db: Db, customerId: number): CustomerOrderSummary {
  return db
    .prepare(
      `SELECT count(DISTINCT s.day) AS orderDays, min(s.day) AS firstDay, max(s.day) AS lastDay,
              coalesce(sum(coalesce(s.revenue_cents, s.quantity * coalesce(s.unit_price_cents, p.unit_price_cents, 0))), 0) AS revenueCents,
              count(DISTINCT s.product_id) AS products
         FROM sales s JOIN products p ON p.id = s.product_id
        WHERE s.customer_id = ? AND s.quantity > 0`,
    )
    .get(customerId) as CustomerOrderSummary;
}

export interface ProductForecastRecord {
  productId: number;
  sku: string;
  name: string;
  status: 'ok' | 'no_predictable_customers' | 'failed';
  message: string | null;
  /** JSON written by saveCustomerRun. */
  result: string;
}

export function productForecastRecord(db: Db, runId: number, productId: number): ProductForecastRecord | null {
  const row = db
    .prepare(
      `SELECT f.product_id AS productId, p.sku, p.name, f.status, f.message, f.result
         FROM customer_product_forecasts f JOIN products p ON p.id = f.product_id
        WHERE f.run_id = ? AND f.product_id = ?`,
    )
    .get(runId, productId) as ProductForecastRecord | undefined;
  return row ?? null;
}

export function productRecordsOfRun(db: Db, runId: number, productIds?: readonly number[]): ProductForecastRecord[] {
  const filter = productIds ? `AND f.product_id IN (${productIds.map(() => '?').join(',') || 'NULL'})` : '';
  return db
    .prepare(
      `SELECT f.product_id AS productId, p.sku, p.name, f.status, f.message, f.result
         FROM customer_product_forecasts f JOIN products p ON p.id = f.product_id
        WHERE f.run_id = ? ${filter}
        ORDER BY coalesce(f.expected_units, 0) DESC, p.sku`,
    )
    .all(runId, ...(productIds ?? [])) as ProductForecastRecord[];
}

export function productExists(db: Db, productId: number): { id: number; sku: string; name: string } | null {
  const row = db.prepare('SELECT id, sku, name FROM products WHERE id = ?').get(productId) as { id: number; sku: string; name: string } | undefined;
  return row ?? null;
}
