import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitEts, multiStepSesLoss, prefixSums } from '../../../../core/forecast/kernels/ets';
import { smoothingLossHorizon, SMOOTHING_LOSS_HORIZON } from '../../../../core/forecast/models/common';
import { theta } from '../../../../core/forecast/models/theta';
import { reference, series } from '../reference';

/** Direct evaluation: mean squared 1..h-step error of SES with initial level l0, no closed form. */
function directLoss(z: Float64Array, alpha: number, h: number, l0: number): number {
  let level = l0;
  let total = 0;
  let count = 0;
  for (let t = 0; t < z.length; t++) {
    for (let j = t; j < Math.min(z.length, t + h); j++) {
      total += (z[j]! - level) ** 2;
      count++;
    }
    level += alpha * (z[t]! - level);
  }
  return total / count;
}

/** One-step sum of squares of SES from level0 over y (the fit's sse). */
function oneStepSse(y: Float64Array, alpha: number, level0: number): number {
  let level = level0;
  let sse = 0;
  for (const v of y) {
    sse += (v - level) ** 2;
    level += alpha * (v - level);
  }
  return sse;
}

const scratch = () => ({ sse: 0, level0: 0, slope0: 0 });

describe('multi-step loss of simple exponential smoothing', () => {
  it('hand-worked: z = 1, 3, 2, 4, alpha 1, two steps', () => {
    // alpha = 1: the level before z[t] is l0 for t = 0, else z[t - 1].
    // t = 0: (1 - l0)^2 + (3 - l0)^2, least at l0 = 2: 1 + 1 = 2
    // t = 1: level 1: (3 - 1)^2 + (2 - 1)^2 = 5;  t = 2: level 3: 1 + 1 = 2;  t = 3: level 2: (4 - 2)^2 = 4
    // 13 over 7 squared errors.
    const z = Float64Array.from([1, 3, 2, 4]);
    const out = scratch();
    expect(multiStepSesLoss(z, 4, 1, 2, prefixSums(z, 4), out)).toBeCloseTo(13 / 7, 12);
    expect(out.level0).toBeCloseTo(2, 12);
  });

  it('a constant series is forecast without error from its own level, whatever alpha', () => {
    const z = Float64Array.from([5, 5, 5, 5, 5, 5]);
    const out = scratch();
    expect(multiStepSesLoss(z, 6, 0.3, 3, prefixSums(z, 6), out)).toBeCloseTo(0, 12);
    expect(out.level0).toBeCloseTo(5, 12);
  });

  it('property: the closed form equals the direct evaluation at its initial level, and no other initial level does better', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (values, alpha, h, shift) => {
          const z = Float64Array.from(values);
          const out = scratch();
          const loss = multiStepSesLoss(z, z.length, alpha, h, prefixSums(z, z.length), out);
          const direct = directLoss(z, alpha, h, out.level0);
          expect(Math.abs(loss - direct)).toBeLessThan(1e-8 * (1 + direct));
          expect(directLoss(z, alpha, h, out.level0 + shift)).toBeGreaterThanOrEqual(direct - 1e-8 * (1 + direct));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fitEts with a loss horizon', () => {
  const weekly = series(reference.inputs.weekly);

  it('chooses alpha by the multi-step loss and keeps the one-step least-squares level and sse at that alpha', () => {
    const fit = fitEts(weekly, 0, weekly.length, 'none', { lossHorizon: 2 });
    // The loss is minimised over the initial level, so shifting and scaling the series (fitEts
    // standardises it) only multiplies it by a constant: the fitted alpha beats a grid on y itself.
    const z = weekly;
    const sums = prefixSums(z, z.length);
    const at = (a: number) => multiStepSesLoss(z, z.length, a, 2, sums, scratch());
    const best = at(fit.alpha);
    for (let a = 0.01; a < 1; a += 0.01) expect(best).toBeLessThanOrEqual(at(a) * (1 + 1e-6));
    // sse and level0 are the one-step least-squares ones at the chosen alpha: no other level0 gives a smaller sse.
    expect(fit.sse).toBeCloseTo(oneStepSse(weekly, fit.alpha, fit.level0), 6);
    for (const d of [-1, -0.1, 0.1, 1]) expect(oneStepSse(weekly, fit.alpha, fit.level0 + d)).toBeGreaterThan(fit.sse);
  });

  it('loss horizon 1 is the default fit (maximum likelihood, as R)', () => {
    const a = fitEts(weekly, 0, weekly.length, 'none');
    const b = fitEts(weekly, 0, weekly.length, 'none', { lossHorizon: 1 });
    expect(b).toEqual(a);
  });

  it('bursts: the one-step fit follows them, the two-step fit keeps the level', () => {
    // A level of 100 with noise and a 30-unit burst over three of every twelve periods: following
    // a burst predicts its 2nd and 3rd periods one step ahead (alpha near 0.9), but two steps
    // ahead it also predicts the burst's 4th period, which is back at the level.
    const y = Float64Array.from({ length: 120 }, (_, t) => 100 + ((t * 37) % 11) - 5 + (t % 12 < 3 ? 30 : 0));
    const one = fitEts(y, 0, y.length, 'none');
    const two = fitEts(y, 0, y.length, 'none', { lossHorizon: 2 });
    expect(one.alpha).toBeGreaterThan(0.5);
    expect(two.alpha).toBeLessThan(0.1);
  });
});

describe('models use the engine loss horizon unless the context says otherwise', () => {
  it('default 2; a context asking for 1 gets the one-step fit', () => {
    expect(SMOOTHING_LOSS_HORIZON).toBe(2);
    expect(smoothingLossHorizon({ season: 52, frequency: 'W', allowNegative: false })).toBe(2);
    expect(smoothingLossHorizon({ season: 52, frequency: 'W', allowNegative: false, smoothingLossHorizon: 1 })).toBe(1);
    const y = series(reference.inputs.trend);
    const byDefault = theta.fit(y, { season: 1, frequency: 'W', allowNegative: false });
    const oneStep = theta.fit(y, { season: 1, frequency: 'W', allowNegative: false, smoothingLossHorizon: 1 });
    const twoStep = theta.fit(y, { season: 1, frequency: 'W', allowNegative: false, smoothingLossHorizon: 2 });
    expect(Array.from(byDefault.forecast(3).mean)).toEqual(Array.from(twoStep.forecast(3).mean));
    expect(Array.from(oneStep.forecast(3).mean)).not.toEqual(Array.from(twoStep.forecast(3).mean));
  });
});
