import { describe, expect, it } from 'vitest';
import { daysUntilStockout } from '../../../core/alerts/projection';

describe('days until stockout at the forecast’s average pace', () => {
  it('10 on hand, 7 a week (1 a day): 10 days', () => {
    expect(daysUntilStockout(10, [], [7], 7, 0)).toBeCloseTo(10, 10);
  });

  it('a delivery of 7 on day 5 adds 7 days', () => {
    expect(daysUntilStockout(10, [{ quantity: 7, dueInDays: 5 }], [7], 7, 0)).toBeCloseTo(17, 10);
  });

  it('a delivery after the shelf empties does not prevent the stockout', () => {
    expect(daysUntilStockout(3, [{ quantity: 50, dueInDays: 5 }], [7], 7, 0)).toBeCloseTo(3, 10);
  });

  it('starts part-way through the current period: 3 days into weeks of 14 (2 a day), 10 on hand last 5 days', () => {
    expect(daysUntilStockout(10, [], [14, 14], 7, 3)).toBeCloseTo(5, 10);
    // the rest of this week sells 8, next week nothing: the 10 last
    expect(daysUntilStockout(10, [], [14, 0], 7, 3)).toBeNull();
  });

  it('follows the changing pace: week 1 sells 7, week 2 sells 14', () => {
    // 7 in the first week, then 2 a day: 11 left after 7 days → 5.5 more days
    expect(daysUntilStockout(18, [], [7, 14], 7, 0)).toBeCloseTo(12.5, 10);
  });

  it('repeats the last period beyond the horizon', () => {
    expect(daysUntilStockout(70, [], [7], 7, 0)).toBeCloseTo(70, 10);
  });

  it('empty now: 0; nothing expected to sell: never', () => {
    expect(daysUntilStockout(0, [], [7], 7, 0)).toBe(0);
    expect(daysUntilStockout(5, [], [0, 0], 7, 0)).toBeNull();
    expect(daysUntilStockout(500, [], [7], 7, 0, 365)).toBeNull();
  });
});
