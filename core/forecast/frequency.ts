/**
 * What a data frequency means in calendar terms, in one place: every frequency-dependent
 * default (history caps, windows, feature lags, period lengths) derives from these rather
 * than from its own chain of `frequency === ...` tests.
 */
import type { Frequency } from './types';

export const FREQUENCIES: readonly Frequency[] = ['D', 'W', 'M', 'Q', 'Y'];

export const FREQUENCY_NAMES: Record<Frequency, string> = { D: 'daily', W: 'weekly', M: 'monthly', Q: 'quarterly', Y: 'yearly' };

/** Calendar months per period: 1 monthly, 3 quarterly, 12 yearly; 0 for days and weeks, which are counted in days. */
export function monthsPerPeriod(frequency: Frequency): number {
  return frequency === 'M' ? 1 : frequency === 'Q' ? 3 : frequency === 'Y' ? 12 : 0;
}

/** Average period length in days: 1, 7, and 365.25 / 12 per calendar month. */
export function averagePeriodDays(frequency: Frequency): number {
  if (frequency === 'D') return 1;
  if (frequency === 'W') return 7;
  return (365.25 / 12) * monthsPerPeriod(frequency);
}

/** Periods in a year, as whole periods: 365 days, 52 weeks, 12 months, 4 quarters, 1 year. */
export function periodsPerYear(frequency: Frequency): number {
  if (frequency === 'D') return 365;
  if (frequency === 'W') return 52;
  return 12 / monthsPerPeriod(frequency);
}

/**
 * Periods since 1970 of a day number (days since 1970-01-01): days, Monday-based weeks, or
 * calendar months, quarters and years (a date anywhere inside a quarter is that quarter).
 */
export function calendarPeriod(day: number, frequency: Frequency): number {
  if (frequency === 'D') return day;
  if (frequency === 'W') return Math.floor((day + 3) / 7);
  const date = new Date(day * 86_400_000);
  const months = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
  return Math.floor(months / monthsPerPeriod(frequency));
}

/**
 * Recent periods per series a global model trains on: 2 years of days, `weeklyYears` years of
 * weeks, 10 years of months or quarters, 30 years. Older periods add rows, not knowledge of
 * today's demand.
 */
export function recentTrainingPeriods(frequency: Frequency, weeklyYears: number): number {
  switch (frequency) {
    case 'D':
      return 730;
    case 'W':
      return 52 * weeklyYears;
    case 'M':
      return 120;
    case 'Q':
      return 40;
    case 'Y':
      return 30;
  }
}
