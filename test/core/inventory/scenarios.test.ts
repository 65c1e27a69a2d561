import { describe, expect, it } from 'vitest';
import { cumulativeFromOrigin, demandBetween, firstStockoutDay, makeScenarios } from '../../../core/inventory/scenarios';

describe('demand over spans of days on weekly paths', () => {
  const scenarios = makeScenarios([Float64Array.from([7, 14, 21])], 7);

  it('takes whole periods and the used fraction of a partial one', () => {
    // 10 days = week 0 (7) + 3/7 of week 1 (14 · 3/7 = 6)
    expect(demandBetween(scenarios, 0, 10)[0]).toBeCloseTo(13, 12);
  });

  it('skips the part of period 0 already gone when now is mid-week', () => {
    const midWeek = makeScenarios([Float64Array.from([7, 14, 21])], 7, 3.5);
    // days 3.5–7 of week 0: 3.5; days 7–13.5: 6.5/7 of 14 = 13
    expect(demandBetween(midWeek, 0, 10)[0]).toBeCloseTo(16.5, 12);
  });

  it('repeats the last period beyond the horizon', () => {
    expect(cumulativeFromOrigin(Float64Array.from([7, 14, 21]), 7, 35)).toBeCloseTo(7 + 14 + 21 * 3, 12);
  });

  it('treats negative and missing demand as none', () => {
    const s = makeScenarios([Float64Array.from([-5, Number.NaN, 7])], 7);
    expect(Array.from(s.paths[0]!)).toEqual([0, 0, 7]);
  });

  it('refuses paths of unequal length', () => {
    expect(() => makeScenarios([new Float64Array(2), new Float64Array(3)], 7)).toThrow(/differ in length/);
  });
});

describe('first stockout day', () => {
  // 7 a week = 1 a day.
  const steady = makeScenarios([Float64Array.from([7, 7, 7, 7])], 7);

  it('3 units run out on day 3', () => {
    expect(firstStockoutDay(steady, 0, 3, [], 28)).toBeCloseTo(3, 12);
  });

  it('a delivery of 5 on day 2 stretches 3 units to day 8', () => {
    expect(firstStockoutDay(steady, 0, 3, [{ quantity: 5, dueInDays: 2 }], 28)).toBeCloseTo(8, 12);
  });

  it('a delivery that comes too late does not help: 1 unit runs out on day 1 before a day-2 delivery', () => {
    expect(firstStockoutDay(steady, 0, 1, [{ quantity: 5, dueInDays: 2 }], 28)).toBeCloseTo(1, 12);
  });

  it('never within the window: Infinity', () => {
    expect(firstStockoutDay(steady, 0, 100, [], 28)).toBe(Infinity);
  });

  it('already short: day 0', () => {
    expect(firstStockoutDay(steady, 0, -2, [], 28)).toBe(0);
  });
});
