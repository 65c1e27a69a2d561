import { describe, expect, it } from 'vitest';
import { dateRange, setFormatSettings, weeksOfCover } from '../../renderer/src/format';

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

describe('date ranges on screen', () => {
  // ICU puts thin and no-break spaces around the dash; compare with plain spaces.
  const range = (from: string | null, to: string) => dateRange(from, to).replace(/[\u2009\u202f\u00a0]/g, ' ');
  it('share the month and year where they can, in the shop locale', () => {
    setFormatSettings({ locale: 'en-GB', currency: 'GBP' });
    expect(range('2026-11-16', '2026-12-04')).toBe('16 Nov – 4 Dec 2026');
    expect(range('2026-11-16', '2026-11-20')).toBe('16 – 20 Nov 2026');
    expect(range('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(range('2026-11-16', '2026-11-16')).toBe('16 Nov 2026');
    expect(range('2026-12-04', '2026-11-16')).toBe('16 Nov – 4 Dec 2026');
    expect(range(null, '2026-11-16')).toBe('—');
    setFormatSettings({ locale: 'en-US', currency: 'USD' });
    expect(range('2026-11-16', '2026-12-04')).toBe('Nov 16 – Dec 4, 2026');
    setFormatSettings({ locale: 'en-GB', currency: 'GBP' });
  });
});
