/**
 * Number and date formatting for reports: the shop's currency and locale from settings,
 * made safe for the PDF's built-in Helvetica (WinAnsi encoding, which has £, €, ¥, ±, —
 * but not the narrow or thin spaces and the minus sign some locales use).
 */
import { isoFromDay } from '../dates';

export interface ReportLocale {
  currency: string;
  locale: string;
}

const WINANSI_REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u202f\u2009\u2007]/g, '\u00a0'],
  [/\u2212/g, '-'],
  [/[\u2018\u2019]/g, "'"],
];

/** Replaces characters the PDF's standard fonts cannot draw with their closest WinAnsi twin. */
export function pdfSafe(text: string): string {
  let out = text;
  for (const [pattern, replacement] of WINANSI_REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

export function formatMoney(cents: number | null, where: ReportLocale): string {
  if (cents === null || !Number.isFinite(cents)) return '—';
  return new Intl.NumberFormat(where.locale, { style: 'currency', currency: where.currency }).format(cents / 100);
}

/** Whole quantities without decimals, fractional ones (weights) with up to two. */
export function formatUnits(value: number, where: ReportLocale): string {
  return new Intl.NumberFormat(where.locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatDay(day: number | null, where: ReportLocale): string {
  if (day === null) return '—';
  return new Intl.DateTimeFormat(where.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoFromDay(day)}T00:00:00Z`));
}

/** Money as a plain decimal for CSV (no symbol, dot decimal, so spreadsheets read it). */
export function csvMoney(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2);
}

export function csvNumber(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '';
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
