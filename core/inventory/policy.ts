/**
 * The reorder policy for one product at one location: a periodic review, order-up-to
 * policy whose levels come from the forecast's sample paths (never from a z-table).
 *
 *   lead-time demand D_L   = demand over the next L days, one value per sample path
 *   cycle demand   D_L+R   = demand over the next L + R days (until an order placed at
 *                            the next review could arrive)
 *   reorder point  s       = service-level quantile of D_L
 *   order-up-to    S       = service-level quantile of D_L+R ('cycle' service), or the
 *                            lowest level whose expected fill rate reaches the target,
 *                            capped at that same quantile ('fill' service; see
 *                            upToLevel), never below s
 *   safety stock           = S − E[D_L+R]
 *   position       IP      = on hand + on order − backorders
 *   order                  = S − IP when IP ≤ s (or, with the 'reviewCycle' trigger, also
 *                            when IP < S), in whole case packs, at least the MOQ and
 *                            optionally at least the EOQ
 *
 * Sources: Silver, Pyke & Peterson, Inventory Management and Production Planning and
 * Scheduling (3rd ed., 1998), ch. 7 (periodic review, the (R, S) and (R, s, S) systems,
 * P1 cycle service and P2 fill rate); the fill-rate condition
 * E[(D_L+R − S)⁺] − E[(D_L − S)⁺] ≤ (1 − P2)·E[D_R] is Hadley & Whitin (1963) as used there,
 * here evaluated on the sample paths instead of a normal loss table.
 */
import { economicOrderQuantity, roundOrderQuantity } from './order-quantity';
import type { DemandScenarios, ScheduledReceipt } from './scenarios';
import { demandBetween, firstStockoutDay } from './scenarios';
import { SortedSamples } from './sorted-samples';

export type ServiceMeasure = 'cycle' | 'fill';
export type OrderTrigger = 'reorderPoint' | 'reviewCycle';
export type Priority = 'urgent' | 'high' | 'medium' | 'low';

export interface PolicyParams {
  leadTimeDays: number;
  reviewPeriodDays: number;
  /** Target in (0, 1): the chance of no stockout in a cycle ('cycle') or the share of demand met from stock ('fill'). */
  serviceLevel: number;
  serviceMeasure: ServiceMeasure;
  trigger: OrderTrigger;
  /** Minimum order quantity in units; 0 when none. */
  moq: number;
  /** Units per case; 1 when sold singly. */
  casePack: number;
  unitCostCents: number | null;
  /** Yearly holding cost as a fraction of the unit cost. */
  holdingCostRate: number;
  orderingCostCents: number;
  /** Order at least the EOQ when an order is placed. */
  eoqFloor: boolean;
}

export interface StockState {
  onHand: number;
  backorders: number;
  /** Open purchase order lines with their expected delivery. */
  onOrder: readonly ScheduledReceipt[];
}

export interface PolicyDecision {
  inventoryPosition: number;
  onOrder: number;
  reorderPoint: number;
  orderUpToLevel: number;
  safetyStock: number;
  meanLeadTimeDemand: number;
  meanCycleDemand: number;
  sdCycleDemand: number;
  /** The effective quantile level of S in the cycle demand (equals the service level for 'cycle'). */
  orderUpToQuantileLevel: number;
  belowReorderPoint: boolean;
  /** S − IP before rounding (0 when no order is due). */
  rawQuantity: number;
  suggestedQuantity: number;
  cases: number;
  /** What set the quantity: the need, the MOQ, the EOQ or nothing. */
  quantityDrivenBy: 'need' | 'moq' | 'eoq' | 'none';
  eoq: number | null;
  meanDailyDemand: number;
  /** Days the on-hand stock lasts at mean demand; null when no demand is expected. */
  daysOfCover: number | null;
  /** Median days until the shelf is empty (on order included on its due day, nothing new ordered); null beyond the horizon. */
  expectedStockoutDays: number | null;
  /** P(stockout before an order placed now arrives). */
  stockoutProbabilityBeforeDelivery: number;
  /** P(stockout before the next review). */
  stockoutProbabilityBeforeReview: number;
  priority: Priority;
  /** E[(D_L+R − IP)⁺] without the order and with it. */
  expectedShortageWithoutOrder: number;
  expectedShortageWithOrder: number;
}

