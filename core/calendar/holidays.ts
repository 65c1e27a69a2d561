import Holidays from 'date-holidays';
import { dayFromIso } from '../dates';

export interface PublicHoliday {
  day: number;
  date: string;
  name: string;
}

const cache = new Map<string, PublicHoliday[]>();

/**
 * Public holidays of a country from the offline calendar shipped with date-holidays
 * (no network). Unknown countries give an empty list rather than an error: a shop in a
 * country the calendar lacks still gets forecasts, just without holiday marks.
 */
export function publicHolidays(country: string, fromYear: number, toYear: number): PublicHoliday[] {
  const key = `${country}:${fromYear}:${toYear}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const code = country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase();
  const known = Object.hasOwn(new Holidays().getCountries('en') as Record<string, string>, code);
  const list: PublicHoliday[] = [];
  if (known) {
    const calendar = new Holidays(code, { languages: ['en'] });
    for (let year = fromYear; year <= toYear; year++) {
      for (const holiday of calendar.getHolidays(year) ?? []) {
        if (holiday.type !== 'public') continue;
        const date = holiday.date.slice(0, 10);
        list.push({ day: dayFromIso(date), date, name: holiday.name });
      }
    }
  }
  list.sort((a, b) => a.day - b.day);
  cache.set(key, list);
  return list;
}

export function holidayDaySet(country: string, fromDay: number, toDay: number): Set<number> {
  const fromYear = new Date(fromDay * 86_400_000).getUTCFullYear();
  const toYear = new Date(toDay * 86_400_000).getUTCFullYear();
  return new Set(publicHolidays(country, fromYear, toYear).filter((h) => h.day >= fromDay && h.day <= toDay).map((h) => h.day));
}

export function supportedCountries(): Array<{ code: string; name: string }> {
  const countries = new Holidays().getCountries('en') as Record<string, string>;
  return Object.entries(countries)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
