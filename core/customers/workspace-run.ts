/**
 * The customers job on a workspace: read the sales, forecast every product from its
 * customers, store the run (replacing the previous one). Runs in a worker thread.
 */
import type { Db } from '../db/connection';
import type { CustomerRunSettings } from '../db/repos/customer-forecasts';
import { saveCustomerRun } from '../db/repos/customer-forecasts';
import { loadCustomerSales, salesFingerprint } from '../db/repos/customer-sales';
import type { RunOptions } from '../jobs/progress';
import { throwIfAborted } from '../jobs/progress';
import { forecastShopCustomers } from './batch';
import { dayToIso, isoToDay } from './explain';
import { DEFAULT_AT_RISK_THRESHOLD } from './customer-prediction';
import { DEFAULT_MIN_CONFIDENCE } from './product-forecast';
import { DEFAULT_MIN_ORDERS } from './shop-model';

export const CUSTOMERS_JOB_KIND = 'customers.forecast';
export const DEFAULT_JOB_PATHS = 500;

export interface CustomerForecastJobInput {
  /** First day of the forecast (YYYY-MM-DD); default: the day after the latest sale. */
  asOf?: string;
  horizonWeeks: number;
  minOrders?: number;
  minConfidence?: number;
  paths?: number;
  seed?: number;
}

export interface CustomerForecastJobResult {
  runId: number;
  asOf: string;
  horizonWeeks: number;
  products: number;
  forecast: number;
  noPredictableCustomers: number;
  failed: number;
  atRiskCustomers: number;
}

const STEPS = ['read sales', 'learn the shop rhythm', 'forecast products', 'save results'] as const;

export function runCustomerForecast(db: Db, input: CustomerForecastJobInput, run: RunOptions = {}, now: () => Date = () => new Date()): CustomerForecastJobResult {
  const started = performance.now();
  const report = (step: number, current: number, total: number, message: string) =>
    run.onProgress?.({ step, steps: STEPS.length, stepName: STEPS[step - 1] ?? '', current, total, message });
  report(1, 0, 1, 'Reading sales with customer IDs');
  const fingerprint = salesFingerprint(db);
  const data = loadCustomerSales(db);
  throwIfAborted(run.signal);
  let asOfDay: number;
  if (input.asOf !== undefined) {
    const parsed = isoToDay(input.asOf);
    if (parsed === null) throw new Error(`"${input.asOf}" is not a date (expected YYYY-MM-DD).`);
    asOfDay = parsed;
  } else {
    asOfDay = data.lastSaleDay !== null ? data.lastSaleDay + 1 : Math.floor(now().getTime() / 86_400_000);
  }
  const settings: CustomerRunSettings = {
    minOrders: Math.max(2, input.minOrders ?? DEFAULT_MIN_ORDERS),
    minConfidence: input.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    paths: input.paths ?? DEFAULT_JOB_PATHS,
    seed: input.seed ?? 1,
    atRiskThreshold: DEFAULT_AT_RISK_THRESHOLD,
  };
  report(1, 1, 1, `${data.products.length} products sold to customers`);

  const shop = forecastShopCustomers(
    {
      products: data.products,
      customerNames: data.customerNames,
      model: { asOfDay, horizonWeeks: input.horizonWeeks, minOrders: settings.minOrders },
      forecast: { minOrders: settings.minOrders, minConfidence: settings.minConfidence, paths: settings.paths, seed: settings.seed, atRiskThreshold: settings.atRiskThreshold },
    },
    {
      signal: run.signal,
      onProgress: (p) => run.onProgress?.({ ...p, step: p.step + 1, steps: STEPS.length }),
    },
  );
  throwIfAborted(run.signal);
  report(4, 0, 1, 'Saving the predictions');
  const runId = saveCustomerRun(db, {
    createdAt: now().toISOString(),
    asOfDay,
    horizonWeeks: input.horizonWeeks,
    settings,
    fingerprint,
    model: shop.model,
    results: shop.results,
    durationMs: performance.now() - started,
  });
  report(4, 1, 1, 'Saved');
  let atRisk = 0;
  for (const r of shop.results) atRisk += r.status === 'ok' ? r.forecast.atRisk.length : r.status === 'no_predictable_customers' ? r.atRisk.length : 0;
  return {
    runId,
    asOf: dayToIso(asOfDay),
    horizonWeeks: input.horizonWeeks,
    products: shop.results.length,
    forecast: shop.results.filter((r) => r.status === 'ok').length,
    noPredictableCustomers: shop.results.filter((r) => r.status === 'no_predictable_customers').length,
    failed: shop.results.filter((r) => r.status === 'failed').length,
    atRiskCustomers: atRisk,
  };
}
