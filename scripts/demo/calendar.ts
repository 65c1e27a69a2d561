/**
 * Day arithmetic and the shop's calendar. Days are integer day numbers since 1970-01-01
 * (the workspace's convention); weekdays are 0 = Monday … 6 = Sunday.
 */
import Holidays from 'date-holidays';

const MS_PER_DAY = 86_400_000;

export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 'yyyymmdd', used in order numbers. */
export function compactDate(day: number): string {
  return isoFromDay(day).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dayOfMonth(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of the year, 0-based. */
export function dayOfYear(day: number): number {
  return day - Date.UTC(yearOf(day), 0, 1) / MS_PER_DAY;
}

export interface ShopCalendar {
  startDay: number;
  endDay: number;
  /** Public holidays from date-holidays (country, type 'public'): day → English name. */
  publicHolidays: Map<number, string>;
  /** Days the shop does not trade (Christmas Day, Boxing Day, New Year's Day, the refit). */
  closedDays: Set<number>;
  /** Easter Sunday of every year touched by the simulation and its planning horizon. */
  easterSundays: number[];
}

/** Holidays on which the shop closes; on other public holidays it trades (and is busy). */
const CLOSING_HOLIDAYS = ['Christmas Day', 'Boxing Day', "New Year's Day"];

export function buildCalendar(startIso: string, endIso: string, countryCode: string, extraClosedDays: number[]): ShopCalendar {
  const startDay = dayFromIso(startIso);
  const endDay = dayFromIso(endIso);
  const calendar = new Holidays(countryCode);
  const publicHolidays = new Map<number, string>();
  const closedDays = new Set<number>(extraClosedDays);
  const easterSundays: number[] = [];
  for (let year = yearOf(startDay); year <= yearOf(endDay) + 1; year++) {
    for (const holiday of calendar.getHolidays(year, 'en')) {
      const day = dayFromIso(holiday.date.slice(0, 10));
      if (holiday.type === 'public') {
        publicHolidays.set(day, holiday.name);
        if (CLOSING_HOLIDAYS.includes(holiday.name)) closedDays.add(day);
      }
      if (holiday.name === 'Good Friday') easterSundays.push(day + 2);
    }
  }
  return { startDay, endDay, publicHolidays, closedDays, easterSundays };
}

export function isOpen(calendar: ShopCalendar, day: number): boolean {
  return !calendar.closedDays.has(day);
}

/** The first day on or after `day` when the shop is open (deliveries wait for it). */
export function nextOpenDay(calendar: ShopCalendar, day: number): number {
  let candidate = day;
  while (calendar.closedDays.has(candidate)) candidate++;
  return candidate;
}
