import type { DateOrder, DecimalSeparator } from '../contract/commands/import';

/**
 * Cell parsers for imported files. They return NaN (numbers, dates) or null (text) for a
 * value they cannot read; the caller turns that into a rejection with a plain reason.
 * Dates come back as seconds since 1970-01-01 of the local date and time written in the
 * cell (time zones are ignored: a shop's export is in the shop's own time).
 */

export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function validDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads `length` ASCII digits at `start`; -1 if any is not a digit. */
function digitsAt(s: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  // a few common non-English abbreviations (EU exports)
  janv: 1, fev: 2, fevr: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, aout: 8, okt: 10, dez: 12, mrz: 3, maerz: 3, ene: 1, abr: 4, ago: 8, dic: 12, gen: 1, mag: 5, giu: 6, lug: 7, set: 9, ott: 10,
};

function monthFromName(name: string): number {
  return MONTHS[name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '')] ?? 0;
}

function expandYear(year: number, digits: number): number {
  if (digits === 4) return year;
  if (digits === 2) return year < 70 ? 2000 + year : 1900 + year;
  return Number.NaN;
}

const TIME_PART = /^[T\s,]*(\d{1,2})[:h.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(.*)$/;
const ZONE_PART = /^(?:Z|z|UTC|GMT|[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)?$/;

/** Seconds into the day of "14:05", "2:05 PM", "14:05:09.123", or NaN. */
export function parseTimeOfDay(text: string): number {
  const match = TIME_PART.exec(text.trim());
  if (!match) return Number.NaN;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return Number.NaN;
    if (hours === 12) hours = 0;
    if (meridiem === 'p') hours += 12;
  }
  if (hours > 23 || minutes > 59 || seconds > 60) return Number.NaN;
  if (!ZONE_PART.test((match[5] ?? '').trim())) return Number.NaN;
  return hours * 3600 + minutes * 60 + Math.min(seconds, 59);
}

/** What follows a date: nothing, a time (with an optional zone), or just a zone. */
function restSeconds(rest: string): number {
  const trimmed = rest.trim();
  if (trimmed === '') return 0;
  if (ZONE_PART.test(trimmed.replace(/^T/, ''))) return 0;
  return parseTimeOfDay(trimmed);
}

function combine(year: number, month: number, day: number, rest: string): number {
  if (!validDate(year, month, day)) return Number.NaN;
  const seconds = restSeconds(rest);
  if (Number.isNaN(seconds)) return Number.NaN;
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + seconds;
}

const NUMERIC_DATE = /^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})(?![\d])(.*)$/;
const DAY_MONTHNAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z\u00C0-\u017F]{3,10})\.?[\s\-/.,]+(\d{4}|\d{2})(?![\d])(.*)$/;
const MONTHNAME_DAY_YEAR = /^([A-Za-z\u00C0-\u017F]{3,10})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})(?![\d])(.*)$/;
const YEAR_MONTHNAME_DAY = /^(\d{4})[\s\-/.]+([A-Za-z\u00C0-\u017F]{3,10})\.?[\s\-/.]+(\d{1,2})(?![\d])(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const WEEKDAY_PREFIX = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (Excel counts a 29 Feb 1900 that never was). */
const EXCEL_EPOCH_SERIAL = 25_569;

/**
 * Parses a date (with or without a time of day) into seconds since 1970-01-01, or NaN.
 * `order` decides dates like 03/04/2024; year-first dates and month names are read as written.
 */
export function parseDateTime(text: string, order: DateOrder): number {
  // Fast path: ISO 8601 (YYYY-MM-DD, optionally followed by a time).
  if (text.length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) {
      if (text.length === 10) return validDate(year, month, day) ? daysFromCivil(year, month, day) * SECONDS_PER_DAY : Number.NaN;
      return combine(year, month, day, text.slice(10));
    }
  }
  const s = text.trim().replace(WEEKDAY_PREFIX, '');
  if (s === '') return Number.NaN;

  let match = NUMERIC_DATE.exec(s);
  if (match) {
    const [, a = '', , b = '', c = '', rest = ''] = match;
    if (a.length === 4) return combine(Number(a), Number(b), Number(c), rest);
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return Number.NaN;
    if (order === 'ymd') return combine(expandYear(Number(a), a.length), Number(b), Number(c), rest);
    const year = expandYear(Number(c), c.length);
    return order === 'dmy' ? combine(year, Number(b), Number(a), rest) : combine(year, Number(a), Number(b), rest);
  }
  match = DAY_MONTHNAME_YEAR.exec(s);
  if (match) {
    const month = monthFromName(match[2] ?? '');
    const yearText = match[3] ?? '';
    if (month > 0) return combine(expandYear(Number(yearText), yearText.length), month, Number(match[1]), match[4] ?? '');
  }
  match = MONTHNAME_DAY_YEAR.exec(s);
  if (match) {
    const month = monthFromName(match[1] ?? '');
    const yearText = match[3] ?? '';
    if (month > 0) return combine(expandYear(Number(yearText), yearText.length), month, Number(match[2]), match[4] ?? '');
  }
  match = YEAR_MONTHNAME_DAY.exec(s);
  if (match) {
    const month = monthFromName(match[2] ?? '');
    if (month > 0) return combine(Number(match[1]), month, Number(match[3]), match[4] ?? '');
  }
  match = COMPACT.exec(s);
  if (match) return combine(Number(match[1]), Number(match[2]), Number(match[3]), '');
  if (SERIAL.test(s)) {
    const serial = Number(s);
    if (serial >= 10_000 && serial < 73_051 /* 2100-01-01 */) {
      const seconds = Math.round((serial - EXCEL_EPOCH_SERIAL) * SECONDS_PER_DAY);
      return seconds;
    }
  }
  return Number.NaN;
}

