import { countNormalScoreCovariance, spreadCountQuantiles } from './kernels/counts';
import { sortedQuantile } from './kernels/stats';
import { pinballLoss } from './metrics';
import { NORMAL_Z } from './models/common';
import { QUANTILE_LEVELS } from './types';

/**
 * Calibration of forecast distributions from backtest errors pooled over the series of a
 * run (an empirical, split-conformal-style correction: Vovk et al. 2005; Stankeviciute et
 * al. 2021 for multi-step forecasts).
 *
 * Continuous series: each model gives a mean and a standard deviation per step; the errors
 * standardised by that sd, u = (actual - mean) / sd, are pooled per horizon step and their
 * empirical quantiles replace the normal z-scores, so widths and skew are what the
 * backtests showed. Few samples shrink toward the normal.
 *
 * Count series: negative binomial with the model mean and variance c * sd^2 (at least the
 * mean), with one multiplier c per run chosen to minimise the pooled pinball loss.
 */

export interface ContinuousCalibration {
  kind: 'continuous';
  /** Per horizon step, the standardised quantiles at QUANTILE_LEVELS. */
  z: Float64Array[];
  samples: number;
}

export interface CountCalibration {
  kind: 'count';
  varianceMultiplier: number;
  /**
   * Quantile levels actually used, per QUANTILE_LEVELS entry: 0.5 + (level - 0.5) * s with
   * s <= 1 chosen so that the backtest 80% intervals hold about 80% of outcomes (see fit()).
   */
  levels: Float64Array;
  /**
   * Correlation of the latent normal scores of one path's steps (a Gaussian copula over the
   * negative binomial marginals), chosen so that the variance of path sums matches the
   * squared errors of the backtest windows' sums (see sumCorrelation). 0 when the run asked
   * for no sample paths: nothing else reads it, and it is the costliest part of the fit.
   */
  pathCorrelation: number;
  samples: number;
}

export type Calibration = ContinuousCalibration | CountCalibration;

/** Pseudo-count of the normal prior in the per-step quantile estimates. */
const PRIOR_WEIGHT = 40;

/** Collects standardised backtest errors per horizon step. */
export class StandardisedErrors {
  private readonly values: number[][];
  constructor(readonly horizon: number) {
    this.values = Array.from({ length: horizon }, () => []);
  }
  add(step: number, actual: number, mean: number, sd: number): void {
    if (!(sd > 0) || !Number.isFinite(actual) || !Number.isFinite(mean)) return;
    this.values[step]!.push((actual - mean) / sd);
  }
  fit(): ContinuousCalibration {
    const h = this.horizon;
    const raw: Float64Array[] = [];
    const counts: number[] = [];
    let total = 0;
    for (let step = 0; step < h; step++) {
      const sorted = Float64Array.from(this.values[step]!).sort();
      counts.push(sorted.length);
      total += sorted.length;
      raw.push(Float64Array.from(QUANTILE_LEVELS, (p) => (sorted.length > 0 ? sortedQuantile(sorted, p) : 0)));
    }
    const z: Float64Array[] = [];
    for (let step = 0; step < h; step++) {
      // Neighbouring steps share information: average over a window of three steps.
      const out = new Float64Array(QUANTILE_LEVELS.length);
      for (let k = 0; k < QUANTILE_LEVELS.length; k++) {
        let weighted = 0;
        let weight = 0;
        for (let j = Math.max(0, step - 1); j <= Math.min(h - 1, step + 1); j++) {
          weighted += raw[j]![k]! * counts[j]!;
          weight += counts[j]!;
        }
        const empirical = weight > 0 ? weighted / weight : 0;
        out[k] = (weight * empirical + PRIOR_WEIGHT * NORMAL_Z[k]!) / (weight + PRIOR_WEIGHT);
      }
      out.sort();
      z.push(out);
    }
    return { kind: 'continuous', z, samples: total };
  }
}

/** Default calibration when no backtest errors exist: normal quantiles. */
export function normalCalibration(horizon: number): ContinuousCalibration {
  return { kind: 'continuous', z: Array.from({ length: horizon }, () => Float64Array.from(NORMAL_Z)), samples: 0 };
}

export function continuousQuantiles(mean: Float64Array, sd: Float64Array, calibration: ContinuousCalibration, allowNegative: boolean): Float64Array[] {
  const h = mean.length;
  const quantiles = QUANTILE_LEVELS.map(() => new Float64Array(h));
  for (let i = 0; i < h; i++) {
    const z = calibration.z[Math.min(i, calibration.z.length - 1)]!;
    for (let k = 0; k < quantiles.length; k++) {
      const v = mean[i]! + z[k]! * sd[i]!;
      quantiles[k]![i] = allowNegative ? v : Math.max(0, v);
    }
  }
  return quantiles;
}

