import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fastNormalQuantile,
  fastNormalSurvival,
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSurvival,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTSurvival,
  upperIncompleteGammaQ,
} from '../../../core/customers/special';

describe('logGamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
      factorial *= n;
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Reflection branch: Γ(0.25) = 3.625609908221908...
    expect(Math.exp(logGamma(0.25))).toBeCloseTo(3.625609908221908, 10);
  });

  it('satisfies Γ(x+1) = x·Γ(x)', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (x) => {
      expect(logGamma(x + 1)).toBeCloseTo(Math.log(x) + logGamma(x), 8);
    }));
  });

  it('B(a, b) is symmetric', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
    expect(logBeta(3, 2)).toBeCloseTo(logBeta(2, 3), 14);
  });
});

describe('incomplete gamma and beta', () => {
  it('Q(1, x) = e^(−x)', () => {
    for (const x of [0.1, 1, 3, 10, 40]) expect(upperIncompleteGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
  });

  it('has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 30, noNaN: true }), (x, a) => {
      expect(regularizedIncompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 9);
      expect(regularizedIncompleteBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 9);
    }));
  });

  it('I_0.3(2, 3) = 0.3483 (hand-worked: 6x²(1/2 − 2x/3 + x²/4))', () => {
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 10);
  });
});

describe('normal distribution', () => {
  it('reproduces table quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('inverts the CDF, and the fast quantile is within 1e-8', () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
      const x = normalQuantile(p);
      expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-12 + 1e-9 * p);
      expect(Math.abs(fastNormalQuantile(p) - x)).toBeLessThan(1e-8 * Math.max(1, Math.abs(x)));
    }));
  });

  it('the fast survival function is within 1.2e-7 relative error, tails included', () => {
    fc.assert(fc.property(fc.double({ min: -8, max: 25, noNaN: true }), (x) => {
      const exact = normalSurvival(x);
      expect(Math.abs(fastNormalSurvival(x) - exact)).toBeLessThanOrEqual(1.2e-7 * exact + 1e-300);
    }));
  });

  it('is symmetric and accurate in the tail', () => {
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 25);
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 12);
    }));
  });
});

describe('Student-t distribution', () => {
  it('has the closed forms for 1 and 2 degrees of freedom', () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (t) => {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }));
  });

  it('reproduces table quantiles', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281388519649385, 8);
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.313751514675043, 8);
    expect(studentTQuantile(0.01, 3)).toBeCloseTo(-4.540702858698419, 8);
  });

  it('quantile inverts the CDF; survival is the upper tail', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.5, max: 200, noNaN: true }), (p, nu) => {
      expect(studentTCdf(studentTQuantile(p, nu), nu)).toBeCloseTo(p, 9);
    }));
    expect(studentTSurvival(2, 7)).toBeCloseTo(1 - studentTCdf(2, 7), 14);
  });

  it('tends to the normal as ν grows', () => {
    expect(studentTCdf(1.5, 1e6)).toBeCloseTo(normalCdf(1.5), 6);
  });
});
