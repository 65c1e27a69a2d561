/**
 * The data the alert rules and the weekly summary read, gathered in a few aggregated
 * queries over the whole workspace (run in a worker thread by the alerts job).
 */
import type { Db } from '../connection';
import type { StockPosition } from './stock-position';
import { stockPositions } from './stock-position';
import { latestForecastRun } from './stock-facts';

export interface ProductBase {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  supplierName: string | null;
  unitCostCents: number | null;
  unitPriceCents: number | null;
  leadTimeDays: number;
  reorderPoint: number | null;
  orderUpToLevel: number | null;
  suggestedQty: number | null;
  recommendationStatus: string | null;
  priority: string | null;
  firstSaleDay: number | null;
  lastSaleDay: number | null;
}

/** Every active product with stock, plan and sales-span figures. */
export function productBases(db: Db, defaultLeadTimeDays: number): ProductBase[] {
  return db
    .prepare(
      `SELECT p.id, p.sku, p.name, p.category, sup.name AS supplierName,
              p.unit_cost_cents AS unitCostCents, p.unit_price_cents AS unitPriceCents,
              coalesce(p.lead_time_days, sup.default_lead_time_days, @defaultLead) AS leadTimeDays,
              rec.reorder_point AS reorderPoint, rec.order_up_to AS orderUpToLevel, rec.suggested_qty AS suggestedQty,
              rec.status AS recommendationStatus, rec.priority AS priority,
              (SELECT min(d) FROM (SELECT (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = l.id ORDER BY s.day ASC LIMIT 1) AS d FROM locations l)) AS firstSaleDay,
              (SELECT max(d) FROM (SELECT (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = l.id ORDER BY s.day DESC LIMIT 1) AS d FROM locations l)) AS lastSaleDay
       FROM products p
       LEFT JOIN suppliers sup ON sup.id = p.supplier_id
       LEFT JOIN recommendations rec ON rec.id = (SELECT max(r2.id) FROM recommendations r2 WHERE r2.product_id = p.id)
       WHERE p.active = 1
       ORDER BY p.id`,
    )
    .all({ defaultLead: defaultLeadTimeDays }) as ProductBase[];
}

/**
 * The latest recommendation of every product at every location (a product's base carries one
 * line only: a product ordered for two locations has two).
 */
export interface RecommendationLine {
  productId: number;
  locationId: number;
  suggestedQty: number;
  reorderPoint: number;
  priority: string;
  status: string;
}

export function latestRecommendationLines(db: Db): RecommendationLine[] {
  return db
    .prepare(
      `SELECT r.product_id AS productId, r.location_id AS locationId, r.suggested_qty AS suggestedQty, r.reorder_point AS reorderPoint, r.priority, r.status
       FROM recommendations r
       WHERE r.id IN (SELECT max(id) FROM recommendations GROUP BY product_id, location_id)
       ORDER BY r.product_id, r.location_id`,
    )
    .all() as RecommendationLine[];
}

export interface ProductPosition {
  /** Counted stock moved by receipts and sales since, summed over the counted locations; null: never counted. */
  onHand: number | null;
  countDay: number | null;
  /** Open lines of sent purchase orders, every location. */
  onOrder: Array<{ quantity: number; expectedDay: number | null; sentDay: number | null }>;
}

/**
 * Stock positions per product (locations summed), from the same read the reorder plan
 * uses (core/db/repos/stock-position.ts), so the screens and the plan agree on "on hand".
 */
export function productPositions(db: Db, positions: Map<string, StockPosition> = stockPositions(db)): Map<number, ProductPosition> {
  const out = new Map<number, ProductPosition>();
  for (const position of positions.values()) {
    const entry = out.get(position.productId) ?? { onHand: null, countDay: null, onOrder: [] };
    if (position.countDay !== null) {
      entry.onHand = (entry.onHand ?? 0) + position.onHand;
      entry.countDay = Math.max(entry.countDay ?? position.countDay, position.countDay);
    }
    for (const line of position.onOrder) entry.onOrder.push({ quantity: line.quantity, expectedDay: line.expectedDay, sentDay: line.sentDay });
    out.set(position.productId, entry);
  }
  return out;
}

