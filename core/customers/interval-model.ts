/**
 * The interval model: the days between a customer's orders of a product are log-normal,
 * log(interval) ~ N(μ, σ²), with the conjugate Normal–Inverse-Gamma prior
 *   σ² ~ InvGamma(shape, scale),  μ | σ² ~ N(mean, σ² / strength)
 * (Gelman et al., Bayesian Data Analysis 3rd ed., §3.3; Murphy 2007, "Conjugate Bayesian
 * analysis of the Gaussian distribution", §6). The posterior predictive of the next log
 * interval is a Student-t, so a customer with one observed interval gets a wide, heavy-tailed
 * prediction centred near the pooled rhythm, and a customer with many regular intervals a
 * sharp one near their own.
 *
 * The prior's hyperparameters are estimated by maximising the marginal likelihood across
 * customers (empirical Bayes), see interval-prior.ts.
 */
import { logGamma, studentTCdf, studentTQuantile, studentTSurvival } from './special';

/** Normal–Inverse-Gamma parameters on the log-interval scale (log days). */
export interface IntervalPrior {
  /** Prior mean of μ (log days). */
  mean: number;
  /** κ: how many observations the prior mean is worth. */
  strength: number;
  /** α of the inverse-gamma on σ². */
  shape: number;
  /** β of the inverse-gamma on σ². */
  scale: number;
}

/** A posterior has the same form as the prior. */
export type IntervalPosterior = IntervalPrior;

/** Sufficient statistics of one customer's log intervals. */
export interface LogIntervalStats {
  /** Number of intervals (orders − 1). */
  count: number;
  /** Mean of log(interval days); 0 when count is 0. */
  meanLog: number;
  /** Σ (log interval − meanLog)². */
  sumSquares: number;
}

/** The Student-t posterior predictive of the next log interval. */
export interface LogIntervalPredictive {
  location: number;
  scale: number;
  degreesOfFreedom: number;
}

export function logIntervalStats(intervalDays: ArrayLike<number>): LogIntervalStats {
  const count = intervalDays.length;
  if (count === 0) return { count: 0, meanLog: 0, sumSquares: 0 };
  let sum = 0;
  for (let i = 0; i < count; i++) sum += Math.log(intervalDays[i]!);
  const meanLog = sum / count;
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    const d = Math.log(intervalDays[i]!) - meanLog;
    sumSquares += d * d;
  }
  return { count, meanLog, sumSquares };
}

/** Conjugate update (BDA3 eq. 3.7 in the (κ, α, β) parameterisation). */
export function intervalPosterior(prior: IntervalPrior, stats: LogIntervalStats): IntervalPosterior {
  const n = stats.count;
  if (n === 0) return { ...prior };
  const strength = prior.strength + n;
  const mean = (prior.strength * prior.mean + n * stats.meanLog) / strength;
  const shape = prior.shape + n / 2;
  const deviation = stats.meanLog - prior.mean;
  const scale = prior.scale + stats.sumSquares / 2 + (prior.strength * n * deviation * deviation) / (2 * strength);
  return { mean, strength, shape, scale };
}

/**
 * log p(y₁..yₙ) under the prior with μ and σ² integrated out (Murphy 2007, eq. 95):
 * Γ(αₙ)/Γ(α₀) · β₀^α₀ / βₙ^αₙ · (κ₀/κₙ)^½ · (2π)^(−n/2).
 */
export function logMarginalLikelihood(prior: IntervalPrior, stats: LogIntervalStats): number {
  if (stats.count === 0) return 0;
  const post = intervalPosterior(prior, stats);
  return (
    logGamma(post.shape) - logGamma(prior.shape) +
    prior.shape * Math.log(prior.scale) - post.shape * Math.log(post.scale) +
    0.5 * Math.log(prior.strength / post.strength) -
    (stats.count / 2) * Math.log(2 * Math.PI)
  );
}

/**
 * Σ logMarginalLikelihood over many histories, computing the Γ terms once per distinct
 * interval count (they depend on the count only): the hot loop of the empirical-Bayes fit.
 */
export function sumLogMarginalLikelihood(prior: IntervalPrior, stats: readonly LogIntervalStats[]): number {
  const gammaTerm = new Map<number, number>();
  const base = logGamma(prior.shape);
  const logScale = Math.log(prior.scale);
  let total = 0;
  for (const s of stats) {
    const n = s.count;
    if (n === 0) continue;
    let g = gammaTerm.get(n);
    if (g === undefined) {
      g = logGamma(prior.shape + n / 2) - base;
      gammaTerm.set(n, g);
    }
    const strength = prior.strength + n;
    const deviation = s.meanLog - prior.mean;
    const scale = prior.scale + s.sumSquares / 2 + (prior.strength * n * deviation * deviation) / (2 * strength);
    total += g + prior.shape * logScale - (prior.shape + n / 2) * Math.log(scale) + 0.5 * Math.log(prior.strength / strength) - (n / 2) * Math.log(2 * Math.PI);
  }
  return total;
}

/** Student-t predictive: t_{2α}(mean, β(κ+1)/(ακ)) (Murphy 2007, eq. 100). */
export function logIntervalPredictive(post: IntervalPosterior): LogIntervalPredictive {
  return {
    location: post.mean,
    scale: Math.sqrt((post.scale * (post.strength + 1)) / (post.shape * post.strength)),
    degreesOfFreedom: 2 * post.shape,
  };
}

/**
 * P(interval ≤ days) under the predictive, for a real number of days > 0. Intervals are whole
 * days; callers pass d + ½ for "at most d days" (continuity correction).
 */
export function intervalCdf(predictive: LogIntervalPredictive, days: number): number {
  if (days <= 0) return 0;
  return studentTCdf((Math.log(days) - predictive.location) / predictive.scale, predictive.degreesOfFreedom);
}

/** P(interval > days), accurate in the far tail. */
export function intervalSurvival(predictive: LogIntervalPredictive, days: number): number {
  if (days <= 0) return 1;
  return studentTSurvival((Math.log(days) - predictive.location) / predictive.scale, predictive.degreesOfFreedom);
}

/** The interval (days, continuous) with P(interval > x) = survivalProbability. */
export function intervalAtSurvival(predictive: LogIntervalPredictive, survivalProbability: number): number {
  const z = -studentTQuantile(survivalProbability, predictive.degreesOfFreedom);
  return Math.exp(predictive.location + predictive.scale * z);
}
