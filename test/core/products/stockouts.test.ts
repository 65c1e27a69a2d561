import { describe, expect, it } from 'vitest';
import { stockoutPeriods } from '../../../core/products/stockouts';

describe('stockout periods from stock counts', () => {
  it('runs from a zero count to the day before stock is back (a positive count or a sale)', () => {
    const counts = [
      { day: 10, onHand: 5 },
      { day: 20, onHand: 0 },
      { day: 30, onHand: 8 },
    ];
    expect(stockoutPeriods(counts, [], 40)).toEqual([{ start: 20, end: 29 }]);
    expect(stockoutPeriods(counts, [5, 25], 40)).toEqual([{ start: 20, end: 24 }]);
  });

  it('lasts to the as-of day when nothing shows stock coming back', () => {
    expect(stockoutPeriods([{ day: 20, onHand: 0 }], [3, 20], 40)).toEqual([{ start: 20, end: 40 }]);
  });

  it('merges repeated zero counts and starts a new period after stock came back', () => {
    const counts = [
      { day: 20, onHand: 0 },
      { day: 22, onHand: 0 },
      { day: 30, onHand: 4 },
      { day: 35, onHand: -1 },
    ];
    expect(stockoutPeriods(counts, [], 40)).toEqual([
      { start: 20, end: 29 },
      { start: 35, end: 40 },
    ]);
  });

  it('no zero count, no stockout', () => {
    expect(stockoutPeriods([{ day: 1, onHand: 3 }], [], 10)).toEqual([]);
  });
});
