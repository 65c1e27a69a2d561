/**
 * The customer-driven forecast of one product (seed 002's pipeline, PRODUCT.md §8):
 * customers of the product → rhythm and Bayesian next-order prediction per customer →
 * weekly expectations with a distribution, top customers, at-risk customers.
 *
 * Expected orders, units and revenue include every modelled customer (≥ minOrders orders),
 * each weighted by their own probabilities, so totals are unbiased; the confidence filter
 * decides only who is listed by name. One customer's failure leaves that customer out with
 * the reason; it never fails the product.
 */
import type { CustomerPrediction } from './customer-prediction';
import { DEFAULT_AT_RISK_THRESHOLD, predictCustomer } from './customer-prediction';
import type { WeeklyExpectation } from './aggregate';
import { compareKeys, weeklyDistribution, weeklyExpectations } from './aggregate';
import { dayToIso } from './explain';
import type { CustomerActivity } from './lapse-covariates';
import { lapseCovariates } from './lapse-covariates';
import type { CustomerIssue } from './orders';
import { buildCustomerHistories } from './orders';
import { DEFAULT_QUANTITY_CONCENTRATION, quantityModel } from './quantity-model';
import { createRng, hashString } from './random';
import type { ProductSales, ShopCustomerModel } from './shop-model';
import { productLastSaleDay } from './shop-model';

export const DEFAULT_MIN_CONFIDENCE = 0.3;
export const DEFAULT_PATHS = 1000;

export interface ProductForecastOptions {
  /** Minimum orders for a customer to be modelled (default: the shop model's, 2). */
  minOrders?: number;
  /** Minimum confidence for a customer to be listed by name (default 0.3). */
  minConfidence?: number;
  paths?: number;
  seed?: number;
  atRiskThreshold?: number;
  topCustomers?: number;
  quantityConcentration?: number;
  /** Keep the simulated weekly units paths in the result (for sums over weeks). */
  keepPaths?: boolean;
}

export interface ProductContext {
  customerNames?: ReadonlyMap<string, string>;
  /** Every customer's activity over all products before the as-of day. */
  activity: ReadonlyMap<string, CustomerActivity>;
}

export interface TopCustomer {
  customerKey: string;
  customerName: string;
  expectedUnits: number;
  expectedOrders: number;
  confidence: number;
  historicalUnits: number;
  historicalOrders: number;
}

export interface AtRiskCustomer {
  customerKey: string;
  customerName: string;
  lastOrderDay: number;
  daysSinceLastOrder: number;
  typicalIntervalDays: number;
  overdueProbability: number;
  probabilityActive: number;
  revenueAtStakeCents: number | null;
  reason: string;
}

export interface ProductCustomerSummary {
  expectedUnits: number;
  expectedOrders: number;
  expectedRevenueCents: number | null;
  /** Mean confidence of the listed customers. */
  averageConfidence: number;
  /** Customers with at least one order before the as-of day. */
  customersFound: number;
  customersModelled: number;
  customersListed: number;
  startDay: number;
  /** Last day of the horizon (inclusive). */
  endDay: number;
}

export interface ProductCustomerForecast {
  productKey: string;
  productName: string;
  unitPriceCents: number | null;
  asOfDay: number;
  horizonWeeks: number;
  summary: ProductCustomerSummary;
  weeks: WeeklyExpectation[];
  /** Every modelled customer, most expected units first. */
  customers: CustomerPrediction[];
  topCustomers: TopCustomer[];
  atRisk: AtRiskCustomer[];
  issues: CustomerIssue[];
  /** Simulated weekly units, one array of horizonWeeks per path, when keepPaths was asked. */
  unitsPaths?: Float64Array[];
  settings: { minOrders: number; minConfidence: number; paths: number; seed: number; atRiskThreshold: number };
}

export type ProductCustomerResult =
  | { status: 'ok'; productKey: string; productName: string; forecast: ProductCustomerForecast }
  | {
      status: 'no_predictable_customers';
      productKey: string;
      productName: string;
      reason: string;
      customersFound: number;
      customersModelled: number;
      atRisk: AtRiskCustomer[];
      issues: CustomerIssue[];
    }
  | { status: 'failed'; productKey: string; productName: string; message: string };

