/**
 * Calendar parts of a day number (days since 1970-01-01, UTC), by integer arithmetic
 * (H. Hinnant, "chrono-compatible low-level date algorithms", civil_from_days) so that
 * feature building over hundreds of thousands of rows never allocates a Date.
 */
import { monthsPerPeriod } from '../../frequency';
import type { Frequency } from '../../types';

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthPrime = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthPrime + 2) / 5) + 1;
  const month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthPrime = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthPrime + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** 1-based day of the year. */
export function dayOfYear(dayNumber: number): number {
  const { year } = civilFromDays(dayNumber);
  return dayNumber - daysFromCivil(year, 1, 1) + 1;
}

/** Simple week of year, 1..53: week k holds days 7(k-1)+1 .. 7k of the year. */
export function weekOfYear(dayNumber: number): number {
  return Math.floor((dayOfYear(dayNumber) - 1) / 7) + 1;
}

/**
 * Day number of period `t` of a series starting on `startDay` at the given frequency: for
 * months, quarters and years the same day of the month t periods later (at most the 28th,
 * so it exists in every month).
 */
export function periodDay(startDay: number, frequency: Frequency, t: number): number {
  if (frequency === 'D') return startDay + t;
  if (frequency === 'W') return startDay + 7 * t;
  const { year, month, day } = civilFromDays(startDay);
  const monthIndex = month - 1 + t * monthsPerPeriod(frequency);
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (((monthIndex % 12) + 12) % 12) + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, 28));
}
