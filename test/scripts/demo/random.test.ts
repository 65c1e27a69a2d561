/** The demo generator's seeded random numbers: reproducible, and the distributions have the moments they claim. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom, hashString } from '../../../scripts/demo/random';

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    const value = draw();
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
      const a = new SeededRandom(seed);
      const b = new SeededRandom(seed);
      const c = new SeededRandom((seed + 1) >>> 0);
      const first = Array.from({ length: 8 }, () => a.uniform());
      expect(Array.from({ length: 8 }, () => b.uniform())).toEqual(first);
      expect(Array.from({ length: 8 }, () => c.uniform())).not.toEqual(first);
    }));
  });

  it('matches xoshiro128** outputs worked by hand from the state [1, 2, 3, 4]', () => {
    // out = rotl(s1 * 5, 7) * 9: s1 = 2 gives rotl(10, 7) * 9 = 1280 * 9 = 11520. The state update
    // (t = 1024; s2 = 3^1 = 2; s3 = 4^2 = 6; s1 = 2^2 = 0; s0 = 1^6 = 7; s2 = 2^1024 = 1026; s3 = rotl(6, 11))
    // makes s1 = 0 (output 0); the next update gives s2 = 1026^7 = 1029 and s1 = 0^1029 = 1029:
    // rotl(1029 * 5, 7) * 9 = 5145 * 128 * 9 = 5927040.
    const rng = SeededRandom.fromState([1, 2, 3, 4]);
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([11520, 0, 5927040]);
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c); // FNV-1a 32-bit test vector
  });

  it('keeps uniform draws in [0, 1) and integers within their bounds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (seed, low, width) => {
      const rng = new SeededRandom(seed);
      for (let i = 0; i < 50; i++) {
        const u = rng.uniform();
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        const k = rng.integer(low, low + width);
        expect(Number.isInteger(k) && k >= low && k <= low + width).toBe(true);
      }
    }));
  });

  // Tolerances: 40,000 draws give a standard error of sd/200 for the mean; we allow about 5 of them.
  it('draws Poisson counts with mean and variance λ', () => {
    for (const lambda of [0.3, 3.5, 60]) {
      const rng = new SeededRandom(7);
      const { mean, variance } = moments(() => rng.poisson(lambda), 40_000);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 40_000) + 0.01);
      expect(variance / lambda).toBeGreaterThan(0.93);
      expect(variance / lambda).toBeLessThan(1.07);
    }
  });

  it('draws Gamma(k) with mean k and variance k', () => {
    for (const shape of [0.5, 2, 8]) {
      const rng = new SeededRandom(11);
      const { mean, variance } = moments(() => rng.gamma(shape), 40_000);
      expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 40_000));
      expect(variance / shape).toBeGreaterThan(0.9);
      expect(variance / shape).toBeLessThan(1.1);
    }
  });

  it('draws negative binomial counts with variance μ + μ²/size (overdispersed)', () => {
    const rng = new SeededRandom(13);
    const mu = 4;
    const size = 2;
    const { mean, variance } = moments(() => rng.negativeBinomial(mu, size), 40_000);
    expect(Math.abs(mean - mu)).toBeLessThan(0.1);
    expect(variance / (mu + (mu * mu) / size)).toBeGreaterThan(0.9);
    expect(variance / (mu + (mu * mu) / size)).toBeLessThan(1.1);
  });

  it('gives independent named streams that do not depend on creation order', () => {
    const a1 = SeededRandom.stream(1, 'retail:COF-001').uniform();
    SeededRandom.stream(1, 'retail:COF-002').uniform();
    const a2 = SeededRandom.stream(1, 'retail:COF-001').uniform();
    expect(a2).toBe(a1);
    expect(SeededRandom.stream(1, 'retail:COF-002').uniform()).not.toBe(a1);
    expect(SeededRandom.stream(2, 'retail:COF-001').uniform()).not.toBe(a1);
  });
});
