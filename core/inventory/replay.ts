/**
 * Policy replay: walk through a test window period by period as a shop would have lived
 * it, and compare what three policies would have achieved on the real demand.
 *
 * Each series starts the window with stock at our policy's reorder point (computed at the
 * first review) and nothing on order. Every review (every `reviewPeriods` periods) the
 * series is re-forecast on the history up to that point, each policy decides an order,
 * and the order arrives `leadTimePeriods` later, at the start of that period. Within a
 * period: receive, review (maybe order), then meet the period's demand from stock. Demand
 * not met from stock is lost (a customer who finds an empty shelf buys elsewhere), which is
 * what a shop sees; negative values in the data (returns) count as no demand.
 *
 * Measured per policy: fill rate (demand met from stock / demand), periods with a
 * stockout, average stock in units and in money, orders placed.
 */
import { lastFourWeeksTarget, normalApproxLevels, orderForLevels } from './baselines';
import type { OrderTrigger, PolicyParams, ServiceMeasure } from './policy';
import { decide } from './policy';
import { roundOrderQuantity } from './order-quantity';
import { makeScenarios } from './scenarios';

export interface ReplayForecast {
  mean: Float64Array;
  /** The QUANTILE_LEVELS quantiles (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95), each of length h. */
  quantiles: Float64Array[];
  paths: Float64Array[];
}

/** Forecasts h periods after `history`; the same seed gives the same paths. */
export type ReplayForecaster = (history: Float64Array, horizon: number, seed: number) => ReplayForecast | Promise<ReplayForecast>;

export interface ReplaySeries {
  id: string;
  /** History followed by the test window. */
  values: Float64Array;
  /** Index of the first test period. */
  testStart: number;
  unitCostCents: number;
  leadTimePeriods?: number;
  casePack?: number;
  moq?: number;
}

export interface ReplayConfig {
  periodDays: number;
  /** Periods between reviews (at least 1). */
  reviewPeriods: number;
  /** Default lead time in periods when a series has none. */
  leadTimePeriods: number;
  serviceLevel: number;
  serviceMeasure: ServiceMeasure;
  trigger: OrderTrigger;
  seed: number;
}

