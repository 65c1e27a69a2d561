import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountCalibration } from '../../../../core/forecast/calibrate';
import { CountErrors } from '../../../../core/forecast/calibrate';
import { forecastMany } from '../../../../core/forecast/engine';
import { samplePaths } from '../../../../core/forecast/engine/output';
import { countNormalScoreCovariance } from '../../../../core/forecast/kernels/counts';
import { seededRng } from '../../../../core/forecast/kernels/rng';

function calibration(pathCorrelation: number, varianceMultiplier = 1): CountCalibration {
  return { kind: 'count', varianceMultiplier, levels: Float64Array.from([0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]), pathCorrelation, samples: 1 };
}

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) };
}

function poissonDraw(rate: number, rng: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let cumulative = p;
  const u = rng();
  while (u > cumulative && k < 10_000) {
    k++;
    p *= rate / k;
    cumulative += p;
  }
  return k;
}

describe('normal-score covariance of a count distribution', () => {
  it('matches the hand-worked Poisson(ln 2) value', () => {
    // F(0) = 1/2, F(1) = (1 + ln 2) / 2, F(2) = F(1) + (ln 2)^2 / 4, ...:
    // phi(0) + phi(Phi^-1(0.8466)) + phi(Phi^-1(0.9667)) + ... = 0.3989 + 0.2366 + 0.0743 + 0.0159 + 0.0025 + ... = 0.72869.
    expect(countNormalScoreCovariance(Math.LN2, Math.LN2)).toBeCloseTo(0.72869, 4);
  });

  it('never exceeds the sd (Cauchy-Schwarz) and approaches it for a large Poisson mean', () => {
    for (const [mean, variance] of [[0.3, 0.3], [2, 2], [2, 10], [40, 400]] as const) {
      const a = countNormalScoreCovariance(mean, variance);
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThanOrEqual(Math.sqrt(variance) + 1e-12);
    }
    expect(countNormalScoreCovariance(500, 500) / Math.sqrt(500)).toBeGreaterThan(0.99);
    expect(countNormalScoreCovariance(0, 5)).toBe(0);
  });
});

