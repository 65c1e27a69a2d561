import { describe, expect, it } from 'vitest';
import { setFormatSettings, weeksOfCover } from '../../renderer/src/format';

describe('weeks of cover on screen', () => {
  setFormatSettings({ locale: 'en-GB', currency: 'GBP' });
  it('reads as weeks up to two years, then as whole years', () => {
    expect(weeksOfCover(38)).toBe('38');
    expect(weeksOfCover(22.34, 1)).toBe('22.3');
    expect(weeksOfCover(103.9)).toBe('104');
    expect(weeksOfCover(104)).toBe('2+ years');
    expect(weeksOfCover(9409)).toBe('180+ years');
    expect(weeksOfCover(null)).toBe('—');
    expect(weeksOfCover(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
