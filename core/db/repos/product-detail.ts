/**
 * Read-side queries of the product detail screen: one product's figures, model and
 * backtest, plan numbers and the series of its chart. Every query is keyed by the product
 * and uses the (product, location, day) indexes.
 */
import type { Settings } from '../../contract/commands/settings';
import { AppError } from '../../contract/errors';
import type { Db } from '../connection';
import { decodePaths } from './forecast-runs';

export interface ProductRowRaw {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  supplier_id: number | null;
  supplier_name: string | null;
  supplier_lead: number | null;
  unit_cost_cents: number | null;
  unit_price_cents: number | null;
  lead_time_days: number | null;
  moq: number | null;
  case_pack: number | null;
  shelf_life_days: number | null;
  service_level: number | null;
  active: number;
}

export function productRow(db: Db, id: number): ProductRowRaw {
  const row = db
    .prepare(
      `SELECT p.*, s.name AS supplier_name, s.default_lead_time_days AS supplier_lead
       FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?`,
    )
    .get(id) as ProductRowRaw | undefined;
  if (!row) throw new AppError('not_found', `There is no product with id ${id}.`);
  return row;
}

export function effectiveLeadTime(p: ProductRowRaw, settings: Settings): { days: number; source: 'product' | 'supplier' | 'default' } {
  if (p.lead_time_days !== null) return { days: p.lead_time_days, source: 'product' };
  if (p.supplier_lead !== null) return { days: p.supplier_lead, source: 'supplier' };
  return { days: settings.defaultLeadTimeDays, source: 'default' };
}

export interface ClassRow {
  abc: 'A' | 'B' | 'C' | null;
  xyz: 'X' | 'Y' | 'Z' | null;
  pattern: 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | null;
  is_new: number;
  is_dead: number;
  adi: number | null;
  cv2: number | null;
  history_periods: number | null;
}

export function classRow(db: Db, productId: number): ClassRow | null {
  return (db.prepare('SELECT abc, xyz, pattern, is_new, is_dead, adi, cv2, history_periods FROM product_classes WHERE product_id = ? ORDER BY location_id LIMIT 1').get(productId) as ClassRow | undefined) ?? null;
}

/**
 * On hand of one product, as core/db/repos/stock-position.ts defines it for the plan:
 * per location the latest count, plus deliveries received after it, minus sales after it,
 * never below 0; summed over the counted locations. Null when the product was never counted.
 */
/** Stock on hand at one location: its latest count moved by the deliveries received and the sales since. */
export interface LocationStock {
  locationId: number;
  locationName: string;
  /** Null: never counted at this location (it only sold or received there). */
  onHand: number | null;
  countDay: number | null;
}

/**
 * On hand per location where the product was counted, sold or received, in location order.
 * Negative results (more sold than counted and received) read as 0, as in the sum.
 */
export function productStockByLocation(db: Db, productId: number): LocationStock[] {
  return db
    .prepare(
      `WITH lc AS (SELECT location_id, max(day) AS day, on_hand FROM stock_snapshots WHERE product_id = @id GROUP BY location_id),
       at AS (
         SELECT location_id FROM stock_snapshots WHERE product_id = @id
         UNION SELECT location_id FROM sales WHERE product_id = @id
         UNION SELECT l.location_id FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.product_id = @id AND po.received_at IS NOT NULL AND l.received_quantity > 0
       )
       SELECT loc.id AS locationId, loc.name AS locationName, lc.day AS countDay,
              CASE WHEN lc.day IS NULL THEN NULL ELSE max(0, lc.on_hand
                 + coalesce((SELECT sum(l.received_quantity) FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
                              WHERE l.product_id = @id AND l.location_id = lc.location_id AND po.received_at IS NOT NULL
                                AND CAST(julianday(substr(po.received_at, 1, 10)) - 2440587.5 AS INTEGER) > lc.day), 0)
                 - coalesce((SELECT sum(s.quantity) FROM sales s WHERE s.product_id = @id AND s.location_id = lc.location_id AND s.day > lc.day), 0)) END AS onHand
       FROM at JOIN locations loc ON loc.id = at.location_id LEFT JOIN lc ON lc.location_id = at.location_id
       ORDER BY loc.id`,
    )
    .all({ id: productId }) as LocationStock[];
}

