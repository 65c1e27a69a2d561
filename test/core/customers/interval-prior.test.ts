import { describe, expect, it } from 'vitest';
import type { IntervalPrior, LogIntervalStats } from '../../../core/customers/interval-model';
import { logIntervalStats, logMarginalLikelihood } from '../../../core/customers/interval-model';
import { DEFAULT_INTERVAL_PRIOR, fitIntervalPrior, momentStart } from '../../../core/customers/interval-prior';
import { createRng, gammaSample, standardNormal } from '../../../core/customers/random';

/** Customers drawn from the model itself with known hyperparameters. */
function simulateCustomers(truth: IntervalPrior, customers: number, seed: number): LogIntervalStats[] {
  const rng = createRng(seed);
  const out: LogIntervalStats[] = [];
  for (let c = 0; c < customers; c++) {
    const variance = truth.scale / gammaSample(rng, truth.shape);
    const mu = truth.mean + Math.sqrt(variance / truth.strength) * standardNormal(rng);
    const n = 1 + Math.floor(rng() * 8);
    out.push(logIntervalStats(Array.from({ length: n }, () => Math.exp(mu + Math.sqrt(variance) * standardNormal(rng)))));
  }
  return out;
}

const truth: IntervalPrior = { mean: Math.log(20), strength: 2, shape: 5, scale: 2 };
const priorVariance = (p: IntervalPrior) => p.scale / (p.shape - 1);

describe('fitIntervalPrior (empirical Bayes)', () => {
  it('recovers the hyperparameters customers were drawn from', () => {
    const fit = fitIntervalPrior(simulateCustomers(truth, 1500, 5));
    expect(fit.histories).toBe(1500);
    expect(fit.prior.mean).toBeCloseTo(truth.mean, 1);
    expect(priorVariance(fit.prior)).toBeGreaterThan(0.8 * priorVariance(truth));
    expect(priorVariance(fit.prior)).toBeLessThan(1.25 * priorVariance(truth));
    // Spread of customer means around the shop mean: σ²/κ.
    const between = priorVariance(fit.prior) / fit.prior.strength;
    expect(between).toBeGreaterThan(0.5 * (priorVariance(truth) / truth.strength));
    expect(between).toBeLessThan(2 * (priorVariance(truth) / truth.strength));
  });

  it('fits better than its moment-based starting point', () => {
    const stats = simulateCustomers(truth, 300, 9);
    const fit = fitIntervalPrior(stats);
    const start = momentStart(stats);
    const startLikelihood = stats.reduce((s, st) => s + logMarginalLikelihood(start, st), 0);
    expect(fit.logLikelihood).toBeGreaterThan(startLikelihood);
  });

  it('a product with few customers stays near the shop; one with many finds its own rhythm', () => {
    const shop: IntervalPrior = { mean: Math.log(30), strength: 1, shape: 3, scale: 1 };
    const weekly: IntervalPrior = { mean: Math.log(7), strength: 2, shape: 5, scale: 1 };
    const few = fitIntervalPrior(simulateCustomers(weekly, 3, 1), shop).prior;
    const many = fitIntervalPrior(simulateCustomers(weekly, 400, 2), shop).prior;
    expect(Math.abs(few.mean - shop.mean)).toBeLessThan(Math.abs(few.mean - weekly.mean));
    expect(Math.abs(many.mean - weekly.mean)).toBeLessThan(0.15);
  });

  it('falls back to the default or the anchor with no usable history', () => {
    expect(fitIntervalPrior([]).prior).toEqual(DEFAULT_INTERVAL_PRIOR);
    const anchor: IntervalPrior = { mean: 3, strength: 1, shape: 2, scale: 1 };
    expect(fitIntervalPrior([{ count: 0, meanLog: 0, sumSquares: 0 }], anchor).prior).toEqual(anchor);
  });

  it('stays finite when every customer has the identical rhythm', () => {
    const stats = Array.from({ length: 50 }, () => logIntervalStats([7, 7, 7]));
    const fit = fitIntervalPrior(stats).prior;
    for (const v of Object.values(fit)) expect(Number.isFinite(v)).toBe(true);
    expect(fit.mean).toBeCloseTo(Math.log(7), 2);
  });
});
