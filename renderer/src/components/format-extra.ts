/**
 * Formatting the screens need beyond format.ts, in the shop's locale: fixed decimals
 * (scores such as MASE read best with the same number of digits) and compact date ranges.
 */
function plain(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ');
}

export function fixed(value: number | null | undefined, digits: number, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "6–11 Jan 2027", "28 Oct – 3 Nov 2026", or one date when both ends are the same day. */
export function dateRange(from: string, to: string, locale: string): string {
  const a = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const b = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return plain(from.slice(0, 10) === to.slice(0, 10) ? format.format(a) : format.formatRange(a, b));
}