/** On hand summed over the locations with a count; null when the product was never counted. */
export function productStock(db: Db, productId: number): { onHand: number | null; countDay: number | null } {
  return sumStock(productStockByLocation(db, productId));
}

export function sumStock(locations: readonly LocationStock[]): { onHand: number | null; countDay: number | null } {
  const counted = locations.filter((l) => l.countDay !== null);
  if (counted.length === 0) return { onHand: null, countDay: null };
  return { onHand: counted.reduce((a, l) => a + (l.onHand ?? 0), 0), countDay: Math.max(...counted.map((l) => l.countDay!)) };
}

export function productReceipts(db: Db, productId: number): Array<{ poNumber: string; quantity: number; expectedDay: number | null }> {
  return db
    .prepare(
      `SELECT po.number AS poNumber, pl.quantity - pl.received_quantity AS quantity, coalesce(pl.expected_day, po.expected_day) AS expectedDay
       FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id
       WHERE pl.product_id = ? AND po.status = 'sent' AND pl.quantity > pl.received_quantity ORDER BY expectedDay`,
    )
    .all(productId) as Array<{ poNumber: string; quantity: number; expectedDay: number | null }>;
}

export function unitsSold(db: Db, productId: number, fromDay: number, toDay: number, locationId: number | null = null): number {
  const row = db
    .prepare('SELECT total(quantity) AS units FROM sales WHERE product_id = @id AND location_id IN (SELECT id FROM locations WHERE @loc IS NULL OR id = @loc) AND day BETWEEN @from AND @to')
    .get({ id: productId, loc: locationId, from: fromDay, to: toDay }) as { units: number };
  return row.units;
}

export function salesByLocation(db: Db, productId: number): Array<{ id: number; name: string; units: number }> {
  return db
    .prepare(
      `SELECT l.id, l.name, (SELECT total(quantity) FROM sales s WHERE s.product_id = @id AND s.location_id = l.id) AS units
       FROM locations l ORDER BY units DESC, l.id`,
    )
    .all({ id: productId }) as Array<{ id: number; name: string; units: number }>;
}

export interface RunRow {
  id: number;
  created_at: string;
  as_of_day: number;
  period: 'day' | 'week';
  horizon: number;
}

export function latestRun(db: Db): RunRow | null {
  return (db.prepare("SELECT id, created_at, as_of_day, period, horizon FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1").get() as RunRow | undefined) ?? null;
}

export interface BacktestRaw {
  model: string;
  origins: number;
  mase: number | null;
  wape: number | null;
  bias: number | null;
  coverage80: number | null;
  naive_mase: number | null;
  champion: number;
  params: string | null;
}

/** The run's backtest rows for the product, with the champion flag and parameters from the registry. */
export function backtestRows(db: Db, runId: number, productId: number): BacktestRaw[] {
  return db
    .prepare(
      `SELECT b.model, b.origins, b.mase, b.wape, b.bias, b.coverage80, b.naive_mase,
              coalesce((SELECT max(m.champion) FROM model_registry m WHERE m.product_id = b.product_id AND m.run_id = b.run_id AND m.model = b.model), 0) AS champion,
              (SELECT m.params FROM model_registry m WHERE m.product_id = b.product_id AND m.run_id = b.run_id AND m.model = b.model ORDER BY m.version DESC LIMIT 1) AS params
       FROM backtests b WHERE b.run_id = ? AND b.product_id = ? ORDER BY b.mase IS NULL, b.mase`,
    )
    .all(runId, productId) as BacktestRaw[];
}

