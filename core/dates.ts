/** Calendar days as integers: days since 1970-01-01 (UTC). The workspace stores days this way. */
const MS_PER_DAY = 86_400_000;

export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
}

export function dayFromParts(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateFromDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** 0 = Monday … 6 = Sunday (ISO weekday minus one). */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** The first day of the week holding `day`, weeks starting on Monday or Sunday. */
export function weekStartOfDay(day: number, weekStart: 'monday' | 'sunday' = 'monday'): number {
  const offset = weekStart === 'monday' ? weekdayOfDay(day) : (weekdayOfDay(day) + 1) % 7;
  return day - offset;
}

export function todayDay(now: Date = new Date()): number {
  return Math.floor(now.getTime() / MS_PER_DAY);
}