export const POLICY_NAMES = ['shelfcast', 'normalApprox', 'lastFourWeeks'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export interface PolicyTally {
  demand: number;
  met: number;
  periods: number;
  stockoutPeriods: number;
  stockUnitsSum: number;
  stockValueCentsSum: number;
  orders: number;
}

export interface PolicySummary {
  fillRate: number;
  stockoutPeriods: number;
  stockoutPeriodShare: number;
  avgStockUnits: number;
  avgStockValue: number;
  orders: number;
}

const Q10 = 1;
const Q90 = 5;

export function emptyTally(): PolicyTally {
  return { demand: 0, met: 0, periods: 0, stockoutPeriods: 0, stockUnitsSum: 0, stockValueCentsSum: 0, orders: 0 };
}

export function addTally(into: PolicyTally, from: PolicyTally): void {
  into.demand += from.demand;
  into.met += from.met;
  into.periods += from.periods;
  into.stockoutPeriods += from.stockoutPeriods;
  into.stockUnitsSum += from.stockUnitsSum;
  into.stockValueCentsSum += from.stockValueCentsSum;
  into.orders += from.orders;
}

/** Averages are per series and period; money in the currency's major unit. */
export function summarize(tally: PolicyTally): PolicySummary {
  return {
    fillRate: tally.demand > 0 ? tally.met / tally.demand : 1,
    stockoutPeriods: tally.stockoutPeriods,
    stockoutPeriodShare: tally.periods > 0 ? tally.stockoutPeriods / tally.periods : 0,
    avgStockUnits: tally.periods > 0 ? tally.stockUnitsSum / tally.periods : 0,
    avgStockValue: tally.periods > 0 ? tally.stockValueCentsSum / tally.periods / 100 : 0,
    orders: tally.orders,
  };
}

interface SimState {
  onHand: number;
  pipeline: Array<{ arrival: number; quantity: number }>;
  tally: PolicyTally;
}

function policyParams(config: ReplayConfig, series: ReplaySeries, leadTimeDays: number): PolicyParams {
  return {
    leadTimeDays,
    reviewPeriodDays: config.reviewPeriods * config.periodDays,
    serviceLevel: config.serviceLevel,
    serviceMeasure: config.serviceMeasure,
    trigger: config.trigger,
    moq: series.moq ?? 0,
    casePack: series.casePack ?? 1,
    unitCostCents: series.unitCostCents,
    holdingCostRate: 0,
    orderingCostCents: 0,
    eoqFloor: false,
  };
}

/** Replays one series under the three policies; the forecaster is called once per review. */
export async function replaySeries(series: ReplaySeries, config: ReplayConfig, forecaster: ReplayForecaster): Promise<Record<PolicyName, PolicyTally>> {
  const leadTimePeriods = series.leadTimePeriods ?? config.leadTimePeriods;
  const leadTimeDays = leadTimePeriods * config.periodDays;
  const params = policyParams(config, series, leadTimeDays);
  const horizon = Math.ceil(leadTimePeriods + config.reviewPeriods) + 1;
  const fresh = (): SimState => ({ onHand: 0, pipeline: [], tally: emptyTally() });
  const states: Record<PolicyName, SimState> = { shelfcast: fresh(), normalApprox: fresh(), lastFourWeeks: fresh() };
  const end = series.values.length;

  for (let t = series.testStart; t < end; t++) {
    const review = (t - series.testStart) % config.reviewPeriods === 0;
    if (review) {
      const history = series.values.subarray(0, t);
      const forecast = await forecaster(history, horizon, (config.seed + t * 7919) >>> 0);
      const scenarios = makeScenarios(forecast.paths, config.periodDays);
      const levels = normalApproxLevels({
        mean: forecast.mean,
        q10: forecast.quantiles[Q10]!,
        q90: forecast.quantiles[Q90]!,
        periodDays: config.periodDays,
        leadTimeDays,
        reviewPeriodDays: params.reviewPeriodDays,
        serviceLevel: config.serviceLevel,
        serviceMeasure: config.serviceMeasure,
      });
      if (t === series.testStart) {
        const start = decide(scenarios, { onHand: 0, backorders: 0, onOrder: [] }, params).reorderPoint;
        for (const name of POLICY_NAMES) states[name].onHand = start;
      }
      for (const name of POLICY_NAMES) receive(states[name], t);
      for (const name of POLICY_NAMES) {
        const state = states[name];
        const position = state.onHand + state.pipeline.reduce((s, p) => s + p.quantity, 0);
        let quantity = 0;
        if (name === 'shelfcast') {
          const onOrder = state.pipeline.map((p) => ({ quantity: p.quantity, dueInDays: (p.arrival - t) * config.periodDays }));
          quantity = decide(scenarios, { onHand: state.onHand, backorders: 0, onOrder }, params).suggestedQuantity;
        } else if (name === 'normalApprox') {
          quantity = orderForLevels(levels, position, config.trigger, params.casePack, params.moq);
        } else {
          quantity = roundOrderQuantity(lastFourWeeksTarget(history, config.periodDays) - position, params.casePack, params.moq);
        }
        if (quantity > 0) {
          state.pipeline.push({ arrival: t + leadTimePeriods, quantity });
          state.tally.orders++;
        }
      }
    } else {
      for (const name of POLICY_NAMES) receive(states[name], t);
    }
    const demand = Math.max(0, series.values[t] ?? 0);
    for (const name of POLICY_NAMES) {
      const state = states[name];
      const startLevel = state.onHand;
      const sold = Math.min(state.onHand, demand);
      state.onHand -= sold;
      state.tally.demand += demand;
      state.tally.met += sold;
      state.tally.periods++;
      if (sold < demand - 1e-9) state.tally.stockoutPeriods++;
      // Stock through the period: the mean of its level after receiving and after selling
      // (exact when demand is spread evenly and the shelf does not empty).
      const averageLevel = (startLevel + state.onHand) / 2;
      state.tally.stockUnitsSum += averageLevel;
      state.tally.stockValueCentsSum += averageLevel * series.unitCostCents;
    }
  }
  return { shelfcast: states.shelfcast.tally, normalApprox: states.normalApprox.tally, lastFourWeeks: states.lastFourWeeks.tally };
}

function receive(state: SimState, t: number): void {
  if (state.pipeline.length === 0) return;
  const keep: SimState['pipeline'] = [];
  for (const p of state.pipeline) {
    if (p.arrival <= t) state.onHand += p.quantity;
    else keep.push(p);
  }
  state.pipeline = keep;
}