export interface ForecastSeries {
  runId: number;
  asOfDay: number;
  periodDays: number;
  /** Per product: period starts and means (summed over locations), by step. */
  byProduct: Map<number, { starts: number[]; means: number[] }>;
}

/** The latest finished forecast run's means per product (locations summed). */
export function latestForecastMeans(db: Db): ForecastSeries | null {
  const run = latestForecastRun(db);
  if (!run) return null;
  const rows = db
    .prepare('SELECT product_id AS productId, period_start AS start, sum(mean) AS mean FROM forecasts WHERE run_id = ? GROUP BY product_id, step ORDER BY product_id, step')
    .all(run.id) as Array<{ productId: number; start: number; mean: number }>;
  const byProduct = new Map<number, { starts: number[]; means: number[] }>();
  for (const r of rows) {
    const entry = byProduct.get(r.productId) ?? { starts: [], means: [] };
    entry.starts.push(r.start);
    entry.means.push(r.mean);
    byProduct.set(r.productId, entry);
  }
  return { runId: run.id, asOfDay: run.asOfDay, periodDays: run.period === 'day' ? 1 : 7, byProduct };
}

/** The run's means per product and location (key `productId:locationId`, as positionKey), by step. */
export function forecastMeansByLocation(db: Db, runId: number): Map<string, { starts: number[]; means: number[] }> {
  const rows = db
    .prepare('SELECT product_id AS productId, location_id AS locationId, period_start AS start, mean FROM forecasts WHERE run_id = ? ORDER BY product_id, location_id, step')
    .all(runId) as Array<{ productId: number; locationId: number; start: number; mean: number }>;
  const out = new Map<string, { starts: number[]; means: number[] }>();
  for (const r of rows) {
    const key = `${r.productId}:${r.locationId}`;
    const entry = out.get(key) ?? { starts: [], means: [] };
    entry.starts.push(r.start);
    entry.means.push(r.mean);
    out.set(key, entry);
  }
  return out;
}

/** Location names by id. */
export function locationNames(db: Db): Map<number, string> {
  return new Map((db.prepare('SELECT id, name FROM locations').all() as Array<{ id: number; name: string }>).map((l) => [l.id, l.name]));
}

/** Actual sales per product and forecast period of a run, for periods complete by `asOfDay`. */
export function actualsForRun(db: Db, runId: number, periodDays: number, asOfDay: number): Map<number, Array<{ start: number; actual: number; mean: number; q10: number; q90: number }>> {
  const rows = db
    .prepare(
      `SELECT f.product_id AS productId, f.period_start AS start, sum(f.mean) AS mean, sum(f.q10) AS q10, sum(f.q90) AS q90,
              coalesce((SELECT sum(s.quantity) FROM sales s WHERE s.product_id = f.product_id AND s.location_id IN (SELECT id FROM locations)
                        AND s.day >= f.period_start AND s.day < f.period_start + @periodDays), 0) AS actual
       FROM forecasts f
       WHERE f.run_id = @runId AND f.period_start + @periodDays - 1 <= @asOf
       GROUP BY f.product_id, f.step ORDER BY f.product_id, f.step`,
    )
    .all({ runId, periodDays, asOf: asOfDay }) as Array<{ productId: number; start: number; actual: number; mean: number; q10: number; q90: number }>;
  const out = new Map<number, Array<{ start: number; actual: number; mean: number; q10: number; q90: number }>>();
  for (const r of rows) {
    const list = out.get(r.productId) ?? [];
    list.push({ start: r.start, actual: r.actual, mean: r.mean, q10: r.q10, q90: r.q90 });
    out.set(r.productId, list);
  }
  return out;
}

export interface BacktestScore {
  model: string;
  mase: number | null;
  wape: number | null;
  bias: number | null;
  coverage80: number | null;
  naiveMase: number | null;
  origins: number;
}

