import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continuousQuantiles, CountErrors, descendGrid, normalCalibration, StandardisedErrors } from '../../../core/forecast/calibrate';
import { normalQuantile } from '../../../core/forecast/kernels/normal';
import { normalDraw, seededRng } from '../../../core/forecast/kernels/rng';

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
});

describe('downhill search on a grid', () => {
  const firstMinimum = (values: number[]) => values.indexOf(Math.min(...values));

  it('finds the first lowest value of a unimodal grid from any start, evaluating each point once', () => {
    const unimodal = fc
      .tuple(fc.array(fc.nat(3), { maxLength: 6 }), fc.array(fc.nat(3), { maxLength: 6 }), fc.nat(5))
      .map(([down, up, bottom]) => {
        // Non-increasing steps down to the bottom, then non-decreasing steps up (plateaus included).
        let high = bottom;
        const left = down.map((step) => (high += step)).reverse();
        let rise = bottom;
        const right = up.map((step) => (rise += step));
        return [...left, bottom, ...right];
      });
    fc.assert(
      fc.property(unimodal, fc.nat(), (values, seed) => {
        const start = seed % values.length;
        const seen: number[] = [];
        const found = descendGrid(values.length, start, (i) => (seen.push(i), values[i]!));
        expect(found).toBe(firstMinimum(values));
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 2_000 },
    );
  });

  it('walks a hand-worked grid', () => {
    // 9 multipliers, loss lowest at index 2: from index 4 it evaluates 4, 3, 2, 1 and 5, not all nine.
    const loss = [9, 6, 4, 5, 7, 8, 9, 10, 11];
    const seen: number[] = [];
    expect(descendGrid(loss.length, 4, (i) => (seen.push(i), loss[i]!))).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(descendGrid(3, 1, (i) => [2, 2, 2][i]!)).toBe(0);
  });
});