const COUNT_LEVELS = new Float64Array(QUANTILE_LEVELS);
/** Variance multipliers the count calibration chooses from. */
export const COUNT_VARIANCE_MULTIPLIERS: readonly number[] = [0.25, 0.35, 0.5, 0.7, 1, 1.4, 2, 2.8, 4];
/** Scales s of the count quantile levels (0.5 + (level - 0.5) * s), widest first. */
export const COUNT_LEVEL_SCALES: readonly number[] = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6];
const MAX_COUNT_POINTS = 8_000;
/** Backtest coverage of the 80% interval the count calibration aims at (within the 75-85% band). */
export const COUNT_COVERAGE_TARGET = 0.8;
/** Upper bound of the path correlation: sums never behave as one draw repeated. */
const MAX_PATH_CORRELATION = 0.9;
/** Backtest windows used for the path correlation (an even subsample beyond this). */
const MAX_COUNT_WINDOWS = 4_000;

function scaledLevels(scale: number): Float64Array {
  // Scale 1 gives the nominal levels exactly (0.5 + (0.05 - 0.5) is 0.04999999999999999).
  if (scale === 1) return Float64Array.from(COUNT_LEVELS);
  return Float64Array.from(QUANTILE_LEVELS, (p) => 0.5 + (p - 0.5) * scale);
}

export function countQuantilesAt(mean: number, sd: number, multiplier: number, out: Float64Array, levels: Float64Array = COUNT_LEVELS): void {
  spreadCountQuantiles(Math.max(0, mean), Math.max(mean, multiplier * sd * sd), levels, out);
}

/** Collects (mean, sd, actual, scale) backtest points of count series. */
export class CountErrors {
  private readonly means: number[] = [];
  private readonly sds: number[] = [];
  private readonly actuals: number[] = [];
  private readonly weights: number[] = [];
  private readonly windows: { actual: Float64Array; mean: Float64Array; sd: Float64Array }[] = [];
  /** One backtest window (consecutive steps from one origin), for the dependence of path sums. */
  addWindow(actual: ArrayLike<number>, mean: ArrayLike<number>, sd: ArrayLike<number>): void {
    if (actual.length < 2) return;
    this.windows.push({ actual: Float64Array.from(actual), mean: Float64Array.from(mean), sd: Float64Array.from(sd) });
  }
  add(actual: number, mean: number, sd: number, scale: number): void {
    if (!Number.isFinite(actual) || !Number.isFinite(mean)) return;
    this.means.push(mean);
    this.sds.push(sd);
    this.actuals.push(actual);
    this.weights.push(scale > 0 && Number.isFinite(scale) ? 1 / scale : 1);
  }
  /**
   * Because the lower quantiles of mostly-zero items sit on zero and every zero outcome
   * falls inside the interval, honest count intervals cover more than their nominal share;
   * the levels are pulled toward the median (never widened) until the pooled backtest 80%
   * interval holds about COUNT_COVERAGE_TARGET of the outcomes: the narrowest COUNT_LEVEL_SCALES
   * entry still at or above it (1 when even that holds less). Narrowing and the variance
   * multiplier both move the quantiles, so they are chosen together: for every multiplier
   * its narrowed levels, and of these pairs the one with the lowest pooled pinball loss
   * (choosing the multiplier at the nominal levels first and narrowing after gave
   * intervals that were needlessly wide, then cut by lower upper quantiles).
   */
  fit(withPathCorrelation = true): CountCalibration {
    const total = this.means.length;
    if (total === 0) return { kind: 'count', varianceMultiplier: 1, levels: Float64Array.from(COUNT_LEVELS), pathCorrelation: 0, samples: 0 };
    // Two scalars are estimated: an even subsample of at most MAX_COUNT_POINTS points is plenty.
    this.subsample(MAX_COUNT_POINTS);
    const n = this.means.length;
    const q = new Float64Array(QUANTILE_LEVELS.length);
    // Consecutive points (steps of one backtest window) often share mean and sd, e.g. under a
    // flat forecast: q then still holds their quantiles.
    const repeats = (j: number) => j > 0 && this.means[j] === this.means[j - 1] && this.sds[j] === this.sds[j - 1];
    // The pooled pinball loss and the share of outcomes inside the 80% interval, in one pass.
    const evaluate = (multiplier: number, levels: Float64Array) => {
      let loss = 0;
      let covered = 0;
      for (let j = 0; j < n; j++) {
        if (!repeats(j)) countQuantilesAt(this.means[j]!, this.sds[j]!, multiplier, q, levels);
        let l = 0;
        for (let k = 0; k < QUANTILE_LEVELS.length; k++) l += pinballLoss(this.actuals[j]!, q[k]!, QUANTILE_LEVELS[k]!);
        loss += l * this.weights[j]!;
        if (this.actuals[j]! >= q[1]! && this.actuals[j]! <= q[5]!) covered++;
      }
      return { loss, coverage: covered / n };
    };
    let best = 1;
    let levels: Float64Array = Float64Array.from(COUNT_LEVELS);
    let bestLoss = Infinity;
    for (const multiplier of COUNT_VARIANCE_MULTIPLIERS) {
      // Coverage falls as the levels narrow: walk the scales until it drops below the target.
      let narrowed: { levels: Float64Array; loss: number } | undefined;
      for (const scale of COUNT_LEVEL_SCALES) {
        const candidate = scaledLevels(scale);
        const { loss, coverage } = evaluate(multiplier, candidate);
        if (coverage < COUNT_COVERAGE_TARGET && narrowed) break;
        narrowed = { levels: candidate, loss };
        if (coverage < COUNT_COVERAGE_TARGET) break;
      }
      if (narrowed && narrowed.loss < bestLoss) {
        bestLoss = narrowed.loss;
        best = multiplier;
        levels = narrowed.levels;
      }
    }
    return { kind: 'count', varianceMultiplier: best, levels, pathCorrelation: withPathCorrelation ? this.sumCorrelation(best) : 0, samples: total };
  }

