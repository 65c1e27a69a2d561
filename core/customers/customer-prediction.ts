/**
 * Everything predicted about one customer×product: rhythm, next order (analytic), weekly
 * expectations (simulated), order size, at-risk scoring, and the sentences explaining them.
 */
import type { Rng } from '../forecast/types';
import type { ChurnPrior } from './churn-model';
import { atRiskReason, expectationReason } from './explain';
import type { IntervalPrior } from './interval-model';
import { predictNextOrder } from './next-order';
import type { CustomerHistory } from './orders';
import type { QuantityModel } from './quantity-model';
import { expectedQuantity } from './quantity-model';
import type { Rhythm } from './rhythm';
import { analyzeRhythm } from './rhythm';
import { simulateCustomer } from './simulate';

export interface CustomerPrediction {
  customerKey: string;
  customerName: string;
  rhythm: Rhythm;
  /** exp(posterior mean log interval), days. */
  typicalIntervalDays: number;
  /** Posterior probability the customer still orders this product in their rhythm. */
  probabilityActive: number;
  /** Had they kept their rhythm, the probability they would have ordered by now. */
  overdueProbability: number;
  /** P(at least one order within the horizon): the prediction's confidence. */
  confidence: number;
  /** P(the next order falls in week k), k = 1..horizon (analytic). */
  nextOrderWeekProbabilities: number[];
  /** P(at least one order in week k), expected orders and units per week (simulated). */
  orderProbabilityByWeek: number[];
  expectedOrdersByWeek: number[];
  expectedUnitsByWeek: number[];
  expectedOrders: number;
  expectedUnits: number;
  /** Median next-order day if they keep their rhythm, with its 80% range (day numbers). */
  nextOrderDay: number;
  nextOrderDayLow: number;
  nextOrderDayHigh: number;
  /** If they order within the horizon, most likely on this day (null: no chance). */
  likelyOrderDay: number | null;
  /** Expected size of the next order. */
  expectedQuantity: number;
  /** Revenue over the horizon at their usual rhythm and size (cents), null without a price. */
  revenueAtStakeCents: number | null;
  atRisk: boolean;
  /** One sentence for the owner: the at-risk reason when at risk, else the expectation. */
  reason: string;
}

export interface CustomerPredictionInput {
  history: CustomerHistory;
  customerName: string;
  asOfDay: number;
  horizonWeeks: number;
  intervalPrior: IntervalPrior;
  churnPrior: ChurnPrior;
  lapseCovariates?: readonly number[];
  quantity: QuantityModel;
  unitPriceCents: number | null;
  paths: number;
  rng: Rng;
  /** At risk when overdueProbability ≥ this (default 0.8). */
  atRiskThreshold: number;
  /** Adds the simulated weekly units into this paths × weeks buffer when given. */
  unitsByPath?: Float64Array;
}

export const DEFAULT_AT_RISK_THRESHOLD = 0.8;

/**
 * The day their rhythm put the next order: the last order plus the median interval
 * (exp of the log-interval location, which is the predictive's median). An overdue
 * probability of at least ½ means this day has passed, so an overdue customer's due day is
 * always before the as-of day.
 */
export function rhythmDueDay(lastOrderDay: number, typicalIntervalDays: number): number {
  return lastOrderDay + Math.max(1, Math.round(typicalIntervalDays));
}

/**
 * Units they would buy over the horizon had they kept their usual rhythm and order size:
 * (7·weeks ÷ typical interval) orders × the expected order size. What "revenue at stake"
 * prices; unlike the expected units it does not discount the chance they have stopped.
 */
export function unitsAtRhythm(horizonWeeks: number, typicalIntervalDays: number, expectedOrderQuantity: number): number {
  return ((7 * horizonWeeks) / Math.max(1, typicalIntervalDays)) * expectedOrderQuantity;
}

export function predictCustomer(input: CustomerPredictionInput): CustomerPrediction {
  const { history, asOfDay, horizonWeeks } = input;
  const rhythm = analyzeRhythm(history, asOfDay);
  const next = predictNextOrder({
    orderDays: history.orderDays,
    asOfDay,
    horizonWeeks,
    intervalPrior: input.intervalPrior,
    churnPrior: input.churnPrior,
    lapseCovariates: input.lapseCovariates,
  });
  const simulation = simulateCustomer(
    {
      lastOrderDay: rhythm.lastOrderDay,
      asOfDay,
      orderCount: rhythm.orderCount,
      posterior: next.posterior,
      churnPrior: input.churnPrior,
      lapseCovariates: input.lapseCovariates,
      probabilityActive: next.probabilityActive,
      quantity: input.quantity,
    },
    horizonWeeks,
    input.paths,
    input.rng,
    input.unitsByPath,
  );
  const quantity = expectedQuantity(input.quantity);
  const unitsAtStake = unitsAtRhythm(horizonWeeks, next.typicalIntervalDays, quantity);
  const revenueAtStakeCents = input.unitPriceCents === null ? null : Math.round(unitsAtStake * input.unitPriceCents);
  const atRisk = next.overdueProbability >= input.atRiskThreshold;
  const reason = atRisk
    ? atRiskReason({
        rhythm,
        typicalIntervalDays: next.typicalIntervalDays,
        dueDay: rhythmDueDay(rhythm.lastOrderDay, next.typicalIntervalDays),
        overdueProbability: next.overdueProbability, probabilityActive: next.probabilityActive })
    : expectationReason({
        rhythm,
        typicalIntervalDays: next.typicalIntervalDays,
        confidence: next.probabilityWithinHorizon,
        horizonWeeks,
        nextOrderDay: next.nextOrderDay,
        nextOrderDayLow: next.nextOrderDayLow,
        nextOrderDayHigh: next.nextOrderDayHigh,
        expectedQuantity: quantity,
      });
  const expectedUnitsByWeek = Array.from(simulation.expectedUnits);
  const orderCounts = Array.from(simulation.expectedOrders);
  return {
    customerKey: history.customerKey,
    customerName: input.customerName,
    rhythm,
    typicalIntervalDays: next.typicalIntervalDays,
    probabilityActive: next.probabilityActive,
    overdueProbability: next.overdueProbability,
    confidence: next.probabilityWithinHorizon,
    nextOrderWeekProbabilities: next.weekProbabilities,
    orderProbabilityByWeek: Array.from(simulation.probabilityOfOrder),
    expectedOrdersByWeek: orderCounts,
    expectedUnitsByWeek,
    expectedOrders: orderCounts.reduce((s, v) => s + v, 0),
    expectedUnits: expectedUnitsByWeek.reduce((s, v) => s + v, 0),
    nextOrderDay: next.nextOrderDay,
    nextOrderDayLow: next.nextOrderDayLow,
    nextOrderDayHigh: next.nextOrderDayHigh,
    likelyOrderDay: next.likelyOrderDay,
    expectedQuantity: quantity,
    revenueAtStakeCents,
    atRisk,
    reason,
  };
}