export function latestUnitPriceCents(product: ProductSales, asOfDay: number): number | null {
  let bestDay = -Infinity;
  let price: number | null = null;
  for (const line of product.lines) {
    const p = line.unitPriceCents;
    if (line.day < asOfDay && line.quantity > 0 && p !== undefined && p !== null && p > 0 && line.day >= bestDay) {
      bestDay = line.day;
      price = p;
    }
  }
  if (price !== null) return price;
  const catalog = product.catalogUnitPriceCents;
  return catalog !== undefined && catalog !== null && catalog > 0 ? catalog : null;
}

function toAtRisk(p: CustomerPrediction): AtRiskCustomer {
  return {
    customerKey: p.customerKey,
    customerName: p.customerName,
    lastOrderDay: p.rhythm.lastOrderDay,
    daysSinceLastOrder: p.rhythm.daysSinceLastOrder,
    typicalIntervalDays: p.typicalIntervalDays,
    overdueProbability: p.overdueProbability,
    probabilityActive: p.probabilityActive,
    revenueAtStakeCents: p.revenueAtStakeCents,
    reason: p.reason,
  };
}

/** At-risk customers, most revenue at stake first (units at stake when there is no price). */
export function rankAtRisk(predictions: readonly CustomerPrediction[]): AtRiskCustomer[] {
  // Within one product either every customer has a price or none does.
  const stake = (p: CustomerPrediction) => p.revenueAtStakeCents ?? p.expectedQuantity / Math.max(1, p.typicalIntervalDays);
  return predictions
    .filter((p) => p.atRisk)
    .sort((a, b) => stake(b) - stake(a) || compareKeys(a.customerKey, b.customerKey))
    .map(toAtRisk);
}

export function forecastProductCustomers(
  product: ProductSales,
  model: ShopCustomerModel,
  context: ProductContext,
  options: ProductForecastOptions = {},
): ProductCustomerResult {
  const productName = product.productName ?? product.productKey;
  try {
    return forecastUnsafe(product, productName, model, context, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 'failed', productKey: product.productKey, productName, message: `Could not forecast ${productName} from its customers: ${message}` };
  }
}

