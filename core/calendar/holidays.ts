/**
 * Public holidays from the offline calendar (date-holidays ships its data; no network).
 * Only type 'public' (days most shops see as holidays), English names. The country is the
 * two-letter code from settings; 'UK' is accepted as the common alias of 'GB', which is
 * the code date-holidays knows.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { dayFromIso } from '../dates';

// Loaded on first use: the calendar's data takes ~0.2 s to load, which every CLI command
// and app start would otherwise pay even when it never looks at a holiday.
let holidaysClass: typeof Holidays | undefined;
function newHolidays(country?: string, options?: { languages: string[] }): Holidays {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return country === undefined ? new holidaysClass() : new holidaysClass(country, options);
}

export interface PublicHoliday {
  /** Day number. */
  day: number;
  name: string;
}

function calendarCountry(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'UK' ? 'GB' : code;
}

let countries: Record<string, string> | undefined;
function countryNames(): Record<string, string> {
  countries ??= newHolidays().getCountries('en');
  return countries;
}

/** Countries the offline calendar knows, by code, with English names, sorted by name. */
export function holidayCountries(): Array<{ code: string; name: string }> {
  return Object.entries(countryNames())
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(countryNames(), calendarCountry(country));
}

const cache = new Map<string, PublicHoliday[]>();

function holidaysOfYear(country: string, year: number): PublicHoliday[] {
  const cacheKey = `${country}:${year}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const calendar = newHolidays(country, { languages: ['en'] });
  const list = (calendar.getHolidays(year, 'en') || [])
    .filter((h) => h.type === 'public')
    // h.date is the local calendar date "YYYY-MM-DD hh:mm:ss": its date part is the day.
    .map((h) => ({ day: dayFromIso(h.date.slice(0, 10)), name: h.name }));
  // A few calendars list a holiday twice (substitute days): one entry per day and name.
  const seen = new Set<string>();
  const unique = list.filter((h) => {
    const k = `${h.day}:${h.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => a.day - b.day);
  cache.set(cacheKey, unique);
  return unique;
}

/** Public holidays of `country` with day numbers in [fromDay, toDay], in date order. */
export function publicHolidays(country: string, fromDay: number, toDay: number): PublicHoliday[] {
  const code = calendarCountry(country);
  if (!isKnownCountry(code) || toDay < fromDay) return [];
  const firstYear = new Date(fromDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(toDay * 86_400_000).getUTCFullYear();
  const out: PublicHoliday[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of holidaysOfYear(code, year)) if (h.day >= fromDay && h.day <= toDay) out.push(h);
  }
  return out;
}

/** The public-holiday days in [fromDay, toDay] as a set (for marking series periods). */
export function holidayDaySet(country: string, fromDay: number, toDay: number): Set<number> {
  return new Set(publicHolidays(country, fromDay, toDay).map((h) => h.day));
}