/** The registry's champion for the product in a run, when no backtest row names it. */
export function championModel(db: Db, runId: number, productId: number): { model: string; params: string | null } | null {
  return (db.prepare('SELECT model, params FROM model_registry WHERE product_id = ? AND run_id = ? AND champion = 1 ORDER BY version DESC LIMIT 1').get(productId, runId) as { model: string; params: string | null } | undefined) ?? null;
}

export interface ForecastRowRaw {
  step: number;
  period_start: number;
  mean: number;
  q05: number;
  q10: number;
  q25: number;
  q50: number;
  q75: number;
  q90: number;
  q95: number;
}

/** A run's forecast for the product at one location (or summed over locations when null). */
export function forecastRows(db: Db, runId: number, productId: number, locationId: number | null): ForecastRowRaw[] {
  return db
    .prepare(
      `SELECT step, min(period_start) AS period_start, sum(mean) AS mean, sum(q05) AS q05, sum(q10) AS q10, sum(q25) AS q25, sum(q50) AS q50,
              sum(q75) AS q75, sum(q90) AS q90, sum(q95) AS q95
       FROM forecasts WHERE run_id = @run AND product_id = @id AND (@loc IS NULL OR location_id = @loc)
       GROUP BY step ORDER BY step`,
    )
    .all({ run: runId, id: productId, loc: locationId }) as ForecastRowRaw[];
}

export interface RecommendationRaw {
  id: number;
  created_at: string;
  status: string;
  on_hand: number;
  on_order: number;
  reorder_point: number;
  order_up_to: number;
  safety_stock: number;
  suggested_qty: number;
  final_qty: number | null;
  unit_cost_cents: number | null;
  priority: 'urgent' | 'high' | 'medium' | 'low';
  reasoning: string;
  inputs: string;
  outputs: string;
  /** The plan's as-of day (the day after the data it used); null for a recommendation outside a plan. */
  plan_as_of_day: number | null;
}

export function latestRecommendation(db: Db, productId: number): RecommendationRaw | null {
  return (
    (db
      .prepare('SELECT r.*, p.as_of_day AS plan_as_of_day FROM recommendations r LEFT JOIN plans p ON p.id = r.plan_id WHERE r.product_id = ? ORDER BY r.id DESC LIMIT 1')
      .get(productId) as RecommendationRaw | undefined) ?? null
  );
}

/**
 * The latest recommendation of the product at each location it was planned for (a plan orders
 * for each location separately), in location order, with the location's name.
 */
export function latestRecommendationsByLocation(db: Db, productId: number): Array<RecommendationRaw & { location_id: number; location_name: string }> {
  return db
    .prepare(
      `SELECT r.*, p.as_of_day AS plan_as_of_day, l.name AS location_name
       FROM recommendations r LEFT JOIN plans p ON p.id = r.plan_id JOIN locations l ON l.id = r.location_id
       WHERE r.id IN (SELECT max(id) FROM recommendations WHERE product_id = ? GROUP BY location_id)
       ORDER BY r.location_id`,
    )
    .all(productId) as Array<RecommendationRaw & { location_id: number; location_name: string }>;
}

/** Weekly (or daily) units of the product from its first sale to `toDay`, zero-filled by the caller. */
export function periodSales(db: Db, productId: number, locationId: number | null, periodDays: 1 | 7, shift: number, toDay: number): Array<{ start: number; units: number }> {
  const bucket = periodDays === 7 ? 'day - ((day + @shift) % 7)' : 'day';
  return db
    .prepare(
      `SELECT ${bucket} AS start, sum(quantity) AS units FROM sales
       WHERE product_id = @id AND location_id IN (SELECT id FROM locations WHERE @loc IS NULL OR id = @loc) AND day <= @to
       GROUP BY start ORDER BY start`,
    )
    .all({ id: productId, loc: locationId, shift, to: toDay }) as Array<{ start: number; units: number }>;
}

export function stockCounts(db: Db, productId: number, locationId: number | null): Array<{ day: number; onHand: number }> {
  return db
    .prepare('SELECT day, sum(on_hand) AS onHand FROM stock_snapshots WHERE product_id = @id AND (@loc IS NULL OR location_id = @loc) GROUP BY day ORDER BY day')
    .all({ id: productId, loc: locationId }) as Array<{ day: number; onHand: number }>;
}

