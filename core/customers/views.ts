/**
 * From stored customer predictions to the shapes of the API contract (ISO dates, numeric
 * ids, names). Shared by the handlers and the CLI.
 */
import type { AtRiskCustomer as AtRiskView, CustomerPrediction as PredictionView, CustomerRunInfo, ProductCustomerView } from '../contract/commands/customers';
import type { CustomerRun } from '../db/repos/customer-forecasts';
import type { PredictionRow, ProductForecastRecord } from '../db/repos/customer-predictions';
import type { WeeklyExpectation } from './aggregate';
import { rhythmDueDay, unitsAtRhythm } from './customer-prediction';
import { dayToIso } from './explain';
import type { AtRiskCustomer, ProductCustomerForecast, TopCustomer } from './product-forecast';

export function runInfo(run: CustomerRun | null): CustomerRunInfo | null {
  if (!run) return null;
  const calibration = run.model?.calibration ?? null;
  return {
    runId: run.id,
    createdAt: run.createdAt,
    asOf: dayToIso(run.asOfDay),
    until: dayToIso(run.asOfDay + 7 * run.horizonWeeks - 1),
    horizonWeeks: run.horizonWeeks,
    stale: run.status === 'stale',
    products: run.products,
    productsFailed: run.productsFailed,
    minOrders: run.settings.minOrders,
    minConfidence: run.settings.minConfidence,
    calibration: calibration
      ? { from: dayToIso(calibration.originDay), cases: calibration.cases, observedRate: calibration.observedRate, predictedRate: calibration.predictedRate }
      : null,
  };
}

export function predictionView(row: PredictionRow, run: Pick<CustomerRun, 'asOfDay' | 'horizonWeeks'>): PredictionView {
  const { asOfDay } = run;
  return {
    customerId: row.customerId,
    customerName: row.customerName && row.customerName.trim() !== '' ? row.customerName : `Customer ${row.externalId}`,
    externalId: row.externalId,
    productId: row.productId,
    sku: row.sku,
    productName: row.productName,
    orderCount: row.orderCount,
    firstOrder: dayToIso(row.firstOrderDay),
    lastOrder: dayToIso(row.lastOrderDay),
    daysSinceLastOrder: asOfDay - row.lastOrderDay,
    meanIntervalDays: row.meanIntervalDays,
    intervalSpreadDays: row.intervalSpreadDays,
    typicalIntervalDays: row.typicalIntervalDays,
    typicalQuantity: row.typicalQuantity,
    expectedQuantity: row.expectedQuantity,
    confidence: row.confidence,
    probabilityActive: row.probabilityActive,
    overdueProbability: row.overdueProbability,
    dueOrder: dayToIso(rhythmDueDay(row.lastOrderDay, row.typicalIntervalDays)),
    nextOrder: dayToIso(row.nextOrderDay),
    nextOrderLow: dayToIso(row.nextOrderLowDay),
    nextOrderHigh: dayToIso(row.nextOrderHighDay),
    likelyOrder: row.likelyOrderDay === null ? null : dayToIso(row.likelyOrderDay),
    expectedOrders: row.expectedOrders,
    expectedUnits: row.expectedUnits,
    unitsAtStake: unitsAtRhythm(run.horizonWeeks, row.typicalIntervalDays, row.expectedQuantity),
    revenueAtStakeCents: row.revenueAtStakeCents,
    atRisk: row.atRisk,
    reason: row.reason,
  };
}

export function predictionWeeks(row: PredictionRow, asOfDay: number) {
  const weeks = JSON.parse(row.weeks) as Array<{ next: number; any: number; units: number }>;
  return weeks.map((w, i) => ({ week: i + 1, start: dayToIso(asOfDay + 7 * i), nextOrderProbability: w.next, orderProbability: w.any, expectedUnits: w.units }));
}

function atRiskView(c: AtRiskCustomer): AtRiskView {
  return {
    customerId: Number(c.customerKey),
    customerName: c.customerName,
    lastOrder: dayToIso(c.lastOrderDay),
    daysSinceLastOrder: c.daysSinceLastOrder,
    typicalIntervalDays: c.typicalIntervalDays,
    overdueProbability: c.overdueProbability,
    probabilityActive: c.probabilityActive,
    revenueAtStakeCents: c.revenueAtStakeCents,
    reason: c.reason,
  };
}

function weekView(w: WeeklyExpectation) {
  return {
    week: w.week,
    start: dayToIso(w.startDay),
    end: dayToIso(w.endDay),
    expectedOrders: w.expectedOrders,
    expectedUnits: w.expectedUnits,
    expectedRevenueCents: w.expectedRevenueCents,
    unitsQuantiles: w.unitsQuantiles,
    averageConfidence: w.averageConfidence,
    expectedCustomers: w.expectedCustomers.map((c) => ({
      customerId: Number(c.customerKey),
      customerName: c.customerName,
      probability: c.probability,
      expectedUnits: c.expectedUnits,
      confidence: c.confidence,
    })),
  };
}

function topView(c: TopCustomer) {
  return {
    customerId: Number(c.customerKey),
    customerName: c.customerName,
    expectedUnits: c.expectedUnits,
    expectedOrders: c.expectedOrders,
    confidence: c.confidence,
    historicalUnits: c.historicalUnits,
    historicalOrders: c.historicalOrders,
  };
}

type StoredProductResult =
  | { status: 'ok'; forecast: Omit<ProductCustomerForecast, 'customers' | 'unitsPaths'> }
  | { status: 'no_predictable_customers'; reason: string; atRisk: AtRiskCustomer[]; issues: { message: string }[] }
  | { status: 'failed'; message: string };

/** The product view from a stored record; `not_computed` when there is no run or no record. */
export function productView(
  product: { id: number; sku: string; name: string },
  run: CustomerRun | null,
  record: ProductForecastRecord | null,
): ProductCustomerView {
  const base = { run: runInfo(run), productId: product.id, sku: product.sku, productName: product.name, unitPriceCents: null, summary: null, weeks: [], topCustomers: [], atRisk: [], issues: [] };
  if (!run) return { ...base, status: 'not_computed', message: 'Customer predictions have not been made yet.' };
  if (!record) return { ...base, status: 'not_computed', message: 'No sale of this product carries a customer ID, so there is nothing to predict per customer.' };
  const stored = JSON.parse(record.result) as StoredProductResult;
  if (stored.status === 'failed') return { ...base, status: 'failed', message: stored.message };
  if (stored.status === 'no_predictable_customers') {
    return { ...base, status: 'no_predictable_customers', message: stored.reason, atRisk: stored.atRisk.map(atRiskView), issues: stored.issues.map((i) => i.message) };
  }
  const f = stored.forecast;
  return {
    ...base,
    status: 'ok',
    message: null,
    unitPriceCents: f.unitPriceCents,
    summary: {
      expectedUnits: f.summary.expectedUnits,
      expectedOrders: f.summary.expectedOrders,
      expectedRevenueCents: f.summary.expectedRevenueCents,
      averageConfidence: f.summary.averageConfidence,
      customersFound: f.summary.customersFound,
      customersModelled: f.summary.customersModelled,
      customersListed: f.summary.customersListed,
    },
    weeks: f.weeks.map(weekView),
    topCustomers: f.topCustomers.map(topView),
    atRisk: f.atRisk.map(atRiskView),
    issues: f.issues.map((i) => i.message),
  };
}
