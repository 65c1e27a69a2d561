import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForecastStep, OverrideRule } from '../../../core/overrides/apply';
import { applyOverrides, applyOverridesToPaths, overrideFor } from '../../../core/overrides/apply';
import { normalQuantile, poissonQuantile } from '../../../core/overrides/poisson';

const step = (periodStart: number, mean: number): ForecastStep => ({ periodStart, mean, quantiles: [0.5, 0.6, 0.8, 1, 1.2, 1.4, 1.5].map((f) => f * mean) });
const rule = (r: Partial<OverrideRule>): OverrideRule => ({ id: 1, kind: 'percent', value: 0, startDay: null, endDay: null, order: 1, ...r });

describe('Poisson and normal quantiles', () => {
  it('match tabulated values', () => {
    // Poisson(10): P(X ≤ 3) = 0.0103, P(X ≤ 4) = 0.0293, P(X ≤ 16) = 0.9730, P(X ≤ 17) = 0.9857
    expect(poissonQuantile(10, 0.025)).toBe(4);
    expect(poissonQuantile(10, 0.975)).toBe(17);
    expect(poissonQuantile(10, 0.5)).toBe(10);
    // Poisson(0.5): P(X = 0) = 0.6065
    expect(poissonQuantile(0.5, 0.6)).toBe(0);
    expect(poissonQuantile(0.5, 0.61)).toBe(1);
    expect(poissonQuantile(0, 0.99)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 5);
    expect(poissonQuantile(10_000, 0.975)).toBe(Math.ceil(10_000 + 1.959964 * 100 - 0.5));
  });

  it('is monotone in p (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 800, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rate, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(poissonQuantile(rate, lo)).toBeLessThanOrEqual(poissonQuantile(rate, hi));
      }),
    );
  });
});

describe('applying overrides', () => {
  it('percent scales the mean and every quantile', () => {
    const { steps, overridden } = applyOverrides([step(0, 10)], [rule({ kind: 'percent', value: 20 })], 7);
    expect(overridden).toEqual([true]);
    expect(steps[0]!.mean).toBeCloseTo(12, 10);
    expect(steps[0]!.quantiles.map((q) => Math.round(q * 100) / 100)).toEqual([6, 7.2, 9.6, 12, 14.4, 16.8, 18]);
  });

  it('units per week sets the mean and keeps the shape', () => {
    const { steps } = applyOverrides([step(0, 7)], [rule({ kind: 'units', value: 14 })], 7);
    expect(steps[0]!.mean).toBe(14);
    expect(steps[0]!.quantiles[0]).toBeCloseTo(7, 10);
    expect(steps[0]!.quantiles[6]).toBeCloseTo(21, 10);
  });

  it('units per week become units per day for daily forecasts', () => {
    expect(applyOverrides([step(0, 1)], [rule({ kind: 'units', value: 14 })], 1).steps[0]!.mean).toBeCloseTo(2, 10);
  });

  it('where the model expected nothing, the period becomes Poisson(units)', () => {
    const { steps } = applyOverrides([step(0, 0)], [rule({ kind: 'units', value: 10 })], 7);
    expect(steps[0]!.mean).toBe(10);
    expect(steps[0]!.quantiles).toEqual([0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].map((p) => poissonQuantile(10, p)));
  });

  it('covers only the periods that start within its dates, and the newest wins', () => {
    const rules = [rule({ id: 1, order: 1, value: 100, startDay: 7, endDay: 14 }), rule({ id: 2, order: 2, value: -50, startDay: 14, endDay: null })];
    expect(overrideFor(rules, 0)).toBeNull();
    expect(overrideFor(rules, 7)?.id).toBe(1);
    expect(overrideFor(rules, 14)?.id).toBe(2);
    const { steps, overridden } = applyOverrides([step(0, 10), step(7, 10), step(14, 10), step(21, 10)], rules, 7);
    expect(overridden).toEqual([false, true, true, true]);
    expect(steps.map((s) => s.mean)).toEqual([10, 20, 5, 5]);
  });

  it('scales sample paths the same way, reproducibly', () => {
    const paths = [Float64Array.from([1, 2, 0]), Float64Array.from([3, 4, 0])];
    const rules = [rule({ kind: 'percent', value: 50, startDay: 0, endDay: 0 }), rule({ id: 2, order: 2, kind: 'units', value: 7, startDay: 14, endDay: 14 })];
    const a = applyOverridesToPaths(paths, [0, 7, 14], [2, 3, 0], rules, 7, 42);
    expect(Array.from(a[0]!.slice(0, 2))).toEqual([1.5, 2]);
    expect(Array.from(a[1]!.slice(0, 2))).toEqual([4.5, 4]);
    expect(a.every((p) => Number.isInteger(p[2]!) && p[2]! >= 0)).toBe(true);
    expect(applyOverridesToPaths(paths, [0, 7, 14], [2, 3, 0], rules, 7, 42).map((p) => Array.from(p))).toEqual(a.map((p) => Array.from(p)));
  });

  it('a mean too small to scale from is treated as no demand (no Infinity)', () => {
    const { steps } = applyOverrides([step(0, 5e-324)], [rule({ kind: 'units', value: 8.881784197001252e-16 })], 7);
    expect(steps[0]!.quantiles.every(Number.isFinite)).toBe(true);
  });

  it('keeps quantiles ordered and non-negative (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.oneof(fc.record({ kind: fc.constant('percent' as const), value: fc.double({ min: -99.9, max: 1000, noNaN: true }) }), fc.record({ kind: fc.constant('units' as const), value: fc.double({ min: 0, max: 1000, noNaN: true }) })), (mean, r) => {
        const out = applyOverrides([step(0, mean)], [rule(r)], 7).steps[0]!;
        expect(out.mean).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < out.quantiles.length; i++) expect(out.quantiles[i]!).toBeGreaterThanOrEqual(out.quantiles[i - 1]! - 1e-9);
        expect(out.quantiles[0]!).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