export function saleDays(db: Db, productId: number, locationId: number | null): number[] {
  return (
    db
      .prepare('SELECT DISTINCT day FROM sales WHERE product_id = @id AND location_id IN (SELECT id FROM locations WHERE @loc IS NULL OR id = @loc) AND quantity > 0 ORDER BY day')
      .all({ id: productId, loc: locationId }) as Array<{ day: number }>
  ).map((r) => r.day);
}

const DAY_OF = (column: string) => `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`;

/**
 * One product's stock position at one location, exactly as stockPositions() (the plan's
 * read) defines it, without reading every product: latest count + receipts after it −
 * sales after it (never below 0; 0 when never counted), and the open lines of sent orders.
 */
export function productPositionAt(db: Db, productId: number, locationId: number): { onHand: number; countDay: number | null; onOrder: Array<{ quantity: number; expectedDay: number | null; sentDay: number | null }> } {
  const count = db.prepare('SELECT day, on_hand AS onHand FROM stock_snapshots WHERE product_id = ? AND location_id = ? ORDER BY day DESC LIMIT 1').get(productId, locationId) as { day: number; onHand: number } | undefined;
  const after = count?.day ?? null;
  const sold = after === null ? 0 : (db.prepare('SELECT total(quantity) AS q FROM sales WHERE product_id = ? AND location_id = ? AND day > ?').get(productId, locationId, after) as { q: number }).q;
  const received =
    after === null
      ? (db.prepare(`SELECT total(l.received_quantity) AS q FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.product_id = ? AND l.location_id = ? AND po.received_at IS NOT NULL`).get(productId, locationId) as { q: number }).q
      : (db.prepare(`SELECT total(l.received_quantity) AS q FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.product_id = ? AND l.location_id = ? AND po.received_at IS NOT NULL AND ${DAY_OF('po.received_at')} > ?`).get(productId, locationId, after) as { q: number }).q;
  // Without a count the plan takes received minus sold over all time.
  const soldAll = after === null ? (db.prepare('SELECT total(quantity) AS q FROM sales WHERE product_id = ? AND location_id = ?').get(productId, locationId) as { q: number }).q : sold;
  const onOrder = db
    .prepare(
      `SELECT l.quantity - l.received_quantity AS quantity, coalesce(l.expected_day, po.expected_day) AS expectedDay,
              CASE WHEN po.sent_at IS NULL THEN NULL ELSE ${DAY_OF('po.sent_at')} END AS sentDay
       FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
       WHERE l.product_id = ? AND l.location_id = ? AND po.status = 'sent' AND l.quantity - l.received_quantity > 0 ORDER BY expectedDay`,
    )
    .all(productId, locationId) as Array<{ quantity: number; expectedDay: number | null; sentDay: number | null }>;
  return { onHand: Math.max(0, (count?.onHand ?? 0) + received - soldAll), countDay: after, onOrder };
}

export function abcAt(db: Db, productId: number, locationId: number): 'A' | 'B' | 'C' | null {
  const row = db.prepare('SELECT abc FROM product_classes WHERE product_id = ? AND location_id = ?').get(productId, locationId) as { abc: 'A' | 'B' | 'C' | null } | undefined;
  return row?.abc ?? null;
}

/** The forecast engine's own sample paths of one product and location in a run, when it stored them. */
export function productPaths(db: Db, runId: number, productId: number, locationId: number): Float64Array[] | null {
  const row = db.prepare('SELECT path_count AS pathCount, steps, paths FROM forecast_paths WHERE run_id = ? AND product_id = ? AND location_id = ?').get(runId, productId, locationId) as
    | { pathCount: number; steps: number; paths: Buffer }
    | undefined;
  return row ? decodePaths(row.paths, row.pathCount, row.steps) : null;
}
