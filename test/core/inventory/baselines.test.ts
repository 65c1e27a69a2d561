import { describe, expect, it } from 'vitest';
import { inverseNormalLoss, lastFourWeeksTarget, normalApproxLevels, normalSpan, orderForLevels } from '../../../core/inventory/baselines';
import { normalLoss, normalQuantile } from '../../../core/inventory/stats';

const Z90 = 1.2815515655446004;
const flat = (v: number, n = 4) => new Float64Array(n).fill(v);

describe('normal approximation (seed 000 rule)', () => {
  // Weekly mean 10, 80% interval 10 ± 1.2816·2, so σ = 2 per week.
  const mean = flat(10);
  const q10 = flat(10 - Z90 * 2);
  const q90 = flat(10 + Z90 * 2);

  it('adds variances over periods: 2 weeks → μ 20, σ 2√2; half a week → μ 5, σ √2', () => {
    const two = normalSpan(mean, q10, q90, 7, 0, 14);
    expect(two.mean).toBeCloseTo(20, 9);
    expect(two.sd).toBeCloseTo(2 * Math.SQRT2, 6);
    const half = normalSpan(mean, q10, q90, 7, 0, 3.5);
    expect(half.mean).toBeCloseTo(5, 9);
    expect(half.sd).toBeCloseTo(Math.SQRT2, 6);
  });

  it('cycle service 95%: s = 10 + 1.645·2 = 13.29, S = 20 + 1.645·2.828 = 24.65', () => {
    const levels = normalApproxLevels({ mean, q10, q90, periodDays: 7, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95, serviceMeasure: 'cycle' });
    expect(levels.reorderPoint).toBeCloseTo(10 + 1.6448536 * 2, 5);
    expect(levels.orderUpToLevel).toBeCloseTo(20 + 1.6448536 * 2 * Math.SQRT2, 5);
  });

  it('fill rate 95%: G(k) = 0.05·10 / 2.828 = 0.1768 → k ≈ 0.55', () => {
    const levels = normalApproxLevels({ mean, q10, q90, periodDays: 7, leadTimeDays: 7, reviewPeriodDays: 7, serviceLevel: 0.95, serviceMeasure: 'fill' });
    const k = inverseNormalLoss((0.05 * 10) / (2 * Math.SQRT2));
    expect(normalLoss(k)).toBeCloseTo(0.17678, 4);
    expect(levels.orderUpToLevel).toBeCloseTo(20 + k * 2 * Math.SQRT2, 6);
  });

  it('orders only at or below s (reorderPoint trigger) in case packs', () => {
    expect(orderForLevels({ reorderPoint: 13, orderUpToLevel: 25 }, 14, 'reorderPoint', 6, 0)).toBe(0);
    expect(orderForLevels({ reorderPoint: 13, orderUpToLevel: 25 }, 14, 'reviewCycle', 6, 0)).toBe(12);
    expect(orderForLevels({ reorderPoint: 13, orderUpToLevel: 25 }, 10, 'reorderPoint', 6, 0)).toBe(18);
  });
});

describe('stats', () => {
  it('normal quantile and loss match tables', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalLoss(0)).toBeCloseTo(0.398942, 5);
    expect(normalLoss(1)).toBeCloseTo(0.083315, 5);
  });
});

describe('last four weeks', () => {
  it('sums the last 4 weekly periods, or 28 daily ones', () => {
    expect(lastFourWeeksTarget(Float64Array.from([100, 1, 2, 3, 4]), 7)).toBe(10);
    expect(lastFourWeeksTarget(new Float64Array(40).fill(2), 1)).toBe(56);
  });
  it('takes 28/30.44 of the last month on monthly data and ignores returns', () => {
    expect(lastFourWeeksTarget(Float64Array.from([5, -3, 30.4375]), 365.25 / 12)).toBeCloseTo(28, 9);
  });
  it('counts a missing (NaN) period as no sale', () => {
    expect(lastFourWeeksTarget(Float64Array.from([100, 1, Number.NaN, 3, 4]), 7)).toBe(8);
  });
});
