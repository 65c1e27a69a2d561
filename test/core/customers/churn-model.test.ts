import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChurnCalibrationCase, ChurnPrior } from '../../../core/customers/churn-model';
import {
  calibrateChurnPrior,
  componentWeights,
  covariateShift,
  lapseProbability,
  lapseProbabilityWhileActive,
  probabilityActive,
  returnSurvival,
  windowOrderProbability,
} from '../../../core/customers/churn-model';
import { createRng } from '../../../core/customers/random';

const prior: ChurnPrior = { alpha: 1, beta: 9, returnLogMean: Math.log(200), returnLogSd: 1, covariateEffects: [], covariateCentres: [] };

describe('lapse probability', () => {
  it('is the Beta posterior mean α / (α + β + n − 1)', () => {
    expect(lapseProbability(prior, 1)).toBeCloseTo(0.1, 12);
    expect(lapseProbability(prior, 3)).toBeCloseTo(1 / 12, 12);
    expect(lapseProbabilityWhileActive(prior, 3)).toBeCloseTo(1 / 13, 12);
  });

  it('shifts on the logit scale with the covariates (hand-worked)', () => {
    const withCovariate: ChurnPrior = { ...prior, covariateEffects: [0.5], covariateCentres: [1] };
    expect(covariateShift(withCovariate, [3])).toBeCloseTo(1, 12);
    // logit(0.1) + 1 = −1.19722…; 1 / (1 + e^1.19722) = 0.23197…
    expect(lapseProbability(withCovariate, 1, [3])).toBeCloseTo(0.231969, 5);
    expect(lapseProbability(withCovariate, 1, [1])).toBeCloseTo(0.1, 12);
    expect(lapseProbability(withCovariate, 1)).toBeCloseTo(0.1, 12);
  });
});

describe('component weights', () => {
  it('hand-worked: π̄ = 0.1, S = 0.5, R = 0.5 → 90% in rhythm', () => {
    // At the return distribution's median, R = ½.
    // (The return survival uses a 1.2e-7-accurate erfc.)
    expect(returnSurvival(prior, 200)).toBeCloseTo(0.5, 6);
    const [rhythm, lapsed] = componentWeights(prior, 1, 0.5, 200);
    expect(rhythm).toBeCloseTo(0.9, 6);
    expect(lapsed).toBeCloseTo(0.1, 6);
  });

  it('a longer silence (smaller S) never makes the customer more likely in rhythm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 900, noNaN: true }), (n, s1, s2, gap) => {
        const [low, high] = s1 < s2 ? [s1, s2] : [s2, s1];
        const a = probabilityActive(prior, n, low, gap);
        const b = probabilityActive(prior, n, high, gap);
        expect(a).toBeLessThanOrEqual(b + 1e-12);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('more kept rhythms make the customer more likely in rhythm', () => {
    expect(probabilityActive(prior, 10, 0.3, 100)).toBeGreaterThan(probabilityActive(prior, 2, 0.3, 100));
  });
});

describe('calibrateChurnPrior', () => {
  /** Cases whose outcomes are drawn from a known mixture, with one covariate that matters. */
  function cases(truth: ChurnPrior, count: number, seed: number): ChurnCalibrationCase[] {
    const rng = createRng(seed);
    const out: ChurnCalibrationCase[] = [];
    for (let i = 0; i < count; i++) {
      const gapDays = 1 + rng() * 200;
      const atGap = 0.2 + 0.8 * rng();
      const c: ChurnCalibrationCase = {
        orderCount: 2 + Math.floor(rng() * 6),
        gapDays,
        windowDays: 84,
        rhythmSurvivalAtGap: atGap,
        rhythmSurvivalAtWindowEnd: atGap * rng() * 0.5,
        ordered: false,
        covariates: [rng() * 4],
      };
      c.ordered = rng() < windowOrderProbability(truth, c);
      out.push(c);
    }
    return out;
  }

  it('windowOrderProbability stays in [0, 1]', () => {
    for (const c of cases(prior, 200, 1)) {
      const p = windowOrderProbability(prior, c);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('matches the observed rate and recovers the sign and size of a covariate effect', () => {
    const truth: ChurnPrior = { alpha: 2, beta: 3, returnLogMean: Math.log(150), returnLogSd: 0.8, covariateEffects: [-1], covariateCentres: [2] };
    const data = cases(truth, 4000, 2);
    const fit = calibrateChurnPrior(data).prior;
    const observed = data.filter((c) => c.ordered).length / data.length;
    const predicted = data.reduce((s, c) => s + windowOrderProbability(fit, c), 0) / data.length;
    expect(Math.abs(predicted - observed)).toBeLessThan(0.01);
    expect(fit.covariateEffects[0]).toBeLessThan(-0.5);
    expect(fit.covariateEffects[0]).toBeGreaterThan(-1.6);
    expect(fit.covariateCentres[0]).toBeCloseTo(2, 1);
  });

  it('rejects cases with mismatched covariates and returns the anchor with no cases', () => {
    const data = cases(prior, 10, 3);
    data[0] = { ...data[0]!, covariates: [1, 2] };
    expect(() => calibrateChurnPrior(data)).toThrow(/same number/);
    expect(calibrateChurnPrior([], prior).prior).toEqual(prior);
  });
});
