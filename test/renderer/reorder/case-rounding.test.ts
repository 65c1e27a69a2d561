import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundOrderQuantity } from '../../../core/inventory/order-quantity';
import { caseRounding } from '../../../renderer/src/components/reorder/case-rounding';
import { setFormatSettings } from '../../../renderer/src/format';

describe('the case rounding the Reorder screen shows before saving', () => {
  setFormatSettings({ locale: 'en-GB', currency: 'GBP' });
  it('says what a quantity becomes: up to whole cases, at least the MOQ', () => {
    expect(caseRounding('30', 12, 0)).toEqual({ quantity: 36, note: '30 → 36 (3 cases of 12)' });
    expect(caseRounding('36', 12, 0)).toEqual({ quantity: 36, note: '36 (3 cases of 12)' });
    expect(caseRounding('12', 12, 0)).toEqual({ quantity: 12, note: '12 (1 case of 12)' });
    expect(caseRounding('5', 6, 12)).toEqual({ quantity: 12, note: '5 → 12 (2 cases of 6; the minimum order is 12)' });
    expect(caseRounding('3', 1, 10)).toEqual({ quantity: 10, note: '3 → 10 (the minimum order is 10)' });
    expect(caseRounding('7', 1, 0)).toEqual({ quantity: 7, note: null });
    expect(caseRounding('2.5', 1, 0)).toEqual({ quantity: 3, note: '2.5 → 3' });
  });

  it('saves nothing for an empty, zero, negative or unreadable entry', () => {
    for (const entry of ['', '0', '-4', 'abc']) expect(caseRounding(entry, 12, 0)).toEqual({ quantity: 0, note: null });
  });

  it('always lands on a whole number of cases, at or above both the entry and the MOQ', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 5000, noNaN: true })), fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 200 }), (entry, pack, moq) => {
        const { quantity } = caseRounding(String(entry), pack, moq);
        expect(Number.isInteger(quantity / pack)).toBe(true);
        expect(quantity).toBeGreaterThanOrEqual(Math.max(entry, moq));
        expect(quantity - pack).toBeLessThan(Math.max(entry, moq));
        // The screen's preview is what the main process will save.
        expect(quantity).toBe(roundOrderQuantity(entry, pack, moq));
      }),
    );
  });
});
