/**
 * From simulated paths and per-customer predictions to the product's weekly view: expected
 * orders, units and revenue, the units distribution, and who is expected when.
 */
import { QUANTILE_LEVELS } from '../forecast/types';
import type { CustomerPrediction } from './customer-prediction';

/** Quantile of sorted values, linear interpolation between order statistics (Hyndman–Fan type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, level: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * level;
  const lo = Math.floor(position);
  const hi = Math.min(n - 1, lo + 1);
  const frac = position - lo;
  return sorted[lo]! + frac * (sorted[hi]! - sorted[lo]!);
}

export interface WeeklyDistribution {
  /** Mean units per week. */
  mean: number[];
  /** One row per QUANTILE_LEVELS entry, each of length weeks. */
  quantiles: number[][];
}

/** Per-week mean and quantiles of a paths × weeks row-major buffer. */
export function weeklyDistribution(unitsByPath: Float64Array, paths: number, weeks: number): WeeklyDistribution {
  const mean: number[] = [];
  const quantiles: number[][] = QUANTILE_LEVELS.map(() => []);
  const column = new Float64Array(paths);
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    for (let p = 0; p < paths; p++) {
      const v = unitsByPath[p * weeks + w]!;
      column[p] = v;
      sum += v;
    }
    column.sort();
    mean.push(paths > 0 ? sum / paths : 0);
    QUANTILE_LEVELS.forEach((level, i) => quantiles[i]!.push(paths > 0 ? sortedQuantile(column, level) : 0));
  }
  return { mean, quantiles };
}

export const WEEK_LISTING_PROBABILITY = 0.2;
export const MAX_CUSTOMERS_PER_WEEK = 25;

export interface ExpectedCustomer {
  customerKey: string;
  customerName: string;
  /** P(at least one order in this week). */
  probability: number;
  expectedUnits: number;
  confidence: number;
}

export interface WeeklyExpectation {
  week: number;
  startDay: number;
  /** Last day of the week (inclusive). */
  endDay: number;
  expectedOrders: number;
  expectedUnits: number;
  expectedRevenueCents: number | null;
  /** Units quantiles at QUANTILE_LEVELS. */
  unitsQuantiles: number[];
  /** Mean probability of ordering this week of the customers listed for it (0 when none). */
  averageConfidence: number;
  /**
   * Customers passing the filters with at least a WEEK_LISTING_PROBABILITY chance of ordering
   * this week, most likely first (at most MAX_CUSTOMERS_PER_WEEK). A weekly customer is listed
   * every week; an overdue one wherever their chance is high enough.
   */
  expectedCustomers: ExpectedCustomer[];
}

export function weeklyExpectations(
  predictions: readonly CustomerPrediction[],
  listed: ReadonlySet<string>,
  distribution: WeeklyDistribution,
  asOfDay: number,
  horizonWeeks: number,
  unitPriceCents: number | null,
): WeeklyExpectation[] {
  const weeks: WeeklyExpectation[] = [];
  for (let w = 0; w < horizonWeeks; w++) {
    const startDay = asOfDay + 7 * w;
    let expectedOrders = 0;
    for (const p of predictions) expectedOrders += p.expectedOrdersByWeek[w] ?? 0;
    const expectedCustomers: ExpectedCustomer[] = [];
    for (const p of predictions) {
      if (!listed.has(p.customerKey)) continue;
      const probability = p.orderProbabilityByWeek[w] ?? 0;
      if (probability < WEEK_LISTING_PROBABILITY) continue;
      expectedCustomers.push({
        customerKey: p.customerKey,
        customerName: p.customerName,
        probability,
        expectedUnits: p.expectedUnitsByWeek[w] ?? 0,
        confidence: p.confidence,
      });
    }
    expectedCustomers.sort((a, b) => b.probability - a.probability || b.expectedUnits - a.expectedUnits || compareKeys(a.customerKey, b.customerKey));
    expectedCustomers.splice(MAX_CUSTOMERS_PER_WEEK);
    const expectedUnits = distribution.mean[w] ?? 0;
    weeks.push({
      week: w + 1,
      startDay,
      endDay: startDay + 6,
      expectedOrders,
      expectedUnits,
      expectedRevenueCents: unitPriceCents === null ? null : Math.round(expectedUnits * unitPriceCents),
      unitsQuantiles: distribution.quantiles.map((row) => row[w] ?? 0),
      averageConfidence: expectedCustomers.length > 0 ? expectedCustomers.reduce((s, c) => s + c.probability, 0) / expectedCustomers.length : 0,
      expectedCustomers,
    });
  }
  return weeks;
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
