import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countQuantiles, spreadCountQuantiles } from '../../../../core/forecast/kernels/counts';
import { symmetricEigen } from '../../../../core/forecast/kernels/eigen';
import { fitFourier, fourierSeasonal } from '../../../../core/forecast/kernels/fourier';
import { fillMissing } from '../../../../core/forecast/kernels/missing';
import { normalCdf, normalQuantile } from '../../../../core/forecast/kernels/normal';
import { brentMinimize, nelderMead } from '../../../../core/forecast/kernels/optimize';
import { seededRng } from '../../../../core/forecast/kernels/rng';
import { linearTrend, sortedQuantile, sum } from '../../../../core/forecast/kernels/stats';
import { reference } from '../reference';

describe('normal distribution', () => {
  it('quantiles match R qnorm to 1e-12 relative (AS 241 is accurate to ~1e-16)', () => {
    reference.normalQuantiles.p.forEach((p, i) => {
      const expected = reference.normalQuantiles.q[i]!;
      expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    });
  });
  it('the cdf inverts the quantile to 1e-7 (erfc approximation error)', () => {
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 7);
  });
});

describe('count quantiles', () => {
  it('Poisson and negative binomial quantiles equal R qpois / qnbinom', () => {
    const out = new Float64Array(7);
    const { poisson, negbin } = reference.counts;
    countQuantiles(poisson.lambda!, poisson.lambda!, poisson.p, out);
    expect(Array.from(out)).toEqual(poisson.q.map((v) => v + 0));
    // NB(size r, mean mu) has variance mu + mu^2 / r.
    countQuantiles(negbin.mu!, negbin.mu! + negbin.mu! ** 2 / negbin.size!, negbin.p, out);
    expect(Array.from(out)).toEqual(negbin.q.map((v) => v + 0));
  });

  it('spread quantiles round up to the integer quantiles and stay ordered', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (mean, dispersion) => {
        const levels = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
        const spread = new Float64Array(7);
        const integer = new Float64Array(7);
        spreadCountQuantiles(mean, mean * dispersion, levels, spread);
        countQuantiles(mean, mean * dispersion, levels, integer);
        for (let k = 0; k < 7; k++) {
          expect(spread[k]).toBeGreaterThanOrEqual(0);
          if (k > 0) expect(spread[k]).toBeGreaterThanOrEqual(spread[k - 1]!);
          if (spread[k]! > 0) expect(Math.ceil(spread[k]! - 1e-9)).toBe(integer[k]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a zero mean gives zero quantiles', () => {
    const out = new Float64Array(3).fill(9);
    spreadCountQuantiles(0, 0, [0.1, 0.5, 0.9], out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

describe('optimisers', () => {
  it('Nelder-Mead finds the minimum of a shifted quadratic inside the box', () => {
    const r = nelderMead((x) => (x[0]! - 0.3) ** 2 + 2 * (x[1]! - 0.7) ** 2, [0.5, 0.5], { lower: [0, 0], upper: [1, 1], maxEvaluations: 400, tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(0.3, 4);
    expect(r.x[1]).toBeCloseTo(0.7, 4);
  });
  it('Nelder-Mead respects the bounds when the minimum lies outside', () => {
    const r = nelderMead((x) => (x[0]! - 2) ** 2, [0.5], { lower: [0], upper: [1] });
    expect(r.x[0]).toBeCloseTo(1, 6);
  });
  it('Brent finds the minimum of a parabola', () => {
    expect(brentMinimize((x) => (x - 0.42) ** 2 + 1, 0, 1, 1e-8).x).toBeCloseTo(0.42, 6);
  });
});

describe('Fourier seasonality', () => {
  it('recovers a two-harmonic pattern and picks two harmonics on clean data', () => {
    const period = 365.25 / 7;
    const n = 160;
    const x = Float64Array.from({ length: n }, (_, t) => 3 + 2 * Math.sin((2 * Math.PI * t) / period) - Math.cos((4 * Math.PI * t) / period) + 1e-3 * Math.sin(7.7 * t));
    const fit = fitFourier(x, n, period, 10);
    expect(fit.harmonics).toBe(2);
    const row = new Float64Array(fit.coefficients.length);
    for (const t of [0, 17, 200]) {
      expect(fourierSeasonal(fit, t, row)).toBeCloseTo(2 * Math.sin((2 * Math.PI * t) / period) - Math.cos((4 * Math.PI * t) / period), 2);
    }
  });
  it('with a trend column keeps the trend out of the seasonal part', () => {
    const n = 120;
    const x = Float64Array.from({ length: n }, (_, t) => 0.5 * t + Math.sin((2 * Math.PI * t) / 12));
    const fit = fitFourier(x, n, 12, 4, 0, true);
    const row = new Float64Array(fit.coefficients.length);
    expect(fourierSeasonal(fit, 3, row)).toBeCloseTo(1, 6);
    expect(fourierSeasonal(fit, 150, row)).toBeCloseTo(Math.sin((2 * Math.PI * 150) / 12), 6);
  });
});

describe('small helpers', () => {
  it('symmetric eigen-decomposition satisfies A v = lambda v, eigenvalues descending', () => {
    const a = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(a, 3);
    for (let k = 0; k < 3; k++) {
      if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]!);
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let j = 0; j < 3; j++) av += a[i * 3 + j]! * vectors[k * 3 + j]!;
        expect(av).toBeCloseTo(values[k]! * vectors[k * 3 + i]!, 10);
      }
    }
  });
  it('symmetric eigen-decomposition of hand-worked matrices', () => {
    // [[2, 1], [1, 2]]: 3 along (1, 1) / sqrt 2, 1 along (1, -1) / sqrt 2.
    const two = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(two.values[0]).toBeCloseTo(3, 14);
    expect(two.values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(two.vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(two.vectors[1]).toBeCloseTo(two.vectors[0]!, 14);
    expect(two.vectors[3]).toBeCloseTo(-two.vectors[2]!, 14);
    // [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]: 2 + sqrt 2, 2, 2 - sqrt 2; the middle one along (1, 0, -1) / sqrt 2.
    const three = symmetricEigen(Float64Array.of(2, -1, 0, -1, 2, -1, 0, -1, 2), 3);
    expect(Array.from(three.values).map((x) => Number(x.toFixed(12)))).toEqual([2 + Math.SQRT2, 2, 2 - Math.SQRT2].map((x) => Number(x.toFixed(12))));
    expect(Math.abs(three.vectors[3]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(three.vectors[4]).toBeCloseTo(0, 12);
    expect(three.vectors[5]).toBeCloseTo(-three.vectors[3]!, 12);
    // Diagonal (already reduced) and a repeated eigenvalue.
    const diagonal = symmetricEigen(Float64Array.of(1, 0, 0, 0, 5, 0, 0, 0, 5), 3);
    expect(Array.from(diagonal.values)).toEqual([5, 5, 1]);
    expect(Array.from(diagonal.vectors.subarray(6))).toEqual([1, 0, 0]);
  });
  it('symmetric eigen-decomposition: A v = lambda v with orthonormal vectors, descending (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100000 }), fc.boolean(), (n, seed, lowRank) => {
        const rng = seededRng(seed);
        // A random symmetric matrix, or a covariance of a few random profiles (repeated zero eigenvalues).
        const a = new Float64Array(n * n);
        if (lowRank) {
          for (let r = 0; r < 3; r++) {
            const x = Float64Array.from({ length: n }, () => rng() - 0.5);
            for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = a[i * n + j]! + x[i]! * x[j]!;
          }
        } else {
          for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = 10 * (rng() - 0.5);
        }
        const { values, vectors } = symmetricEigen(a, n);
        let scale = 1;
        for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]!));
        for (let k = 0; k < n; k++) {
          if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]!);
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[k * n + j]!;
            expect(Math.abs(av - values[k]! * vectors[k * n + i]!)).toBeLessThan(1e-11 * n * scale);
          }
          for (let l = 0; l <= k; l++) {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += vectors[k * n + i]! * vectors[l * n + i]!;
            expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-12 * n);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
  it('fills missing values by linear interpolation and carries the edges', () => {
    expect(Array.from(fillMissing(Float64Array.from([NaN, 2, NaN, NaN, 8, NaN])))).toEqual([2, 2, 4, 6, 8, 8]);
    expect(Array.from(fillMissing(Float64Array.from([NaN, NaN])))).toEqual([0, 0]);
  });
  it('compensated sum keeps small terms next to large ones', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
  });
  it('type-7 quantile and least-squares trend by hand', () => {
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(sortedQuantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(linearTrend([1, 3, 5, 7])).toEqual({ intercept: 1, slope: 2 });
  });
  it('the seeded generator is deterministic and uniform-ish', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    let total = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = a();
      expect(u).toBe(b());
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      total += u;
    }
    expect(total / 10_000).toBeCloseTo(0.5, 1);
  });
  it('the seeded generator is mulberry32 with the state as a plain uint32 number (same stream for any seed)', () => {
    // The mixer written with the state in a captured number, as the generator was before it
    // kept its state in a typed array: streams must not change (seeded runs stay reproducible).
    const plain = (seed: number) => {
      let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
      return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), (seed) => {
        const a = seededRng(seed);
        const b = plain(seed);
        for (let i = 0; i < 200; i++) expect(a()).toBe(b());
      }),
      { numRuns: 200 },
    );
  });
});