/** What one date cell says about the day/month order. */
export type OrderEvidence = 'dmy' | 'mdy' | 'either' | 'fixed' | 'invalid';

export function dateOrderEvidence(text: string): OrderEvidence {
  const s = text.trim().replace(WEEKDAY_PREFIX, '');
  if (s === '') return 'invalid';
  const match = NUMERIC_DATE.exec(s);
  if (!match) return Number.isNaN(parseDateTime(s, 'dmy')) ? 'invalid' : 'fixed';
  const [, a = '', , b = '', c = ''] = match;
  if (a.length === 4) return 'fixed';
  const first = Number(a);
  const second = Number(b);
  if (c.length !== 2 && c.length !== 4) return 'invalid';
  if (first > 12 && first <= 31 && second <= 12 && second >= 1) return 'dmy';
  if (second > 12 && second <= 31 && first <= 12 && first >= 1) return 'mdy';
  if (first >= 1 && first <= 12 && second >= 1 && second <= 12) return 'either';
  return 'invalid';
}

const SIMPLE_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const SIMPLE_INTEGER = /^-?\d+$/;
const CURRENCY = /[$€£¥₹₩₽¢₺₪₫฿₱₦]|(?<![A-Za-z])(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|PLN|CZK|HUF|INR|ZAR|BRL|MXN|SGD|HKD|kr|zł|Fr|R)\.?(?![A-Za-z])/gi;
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009'’_]/g;
// No exponents: "1e3" in a quantity column is a spreadsheet accident, never silently 1000.
const CANONICAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Why a cell is not a number, in the owner's words. */
export function notANumberReason(text: string): string {
  const shown = `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
  if (/\d[eE][+-]?\d/.test(text)) return `${shown} is in scientific notation; write the number out in full`;
  return `${shown} is not a number`;
}

/**
 * Normalises a number as written in a shop's export (currency symbols, thousands
 * separators, decimal comma, (negative) in brackets, trailing minus) into "-1234.56".
 * Returns null when the text is not a number under the given decimal separator.
 */
export function canonicalNumber(text: string, decimal: DecimalSeparator): string | null {
  if (decimal === '.' ? SIMPLE_DECIMAL.test(text) : SIMPLE_INTEGER.test(text)) return text;
  let s = text.trim();
  if (s === '') return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '').replace(GROUPING_SPACES, '').replace(/\u2212/g, '-');
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s.startsWith('-') || s.startsWith('+')) return null;
  const group = decimal === '.' ? ',' : '.';
  const parts = s.split(decimal);
  if (parts.length > 2) return null;
  let integerPart = parts[0] ?? '';
  const fraction = parts[1];
  if (fraction !== undefined && fraction.includes(group)) return null;
  if (integerPart.includes(group)) {
    const grouping = group === ',' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
    if (!grouping.test(integerPart)) return null;
    integerPart = integerPart.split(group).join('');
  }
  const canonical = fraction === undefined ? integerPart : `${integerPart}.${fraction}`;
  if (!CANONICAL.test(canonical)) return null;
  return negative ? `-${canonical}` : canonical;
}

export function parseNumber(text: string, decimal: DecimalSeparator): number {
  const canonical = canonicalNumber(text, decimal);
  if (canonical === null) return Number.NaN;
  const value = Number(canonical);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Money in integer cents, rounded half away from zero on the decimal digits as written
 * (so "2.675" is 268 cents, which binary floating point would make 267).
 */
export function parseMoneyCents(text: string, decimal: DecimalSeparator): number {
  const canonical = canonicalNumber(text, decimal);
  if (canonical === null) return Number.NaN;
  return centsFromCanonical(canonical);
}

export function centsFromCanonical(canonical: string): number {
  let i = 0;
  let negative = false;
  const first = canonical.charCodeAt(0);
  if (first === 45 /* - */) {
    negative = true;
    i = 1;
  } else if (first === 43 /* + */) {
    i = 1;
  }
  let integer = 0;
  for (; i < canonical.length; i++) {
    const digit = canonical.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    integer = integer * 10 + digit;
  }
  let fraction = 0;
  let fractionDigits = 0;
  let roundUp = false;
  if (canonical.charCodeAt(i) === 46 /* . */) {
    for (i++; i < canonical.length; i++) {
      const digit = canonical.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      if (fractionDigits < 2) fraction = fraction * 10 + digit;
      else if (fractionDigits === 2) roundUp = digit >= 5;
      fractionDigits++;
    }
  }
  if (i < canonical.length) return Number.NaN;
  if (fractionDigits === 1) fraction *= 10;
  const cents = integer * 100 + fraction + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return Number.NaN;
  return negative && cents !== 0 ? -cents : cents;
}

const TRUE_WORDS = new Set(['1', 'y', 'yes', 'true', 't', 'active', 'enabled', 'published', 'on', 'x', 'ja', 'oui', 'si']);
const FALSE_WORDS = new Set(['0', 'n', 'no', 'false', 'f', 'inactive', 'disabled', 'draft', 'archived', 'unpublished', 'off', 'discontinued', 'nein', 'non']);

/** 1, 0, or NaN. */
export function parseBool(text: string): number {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return 1;
  if (FALSE_WORDS.has(word)) return 0;
  return Number.NaN;
}

export type EventType = 'promo' | 'holiday' | 'closure' | 'other';

export function parseEventType(text: string): EventType {
  const word = text.trim().toLowerCase();
  if (/promo|sale|discount|offer|campaign|deal/.test(word)) return 'promo';
  if (/holiday|bank|national|religious|festiv|christmas|easter/.test(word)) return 'holiday';
  if (/clos|shut|refurb|renovat/.test(word)) return 'closure';
  return 'other';
}

export type EventScope = 'all' | 'category' | 'sku';

export function parseScope(text: string): EventScope | null {
  const word = text.trim().toLowerCase();
  if (word === '' || /^(all|everything|store|shop|whole|global|\*)/.test(word)) return 'all';
  if (/^(cat|category|categories|department|dept|group)/.test(word)) return 'category';
  if (/^(sku|product|item|article)/.test(word)) return 'sku';
  return null;
}

/** Formats cents as "12.34" (no currency: the preview shows the number that is stored). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatTimeOfDay(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${s ? `:${String(s).padStart(2, '0')}` : ''}`;
}
