/**
 * What the reorder plan reads besides stock positions: products with their supplier terms,
 * ABC classes, sales value for classes not yet computed, and the latest forecast.
 */
import { QUANTILE_COLUMNS } from '../../forecast/types';
import type { Db } from '../connection';

export interface PlanProductRow {
  productId: number;
  sku: string;
  name: string;
  supplierId: number | null;
  supplierName: string | null;
  productLeadTimeDays: number | null;
  supplierLeadTimeDays: number | null;
  moq: number | null;
  casePack: number | null;
  serviceLevel: number | null;
  unitCostCents: number | null;
}

export function planProducts(db: Db): PlanProductRow[] {
  return db
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name, p.supplier_id AS supplierId, s.name AS supplierName,
              p.lead_time_days AS productLeadTimeDays, s.default_lead_time_days AS supplierLeadTimeDays,
              p.moq, p.case_pack AS casePack, p.service_level AS serviceLevel, p.unit_cost_cents AS unitCostCents
         FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id
        WHERE p.active = 1
        ORDER BY p.id`,
    )
    .all() as PlanProductRow[];
}

export function abcByKey(db: Db): Map<string, 'A' | 'B' | 'C'> {
  const rows = db.prepare('SELECT product_id AS productId, location_id AS locationId, abc FROM product_classes WHERE abc IS NOT NULL').all() as Array<{
    productId: number;
    locationId: number;
    abc: 'A' | 'B' | 'C';
  }>;
  return new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, r.abc]));
}

/** Sales value per product and location over [fromDay, toDay] (revenue, else quantity × price, else quantity × cost). */
export function salesValueByKey(db: Db, fromDay: number, toDay: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT s.product_id AS productId, s.location_id AS locationId,
              SUM(COALESCE(s.revenue_cents, s.quantity * COALESCE(s.unit_price_cents, p.unit_price_cents, p.unit_cost_cents, 1))) AS value
         FROM sales s JOIN products p ON p.id = s.product_id
        WHERE s.day BETWEEN ? AND ?
        GROUP BY s.product_id, s.location_id`,
    )
    .all(fromDay, toDay) as Array<{ productId: number; locationId: number; value: number }>;
  return new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, r.value]));
}

export interface ForecastRunRow {
  id: number;
  asOfDay: number;
  period: 'day' | 'week';
  horizon: number;
  createdAt: string;
}

export function latestForecastRun(db: Db): ForecastRunRow | null {
  const row = db
    .prepare("SELECT id, as_of_day AS asOfDay, period, horizon, created_at AS createdAt FROM forecast_runs WHERE status = 'done' ORDER BY id DESC LIMIT 1")
    .get() as ForecastRunRow | undefined;
  return row ?? null;
}

export interface StoredForecast {
  productId: number;
  locationId: number;
  /** Day where step 1 starts. */
  firstPeriodStart: number;
  mean: Float64Array;
  /** One array per QUANTILE_LEVELS entry. */
  quantiles: Float64Array[];
}

/** Every product's stored forecast of a run, steps in order. */
export function storedForecasts(db: Db, runId: number): StoredForecast[] {
  const rows = db
    .prepare(
      `SELECT product_id AS productId, location_id AS locationId, step, period_start AS periodStart, mean, ${QUANTILE_COLUMNS.join(', ')}
         FROM forecasts WHERE run_id = ? ORDER BY product_id, location_id, step`,
    )
    .all(runId) as Array<Record<string, number>>;
  const out: StoredForecast[] = [];
  let current: { productId: number; locationId: number; firstPeriodStart: number; mean: number[]; q: number[][] } | null = null;
  const flush = () => {
    if (current) {
      out.push({
        productId: current.productId,
        locationId: current.locationId,
        firstPeriodStart: current.firstPeriodStart,
        mean: Float64Array.from(current.mean),
        quantiles: current.q.map((q) => Float64Array.from(q)),
      });
    }
  };
  for (const row of rows) {
    if (!current || current.productId !== row.productId || current.locationId !== row.locationId) {
      flush();
      current = { productId: row.productId!, locationId: row.locationId!, firstPeriodStart: row.periodStart!, mean: [], q: QUANTILE_COLUMNS.map(() => []) };
    }
    current.mean.push(row.mean!);
    QUANTILE_COLUMNS.forEach((column, i) => current!.q[i]!.push(row[column]!));
  }
  flush();
  return out;
}
