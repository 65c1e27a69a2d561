/** Formatting of numbers that reach the screen: the shop's locale and currency, no raw floats. */
export interface FormatSettings {
  locale: string;
  currency: string;
}

let current: FormatSettings = { locale: 'en-GB', currency: 'GBP' };

export function setFormatSettings(settings: FormatSettings): void {
  current = settings;
}

export function money(cents: number | null | undefined, options: { whole?: boolean } = {}): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  return new Intl.NumberFormat(current.locale, {
    style: 'currency',
    currency: current.currency,
    maximumFractionDigits: options.whole ? 0 : 2,
    minimumFractionDigits: options.whole ? 0 : 2,
  }).format(cents / 100);
}

export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(current.locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function pct(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(current.locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(current.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A span of days (ISO dates), as compact as the locale allows: "16 Nov – 4 Dec 2026". */
export function dateRange(fromIso: string | null | undefined, toIso: string | null | undefined): string {
  if (!fromIso || !toIso) return '—';
  const from = new Date(`${fromIso.slice(0, 10)}T00:00:00Z`);
  const to = new Date(`${toIso.slice(0, 10)}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(current.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return from.getTime() <= to.getTime() ? format.formatRange(from, to) : format.formatRange(to, from);
}

/** A moment (ISO timestamp) in the shop's locale and the computer's time zone. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return '—';
  return new Intl.DateTimeFormat(current.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(moment);
}

/**
 * Weeks of cover, readable: a product that sells once a year can have thousands of weeks
 * of cover, which says "years" better as a number of years.
 */
export function weeksOfCover(weeks: number | null | undefined, digits = 0): string {
  if (weeks === null || weeks === undefined || !Number.isFinite(weeks)) return '—';
  if (weeks >= 104) return `${num(Math.floor(weeks / 52))}+ years`;
  return num(weeks, digits);
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${num(size / 1024, 0)} KB`;
  return `${num(size / (1024 * 1024), 1)} MB`;
}
