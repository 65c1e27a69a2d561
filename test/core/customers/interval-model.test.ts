import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntervalPrior } from '../../../core/customers/interval-model';
import {
  intervalAtSurvival,
  intervalCdf,
  intervalPosterior,
  intervalSurvival,
  logIntervalPredictive,
  logIntervalStats,
  logMarginalLikelihood,
  sumLogMarginalLikelihood,
} from '../../../core/customers/interval-model';
import { logGamma } from '../../../core/customers/special';

const prior: IntervalPrior = { mean: 2, strength: 1, shape: 2, scale: 1 };

function logStudentDensity(y: number, location: number, scale: number, nu: number): number {
  const z = (y - location) / scale;
  return logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(scale) - ((nu + 1) / 2) * Math.log1p((z * z) / nu);
}

describe('NIG posterior on log intervals', () => {
  it('matches the hand-worked update for log intervals 2 and 4', () => {
    // n = 2, ȳ = 3, SS = 2; κ = 1 + 2 = 3, m = (1·2 + 2·3)/3 = 8/3, α = 2 + 1 = 3,
    // β = 1 + 2/2 + (1·2·(3 − 2)²)/(2·3) = 7/3.
    const stats = logIntervalStats([Math.exp(2), Math.exp(4)]);
    expect(stats.count).toBe(2);
    expect(stats.meanLog).toBeCloseTo(3, 12);
    expect(stats.sumSquares).toBeCloseTo(2, 12);
    const post = intervalPosterior(prior, stats);
    expect(post.strength).toBe(3);
    expect(post.mean).toBeCloseTo(8 / 3, 12);
    expect(post.shape).toBe(3);
    expect(post.scale).toBeCloseTo(7 / 3, 12);
    // Predictive: t with 2α = 6 dof, scale² = β(κ+1)/(ακ) = (7/3)·4/9 = 28/27.
    const predictive = logIntervalPredictive(post);
    expect(predictive.degreesOfFreedom).toBe(6);
    expect(predictive.scale).toBeCloseTo(Math.sqrt(28 / 27), 12);
    expect(predictive.location).toBeCloseTo(8 / 3, 12);
  });

  it('leaves the prior unchanged with no intervals', () => {
    expect(intervalPosterior(prior, logIntervalStats([]))).toEqual(prior);
    expect(logMarginalLikelihood(prior, logIntervalStats([]))).toBe(0);
  });

  it('marginal likelihood = product of sequential predictive densities (chain rule)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 400, noNaN: true }), { minLength: 1, maxLength: 8 }), (intervals) => {
        let chain = 0;
        for (let i = 0; i < intervals.length; i++) {
          const predictive = logIntervalPredictive(intervalPosterior(prior, logIntervalStats(intervals.slice(0, i))));
          chain += logStudentDensity(Math.log(intervals[i]!), predictive.location, predictive.scale, predictive.degreesOfFreedom);
        }
        expect(logMarginalLikelihood(prior, logIntervalStats(intervals))).toBeCloseTo(chain, 8);
      }),
    );
  });

  it('the summed marginal likelihood equals the sum of the individual ones', () => {
    const stats = [[3, 4], [10], [7, 7, 8], [], [30, 2, 90]].map((d) => logIntervalStats(d));
    const single = stats.reduce((s, st) => s + logMarginalLikelihood(prior, st), 0);
    expect(sumLogMarginalLikelihood(prior, stats)).toBeCloseTo(single, 10);
  });

  it('more regular intervals give a sharper predictive than irregular ones with the same mean', () => {
    const regular = logIntervalPredictive(intervalPosterior(prior, logIntervalStats([14, 14, 14, 14, 14, 14])));
    const irregular = logIntervalPredictive(intervalPosterior(prior, logIntervalStats([4, 30, 8, 25, 6, 28])));
    expect(regular.scale).toBeLessThan(0.75 * irregular.scale);
  });

  it('each further on-rhythm order sharpens the predictive', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 90, noNaN: true }), fc.integer({ min: 1, max: 20 }), (days, n) => {
        const before = logIntervalPredictive(intervalPosterior(prior, logIntervalStats(new Array<number>(n).fill(days))));
        const after = logIntervalPredictive(intervalPosterior(prior, logIntervalStats(new Array<number>(n + 1).fill(days))));
        expect(after.scale).toBeLessThan(before.scale);
      }),
    );
  });

  it('cdf and survival add to 1, are monotone, and invert through intervalAtSurvival', () => {
    const predictive = logIntervalPredictive(intervalPosterior(prior, logIntervalStats([7, 9, 8])));
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (days, more) => {
        expect(intervalCdf(predictive, days) + intervalSurvival(predictive, days)).toBeCloseTo(1, 12);
        // Monotone up to rounding: a step of a few ulps (CI drew days + 4e-17) may round the cdf down by one.
        expect(intervalCdf(predictive, days + more)).toBeGreaterThanOrEqual(intervalCdf(predictive, days) * (1 - 1e-12));
      }),
    );
    for (const s of [0.9, 0.5, 0.1]) expect(intervalSurvival(predictive, intervalAtSurvival(predictive, s))).toBeCloseTo(s, 9);
  });
});
