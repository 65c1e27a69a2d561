/**
 * The shop-level part of the customer model, fitted once per as-of day over every product:
 * the shop's interval prior, each product's interval prior (pulled towards the shop's), and
 * the lapse component calibrated on the window just before the as-of day.
 */
import type { RunOptions } from '../jobs/progress';
import { throwIfAborted } from '../jobs/progress';
import type { ChurnCalibrationCase, ChurnPrior } from './churn-model';
import { calibrateChurnPrior, DEFAULT_CHURN_PRIOR, windowOrderProbability } from './churn-model';
import type { IntervalPrior, LogIntervalStats } from './interval-model';
import { intervalPosterior, intervalSurvival, logIntervalPredictive, logIntervalStats } from './interval-model';
import { DEFAULT_INTERVAL_PRIOR, fitIntervalPrior } from './interval-prior';
import type { CustomerActivity } from './lapse-covariates';
import { customerActivity, lapseCovariates } from './lapse-covariates';
import type { CustomerHistory, CustomerSaleLine } from './orders';
import { buildCustomerHistories } from './orders';

/** All sale lines of one product; anonymous lines (customerKey '') count for product dormancy only. */
export interface ProductSales {
  productKey: string;
  productName?: string;
  /** Catalogue price, used when no sale line carries a price. */
  catalogUnitPriceCents?: number | null;
  lines: readonly CustomerSaleLine[];
}

export interface ShopModelOptions {
  asOfDay: number;
  horizonWeeks: number;
  /** Customers need at least this many orders of a product to be modelled (default 2). */
  minOrders?: number;
  /** Products need this many modelled customers for their own interval prior (default 3). */
  minCustomersForProductPrior?: number;
}

export interface LapseCalibration {
  originDay: number;
  windowDays: number;
  cases: number;
  /** Share of the cases that ordered in the window, and the model's mean prediction of it. */
  observedRate: number;
  predictedRate: number;
}

export interface ShopCustomerModel {
  asOfDay: number;
  horizonWeeks: number;
  minOrders: number;
  intervalPrior: IntervalPrior;
  productIntervalPriors: Record<string, IntervalPrior>;
  churnPrior: ChurnPrior;
  calibration: LapseCalibration | null;
  /** Customer×product histories with at least minOrders orders, used for the shop prior. */
  modelledPairs: number;
}

export const DEFAULT_MIN_ORDERS = 2;
/** Cap on calibration cases: five parameters are well determined by 10,000 outcomes. */
export const MAX_CALIBRATION_CASES = 10_000;

/** Every k-th item so that at most `max` remain (deterministic, spread over the input). */
export function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}
const DEFAULT_MIN_CUSTOMERS_FOR_PRODUCT_PRIOR = 3;

export function intervalsOf(orderDays: readonly number[]): number[] {
  const intervals: number[] = [];
  for (let i = 1; i < orderDays.length; i++) intervals.push(orderDays[i]! - orderDays[i - 1]!);
  return intervals;
}

export function productLastSaleDay(lines: readonly CustomerSaleLine[], asOfDay: number): number {
  let last = -Infinity;
  for (const line of lines) if (line.quantity > 0 && line.day < asOfDay && line.day > last) last = line.day;
  return last;
}

interface PriorsAt {
  shop: IntervalPrior;
  perProduct: Record<string, IntervalPrior>;
  histories: Map<string, CustomerHistory[]>;
  pairs: number;
}

function fitPriorsAt(products: readonly ProductSales[], asOfDay: number, minOrders: number, minCustomers: number, run: RunOptions): PriorsAt {
  const histories = new Map<string, CustomerHistory[]>();
  const allStats: LogIntervalStats[] = [];
  for (const product of products) {
    throwIfAborted(run.signal);
    const modelled = buildCustomerHistories(product.lines, asOfDay).histories.filter((h) => h.orderDays.length >= minOrders);
    histories.set(product.productKey, modelled);
    for (const h of modelled) allStats.push(logIntervalStats(intervalsOf(h.orderDays)));
  }
  const shop = allStats.length > 0 ? fitIntervalPrior(allStats).prior : { ...DEFAULT_INTERVAL_PRIOR };
  const perProduct: Record<string, IntervalPrior> = {};
  for (const [productKey, modelled] of histories) {
    throwIfAborted(run.signal);
    if (modelled.length < minCustomers) continue;
    perProduct[productKey] = fitIntervalPrior(modelled.map((h) => logIntervalStats(intervalsOf(h.orderDays))), shop).prior;
  }
  return { shop, perProduct, histories, pairs: allStats.length };
}

