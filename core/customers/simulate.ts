/**
 * Monte Carlo sample paths of one customer's future orders of a product, drawn from the same
 * posterior as the analytic next-order prediction, so that weekly units can be summed over
 * customers as a distribution (quantiles of weekly demand do not add up; paths do).
 *
 * Per path: the customer is in rhythm with the posterior probability of that (given the gap
 * so far) or lapsed. In rhythm, the rhythm parameters (μ, σ²) are drawn from the NIG posterior
 * re-weighted by P(interval ≥ gap | μ, σ²) (sampling-importance-resampling over a pool of
 * draws), and the first interval is drawn conditioned on exceeding the gap. Lapsed, the first
 * interval is a return interval conditioned the same way. After each simulated order the
 * customer lapses with the posterior lapse probability, else draws the next rhythm interval.
 */
import type { Rng } from '../forecast/types';
import type { ChurnPrior } from './churn-model';
import { lapseProbabilityWhileActive } from './churn-model';
import type { IntervalPosterior } from './interval-model';
import type { QuantityModel } from './quantity-model';
import { sampleQuantity } from './quantity-model';
import { gammaSample, standardNormal, truncatedStandardNormalAbove } from './random';
import { fastNormalSurvival } from './special';

export interface CustomerSimulationInput {
  lastOrderDay: number;
  asOfDay: number;
  orderCount: number;
  posterior: IntervalPosterior;
  churnPrior: ChurnPrior;
  lapseCovariates?: readonly number[];
  /** Posterior probability of being in rhythm given the gap (next-order.ts). */
  probabilityActive: number;
  quantity: QuantityModel;
}

export interface CustomerSimulationSummary {
  /** Per week: mean number of orders, mean units, P(at least one order). */
  expectedOrders: Float64Array;
  expectedUnits: Float64Array;
  probabilityOfOrder: Float64Array;
  /** P(at least one order within the horizon). */
  probabilityWithinHorizon: number;
}

/** Number of (μ, σ²) draws kept per customer for the re-weighting. */
const PARAMETER_POOL = 64;

interface RhythmDraw {
  mu: number;
  sigma: number;
  /** P(interval ≥ the current gap | μ, σ), when computed. */
  tail?: number;
}

function drawRhythm(posterior: IntervalPosterior, rng: Rng): RhythmDraw {
  // σ² ~ InvGamma(shape, scale), μ | σ² ~ N(mean, σ²/strength).
  const variance = posterior.scale / Math.max(gammaSample(rng, posterior.shape), 1e-300);
  const mu = posterior.mean + Math.sqrt(variance / posterior.strength) * standardNormal(rng);
  return { mu, sigma: Math.sqrt(variance) };
}

/**
 * Simulates `paths` futures of `horizonWeeks` weeks. Adds each path's weekly units into
 * `unitsByPath` (row-major paths × weeks) when given, and returns the customer's summary.
 */
export function simulateCustomer(
  input: CustomerSimulationInput,
  horizonWeeks: number,
  paths: number,
  rng: Rng,
  unitsByPath?: Float64Array,
): CustomerSimulationSummary {
  const weeks = horizonWeeks;
  const expectedOrders = new Float64Array(weeks);
  const expectedUnits = new Float64Array(weeks);
  const probabilityOfOrder = new Float64Array(weeks);
  let anyOrder = 0;
  const elapsed = input.asOfDay - input.lastOrderDay;
  const gapLog = Math.log(Math.max(elapsed - 0.5, 1e-9));
  const horizonEndDay = input.asOfDay + 7 * weeks;
  const prior = input.churnPrior;

  // Each pooled draw keeps P(interval ≥ gap | draw): its resampling weight and the tail
  // probability its truncated first interval needs.
  const pool: RhythmDraw[] = [];
  const cumulative = new Float64Array(PARAMETER_POOL);
  let total = 0;
  for (let i = 0; i < PARAMETER_POOL; i++) {
    const draw = drawRhythm(input.posterior, rng);
    draw.tail = fastNormalSurvival((gapLog - draw.mu) / draw.sigma);
    pool.push(draw);
    total += draw.tail;
    cumulative[i] = total;
  }
  const returnLower = (gapLog - prior.returnLogMean) / prior.returnLogSd;
  const returnTail = fastNormalSurvival(returnLower);
  const pickWeighted = (): RhythmDraw => {
    if (!(total > 0)) return pool[Math.floor(rng() * PARAMETER_POOL)]!;
    const u = rng() * total;
    let lo = 0;
    let hi = PARAMETER_POOL - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return pool[lo]!;
  };

  const seen = new Uint8Array(weeks);
  for (let p = 0; p < paths; p++) {
    seen.fill(0);
    const inRhythm = rng() < input.probabilityActive;
    const rhythm = inRhythm ? pickWeighted() : drawRhythm(input.posterior, rng);
    let day: number;
    if (inRhythm) {
      const z = truncatedStandardNormalAbove(rng, (gapLog - rhythm.mu) / rhythm.sigma, rhythm.tail);
      day = input.lastOrderDay + Math.max(elapsed, Math.round(Math.exp(rhythm.mu + rhythm.sigma * z)));
    } else {
      const z = truncatedStandardNormalAbove(rng, returnLower, returnTail);
      day = input.lastOrderDay + Math.max(elapsed, Math.round(Math.exp(prior.returnLogMean + prior.returnLogSd * z)));
    }
    let ordersSoFar = input.orderCount;
    let pathHasOrder = false;
    while (day < horizonEndDay) {
      const week = Math.floor((day - input.asOfDay) / 7);
      const units = sampleQuantity(input.quantity, rng);
      expectedOrders[week]! += 1;
      expectedUnits[week]! += units;
      if (seen[week] === 0) {
        seen[week] = 1;
        probabilityOfOrder[week]! += 1;
      }
      if (unitsByPath) unitsByPath[p * weeks + week]! += units;
      pathHasOrder = true;
      ordersSoFar++;
      const lapses = rng() < lapseProbabilityWhileActive(prior, ordersSoFar - 1, input.lapseCovariates);
      const logInterval = lapses
        ? prior.returnLogMean + prior.returnLogSd * standardNormal(rng)
        : rhythm.mu + rhythm.sigma * standardNormal(rng);
      day += Math.max(1, Math.round(Math.exp(logInterval)));
    }
    if (pathHasOrder) anyOrder++;
  }
  for (let w = 0; w < weeks; w++) {
    expectedOrders[w]! /= paths;
    expectedUnits[w]! /= paths;
    probabilityOfOrder[w]! /= paths;
  }
  return { expectedOrders, expectedUnits, probabilityOfOrder, probabilityWithinHorizon: anyOrder / paths };
}
