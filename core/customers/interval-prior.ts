/**
 * Empirical-Bayes estimation of the interval prior (interval-model.ts).
 *
 * Shop level: the Normal–Inverse-Gamma hyperparameters maximise the summed marginal
 * likelihood of every customer×product history in the shop (type-II maximum likelihood).
 * Product level: the same, plus a Gaussian hyperprior on the transformed hyperparameters
 * centred on the shop's estimate, so a product with few customers stays near the shop's
 * rhythm and one with many customers finds its own (a MAP estimate of a three-level model:
 * shop → product → customer).
 */
import type { IntervalPrior, LogIntervalStats } from './interval-model';
import { sumLogMarginalLikelihood } from './interval-model';
import { nelderMead } from './optimize';

/** Weakly informative fallback when nothing has two intervals: about a month, wide. */
export const DEFAULT_INTERVAL_PRIOR: IntervalPrior = { mean: Math.log(30), strength: 0.5, shape: 2, scale: 1 };

/**
 * How far (in standard deviations of the transformed parameters) a product's hyperparameters
 * may drift from the shop's: [mean log interval, log strength, log(shape − 1), log prior σ²].
 */
export const PRODUCT_HYPERPRIOR_SD = [0.25, 0.5, 0.5, 0.25] as const;

/** Vague hyperprior used even at shop level, to keep the optimum finite on odd data. */
const VAGUE_HYPERPRIOR_SD = [5, 4, 4, 4] as const;

const LIMIT = 8; // |log strength|, |log(shape − 1)|, |log σ²| stay within e^±8.

function toTransformed(prior: IntervalPrior): number[] {
  const shapeExcess = Math.max(prior.shape - 1, 1e-3);
  return [prior.mean, Math.log(prior.strength), Math.log(shapeExcess), Math.log(prior.scale / shapeExcess)];
}

function fromTransformed(theta: number[]): IntervalPrior {
  const clamp = (v: number) => Math.max(-LIMIT, Math.min(LIMIT, v));
  const shapeExcess = Math.exp(clamp(theta[2]!));
  const priorVariance = Math.exp(clamp(theta[3]!));
  return {
    mean: theta[0]!,
    strength: Math.exp(clamp(theta[1]!)),
    shape: 1 + shapeExcess,
    scale: priorVariance * shapeExcess,
  };
}

/** Moment-based starting point: pooled within-customer variance and between-customer spread. */
export function momentStart(stats: readonly LogIntervalStats[]): IntervalPrior {
  let weight = 0;
  let weightedMean = 0;
  let withinSquares = 0;
  let withinDegrees = 0;
  for (const s of stats) {
    if (s.count === 0) continue;
    weight += s.count;
    weightedMean += s.count * s.meanLog;
    withinSquares += s.sumSquares;
    withinDegrees += s.count - 1;
  }
  if (weight === 0) return { ...DEFAULT_INTERVAL_PRIOR };
  const mean = weightedMean / weight;
  let between = 0;
  let customers = 0;
  for (const s of stats) {
    if (s.count === 0) continue;
    between += (s.meanLog - mean) ** 2;
    customers++;
  }
  between /= Math.max(1, customers);
  const within = withinDegrees > 0 ? withinSquares / withinDegrees : Math.max(between / 2, 0.1);
  const spreadOfMeans = Math.max(between - within / 2, 0.05 * within, 1e-3);
  return { mean, strength: Math.min(Math.max(within / spreadOfMeans, 0.05), 50), shape: 3, scale: 2 * Math.max(within, 1e-2) };
}

export interface IntervalPriorFit {
  prior: IntervalPrior;
  /** Number of customer histories (with at least one interval) used. */
  histories: number;
  logLikelihood: number;
}

/**
 * Fits the hyperparameters to the histories. With `anchor`, a product-level MAP fit pulled
 * towards the anchor (the shop's prior); without, the shop-level fit.
 */
export function fitIntervalPrior(stats: readonly LogIntervalStats[], anchor?: IntervalPrior): IntervalPriorFit {
  const used = stats.filter((s) => s.count > 0 && Number.isFinite(s.meanLog) && Number.isFinite(s.sumSquares));
  if (used.length === 0) return { prior: anchor ? { ...anchor } : { ...DEFAULT_INTERVAL_PRIOR }, histories: 0, logLikelihood: 0 };
  const start = anchor ?? momentStart(used);
  const centre = toTransformed(anchor ?? start);
  const sds = anchor ? PRODUCT_HYPERPRIOR_SD : VAGUE_HYPERPRIOR_SD;
  const negativeLogPosterior = (theta: number[]): number => {
    const prior = fromTransformed(theta);
    let total = sumLogMarginalLikelihood(prior, used);
    for (let i = 0; i < 4; i++) total -= 0.5 * ((theta[i]! - centre[i]!) / sds[i]!) ** 2;
    return -total;
  };
  const result = nelderMead(negativeLogPosterior, toTransformed(start), { step: [0.3, 0.5, 0.5, 0.5], maxEvaluations: 600, tolerance: 1e-9 });
  const prior = fromTransformed(result.x);
  return { prior, histories: used.length, logLikelihood: sumLogMarginalLikelihood(prior, used) };
}
