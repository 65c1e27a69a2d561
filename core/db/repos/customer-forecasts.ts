import { writeTransaction } from '../transaction';
import type { ShopCustomerModel } from '../../customers/shop-model';
import type { ProductCustomerResult } from '../../customers/product-forecast';
import type { Db } from '../connection';
import type { SalesFingerprint } from './customer-sales';
import { salesFingerprint } from './customer-sales';

export interface CustomerRunSettings {
  minOrders: number;
  minConfidence: number;
  paths: number;
  seed: number;
  atRiskThreshold: number;
}

export interface CustomerRun {
  id: number;
  createdAt: string;
  asOfDay: number;
  horizonWeeks: number;
  settings: CustomerRunSettings;
  /** 'stale' when data was imported since, or the sales changed in any other way. */
  status: 'done' | 'stale';
  model: ShopCustomerModel | null;
  products: number;
  productsFailed: number;
  durationMs: number | null;
}

export interface SaveRunInput {
  createdAt: string;
  asOfDay: number;
  horizonWeeks: number;
  settings: CustomerRunSettings;
  fingerprint: SalesFingerprint;
  model: ShopCustomerModel;
  results: readonly ProductCustomerResult[];
  durationMs: number;
}

/** The per-product JSON kept for the product detail: everything but the per-customer list. */
function productJson(result: ProductCustomerResult): string {
  if (result.status !== 'ok') return JSON.stringify(result);
  const { customers: _customers, unitsPaths: _paths, ...rest } = result.forecast;
  return JSON.stringify({ status: result.status, forecast: rest });
}

/**
 * Stores a run and its results in one transaction and drops every older run: the Customers
 * screen shows one current set of predictions. Customer and product keys are ids as strings.
 */
export function saveCustomerRun(db: Db, input: SaveRunInput): number {
  const insertRun = db.prepare(
    `INSERT INTO customer_forecast_runs (created_at, as_of_day, horizon_weeks, settings, status, sales_count, sales_max_id, model, products, products_failed, duration_ms)
     VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?)`,
  );
  const insertProduct = db.prepare(
    `INSERT INTO customer_product_forecasts (run_id, product_id, status, expected_units, expected_revenue_cents, customers_modelled, at_risk_customers, revenue_at_stake_cents, message, result)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPrediction = db.prepare(
    `INSERT INTO customer_predictions (run_id, product_id, customer_id, order_count, first_order_day, last_order_day, mean_interval_days, interval_spread_days,
       typical_interval_days, typical_quantity, expected_quantity, confidence, probability_active, overdue_probability, next_order_day, next_order_low_day,
       next_order_high_day, likely_order_day, expected_orders, expected_units, revenue_at_stake_cents, at_risk, reason, weeks)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return writeTransaction(db, (): number => {
    const failed = input.results.filter((r) => r.status === 'failed').length;
    const runId = Number(
      insertRun.run(
        input.createdAt,
        input.asOfDay,
        input.horizonWeeks,
        JSON.stringify(input.settings),
        input.fingerprint.count,
        input.fingerprint.maxId,
        JSON.stringify(input.model),
        input.results.length,
        failed,
        Math.round(input.durationMs),
      ).lastInsertRowid,
    );
    for (const result of input.results) {
      const productId = Number(result.productKey);
      const atRisk = result.status === 'ok' ? result.forecast.atRisk : result.status === 'no_predictable_customers' ? result.atRisk : [];
      const stake = atRisk.reduce((s, c) => s + (c.revenueAtStakeCents ?? 0), 0);
      const summary = result.status === 'ok' ? result.forecast.summary : null;
      const modelled = result.status === 'ok' ? result.forecast.summary.customersModelled : result.status === 'no_predictable_customers' ? result.customersModelled : 0;
      const message = result.status === 'failed' ? result.message : result.status === 'no_predictable_customers' ? result.reason : null;
      insertProduct.run(runId, productId, result.status, summary?.expectedUnits ?? null, summary?.expectedRevenueCents ?? null, modelled, atRisk.length, stake, message, productJson(result));
      if (result.status !== 'ok') continue;
      const f = result.forecast;
      for (const p of f.customers) {
        const weeks = p.nextOrderWeekProbabilities.map((next, i) => ({
          next,
          any: p.orderProbabilityByWeek[i] ?? 0,
          units: p.expectedUnitsByWeek[i] ?? 0,
        }));
        insertPrediction.run(
          runId, productId, Number(p.customerKey), p.rhythm.orderCount, p.rhythm.firstOrderDay, p.rhythm.lastOrderDay,
          p.rhythm.meanIntervalDays, p.rhythm.intervalSpreadDays, p.typicalIntervalDays, p.rhythm.typicalQuantity, p.expectedQuantity,
          clamp01(p.confidence), clamp01(p.probabilityActive), clamp01(p.overdueProbability), p.nextOrderDay, p.nextOrderDayLow, p.nextOrderDayHigh,
          p.likelyOrderDay, p.expectedOrders, p.expectedUnits, p.revenueAtStakeCents, p.atRisk ? 1 : 0, p.reason, JSON.stringify(weeks),
        );
      }
    }
    db.prepare('DELETE FROM customer_forecast_runs WHERE id <> ?').run(runId);
    return runId;
  });
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

interface RunRow {
  id: number;
  createdAt: string;
  asOfDay: number;
  horizonWeeks: number;
  settings: string;
  status: 'done' | 'stale';
  salesCount: number;
  salesMaxId: number;
  model: string | null;
  products: number;
  productsFailed: number;
  durationMs: number | null;
}

/** The current run, with `status` 'stale' when the sales changed since it was made; null if none. */
export function latestCustomerRun(db: Db): CustomerRun | null {
  const row = db
    .prepare(
      `SELECT id, created_at AS createdAt, as_of_day AS asOfDay, horizon_weeks AS horizonWeeks, settings, status,
              sales_count AS salesCount, sales_max_id AS salesMaxId, model, products, products_failed AS productsFailed, duration_ms AS durationMs
         FROM customer_forecast_runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as RunRow | undefined;
  if (!row) return null;
  const now = salesFingerprint(db);
  const changed = now.count !== row.salesCount || now.maxId !== row.salesMaxId;
  return {
    id: row.id,
    createdAt: row.createdAt,
    asOfDay: row.asOfDay,
    horizonWeeks: row.horizonWeeks,
    settings: JSON.parse(row.settings) as CustomerRunSettings,
    status: changed ? 'stale' : row.status,
    model: row.model === null ? null : (JSON.parse(row.model) as ShopCustomerModel),
    products: row.products,
    productsFailed: row.productsFailed,
    durationMs: row.durationMs,
  };
}