describe('count sample paths', () => {
  it('keep the step means in the path sums, for any correlation (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 12, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (means, sdRatio, rho, seed) => {
          const mean = Float64Array.from(means);
          const sd = Float64Array.from(means, (m) => sdRatio * Math.sqrt(m + 0.5));
          const paths = samplePaths(mean, sd, [], calibration(rho), 3000, seed, false);
          const sums = paths.map((p) => p.reduce((a, b) => a + b, 0));
          const expected = means.reduce((a, b) => a + b, 0);
          let variance = 0;
          for (let i = 0; i < means.length; i++) variance += Math.max(means[i]!, sd[i]! * sd[i]!);
          // Standard error of the mean of 3000 sums, at worst fully correlated steps: sqrt(h * sum v / 3000).
          const tolerance = 5 * Math.sqrt((means.length * variance) / 3000) + 0.02;
          expect(Math.abs(moments(sums).mean - expected)).toBeLessThan(tolerance);
          for (const p of paths) for (const v of p) expect(Number.isInteger(v) && v >= 0).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('have sum variance h v + rho h (h - 1) a^2 (hand-worked, Poisson(5) steps)', () => {
    // 8 steps, Poisson(5): independent sums have variance 40; with rho = 0.3 the first-order
    // copula term adds 0.3 * 56 * a^2 with a = Cov(Z, X) ~ sqrt(5), i.e. about 83 more.
    const mean = new Float64Array(8).fill(5);
    const sd = new Float64Array(8).fill(Math.sqrt(5));
    const a = countNormalScoreCovariance(5, 5);
    for (const rho of [0, 0.3]) {
      const sums = samplePaths(mean, sd, [], calibration(rho), 20_000, 11, false).map((p) => p.reduce((x, y) => x + y, 0));
      const expected = 40 + rho * 56 * a * a;
      expect(Math.abs(moments(sums).variance / expected - 1)).toBeLessThan(0.05);
    }
  });
});

describe('path correlation fitted from backtest windows', () => {
  function windows(rho: number, seed: number): CountErrors {
    const errors = new CountErrors();
    const mean = new Float64Array(7).fill(3);
    const sd = new Float64Array(7).fill(Math.sqrt(3));
    // Outcomes drawn from the copula itself: the fit should find the rho that made them.
    const outcomes = samplePaths(mean, sd, [], calibration(rho), 3000, seed, false);
    for (const actual of outcomes) {
      for (let i = 0; i < 7; i++) errors.add(actual[i]!, 3, Math.sqrt(3), 1);
      errors.addWindow(actual, mean, sd);
    }
    return errors;
  }

  it('finds no dependence in independent Poisson windows and recovers a common factor', () => {
    const independent = windows(0, 5).fit();
    expect(independent.pathCorrelation).toBeLessThan(0.05);
    const dependent = windows(0.4, 6).fit();
    expect(dependent.pathCorrelation).toBeGreaterThan(0.3);
    expect(dependent.pathCorrelation).toBeLessThan(0.5);
    // Asked for no paths, the fit skips the correlation and keeps everything else.
    const skipped = windows(0.4, 6).fit(false);
    expect(skipped.pathCorrelation).toBe(0);
    expect(skipped.varianceMultiplier).toBe(dependent.varianceMultiplier);
    expect(Array.from(skipped.levels)).toEqual(Array.from(dependent.levels));
  });

  it('is fitted only for runs that ask for sample paths; the quantiles are the same either way', async () => {
    const rng = seededRng(21);
    const inputs = Array.from({ length: 8 }, (_, s) => ({ id: `p${s}`, values: Float64Array.from({ length: 150 }, () => poissonDraw(1 + s / 4, rng)) }));
    const options = { horizon: 7, season: 7, frequency: 'D' as const };
    const without = await forecastMany(inputs, options);
    const withPaths = await forecastMany(inputs, { ...options, paths: 50 });
    expect(without.series.every((s) => s.distribution === 'count' && s.paths === undefined)).toBe(true);
    without.series.forEach((s, i) => {
      expect(s.quantiles.map((q) => Array.from(q))).toEqual(withPaths.series[i]!.quantiles.map((q) => Array.from(q)));
      expect(withPaths.series[i]!.paths).toHaveLength(50);
    });
  });
});

describe('count forecasts of low-volume series with a few bulk sales', () => {
  it('keep q90 at or above the mean and path sums near the summed means (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 1, max: 6, noNaN: true }), async (seed, rate) => {
        const rng = seededRng(seed);
        // Poisson daily sales with one 100-300 unit bulk sale early in the history, as in
        // real shop data (a customer buying a pallet): the kind of history that inflates a
        // model's residual sd far beyond the everyday spread.
        const inputs = Array.from({ length: 6 }, (_, s) => {
          const values = Float64Array.from({ length: 240 }, () => poissonDraw(rate * (1 + s / 10), rng));
          values[20 + s * 7] = 100 + Math.floor(200 * rng());
          return { id: `item-${s}`, values };
        });
        const horizon = 8;
        const result = await forecastMany(inputs, { horizon, season: 7, frequency: 'D', paths: 800, seed });
        // The busier of these series (up to ~9 a day) may be read as continuous demand, which
        // is the engine's call to make; the property is about the ones it treats as counts.
        const counted = result.series.filter((f) => f.distribution === 'count');
        expect(counted.length).toBeGreaterThan(0);
        for (const f of counted) {
          for (let i = 0; i < horizon; i++) {
            if (f.mean[i]! >= 1) expect(f.quantiles[5]![i]).toBeGreaterThanOrEqual(f.mean[i]!);
          }
          const sums = f.paths!.map((p) => p.reduce((a, b) => a + b, 0));
          const { mean, variance } = moments(sums);
          const expected = f.mean.reduce((a, b) => a + b, 0);
          expect(Math.abs(mean - expected)).toBeLessThan(5 * Math.sqrt(variance / sums.length) + 0.05);
          // Everyday Poisson spread over 8 days is sd ~sqrt(8 rate); far from the bulk sales' scale.
          expect(Math.sqrt(variance)).toBeLessThan(4 * Math.sqrt(horizon * rate * 1.5) + 2);
        }
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
