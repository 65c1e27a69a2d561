/**
 * The analytic next-order prediction for one customer×product: when the next order comes,
 * as probabilities for each of the next weeks, with the chance the customer has stopped.
 *
 * Time: `asOfDay` is the first day of the forecast; history is every order before it. The
 * next interval X (whole days after the last order) is at least e = asOfDay − lastOrderDay,
 * because no order came on the days in between. Week k covers days
 * [asOfDay + 7(k−1), asOfDay + 7k). With continuity correction, P(X ≥ d) = S(d − ½) where S
 * is the survival function of the log-t predictive.
 */
import type { ChurnPrior } from './churn-model';
import { componentWeights, lapseProbability, returnSurvival } from './churn-model';
import type { IntervalPosterior, IntervalPrior, LogIntervalPredictive } from './interval-model';
import { intervalAtSurvival, intervalPosterior, intervalSurvival, logIntervalPredictive, logIntervalStats } from './interval-model';

export interface NextOrderPrediction {
  posterior: IntervalPosterior;
  predictive: LogIntervalPredictive;
  /** e = asOfDay − lastOrderDay (≥ 1). */
  daysSinceLastOrder: number;
  /** P(X ≥ e): had they kept their rhythm, the chance of no order yet. */
  survivalSoFar: number;
  /** 1 − survivalSoFar: the chance they would have ordered by now, were they still ordering. */
  overdueProbability: number;
  /** Posterior probability the customer still orders this product. */
  probabilityActive: number;
  /** P(the next order falls in week k), k = 1..weeks. Sums to probabilityWithinHorizon. */
  weekProbabilities: number[];
  probabilityWithinHorizon: number;
  /** Median day of the next order if still active, and its 10%–90% range (day numbers). */
  nextOrderDay: number;
  nextOrderDayLow: number;
  nextOrderDayHigh: number;
  /**
   * If they order within the horizon (whether in rhythm or back from a lapse), the median day
   * of that first order; null when an order within the horizon is impossible.
   */
  likelyOrderDay: number | null;
  /** exp(posterior mean log interval): the customer's typical interval, in days. */
  typicalIntervalDays: number;
}

export interface NextOrderInput {
  orderDays: readonly number[];
  asOfDay: number;
  horizonWeeks: number;
  intervalPrior: IntervalPrior;
  churnPrior: ChurnPrior;
  /** Lapse covariates (lapse-covariates.ts), aligned with churnPrior.covariateEffects. */
  lapseCovariates?: readonly number[];
}

/** Day offset after the last order at which the active customer's next-order survival is `fraction` of today's. */
function dayAtConditionalSurvival(predictive: LogIntervalPredictive, survivalSoFar: number, fraction: number, elapsed: number): number {
  const target = survivalSoFar * fraction;
  if (!(target > 0)) return elapsed;
  const x = intervalAtSurvival(predictive, target);
  // x is the continuous interval; the whole-day interval d satisfies d − ½ ≤ x < d + ½.
  return Math.max(elapsed, Math.round(x));
}

export function predictNextOrder(input: NextOrderInput): NextOrderPrediction {
  const { orderDays, asOfDay, horizonWeeks } = input;
  if (orderDays.length === 0) throw new Error('predictNextOrder needs at least one order');
  const lastOrderDay = orderDays[orderDays.length - 1]!;
  const elapsed = asOfDay - lastOrderDay;
  if (!(elapsed >= 1)) throw new Error(`the last order (day ${lastOrderDay}) is not before the as-of day ${asOfDay}`);
  const intervals: number[] = [];
  for (let i = 1; i < orderDays.length; i++) intervals.push(orderDays[i]! - orderDays[i - 1]!);
  const posterior = intervalPosterior(input.intervalPrior, logIntervalStats(intervals));
  const predictive = logIntervalPredictive(posterior);
  const survivalSoFar = intervalSurvival(predictive, elapsed - 0.5);
  const lapse = lapseProbability(input.churnPrior, orderDays.length, input.lapseCovariates);
  const [active] = componentWeights(input.churnPrior, orderDays.length, survivalSoFar, elapsed - 0.5, input.lapseCovariates);
  // Mixture survival of the next interval: in rhythm with 1 − π̄, after a lapse with π̄.
  const mixtureSurvival = (days: number) =>
    (1 - lapse) * intervalSurvival(predictive, days) + lapse * returnSurvival(input.churnPrior, days);
  const survivalNow = mixtureSurvival(elapsed - 0.5);

  const weekProbabilities: number[] = [];
  let previous = survivalNow;
  let within = 0;
  for (let week = 1; week <= horizonWeeks; week++) {
    const survivalAfterWeek = mixtureSurvival(elapsed + 7 * week - 0.5);
    const mass = survivalNow > 0 ? Math.max(0, previous - survivalAfterWeek) / survivalNow : 0;
    weekProbabilities.push(mass);
    within += mass;
    previous = survivalAfterWeek;
  }
  // Median day of the first order among futures where it falls within the horizon: find the
  // week where half of that mass is reached, then the day inside it.
  let likelyOrderDay: number | null = null;
  if (within > 0) {
    const half = within / 2;
    let cumulative = 0;
    let week = 0;
    while (week < horizonWeeks - 1 && cumulative + weekProbabilities[week]! < half) cumulative += weekProbabilities[week++]!;
    const weekStartSurvival = mixtureSurvival(elapsed + 7 * week - 0.5);
    likelyOrderDay = asOfDay + 7 * week + 6;
    for (let d = 0; d < 7; d++) {
      const mass = (weekStartSurvival - mixtureSurvival(elapsed + 7 * week + d + 0.5)) / survivalNow;
      if (cumulative + mass >= half) {
        likelyOrderDay = asOfDay + 7 * week + d;
        break;
      }
    }
  }
  return {
    posterior,
    predictive,
    daysSinceLastOrder: elapsed,
    survivalSoFar,
    overdueProbability: 1 - survivalSoFar,
    probabilityActive: active,
    weekProbabilities,
    probabilityWithinHorizon: Math.min(1, within),
    nextOrderDay: lastOrderDay + dayAtConditionalSurvival(predictive, survivalSoFar, 0.5, elapsed),
    nextOrderDayLow: lastOrderDay + dayAtConditionalSurvival(predictive, survivalSoFar, 0.9, elapsed),
    nextOrderDayHigh: lastOrderDay + dayAtConditionalSurvival(predictive, survivalSoFar, 0.1, elapsed),
    likelyOrderDay,
    typicalIntervalDays: Math.exp(posterior.mean),
  };
}
