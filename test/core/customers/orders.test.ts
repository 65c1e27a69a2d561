import { describe, expect, it } from 'vitest';
import type { CustomerSaleLine } from '../../../core/customers/orders';
import { buildCustomerHistories } from '../../../core/customers/orders';
import { analyzeRhythm, median } from '../../../core/customers/rhythm';

describe('buildCustomerHistories', () => {
  it('merges same-day lines into one order, nets same-day returns, drops future and anonymous lines', () => {
    const lines: CustomerSaleLine[] = [
      { customerKey: 'A', day: 10, quantity: 6, unitPriceCents: 250 },
      { customerKey: 'A', day: 10, quantity: 4, unitPriceCents: 260 }, // second invoice, same day
      { customerKey: 'A', day: 20, quantity: 12, unitPriceCents: 255 },
      { customerKey: 'A', day: 20, quantity: -2 }, // same-day return
      { customerKey: 'A', day: 25, quantity: -3 }, // return only: not an order
      { customerKey: 'A', day: 40, quantity: 5 }, // on the as-of day: the future
      { customerKey: '', day: 12, quantity: 100 },
      { customerKey: ' B ', day: 5, quantity: 1 },
    ];
    const { histories, issues } = buildCustomerHistories(lines, 40);
    expect(issues).toEqual([]);
    expect(histories).toEqual([
      { customerKey: 'A', orderDays: [10, 20], quantities: [10, 10], lastUnitPriceCents: 255 },
      { customerKey: 'B', orderDays: [5], quantities: [1], lastUnitPriceCents: null },
    ]);
  });

  it('leaves out only the customer with an unusable line, with the reason', () => {
    const lines: CustomerSaleLine[] = [
      { customerKey: 'good', day: 1, quantity: 2 },
      { customerKey: 'bad', day: 3, quantity: 2 },
      { customerKey: 'bad', day: Number.NaN, quantity: 2 },
      { customerKey: 'worse', day: 4, quantity: Number.POSITIVE_INFINITY },
      { customerKey: 'price', day: 4, quantity: 1, unitPriceCents: -5 },
      { customerKey: 'good', day: 8, quantity: 3 },
    ];
    const { histories, issues } = buildCustomerHistories(lines, 100);
    expect(histories.map((h) => h.customerKey)).toEqual(['good']);
    expect(issues.map((i) => i.customerKey).sort()).toEqual(['bad', 'price', 'worse']);
    expect(issues.find((i) => i.customerKey === 'bad')?.message).toMatch(/invalid date/);
    expect(issues.find((i) => i.customerKey === 'worse')?.message).toMatch(/quantity/);
    expect(issues.find((i) => i.customerKey === 'price')?.message).toMatch(/unit price/);
  });
});

describe('analyzeRhythm', () => {
  it('hand-worked: orders on days 0, 10, 24, 30 seen on day 40', () => {
    const rhythm = analyzeRhythm({ customerKey: 'A', orderDays: [0, 10, 24, 30], quantities: [5, 7, 6, 20], lastUnitPriceCents: null }, 40);
    expect(rhythm.intervalDays).toEqual([10, 14, 6]);
    expect(rhythm.meanIntervalDays).toBe(10);
    // Sample sd of 10, 14, 6: √((0 + 16 + 16)/2) = 4.
    expect(rhythm.intervalSpreadDays).toBeCloseTo(4, 12);
    expect(rhythm.coefficientOfVariation).toBeCloseTo(0.4, 12);
    expect(rhythm.typicalQuantity).toBe(6.5);
    expect(rhythm.meanQuantity).toBe(9.5);
    expect(rhythm.totalQuantity).toBe(38);
    expect(rhythm.daysSinceLastOrder).toBe(10);
    expect(rhythm.orderCount).toBe(4);
  });

  it('has no spread with two orders and no mean with one', () => {
    const two = analyzeRhythm({ customerKey: 'A', orderDays: [0, 9], quantities: [1, 1], lastUnitPriceCents: null }, 20);
    expect(two.meanIntervalDays).toBe(9);
    expect(two.intervalSpreadDays).toBeNull();
    expect(two.coefficientOfVariation).toBeNull();
    const one = analyzeRhythm({ customerKey: 'A', orderDays: [3], quantities: [1], lastUnitPriceCents: null }, 20);
    expect(one.meanIntervalDays).toBeNull();
    expect(() => analyzeRhythm({ customerKey: 'A', orderDays: [], quantities: [], lastUnitPriceCents: null }, 20)).toThrow();
  });

  it('median handles odd, even and empty inputs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
