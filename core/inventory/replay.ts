/**
 * Policy replay: walk through a test window period by period as a shop would have lived
 * it, and compare what three policies would have achieved on the real demand.
 *
 * Each series starts the window under each policy with stock at that policy's own reorder
 * point (computed at the first review) and nothing on order. Every review (every `reviewPeriods` periods) the
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
  /** Service level our policy plans with, when calibrated (default: serviceLevel). */
  shelfcastServiceLevel?: number;
  /**
   * Extra service levels to replay our policy and the normal approximation at, in the same
   * run with the same forecasts (keys "shelfcast@0.9", "normalApprox@0.9"): the trade-off
   * curve of stock against fill rate, and the data for calibrating the service level.
   */
  variants?: readonly number[];
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
  readonly states: Record<string, SimState>;
  readonly specs: PolicySpec[];
  private readonly leadTimeDays: number;

  constructor(
    readonly series: ReplaySeries,
    private readonly config: ReplayConfig,
  ) {
    this.leadTimePeriods = series.leadTimePeriods ?? config.leadTimePeriods;
    this.leadTimeDays = this.leadTimePeriods * config.periodDays;
    this.params = policyParams(config, series, this.leadTimeDays);
    this.specs = policySpecs(config);
    this.states = Object.fromEntries(this.specs.map((spec) => [spec.key, { onHand: 0, pipeline: [], tally: emptyTally() } satisfies SimState]));
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
    if (step === 0) for (const spec of this.specs) this.states[spec.key]!.onHand = this.startingStock(spec, forecast, scenarios);
    for (const spec of this.specs) receive(this.states[spec.key]!, t);
    for (const spec of this.specs) {
      const state = this.states[spec.key]!;
      const position = state.onHand + state.pipeline.reduce((sum, p) => sum + p.quantity, 0);
      let quantity: number;
      if (spec.policy === 'shelfcast') {
        const onOrder = state.pipeline.map((p) => ({ quantity: p.quantity, dueInDays: (p.arrival - t) * config.periodDays }));
        quantity = decide(scenarios, { onHand: state.onHand, backorders: 0, onOrder }, { ...params, serviceLevel: spec.serviceLevel }).suggestedQuantity;
      } else if (spec.policy === 'normalApprox') {
        quantity = orderForLevels(this.normalLevels(spec, forecast), position, config.trigger, params.casePack, params.moq);
      } else {
        quantity = roundOrderQuantity(lastFourWeeksTarget(this.history(step), config.periodDays) - position, params.casePack, params.moq);
      }
      if (quantity > 0) {
        state.pipeline.push({ arrival: t + this.leadTimePeriods, quantity });
        state.tally.orders++;
      }
    }
  }

  /**
   * Each policy starts the window with stock at its own reorder point (the level at which it
   * would order): ours at the service level it plans with, the normal approximation by its
   * formula, and "last four weeks" at what sold in the last four weeks (its only level).
   */
  private startingStock(spec: PolicySpec, forecast: ReplayForecast, scenarios: ReturnType<typeof makeScenarios>): number {
    const { config, params } = this;
    if (spec.policy === 'shelfcast') return decide(scenarios, { onHand: 0, backorders: 0, onOrder: [] }, { ...params, serviceLevel: spec.serviceLevel }).reorderPoint;
    if (spec.policy === 'normalApprox') return this.normalLevels(spec, forecast).reorderPoint;
    return lastFourWeeksTarget(this.history(0), config.periodDays);
  }

  private normalLevels(spec: PolicySpec, forecast: ReplayForecast): { reorderPoint: number; orderUpToLevel: number } {
    return normalApproxLevels({
      mean: forecast.mean,
      q10: forecast.quantiles[Q10]!,
      q90: forecast.quantiles[Q90]!,
      periodDays: this.config.periodDays,
      leadTimeDays: this.leadTimeDays,
      reviewPeriodDays: this.params.reviewPeriodDays,
      serviceLevel: spec.serviceLevel,
      serviceMeasure: this.config.serviceMeasure,
    });
  }

  /** Receives what is due (outside reviews) and meets the period's demand from stock. */
  serve(step: number, reviewed: boolean): void {
    const t = this.series.testStart + step;
    if (!reviewed) for (const spec of this.specs) receive(this.states[spec.key]!, t);
    const raw = this.series.values[t] ?? 0;
    // Missing (censored) and negative values (returns) count as no demand.
    const demand = Number.isFinite(raw) && raw > 0 ? raw : 0;
    for (const spec of this.specs) {
      const state = this.states[spec.key]!;
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
  /** Tallies of the extra service levels (config.variants), keyed "policy@level". */
  variants: Record<string, PolicyTally>;
  perSeries: Array<{ id: string } & Record<PolicyName, PolicyTally>>;
}

interface PolicySpec {
  key: string;
  policy: PolicyName;
  serviceLevel: number;
}

function policySpecs(config: ReplayConfig): PolicySpec[] {
  const specs: PolicySpec[] = POLICY_NAMES.map((policy) => ({
    key: policy,
    policy,
    serviceLevel: policy === 'shelfcast' ? (config.shelfcastServiceLevel ?? config.serviceLevel) : config.serviceLevel,
  }));
  for (const level of config.variants ?? []) {
    for (const policy of ['shelfcast', 'normalApprox'] as const) specs.push({ key: `${policy}@${level}`, policy, serviceLevel: level });
  }
  return specs;
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
  const variants: Record<string, PolicyTally> = {};
  const perSeries = sims.map((sim) => {
    for (const spec of sim.specs) {
      if (spec.key === spec.policy) addTally(totals[spec.policy], sim.states[spec.key]!.tally);
      else addTally((variants[spec.key] ??= emptyTally()), sim.states[spec.key]!.tally);
    }
    return { id: sim.series.id, shelfcast: sim.states.shelfcast!.tally, normalApprox: sim.states.normalApprox!.tally, lastFourWeeks: sim.states.lastFourWeeks!.tally };
  });
  return { totals, variants, perSeries };
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

export interface ServiceCalibration {
  /** The service level to plan with so that the realised fill rate meets the target. */
  level: number;
  /** Realised fill rate per tried level on the calibration window. */
  curve: Array<{ level: number; fillRate: number; avgStockUnits: number }>;
  series: number;
}

export const CALIBRATION_GRID = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995] as const;

/**
 * Measured, not claimed: replays our policy on the stretch of history just before the test
 * window (same length) at several service levels, all on the same forecasts, and returns
 * the level whose realised fill rate meets the target (linear between grid points; the
 * nearest end of the grid when none does). A forecast whose spread is too narrow or too
 * wide for this data set is corrected here, out of sample: the test window is not looked at.
 */
export async function calibrateServiceLevel(
  series: readonly ReplaySeries[],
  config: ReplayConfig,
  forecaster: BatchForecaster,
  minHistory: number,
  onStep?: (step: number, steps: number) => void,
): Promise<ServiceCalibration> {
  const shifted: ReplaySeries[] = [];
  for (const s of series) {
    const window = s.values.length - s.testStart;
    if (s.testStart - window < minHistory) continue;
    shifted.push({ ...s, values: s.values.subarray(0, s.testStart), testStart: s.testStart - window });
  }
  const target = config.serviceLevel;
  if (shifted.length === 0) return { level: target, curve: [], series: 0 };
  const outcome = await replayMany(shifted, { ...config, variants: CALIBRATION_GRID }, forecaster, onStep);
  const curve = CALIBRATION_GRID.map((level) => {
    const summary = summarize(outcome.variants[`shelfcast@${level}`] ?? emptyTally());
    return { level, fillRate: summary.fillRate, avgStockUnits: summary.avgStockUnits };
  });
  let level: number = curve.at(-1)!.level;
  if (curve[0]!.fillRate >= target) level = curve[0]!.level;
  else {
    for (let i = 1; i < curve.length; i++) {
      const a = curve[i - 1]!;
      const b = curve[i]!;
      if (b.fillRate >= target) {
        level = b.fillRate > a.fillRate ? a.level + ((target - a.fillRate) / (b.fillRate - a.fillRate)) * (b.level - a.level) : b.level;
        break;
      }
    }
  }
  return { level, curve, series: shifted.length };
}
