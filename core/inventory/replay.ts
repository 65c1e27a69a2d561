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

/** Forecasts for several series at once (one engine run per review); same order as the input. */
export type BatchForecaster = (histories: Float64Array[], horizon: number, seed: number) => Promise<ReplayForecast[]>;

/** One series walking through its test window under the three policies. */
class SeriesSimulation {
  readonly leadTimePeriods: number;
  readonly params: PolicyParams;
  readonly states: Record<PolicyName, SimState>;
  private readonly leadTimeDays: number;

  constructor(
    readonly series: ReplaySeries,
    private readonly config: ReplayConfig,
  ) {
    this.leadTimePeriods = series.leadTimePeriods ?? config.leadTimePeriods;
    this.leadTimeDays = this.leadTimePeriods * config.periodDays;
    this.params = policyParams(config, series, this.leadTimeDays);
    const fresh = (): SimState => ({ onHand: 0, pipeline: [], tally: emptyTally() });
    this.states = { shelfcast: fresh(), normalApprox: fresh(), lastFourWeeks: fresh() };
  }

  get testLength(): number {
    return this.series.values.length - this.series.testStart;
  }

  get horizon(): number {
    return Math.ceil(this.leadTimePeriods + this.config.reviewPeriods) + 1;
  }

  history(step: number): Float64Array {
    return this.series.values.subarray(0, this.series.testStart + step);
  }

  /** Start of a review period: receive, then let each policy order from the forecast. */
  review(step: number, forecast: ReplayForecast): void {
    const t = this.series.testStart + step;
    const { config, params } = this;
    const scenarios = makeScenarios(forecast.paths, config.periodDays);
    const levels = normalApproxLevels({
      mean: forecast.mean,
      q10: forecast.quantiles[Q10]!,
      q90: forecast.quantiles[Q90]!,
      periodDays: config.periodDays,
      leadTimeDays: this.leadTimeDays,
      reviewPeriodDays: params.reviewPeriodDays,
      serviceLevel: config.serviceLevel,
      serviceMeasure: config.serviceMeasure,
    });
    if (step === 0) {
      const start = decide(scenarios, { onHand: 0, backorders: 0, onOrder: [] }, params).reorderPoint;
      for (const name of POLICY_NAMES) this.states[name].onHand = start;
    }
    for (const name of POLICY_NAMES) receive(this.states[name], t);
    for (const name of POLICY_NAMES) {
      const state = this.states[name];
      const position = state.onHand + state.pipeline.reduce((sum, p) => sum + p.quantity, 0);
      let quantity: number;
      if (name === 'shelfcast') {
        const onOrder = state.pipeline.map((p) => ({ quantity: p.quantity, dueInDays: (p.arrival - t) * config.periodDays }));
        quantity = decide(scenarios, { onHand: state.onHand, backorders: 0, onOrder }, params).suggestedQuantity;
      } else if (name === 'normalApprox') {
        quantity = orderForLevels(levels, position, config.trigger, params.casePack, params.moq);
      } else {
        quantity = roundOrderQuantity(lastFourWeeksTarget(this.history(step), config.periodDays) - position, params.casePack, params.moq);
      }
      if (quantity > 0) {
        state.pipeline.push({ arrival: t + this.leadTimePeriods, quantity });
        state.tally.orders++;
      }
    }
  }

  /** Receives what is due (outside reviews) and meets the period's demand from stock. */
  serve(step: number, reviewed: boolean): void {
    const t = this.series.testStart + step;
    if (!reviewed) for (const name of POLICY_NAMES) receive(this.states[name], t);
    const raw = this.series.values[t] ?? 0;
    // Missing (censored) and negative values (returns) count as no demand.
    const demand = Number.isFinite(raw) && raw > 0 ? raw : 0;
    for (const name of POLICY_NAMES) {
      const state = this.states[name];
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
      state.tally.stockValueCentsSum += averageLevel * this.series.unitCostCents;
    }
  }
}

export interface ReplayOutcome {
  totals: Record<PolicyName, PolicyTally>;
  perSeries: Array<{ id: string } & Record<PolicyName, PolicyTally>>;
}

/**
 * Replays many series in step: at every test period the series that review are forecast
 * together (one engine call), so the engine's pooled choices work as in a real plan.
 * Series are aligned on their own test windows (step k is each series' k-th test period).
 */
export async function replayMany(
  series: readonly ReplaySeries[],
  config: ReplayConfig,
  forecaster: BatchForecaster,
  onStep?: (step: number, steps: number) => void,
): Promise<ReplayOutcome> {
  const sims = series.map((s) => new SeriesSimulation(s, config));
  const steps = Math.max(0, ...sims.map((s) => s.testLength));
  for (let step = 0; step < steps; step++) {
    const active = sims.filter((s) => step < s.testLength);
    const review = step % config.reviewPeriods === 0;
    if (review && active.length > 0) {
      const horizon = Math.max(...active.map((s) => s.horizon));
      const forecasts = await forecaster(active.map((s) => s.history(step)), horizon, (config.seed + step * 7919) >>> 0);
      active.forEach((sim, i) => sim.review(step, forecasts[i]!));
    }
    for (const sim of active) sim.serve(step, review);
    onStep?.(step + 1, steps);
  }
  const totals: Record<PolicyName, PolicyTally> = { shelfcast: emptyTally(), normalApprox: emptyTally(), lastFourWeeks: emptyTally() };
  const perSeries = sims.map((sim) => {
    for (const name of POLICY_NAMES) addTally(totals[name], sim.states[name].tally);
    return { id: sim.series.id, shelfcast: sim.states.shelfcast.tally, normalApprox: sim.states.normalApprox.tally, lastFourWeeks: sim.states.lastFourWeeks.tally };
  });
  return { totals, perSeries };
}

/** Replays one series (a one-series batch). */
export async function replaySeries(series: ReplaySeries, config: ReplayConfig, forecaster: ReplayForecaster): Promise<Record<PolicyName, PolicyTally>> {
  const outcome = await replayMany([series], config, async (histories, horizon, seed) => [await forecaster(histories[0]!, horizon, seed)]);
  return outcome.totals;
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
