import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  continuousQuantiles,
  COUNT_COVERAGE_TARGET,
  COUNT_LEVEL_SCALES,
  COUNT_VARIANCE_MULTIPLIERS,
  countQuantilesAt,
  CountErrors,
  normalCalibration,
  StandardisedErrors,
} from '../../../core/forecast/calibrate';
import { normalQuantile } from '../../../core/forecast/kernels/normal';
import { normalDraw, seededRng } from '../../../core/forecast/kernels/rng';
import { pinballLoss } from '../../../core/forecast/metrics';
import { QUANTILE_LEVELS } from '../../../core/forecast/types';

describe('continuous calibration from standardised backtest errors', () => {
  it('learns that errors were twice as wide as the models said', () => {
    const rng = seededRng(3);
    const errors = new StandardisedErrors(3);
    for (let i = 0; i < 20_000; i++) for (let step = 0; step < 3; step++) errors.add(step, 2 * normalDraw(rng), 0, 1);
    const calibration = errors.fit();
    // The 90% quantile of N(0, 2^2) is 2 * 1.2816; sampling error ~0.01 at this size.
    expect(calibration.z[1]![5]).toBeCloseTo(2 * normalQuantile(0.9), 1);
    expect(calibration.z[1]![1]).toBeCloseTo(2 * normalQuantile(0.1), 1);
  });

  it('shrinks toward the normal when there are few errors, and stays ordered', () => {
    const errors = new StandardisedErrors(1);
    errors.add(0, 10, 0, 1);
    const z = errors.fit().z[0]!;
    for (let k = 1; k < z.length; k++) expect(z[k]).toBeGreaterThanOrEqual(z[k - 1]!);
    expect(Math.abs(z[3]! - 0)).toBeLessThan(1);
  });

  it('turns means and sds into clipped quantiles', () => {
    const q = continuousQuantiles(Float64Array.from([1, 10]), Float64Array.from([2, 1]), normalCalibration(2), false);
    expect(q[0]![0]).toBe(0);
    expect(q[6]![1]).toBeCloseTo(10 + normalQuantile(0.95), 12);
  });
});

describe('count calibration', () => {
  it('chooses a larger variance multiplier for over-dispersed outcomes and targets 80% interval coverage', () => {
    const rng = seededRng(9);
    const narrow = new CountErrors();
    const wide = new CountErrors();
    for (let i = 0; i < 4000; i++) {
      // Poisson(3) outcomes versus a negative binomial with 4x the Poisson variance (gamma-mixed).
      let p = 0;
      let k = 0;
      const u = rng();
      let cumulative = Math.exp(-3);
      p = cumulative;
      while (u > cumulative) {
        k++;
        p *= 3 / k;
        cumulative += p;
      }
      narrow.add(k, 3, Math.sqrt(3), 1);
      const lambda = 3 * (-Math.log(rng()) - Math.log(rng())) / 2;
      let j = 0;
      let q = Math.exp(-lambda);
      let c = q;
      const v = rng();
      while (v > c) {
        j++;
        q *= lambda / j;
        c += q;
      }
      wide.add(j, 3, Math.sqrt(3), 1);
    }
    const a = narrow.fit();
    const b = wide.fit();
    expect(b.varianceMultiplier).toBeGreaterThan(a.varianceMultiplier);
    for (const c of [a, b]) {
      for (let k = 1; k < c.levels.length; k++) expect(c.levels[k]).toBeGreaterThan(c.levels[k - 1]!);
      expect(c.levels[3]).toBeCloseTo(0.5, 12);
    }
  });

  it('narrows the levels as far as the grid goes when every outcome falls inside the interval', () => {
    // All outcomes 0: every interval starts at 0 (q10 = 0 while P(0) >= the lowest level),
    // so it covers them all at any scale, and the narrowest scale, 0.6, is taken:
    // 0.5 + (0.1 - 0.5) * 0.6 = 0.26, 0.5 + (0.9 - 0.5) * 0.6 = 0.74.
    const errors = new CountErrors();
    for (let i = 0; i < 50; i++) errors.add(0, 0.5, 1, 1);
    const c = errors.fit();
    expect(Array.from(c.levels, (l) => Number(l.toFixed(12)))).toEqual([0.23, 0.26, 0.35, 0.5, 0.65, 0.74, 0.77]);
    expect(COUNT_VARIANCE_MULTIPLIERS).toContain(c.varianceMultiplier);
  });

  it('chooses the variance multiplier and the narrowed levels together, by the lowest pooled pinball loss', () => {
    type Point = { actual: number; mean: number; sd: number };
    const evaluate = (points: Point[], multiplier: number, scale: number) => {
      const levels = Float64Array.from(QUANTILE_LEVELS, (p) => (scale === 1 ? p : 0.5 + (p - 0.5) * scale));
      const q = new Float64Array(QUANTILE_LEVELS.length);
      let loss = 0;
      let covered = 0;
      for (const { actual, mean, sd } of points) {
        countQuantilesAt(mean, sd, multiplier, q, levels);
        for (let k = 0; k < q.length; k++) loss += pinballLoss(actual, q[k]!, QUANTILE_LEVELS[k]!);
        if (actual >= q[1]! && actual <= q[5]!) covered++;
      }
      return { loss, coverage: covered / points.length, levels };
    };
    // Brute force: each multiplier with the smallest scale whose 80% interval still covers
    // the target share (scale 1 when none does); the lowest loss among those pairs.
    const narrowest = (points: Point[], multiplier: number) => {
      const feasible = COUNT_LEVEL_SCALES.filter((s) => evaluate(points, multiplier, s).coverage >= COUNT_COVERAGE_TARGET);
      return evaluate(points, multiplier, feasible.length > 0 ? Math.min(...feasible) : 1);
    };
    const point = fc.record({ actual: fc.nat(12), mean: fc.double({ min: 0.05, max: 6, noNaN: true }), sd: fc.double({ min: 0.2, max: 5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 5, maxLength: 60 }), (points) => {
        const errors = new CountErrors();
        for (const p of points) errors.add(p.actual, p.mean, p.sd, 1);
        const c = errors.fit(false);
        const pairs = COUNT_VARIANCE_MULTIPLIERS.map((m) => narrowest(points, m));
        const lowest = Math.min(...pairs.map((p) => p.loss));
        const got = pairs[COUNT_VARIANCE_MULTIPLIERS.indexOf(c.varianceMultiplier)]!;
        expect(Array.from(c.levels)).toEqual(Array.from(got.levels));
        expect(got.loss).toBeCloseTo(lowest, 9);
        // Never worse than the multiplier best at the nominal levels, narrowed afterwards.
        const nominal = COUNT_VARIANCE_MULTIPLIERS.map((m) => evaluate(points, m, 1).loss);
        const sequential = narrowest(points, COUNT_VARIANCE_MULTIPLIERS[nominal.indexOf(Math.min(...nominal))]!);
        expect(got.loss).toBeLessThanOrEqual(sequential.loss + 1e-9);
        // The backtest 80% interval holds at least the target share, unless even the nominal levels hold less.
        if (got.coverage < COUNT_COVERAGE_TARGET) expect(Array.from(c.levels)).toEqual(Array.from(QUANTILE_LEVELS));
      }),
      { numRuns: 60 },
    );
  });
});
