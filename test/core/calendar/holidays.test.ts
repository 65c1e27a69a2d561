import { describe, expect, it } from 'vitest';
import { holidayDaySet, publicHolidays, supportedCountries } from '../../../core/calendar/holidays';
import { dayFromIso } from '../../../core/dates';

describe('offline holiday calendar', () => {
  it('knows the public holidays of England in 2025', () => {
    const names = publicHolidays('GB', 2025, 2025).map((h) => `${h.date} ${h.name}`);
    expect(names).toContain('2025-12-25 Christmas Day');
    expect(names).toContain('2025-04-18 Good Friday');
    expect(names.every((n) => n.startsWith('2025-'))).toBe(true);
  });

  it('accepts UK as GB and gives nothing for an unknown country', () => {
    expect(publicHolidays('UK', 2025, 2025).length).toBe(publicHolidays('GB', 2025, 2025).length);
    expect(publicHolidays('ZZ', 2025, 2025)).toEqual([]);
  });

  it('gives day numbers within a range', () => {
    const set = holidayDaySet('US', dayFromIso('2025-07-01'), dayFromIso('2025-07-31'));
    expect([...set]).toEqual([dayFromIso('2025-07-04')]);
  });

  it('lists the countries it supports', () => {
    const codes = supportedCountries().map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['GB', 'DE', 'US', 'FR']));
  });
});
