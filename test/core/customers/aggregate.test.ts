import { describe, expect, it } from 'vitest';
import { sortedQuantile, weeklyDistribution } from '../../../core/customers/aggregate';
import { dayToIso, formatQuantity, isoToDay, percent } from '../../../core/customers/explain';

describe('sortedQuantile (type 7)', () => {
  it('interpolates between order statistics', () => {
    const v = [1, 2, 3, 4, 5];
    expect(sortedQuantile(v, 0)).toBe(1);
    expect(sortedQuantile(v, 1)).toBe(5);
    expect(sortedQuantile(v, 0.5)).toBe(3);
    expect(sortedQuantile(v, 0.1)).toBeCloseTo(1.4, 12);
    expect(sortedQuantile([], 0.5)).toBeNaN();
  });
});

describe('weeklyDistribution', () => {
  it('hand-worked: 4 paths × 2 weeks', () => {
    // paths (row-major): [0, 10], [2, 10], [4, 10], [6, 50]
    const d = weeklyDistribution(Float64Array.from([0, 10, 2, 10, 4, 10, 6, 50]), 4, 2);
    expect(d.mean).toEqual([3, 20]);
    expect(d.quantiles[3]).toEqual([3, 10]); // medians
    expect(d.quantiles[0]![0]).toBeCloseTo(0.3, 12); // 5%: 0 + 0.15·(2 − 0)
  });
});

describe('dates and wording', () => {
  it('converts day numbers and ISO dates both ways and rejects impossible dates', () => {
    expect(dayToIso(0)).toBe('1970-01-01');
    expect(isoToDay('2011-09-01')).toBe(15218);
    expect(dayToIso(15218)).toBe('2011-09-01');
    expect(isoToDay('2011-02-30')).toBeNull();
    expect(isoToDay('1/9/2011')).toBeNull();
  });

  it('formats percentages and quantities for the owner', () => {
    expect(percent(0.974)).toBe('97%');
    expect(formatQuantity(12.345)).toBe('12.3');
    expect(formatQuantity(1234.5)).toBe('1235');
  });
});
