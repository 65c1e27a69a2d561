import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolateQuantile, normalCdf, pathsFromQuantiles } from '../../../../core/forecast/global/quantile-paths';
import { calibrateResiduals, residualPaths, residualQuantiles, residualSpread, stepQuantiles } from '../../../../core/forecast/global/residuals';
import { seededRng } from '../../../../core/forecast/global/random';
import { quantileInPlace, quantileOfSorted } from '../../../../core/forecast/global/stats';
import { QUANTILE_LEVELS } from '../../../../core/forecast/types';

describe('residual calibration', () => {
  // Five series, two steps: forecast 10 everywhere, level 2, actuals 10 + 2·e.
  const errors = [
    [-2, -4],
    [-1, -2],
    [0, 0],
    [1, 2],
    [2, 4],
  ];
  const calibration = calibrateResiduals({
    actual: errors.map(([a, b]) => Float64Array.from([10 + 2 * a!, 10 + 2 * b!])),
    forecast: errors.map(() => Float64Array.from([10, 10])),
    originLevel: Float64Array.from(errors, () => 2),
    rng: seededRng(1),
  });

  it('takes type-7 quantiles of the scaled errors per step (hand-worked)', () => {
    // Step 1 errors -2..2: quantile τ = -2 + 4τ; step 2 twice that.
    QUANTILE_LEVELS.forEach((level, j) => {
      expect(calibration.quantiles[0]![0]![j]).toBeCloseTo(-2 + 4 * level, 12);
      expect(calibration.quantiles[0]![1]![j]).toBeCloseTo(-4 + 8 * level, 12);
    });
    expect(calibration.counts[0]).toEqual([5, 5]);
  });

  it('puts quantiles around a new mean, clipped at zero unless negatives are allowed', () => {
    const q = residualQuantiles(calibration, Float64Array.from([1, 1]), 1, 0, false);
    expect(q[0]![0]).toBe(0); // 1 + (-2 + 0.2) < 0
    expect(q[3]![0]).toBeCloseTo(1, 12); // the median error is 0
    expect(q[6]![1]).toBeCloseTo(1 + (-4 + 8 * 0.95), 12);
    const negative = residualQuantiles(calibration, Float64Array.from([1, 1]), 1, 0, true);
    expect(negative[0]![0]).toBeCloseTo(1 - 1.8, 12);
  });

  it('widens beyond the calibrated horizon like √h', () => {
    const beyond = stepQuantiles(calibration, 0, 3); // step 4 of a 2-step calibration
    const last = calibration.quantiles[0]![1]!;
    beyond.forEach((q, j) => expect(q).toBeCloseTo(last[j]! * Math.sqrt(2), 12));
  });

  it('gives a spread and paths consistent with the quantiles', () => {
    const sd = residualSpread(calibration, 2, 3, 0);
    expect(sd[0]).toBeCloseTo((3 * (4 * 0.8)) / 2.5632, 3);
    const paths = residualPaths(calibration, Float64Array.from([100, 100]), 1, 0, false, 200, seededRng(2));
    expect(paths).toHaveLength(200);
    // Trajectories are resampled whole: step 2's error is always twice step 1's.
    for (const p of paths) expect(p[1]! - 100).toBeCloseTo(2 * (p[0]! - 100), 12);
  });
});

describe('paths from quantiles', () => {
  it('interpolates the quantile function through the given levels', () => {
    const q = [1, 2, 3, 4, 5, 6, 7];
    QUANTILE_LEVELS.forEach((level, j) => expect(interpolateQuantile(q, level)).toBeCloseTo(q[j]!, 12));
    expect(interpolateQuantile(q, (0.25 + 0.5) / 2)).toBeCloseTo(3.5, 12);
    expect(interpolateQuantile(q, 0)).toBeLessThan(1);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2816)).toBeCloseTo(0.9, 4);
  });

  it('reproduces the marginal quantiles', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }), (center, spread) => {
        const quantiles = QUANTILE_LEVELS.map((level) => Float64Array.from([center + spread * (level - 0.5), center + 2 * spread * (level - 0.5)]));
        const paths = pathsFromQuantiles(quantiles, 4000, true, seededRng(5));
        for (let step = 0; step < 2; step++) {
          const below = paths.filter((p) => p[step]! <= quantiles[5]![step]!).length / paths.length; // q90
          expect(below).toBeGreaterThan(0.87);
          expect(below).toBeLessThan(0.93);
        }
      }),
      { numRuns: 5 },
    );
  });
});

describe('quantile by selection', () => {
  it('matches the sorted type-7 quantile', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, level) => {
        const sorted = Float64Array.from(values).sort();
        expect(quantileInPlace(Float64Array.from(values), level)).toBeCloseTo(quantileOfSorted(sorted, level), 12);
      }),
    );
  });
});
