import { describe, expect, it } from 'vitest';
import { holidayCountries, holidayDaySet, publicHolidays } from '../../../core/calendar/holidays';
import { dayFromIso, isoFromDay } from '../../../core/dates';

describe('offline holiday calendar', () => {
  it('knows the public holidays of the United Kingdom in 2025', () => {
    const list = publicHolidays('GB', dayFromIso('2025-01-01'), dayFromIso('2025-12-31')).map((h) => `${isoFromDay(h.day)} ${h.name}`);
    expect(list).toContain('2025-12-25 Christmas Day');
    expect(list).toContain('2025-04-18 Good Friday');
    expect(list.every((n) => n.startsWith('2025-'))).toBe(true);
  });

  it('accepts UK as GB and gives nothing for an unknown country', () => {
    const range = [dayFromIso('2025-01-01'), dayFromIso('2025-12-31')] as const;
    expect(publicHolidays('UK', ...range).length).toBe(publicHolidays('GB', ...range).length);
    expect(publicHolidays('ZZ', ...range)).toEqual([]);
  });

  it('gives the days within a range as a set', () => {
    const set = holidayDaySet('US', dayFromIso('2025-07-01'), dayFromIso('2025-07-31'));
    expect([...set]).toEqual([dayFromIso('2025-07-04')]);
  });

  it('lists the countries it supports', () => {
    expect(holidayCountries().map((c) => c.code)).toEqual(expect.arrayContaining(['GB', 'DE', 'US', 'FR']));
  });
});