function validate(params: PolicyParams, stock: StockState): void {
  const problems: string[] = [];
  if (!(params.leadTimeDays >= 0)) problems.push(`lead time ${params.leadTimeDays}`);
  if (!(params.reviewPeriodDays > 0)) problems.push(`review period ${params.reviewPeriodDays}`);
  if (!(params.serviceLevel > 0 && params.serviceLevel < 1)) problems.push(`service level ${params.serviceLevel}`);
  if (!(params.casePack > 0)) problems.push(`case pack ${params.casePack}`);
  if (!(params.moq >= 0)) problems.push(`MOQ ${params.moq}`);
  if (!Number.isFinite(stock.onHand)) problems.push(`on hand ${stock.onHand}`);
  if (!(stock.backorders >= 0)) problems.push(`backorders ${stock.backorders}`);
  if (problems.length > 0) throw new RangeError(`Invalid policy input: ${problems.join(', ')}`);
}

/**
 * The lowest S whose expected fill rate reaches the target: shortage per cycle
 * E[(D_L+R − S)⁺] − E[(D_L − S)⁺] ≤ (1 − target)·E[D_R]. The shortage is non-increasing
 * in S (D_L+R ≥ D_L on every path), so bisection finds it.
 */
export function fillRateLevel(lead: SortedSamples, cycle: SortedSamples, target: number): number {
  const reviewDemand = cycle.mean - lead.mean;
  if (!(reviewDemand > 0)) return 0;
  const allowed = (1 - target) * reviewDemand;
  const shortage = (s: number) => cycle.expectedExcess(s) - lead.expectedExcess(s);
  if (shortage(0) <= allowed) return 0;
  let lo = 0;
  let hi = cycle.max;
  for (let i = 0; i < 60 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (shortage(mid) <= allowed) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The order-up-to level before the floor at s. 'cycle': the p-quantile of D_L+R (PRODUCT.md
 * §7). 'fill': the lowest S whose expected fill rate reaches p, but never above that
 * p-quantile. Why the cap: for lumpy demand (an item that usually sells nothing but
 * sometimes sells a crate) most of the expected demand sits in a tail hit in fewer than
 * 1 − p of the cycles, and the fill-rate condition alone stocks for it all the time: e.g.
 * D = 0 in 96 of 100 cycles and 50 in 4 needs S = 47.5 for a 95% fill rate (0.04·(50 − S) ≤ 0.05·2) while the 95%
 * quantile is 0. Stock above the p-quantile serves demand in fewer than 1 − p of the
 * cycles, which the service level says the shop accepts to miss; across products it is
 * also the least productive stock (a unit at level S fills P(D_L+R > S) expected units,
 * and that is below 1 − p there). So S meets the fill-rate target where a lower level does
 * (spread-out demand) and the cycle-service target otherwise: it never exceeds the spec's
 * quantile and is non-decreasing in p (a minimum of two non-decreasing functions).
 */
export function upToLevel(lead: SortedSamples, cycle: SortedSamples, serviceLevel: number, measure: ServiceMeasure): number {
  const quantile = cycle.quantile(serviceLevel);
  return measure === 'cycle' ? quantile : Math.min(quantile, fillRateLevel(lead, cycle, serviceLevel));
}

/** Share of sorted samples ≤ level: the quantile level a stock level corresponds to. */
function quantileLevelOf(samples: SortedSamples, level: number): number {
  return 1 - samples.tailProbability(level);
}

function meanPath(scenarios: DemandScenarios): Float64Array {
  const horizon = scenarios.paths[0]!.length;
  const out = new Float64Array(horizon);
  for (const path of scenarios.paths) for (let k = 0; k < horizon; k++) out[k] = out[k]! + path[k]!;
  for (let k = 0; k < horizon; k++) out[k] = out[k]! / scenarios.paths.length;
  return out;
}

/** Priority by when the shelf empties: before an order can arrive, before the next review, or merely due for an order (at or below s). */
export function priorityOf(expectedStockoutDays: number | null, leadTimeDays: number, reviewPeriodDays: number, belowReorderPoint: boolean): Priority {
  if (expectedStockoutDays !== null && expectedStockoutDays < leadTimeDays) return 'urgent';
  if (expectedStockoutDays !== null && expectedStockoutDays < reviewPeriodDays) return 'high';
  if (belowReorderPoint) return 'medium';
  return 'low';
}

/** Runs the policy for one product; pure and deterministic for given scenarios. */
export function decide(scenarios: DemandScenarios, stock: StockState, params: PolicyParams): PolicyDecision {
  validate(params, stock);
  const L = params.leadTimeDays;
  const R = params.reviewPeriodDays;
  const lead = new SortedSamples(demandBetween(scenarios, 0, L));
  const cycle = new SortedSamples(demandBetween(scenarios, 0, L + R));

  const reorderPoint = lead.quantile(params.serviceLevel);
  const rawUpTo = upToLevel(lead, cycle, params.serviceLevel, params.serviceMeasure);
  const orderUpToLevel = Math.max(rawUpTo, reorderPoint);
  const safetyStock = orderUpToLevel - cycle.mean;

  const onOrder = stock.onOrder.reduce((total, line) => total + line.quantity, 0);
  const inventoryPosition = stock.onHand + onOrder - stock.backorders;
  const belowReorderPoint = inventoryPosition <= reorderPoint;
  const due = belowReorderPoint || (params.trigger === 'reviewCycle' && inventoryPosition < orderUpToLevel);
  const rawQuantity = due ? Math.max(0, orderUpToLevel - inventoryPosition) : 0;

  const meanDailyDemand = L + R > 0 ? cycle.mean / (L + R) : 0;
  const eoq = economicOrderQuantity(meanDailyDemand * 365, params.orderingCostCents, params.holdingCostRate, params.unitCostCents);
  let target = rawQuantity;
  let quantityDrivenBy: PolicyDecision['quantityDrivenBy'] = rawQuantity > 0 ? 'need' : 'none';
  if (rawQuantity > 0 && params.eoqFloor && eoq !== null && eoq > target) {
    target = eoq;
    quantityDrivenBy = 'eoq';
  }
  if (rawQuantity > 0 && params.moq > target) quantityDrivenBy = 'moq';
  const suggestedQuantity = roundOrderQuantity(target, params.casePack, params.moq);
  if (suggestedQuantity === 0) quantityDrivenBy = 'none';

  // Time line without the new order: when does the shelf empty, and how likely before L and R?
  const horizonDays = scenarios.paths[0]!.length * scenarios.periodDays - scenarios.elapsedDays;
  const searchDays = Math.max(horizonDays, L + R);
  const startingStock = stock.onHand - stock.backorders;
  const stockoutTimes = new Float64Array(scenarios.paths.length);
  for (let i = 0; i < stockoutTimes.length; i++) stockoutTimes[i] = firstStockoutDay(scenarios, i, startingStock, stock.onOrder, searchDays);
  stockoutTimes.sort();
  const median = stockoutTimes[Math.floor((stockoutTimes.length - 1) / 2)]!;
  const expectedStockoutDays = Number.isFinite(median) ? median : null;
  let beforeDelivery = 0;
  let beforeReview = 0;
  for (const t of stockoutTimes) {
    if (t < L) beforeDelivery++;
    if (t < R) beforeReview++;
  }
  const average = { paths: [meanPath(scenarios)], periodDays: scenarios.periodDays, elapsedDays: scenarios.elapsedDays };
  const cover = firstStockoutDay(average, 0, Math.max(0, startingStock), [], Math.max(searchDays, 3650));

  return {
    inventoryPosition,
    onOrder,
    reorderPoint,
    orderUpToLevel,
    safetyStock,
    meanLeadTimeDemand: lead.mean,
    meanCycleDemand: cycle.mean,
    sdCycleDemand: cycle.sd,
    orderUpToQuantileLevel: quantileLevelOf(cycle, orderUpToLevel),
    belowReorderPoint,
    rawQuantity,
    suggestedQuantity,
    cases: suggestedQuantity / params.casePack,
    quantityDrivenBy,
    eoq,
    meanDailyDemand,
    daysOfCover: Number.isFinite(cover) ? cover : null,
    expectedStockoutDays,
    stockoutProbabilityBeforeDelivery: beforeDelivery / stockoutTimes.length,
    stockoutProbabilityBeforeReview: beforeReview / stockoutTimes.length,
    priority: priorityOf(expectedStockoutDays, L, R, suggestedQuantity > 0),
    expectedShortageWithoutOrder: cycle.expectedExcess(inventoryPosition),
    expectedShortageWithOrder: cycle.expectedExcess(inventoryPosition + suggestedQuantity),
  };
}
