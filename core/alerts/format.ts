/**
 * Number formatting for text the core writes for the owner (alert messages, the weekly
 * summary): the shop's locale and currency, whole units where units are whole, no raw floats.
 */
import { dateFromDay } from '../dates';

export interface TextFormat {
  money(cents: number): string;
  /** Quantities: whole numbers stay whole, others keep one decimal (sold by weight). */
  qty(value: number): string;
  percent(fraction: number): string;
  /** "3 Nov 2025" */
  day(day: number): string;
  /** "3–9 Nov 2025", "28 Oct – 3 Nov 2025" */
  dayRange(first: number, last: number): string;
  decimal(value: number, digits: number): string;
}

/** Intl puts narrow and no-break spaces in numbers and ranges; PDF fonts and plain text want spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

export function makeTextFormat(locale: string, currency: string): TextFormat {
  const safeLocale = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-GB';
  const moneyFormat = new Intl.NumberFormat(safeLocale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const moneyCents = new Intl.NumberFormat(safeLocale, { style: 'currency', currency });
  const whole = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const percentFormat = new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(safeLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    // Amounts of 100 or more are shown whole; small amounts keep their pence.
    money: (cents) => plain(Math.abs(cents) >= 10_000 ? moneyFormat.format(Math.round(cents / 100)) : moneyCents.format(cents / 100)),
    qty: (value) => plain(Math.abs(value - Math.round(value)) < 0.05 ? whole.format(Math.round(value) || 0) : oneDecimal.format(value)),
    percent: (fraction) => plain(percentFormat.format(fraction)),
    day: (day) => plain(dateFormat.format(dateFromDay(day))),
    dayRange: (first, last) => plain(dateFormat.formatRange(dateFromDay(first), dateFromDay(last))),
    decimal: (value, digits) => plain(new Intl.NumberFormat(safeLocale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)),
  };
}
