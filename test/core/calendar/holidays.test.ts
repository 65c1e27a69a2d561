import { describe, expect, it } from 'vitest';
import { holidayCountries, holidayDaySet, isKnownCountry, publicHolidays } from '../../../core/calendar/holidays';
import { dayFromIso, isoFromDay } from '../../../core/dates';

const range = (from: string, to: string) => [dayFromIso(from), dayFromIso(to)] as const;

describe('offline public holidays', () => {
  it('knows the UK’s 2025 bank holidays common to all its nations (as GB)', () => {
    const list = publicHolidays('GB', ...range('2025-01-01', '2025-12-31')).map((h) => `${isoFromDay(h.day)} ${h.name}`);
    expect(list).toEqual([
      "2025-01-01 New Year's Day",
      '2025-04-18 Good Friday',
      '2025-04-21 Easter Monday',
      '2025-05-05 Early May bank holiday',
      '2025-05-26 Spring bank holiday',
      '2025-12-25 Christmas Day',
      '2025-12-26 Boxing Day',
    ]);
  });

  it('accepts UK as an alias of GB and clips to the range', () => {
    expect(publicHolidays('UK', ...range('2025-12-20', '2025-12-25')).map((h) => h.name)).toEqual(['Christmas Day']);
    expect(publicHolidays('gb', ...range('2025-12-20', '2025-12-25'))).toHaveLength(1);
  });

  it('spans years and returns only public holidays, in date order', () => {
    const days = publicHolidays('DE', ...range('2024-12-01', '2025-01-31')).map((h) => isoFromDay(h.day));
    expect(days).toEqual(['2024-12-25', '2024-12-26', '2025-01-01']);
  });

  it('an unknown country or an empty range gives no holidays', () => {
    expect(publicHolidays('XX', ...range('2025-01-01', '2025-12-31'))).toEqual([]);
    expect(publicHolidays('GB', dayFromIso('2025-12-31'), dayFromIso('2025-01-01'))).toEqual([]);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('UK')).toBe(true);
  });

  it('lists the calendar’s countries with English names', () => {
    const countries = holidayCountries();
    expect(countries.length).toBeGreaterThan(100);
    expect(countries).toContainEqual({ code: 'GB', name: 'United Kingdom' });
    expect(countries).toContainEqual({ code: 'DE', name: 'Germany' });
  });

  it('gives the days within a range as a set', () => {
    const set = holidayDaySet('US', dayFromIso('2025-07-01'), dayFromIso('2025-07-31'));
    expect([...set]).toEqual([dayFromIso('2025-07-04')]);
  });
});