function forecastUnsafe(
  product: ProductSales,
  productName: string,
  model: ShopCustomerModel,
  context: ProductContext,
  options: ProductForecastOptions,
): ProductCustomerResult {
  const asOfDay = model.asOfDay;
  const horizonWeeks = model.horizonWeeks;
  const minOrders = Math.max(2, options.minOrders ?? model.minOrders);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const paths = Math.max(1, Math.floor(options.paths ?? DEFAULT_PATHS));
  const seed = options.seed ?? 1;
  const atRiskThreshold = options.atRiskThreshold ?? DEFAULT_AT_RISK_THRESHOLD;

  const { histories, issues } = buildCustomerHistories(product.lines, asOfDay);
  const customersFound = histories.length + issues.length;
  const modelled = histories.filter((h) => h.orderDays.length >= minOrders);
  const unitPriceCents = latestUnitPriceCents(product, asOfDay);
  // The urn's base measure: order sizes of the product's repeat customers (one-off buyers
  // order less, and the model predicts repeat customers).
  const repeatPool = modelled.flatMap((h) => h.quantities);
  const pool = repeatPool.length > 0 ? repeatPool : histories.flatMap((h) => h.quantities);
  const intervalPrior = model.productIntervalPriors[product.productKey] ?? model.intervalPrior;
  const lastSale = productLastSaleDay(product.lines, asOfDay);

  const unitsByPath = new Float64Array(paths * horizonWeeks);
  const scratch = new Float64Array(paths * horizonWeeks);
  const predictions: CustomerPrediction[] = [];
  for (const history of modelled) {
    try {
      const activity = context.activity.get(history.customerKey) ?? { orderDays: history.orderDays.length, lastOrderDay: history.orderDays[history.orderDays.length - 1]! };
      scratch.fill(0);
      const prediction = predictCustomer({
        history,
        customerName: context.customerNames?.get(history.customerKey) ?? `Customer ${history.customerKey}`,
        asOfDay,
        horizonWeeks,
        intervalPrior,
        churnPrior: model.churnPrior,
        lapseCovariates: lapseCovariates({ customerOrderDays: activity.orderDays, customerLastOrderDay: activity.lastOrderDay, productLastSaleDay: lastSale }, asOfDay),
        quantity: quantityModel(history.quantities, pool, options.quantityConcentration ?? DEFAULT_QUANTITY_CONCENTRATION),
        unitPriceCents,
        paths,
        rng: createRng((seed ^ hashString(`${product.productKey}\u0000${history.customerKey}`)) >>> 0),
        atRiskThreshold,
        unitsByPath: scratch,
      });
      if (!predictionIsFinite(prediction)) throw new Error('the prediction is not a finite number');
      for (let i = 0; i < scratch.length; i++) unitsByPath[i]! += scratch[i]!;
      predictions.push(prediction);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      issues.push({ customerKey: history.customerKey, message: `Customer ${history.customerKey} left out: ${message}.` });
    }
  }

  predictions.sort((a, b) => b.expectedUnits - a.expectedUnits || compareKeys(a.customerKey, b.customerKey));
  const listed = predictions.filter((p) => p.confidence >= minConfidence);
  const atRisk = rankAtRisk(predictions);
  if (listed.length === 0) {
    const reason =
      modelled.length === 0
        ? `No customer has ordered ${productName} at least ${minOrders} times before ${dayToIso(asOfDay)}.`
        : `None of the ${predictions.length} repeat customers of ${productName} has a ${Math.round(minConfidence * 100)}% or better chance of ordering in the next ${horizonWeeks} weeks.`;
    return { status: 'no_predictable_customers', productKey: product.productKey, productName, reason, customersFound, customersModelled: predictions.length, atRisk, issues };
  }

  const listedKeys = new Set(listed.map((p) => p.customerKey));
  const distribution = weeklyDistribution(unitsByPath, paths, horizonWeeks);
  const weeks = weeklyExpectations(predictions, listedKeys, distribution, asOfDay, horizonWeeks, unitPriceCents);
  const expectedUnits = weeks.reduce((s, w) => s + w.expectedUnits, 0);
  const topCustomers: TopCustomer[] = listed.slice(0, options.topCustomers ?? 10).map((p) => ({
    customerKey: p.customerKey,
    customerName: p.customerName,
    expectedUnits: p.expectedUnits,
    expectedOrders: p.expectedOrders,
    confidence: p.confidence,
    historicalUnits: p.rhythm.totalQuantity,
    historicalOrders: p.rhythm.orderCount,
  }));
  return {
    status: 'ok',
    productKey: product.productKey,
    productName,
    forecast: {
      productKey: product.productKey,
      productName,
      unitPriceCents,
      asOfDay,
      horizonWeeks,
      summary: {
        expectedUnits,
        expectedOrders: weeks.reduce((s, w) => s + w.expectedOrders, 0),
        expectedRevenueCents: unitPriceCents === null ? null : Math.round(expectedUnits * unitPriceCents),
        averageConfidence: listed.reduce((s, p) => s + p.confidence, 0) / listed.length,
        customersFound,
        customersModelled: predictions.length,
        customersListed: listed.length,
        startDay: asOfDay,
        endDay: asOfDay + 7 * horizonWeeks - 1,
      },
      weeks,
      customers: predictions,
      topCustomers,
      atRisk,
      issues,
      settings: { minOrders, minConfidence, paths, seed, atRiskThreshold },
      ...(options.keepPaths ? { unitsPaths: splitPaths(unitsByPath, paths, horizonWeeks) } : {}),
    },
  };
}

export function splitPaths(unitsByPath: Float64Array, paths: number, weeks: number): Float64Array[] {
  return Array.from({ length: paths }, (_, p) => unitsByPath.slice(p * weeks, (p + 1) * weeks));
}

function predictionIsFinite(p: CustomerPrediction): boolean {
  return [p.confidence, p.probabilityActive, p.overdueProbability, p.expectedUnits, p.nextOrderDay, p.expectedQuantity].every(Number.isFinite);
}
