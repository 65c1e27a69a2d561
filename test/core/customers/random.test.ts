import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaSample, createRng, gammaSample, hashString, standardNormal, truncatedStandardNormalAbove } from '../../../core/customers/random';

describe('createRng', () => {
  it('is deterministic per seed, uniform in [0, 1), and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c())).not.toEqual(xs.slice(0, 10));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('hashString is stable', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c); // FNV-1a test vector
  });
});

describe('samplers', () => {
  const n = 20000;
  it('standard normal has mean 0 and variance 1', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: n }, () => standardNormal(rng));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    // 4 standard errors: 4/√n ≈ 0.028 for the mean, 4·√(2/n) ≈ 0.04 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });

  it('gamma has mean = shape and variance = shape, for shapes below and above 1', () => {
    for (const shape of [0.3, 1, 4.5]) {
      const rng = createRng(7);
      const xs = Array.from({ length: n }, () => gammaSample(rng, shape));
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
      expect(xs.every((x) => x > 0)).toBe(true);
    }
  });

  it('beta has mean a / (a + b)', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: n }, () => betaSample(rng, 2, 6));
    expect(xs.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0.25, 2);
  });

  it('truncated normal never falls below the bound, even far in the tail', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: -5, max: 30, noNaN: true }), (seed, lower) => {
      const rng = createRng(seed);
      for (let i = 0; i < 20; i++) expect(truncatedStandardNormalAbove(rng, lower)).toBeGreaterThanOrEqual(lower);
    }));
  });

  it('truncated normal above 0 has mean √(2/π) (half-normal)', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: n }, () => truncatedStandardNormalAbove(rng, 0));
    expect(xs.reduce((s, x) => s + x, 0) / n).toBeCloseTo(Math.sqrt(2 / Math.PI), 1);
  });
});