/**
 * The backtest score of the model each product uses in a run: the champion registered for
 * that run when there is one, else the model with the lowest MASE (the engine's rule).
 */
export function chosenBacktests(db: Db, runId: number, productId?: number): Map<number, BacktestScore> {
  const rows = db
    .prepare(
      `SELECT b.product_id AS productId, b.model, b.mase, b.wape, b.bias, b.coverage80, b.naive_mase AS naiveMase, b.origins,
              EXISTS (SELECT 1 FROM model_registry m WHERE m.product_id = b.product_id AND m.run_id = b.run_id AND m.model = b.model AND m.champion = 1) AS champion
       FROM backtests b WHERE b.run_id = @runId AND (@productId IS NULL OR b.product_id = @productId)
       ORDER BY b.product_id, champion DESC, b.mase IS NULL, b.mase`,
    )
    .all({ runId, productId: productId ?? null }) as Array<BacktestScore & { productId: number; champion: number }>;
  const out = new Map<number, BacktestScore>();
  for (const r of rows) {
    if (out.has(r.productId)) continue;
    out.set(r.productId, { model: r.model, mase: r.mase, wape: r.wape, bias: r.bias, coverage80: r.coverage80, naiveMase: r.naiveMase, origins: r.origins });
  }
  return out;
}

/** Weekly sales per product over [fromDay, toDay], weeks starting on `weekStart`. */
export function weeklySales(db: Db, fromDay: number, toDay: number, weekStart: 'monday' | 'sunday'): Map<number, Map<number, number>> {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays, (day + 4) mod 7 on Sundays.
  const shift = weekStart === 'monday' ? 3 : 4;
  const rows = db
    .prepare(
      `SELECT product_id AS productId, day - ((day + @shift) % 7) AS week, sum(quantity) AS units
       FROM sales WHERE day >= @from AND day <= @to GROUP BY product_id, week`,
    )
    .all({ shift, from: fromDay, to: toDay }) as Array<{ productId: number; week: number; units: number }>;
  const out = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const weeks = out.get(r.productId) ?? new Map<number, number>();
    weeks.set(r.week, r.units);
    out.set(r.productId, weeks);
  }
  return out;
}

/** Stock counts per product from 90 days before `fromDay`, in day order (for censoring weeks). */
export function stockCountsSince(db: Db, fromDay: number): Map<number, Array<{ day: number; onHand: number }>> {
  const rows = db
    .prepare(
      `SELECT product_id AS productId, day, sum(on_hand) AS onHand FROM stock_snapshots
       WHERE day >= @from - 90 GROUP BY product_id, day ORDER BY product_id, day`,
    )
    .all({ from: fromDay }) as Array<{ productId: number; day: number; onHand: number }>;
  const out = new Map<number, Array<{ day: number; onHand: number }>>();
  for (const r of rows) {
    const list = out.get(r.productId) ?? [];
    list.push({ day: r.day, onHand: r.onHand });
    out.set(r.productId, list);
  }
  return out;
}

export function firstSalesDay(db: Db): number | null {
  const row = db
    .prepare('SELECT min(d) AS day FROM (SELECT (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = l.id ORDER BY s.day LIMIT 1) AS d FROM products p CROSS JOIN locations l)')
    .get() as { day: number | null };
  return row.day;
}

/** Cost of goods sold over [fromDay, toDay] at today's unit costs (products without a cost are left out). */
export function costOfGoodsSold(db: Db, fromDay: number, toDay: number): number | null {
  const row = db
    .prepare(
      `SELECT total(s.quantity * p.unit_cost_cents) AS cents, count(p.unit_cost_cents) AS costed
       FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.day BETWEEN @from AND @to AND p.unit_cost_cents IS NOT NULL`,
    )
    .get({ from: fromDay, to: toDay }) as { cents: number; costed: number };
  return row.costed > 0 ? Math.round(row.cents) : null;
}
