import { describe, expect, it } from 'vitest';
import { sortedQuantile, weeklyDistribution } from '../../../core/customers/aggregate';
import { atRiskReason, dayToIso, describeRhythm, expectationReason, formatQuantity, isoToDay, percent } from '../../../core/customers/explain';
import { analyzeRhythm } from '../../../core/customers/rhythm';

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

describe('reason sentences', () => {
  const rhythm = (orderDays: number[], asOfDay: number) => analyzeRhythm({ customerKey: 'A', orderDays, quantities: orderDays.map(() => 6), lastUnitPriceCents: null }, asOfDay);

  it('explains an overdue customer with their rhythm, the silence and both probabilities', () => {
    const reason = atRiskReason({ rhythm: rhythm([0, 20, 41, 60], 130), typicalIntervalDays: 20.2, dueDay: 80, overdueProbability: 0.974, probabilityActive: 0.31 });
    expect(reason).toBe(
      'Orders about every 20 days (± 1) over 4 orders. The last order was 70 days ago (1970-03-02), so the next was due around 1970-03-22; ' +
        'keeping that rhythm they would have ordered by now with 97% probability; the chance they still order this product is 31%.',
    );
  });

  it('says how a two-order customer is judged, in singular where it must', () => {
    expect(describeRhythm(rhythm([0, 1], 5), 14.6)).toBe('ordered twice, 1 day apart; with what is usual for this product, about every 15 days');
  });

  it('explains an expected order with its date range and size', () => {
    const reason = expectationReason({
      rhythm: rhythm([0, 7, 14, 21], 25),
      typicalIntervalDays: 7,
      confidence: 0.96,
      horizonWeeks: 12,
      nextOrderDay: 28,
      nextOrderDayLow: 26,
      nextOrderDayHigh: 31,
      expectedQuantity: 6,
    });
    expect(reason).toBe(
      'Orders about every 7 days (± 0) over 4 orders, last on 1970-01-22: 96% chance of an order in the next 12 weeks; ' +
        'if they keep their rhythm, around 1970-01-29 (80% between 1970-01-27 and 1970-02-01), about 6 units.',
    );
  });
});