  /**
   * The correlation rho of the normal scores of one path's steps (equicorrelated, a Gaussian
   * copula over the per-step negative binomials) that makes the variance of window sums match
   * the backtest. With a_i = Cov(Z_i, X_i) (countNormalScoreCovariance) a window sum has
   * variance V + rho * A to first order, V = sum_i v_i, A = sum_{i != j} a_i a_j; the moment
   * estimate over the windows, each standardised by V so that high-volume series do not
   * dominate, is rho = sum (S^2 / V - 1) / sum (A / V) with S the window's summed error.
   * Clipped to [0, MAX_PATH_CORRELATION].
   */
  private sumCorrelation(multiplier: number): number {
    let numerator = 0;
    let denominator = 0;
    const step = Math.max(1, Math.ceil(this.windows.length / MAX_COUNT_WINDOWS));
    // Steps of a window often repeat the previous step's mean and variance (flat forecasts).
    let lastMean = NaN;
    let lastVariance = NaN;
    let lastA = 0;
    for (let w = 0; w < this.windows.length; w += step) {
      const window = this.windows[w]!;
      let error = 0;
      let variance = 0;
      let aSum = 0;
      let aSquares = 0;
      for (let i = 0; i < window.actual.length; i++) {
        const mean = Math.max(0, window.mean[i]!);
        const v = Math.max(mean, multiplier * window.sd[i]! * window.sd[i]!);
        if (mean !== lastMean || v !== lastVariance) {
          lastA = countNormalScoreCovariance(mean, v);
          lastMean = mean;
          lastVariance = v;
        }
        const a = lastA;
        error += window.actual[i]! - mean;
        variance += v;
        aSum += a;
        aSquares += a * a;
      }
      if (!(variance > 0) || !Number.isFinite(error)) continue;
      numerator += (error * error) / variance - 1;
      denominator += (aSum * aSum - aSquares) / variance;
    }
    if (!(denominator > 0)) return 0;
    return Math.min(MAX_PATH_CORRELATION, Math.max(0, numerator / denominator));
  }

  private subsample(limit: number): void {
    const n = this.means.length;
    if (n <= limit) return;
    const keep = (arr: number[]) => Array.from({ length: limit }, (_, i) => arr[Math.floor((i * n) / limit)]!);
    const [means, sds, actuals, weights] = [keep(this.means), keep(this.sds), keep(this.actuals), keep(this.weights)];
    this.means.splice(0, n, ...means);
    this.sds.splice(0, n, ...sds);
    this.actuals.splice(0, n, ...actuals);
    this.weights.splice(0, n, ...weights);
  }
}

export function countQuantileArrays(mean: Float64Array, sd: Float64Array, calibration: CountCalibration): Float64Array[] {
  const h = mean.length;
  const quantiles = QUANTILE_LEVELS.map(() => new Float64Array(h));
  const q = new Float64Array(QUANTILE_LEVELS.length);
  for (let i = 0; i < h; i++) {
    // A step with the previous step's mean and sd (flat forecasts) has its quantiles already in q.
    if (i === 0 || mean[i] !== mean[i - 1] || sd[i] !== sd[i - 1]) countQuantilesAt(mean[i]!, sd[i]!, calibration.varianceMultiplier, q, calibration.levels);
    for (let k = 0; k < q.length; k++) quantiles[k]![i] = q[k]!;
  }
  return quantiles;
}