/** Shop's lines of every product, for the customer activity covariates. */
export function allLines(products: readonly ProductSales[]): Iterable<CustomerSaleLine> {
  return {
    *[Symbol.iterator]() {
      for (const product of products) yield* product.lines;
    },
  };
}

export function fitShopModel(products: readonly ProductSales[], options: ShopModelOptions, run: RunOptions = {}): ShopCustomerModel {
  const minOrders = Math.max(2, options.minOrders ?? DEFAULT_MIN_ORDERS);
  const minCustomers = options.minCustomersForProductPrior ?? DEFAULT_MIN_CUSTOMERS_FOR_PRODUCT_PRIOR;
  const windowDays = 7 * options.horizonWeeks;
  const originDay = options.asOfDay - windowDays;

  // Calibrate the lapse component on the window [origin, asOf): fit the interval priors as
  // they were at the origin, predict "orders within the window", compare with what happened.
  const atOrigin = fitPriorsAt(products, originDay, minOrders, minCustomers, run);
  const activityAtOrigin = customerActivity(allLines(products), originDay);
  const cases: ChurnCalibrationCase[] = [];
  for (const product of products) {
    throwIfAborted(run.signal);
    const modelled = atOrigin.histories.get(product.productKey) ?? [];
    if (modelled.length === 0) continue;
    const prior = atOrigin.perProduct[product.productKey] ?? atOrigin.shop;
    const lastSale = productLastSaleDay(product.lines, originDay);
    const orderedInWindow = new Set<string>();
    for (const line of product.lines) {
      if (line.day >= originDay && line.day < options.asOfDay && line.quantity > 0) orderedInWindow.add(line.customerKey);
    }
    for (const history of modelled) {
      const activity: CustomerActivity | undefined = activityAtOrigin.get(history.customerKey);
      if (!activity) continue;
      const predictive = logIntervalPredictive(intervalPosterior(prior, logIntervalStats(intervalsOf(history.orderDays))));
      const gapDays = originDay - history.orderDays[history.orderDays.length - 1]! - 0.5;
      cases.push({
        orderCount: history.orderDays.length,
        gapDays,
        windowDays,
        rhythmSurvivalAtGap: intervalSurvival(predictive, gapDays),
        rhythmSurvivalAtWindowEnd: intervalSurvival(predictive, gapDays + windowDays),
        ordered: orderedInWindow.has(history.customerKey),
        covariates: lapseCovariates({ customerOrderDays: activity.orderDays, customerLastOrderDay: activity.lastOrderDay, productLastSaleDay: lastSale }, originDay),
      });
    }
  }
  let churnPrior: ChurnPrior = { ...DEFAULT_CHURN_PRIOR };
  let calibration: LapseCalibration | null = null;
  if (cases.length > 0) {
    churnPrior = calibrateChurnPrior(evenSample(cases, MAX_CALIBRATION_CASES)).prior;
    const observed = cases.filter((c) => c.ordered).length / cases.length;
    const predicted = cases.reduce((s, c) => s + windowOrderProbability(churnPrior, c), 0) / cases.length;
    calibration = { originDay, windowDays, cases: cases.length, observedRate: observed, predictedRate: predicted };
  }

  const now = fitPriorsAt(products, options.asOfDay, minOrders, minCustomers, run);
  return {
    asOfDay: options.asOfDay,
    horizonWeeks: options.horizonWeeks,
    minOrders,
    intervalPrior: now.shop,
    productIntervalPriors: now.perProduct,
    churnPrior,
    calibration,
    modelledPairs: now.pairs,
  };
}
