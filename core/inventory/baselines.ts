/**
 * The two policies our sample-path policy is compared with in the replay.
 *
 * normalApprox — seed 000's rule: safety stock from an interval width and a z-table.
 *   σ per period = (q90 − q10) / 2.563 (an 80% normal interval is μ ± 1.2816σ), demand over
 *   a span ~ Normal(Σμ, Σσ²) assuming independent periods (seed 000: σ_LT = √(L·σ_d²)),
 *   s = μ_L + z·σ_L, S = μ_L+R + z·σ_L+R with z = Φ⁻¹(service level) for cycle service, or
 *   k with G(k) = (1 − β)·μ_R / σ_L+R for a fill-rate target (Silver, Pyke & Peterson
 *   1998, eq. 7.22, G the normal loss function). Seed 000 converted the 4-week interval to
 *   a daily σ by dividing by 28 instead of √28 and ordered up to 4 weeks of demand; here
 *   both are put in the same review/lead-time skeleton as our policy, so the comparison
 *   isolates how the safety stock is computed.
 *
 * lastFourWeeks — what a shop does without a forecast: keep as much as sold in the last
 *   4 weeks; at each review order the difference between that and the stock position.
 */
import type { OrderTrigger, ServiceMeasure } from './policy';
import { roundOrderQuantity } from './order-quantity';
import { normalLoss, normalQuantile } from './stats';

/** 2·Φ⁻¹(0.9): the width of an 80% normal interval in standard deviations. */
const WIDTH_80 = 2 * 1.2815515655446004;

export interface NormalSpan {
  mean: number;
  sd: number;
}

/**
 * Mean and standard deviation of demand over [fromDays, toDays) after the start of period
 * 0, from per-period means and 80% intervals; a partial period contributes its fraction of
 * the mean and of the variance (demand spread evenly inside a period).
 */
export function normalSpan(mean: Float64Array, q10: Float64Array, q90: Float64Array, periodDays: number, fromDays: number, toDays: number): NormalSpan {
  let m = 0;
  let variance = 0;
  const last = mean.length - 1;
  const first = Math.floor(fromDays / periodDays);
  for (let k = first; k * periodDays < toDays; k++) {
    const start = Math.max(fromDays, k * periodDays);
    const end = Math.min(toDays, (k + 1) * periodDays);
    const fraction = Math.max(0, end - start) / periodDays;
    if (fraction <= 0) continue;
    const j = Math.min(k, last);
    const sd = Math.max(0, q90[j]! - q10[j]!) / WIDTH_80;
    m += fraction * Math.max(0, mean[j]!);
    variance += fraction * sd * sd;
  }
  return { mean: m, sd: Math.sqrt(variance) };
}

/** The k with G(k) = target (G decreasing), by bisection on [−4, 6]. */
export function inverseNormalLoss(target: number): number {
  let lo = -4;
  let hi = 6;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalLoss(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface LevelsInput {
  mean: Float64Array;
  q10: Float64Array;
  q90: Float64Array;
  periodDays: number;
  leadTimeDays: number;
  reviewPeriodDays: number;
  serviceLevel: number;
  serviceMeasure: ServiceMeasure;
}

export function normalApproxLevels(input: LevelsInput): { reorderPoint: number; orderUpToLevel: number } {
  const { leadTimeDays: L, reviewPeriodDays: R } = input;
  const lead = normalSpan(input.mean, input.q10, input.q90, input.periodDays, 0, L);
  const cycle = normalSpan(input.mean, input.q10, input.q90, input.periodDays, 0, L + R);
  const z = normalQuantile(input.serviceLevel);
  const reorderPoint = Math.max(0, lead.mean + z * lead.sd);
  let orderUpToLevel: number;
  if (input.serviceMeasure === 'cycle' || cycle.sd <= 0) {
    orderUpToLevel = cycle.mean + z * cycle.sd;
  } else {
    const reviewDemand = cycle.mean - lead.mean;
    const k = inverseNormalLoss(((1 - input.serviceLevel) * reviewDemand) / cycle.sd);
    orderUpToLevel = cycle.mean + k * cycle.sd;
  }
  return { reorderPoint, orderUpToLevel: Math.max(reorderPoint, orderUpToLevel) };
}

/** The order a pair of levels gives at a stock position, in case packs and ≥ MOQ. */
export function orderForLevels(
  levels: { reorderPoint: number; orderUpToLevel: number },
  inventoryPosition: number,
  trigger: OrderTrigger,
  casePack: number,
  moq: number,
): number {
  const due = inventoryPosition <= levels.reorderPoint || (trigger === 'reviewCycle' && inventoryPosition < levels.orderUpToLevel);
  return due ? roundOrderQuantity(levels.orderUpToLevel - inventoryPosition, casePack, moq) : 0;
}

/**
 * Units sold in the last 4 weeks of `history` (a partial last period counts pro rata);
 * returns and missing (NaN) periods count as no sale, as in the replay's demand.
 */
export function lastFourWeeksTarget(history: Float64Array, periodDays: number): number {
  const periods = 28 / periodDays;
  let total = 0;
  let remaining = periods;
  for (let t = history.length - 1; t >= 0 && remaining > 0; t--) {
    const share = Math.min(1, remaining);
    const sold = history[t]!;
    if (sold > 0) total += share * sold;
    remaining -= share;
  }
  return total;
}
