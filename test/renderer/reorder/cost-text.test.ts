import { describe, expect, it } from 'vitest';
import { costText } from '../../../renderer/src/components/reorder/cost-text';
import { setFormatSettings } from '../../../renderer/src/format';

describe('the money of order lines with unknown costs', () => {
  setFormatSettings({ locale: 'en-GB', currency: 'GBP' });
  it('says what it leaves out instead of counting an unknown cost as £0', () => {
    expect(costText(123_45, 0, 3)).toBe('£123.45');
    expect(costText(123_45, 1, 3)).toBe('£123.45 + 1 line without a unit cost');
    expect(costText(0, 2, 3)).toBe('£0.00 + 2 lines without a unit cost');
    expect(costText(0, 3, 3)).toBe('cost unknown (no unit costs)');
    expect(costText(0, 0, 0)).toBe('£0.00');
  });
});
