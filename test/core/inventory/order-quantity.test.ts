import { describe, expect, it } from 'vitest';
import { applyBudget, economicOrderQuantity, roundOrderQuantity } from '../../../core/inventory/order-quantity';

describe('roundOrderQuantity', () => {
  it('rounds up to whole cases', () => {
    expect(roundOrderQuantity(13, 12, 0)).toBe(24);
    expect(roundOrderQuantity(24, 12, 0)).toBe(24);
    expect(roundOrderQuantity(24.000000000004, 12, 0)).toBe(24);
  });
  it('lifts to the MOQ, itself rounded up to cases', () => {
    expect(roundOrderQuantity(5, 12, 30)).toBe(36);
    expect(roundOrderQuantity(5, 1, 30)).toBe(30);
  });
  it('no need, no order, whatever the MOQ', () => {
    expect(roundOrderQuantity(0, 12, 30)).toBe(0);
    expect(roundOrderQuantity(-4, 12, 30)).toBe(0);
  });
  it('fractional packs (sold by weight)', () => {
    expect(roundOrderQuantity(1.2, 0.5, 0)).toBeCloseTo(1.5, 12);
  });
});

describe('economicOrderQuantity', () => {
  it('√(2·5200·2500 / (0.25·400)) = √260000 ≈ 509.9', () => {
    expect(economicOrderQuantity(5200, 2500, 0.25, 400)).toBeCloseTo(Math.sqrt(260000), 9);
  });
  it('undefined without a cost', () => {
    expect(economicOrderQuantity(5200, 2500, 0.25, null)).toBeNull();
    expect(economicOrderQuantity(5200, 2500, 0, 400)).toBeNull();
  });
});

describe('applyBudget', () => {
  it('keeps the lines with most shortage avoided per unit of money, skipping one that no longer fits', () => {
    const outcome = applyBudget(
      [
        { key: 'a', quantity: 10, costCents: 1000, expectedShortageAvoided: 5 }, // 0.005 per cent
        { key: 'b', quantity: 10, costCents: 600, expectedShortageAvoided: 6 }, // 0.010
        { key: 'c', quantity: 10, costCents: 500, expectedShortageAvoided: 1 }, // 0.002
        { key: 'd', quantity: 4, costCents: null, expectedShortageAvoided: 1 },
      ],
      1200,
    );
    // b (600) first, a (1000) does not fit in the 600 left, c (500) does.
    expect(outcome.kept).toEqual(['d', 'b', 'c']);
    expect(outcome.dropped).toEqual(['a']);
    expect(outcome.spentCents).toBe(1100);
  });
});
