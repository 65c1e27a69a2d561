import { open } from 'node:fs/promises';
import { calendarPeriod } from '../frequency';
import type { Frequency } from '../types';

/**
 * Streaming reader for the benchmark layout `series_id,date,value` (ISO dates): rows are
 * grouped by series in first-seen order (in any row order), the spacing of each series'
 * dates gives the frequency (daily, weekly, monthly, quarterly or yearly: a date anywhere in
 * a calendar month, quarter or year stands for it), and each series becomes a regular
 * Float64Array from its first to its last date. Periods with no row are zero (no row means
 * no sale in retail exports); repeated dates are summed. A value left empty or written NA,
 * N/A, NaN, null or None is a missing observation: NaN in the series (the engine
 * interpolates it), unless the same period has other rows with numbers.
 */

export interface ParsedSeries {
  id: string;
  /** Day number (days since 1970-01-01) of the first period. */
  startDay: number;
  values: Float64Array;
}

export interface ParsedSeriesFile {
  series: ParsedSeries[];
  frequency: Frequency;
  rows: number;
  /** Number of periods without a row that were filled with zero. */
  filledGaps: number;
  /** Number of periods whose only rows had a missing value (NaN in the series). */
  missingValues: number;
}

export class SeriesCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesCsvError';
  }
}

interface Accumulator {
  id: string;
  days: number[];
  values: number[];
}

const DAY_MS = 86_400_000;

/** Texts of the value column that mean "not observed" (trimmed, lower case). */
const MISSING_VALUE_TEXTS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none']);

function parseIsoDay(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return NaN;
  return ms / DAY_MS;
}

/** YYYYMMDD as a number when bytes[start..end) is exactly ten characters DDDD-DD-DD, else -1. */
function digitsDateKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    if (i === start + 4 || i === start + 7) continue;
    const digit = bytes[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a plain decimal ("-12", "3.25") at bytes[start..end), or undefined for any
 * other form (exponent, spaces, empty, more than 15 digits), which Number() then reads.
 * With at most 15 digits the integer n is exact in a double, and so is 10^k for k <= 22, so
 * n / 10^k is one correctly rounded division: the double Number() returns (Clinger 1990,
 * "How to read floating point numbers accurately", the fast path).
 */
function plainNumberAt(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = decimals > 0 ? n / POWERS_OF_TEN[decimals]! : n;
  return negative ? -value : value;
}

/** Splits one CSV line into fields (double quotes with "" escapes supported). */
function splitLine(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

/** Index of the next line feed in bytes[from..length), or -1. */
function lineFeedAt(bytes: Uint8Array, from: number, length: number): number {
  for (let i = from; i < length; i++) if (bytes[i] === 10) return i;
  return -1;
}

/**
 * End (index of the closing line break) of the record that starts at bytes[start] and whose
 * first line ends at `lineEnd`, reading quoted fields as RFC 4180 does: a field that starts
 * with a double quote runs to the quote that closes it ("" is a quote inside), line breaks
 * included. -1 when the record is still open at `length` (more to read). Quotes, commas and
 * line feeds are single bytes in UTF-8, never part of another character's bytes.
 */
function recordEnd(bytes: Uint8Array, start: number, lineEnd: number, length: number): number {
  let quoted = false;
  let fieldStart = true;
  let i = start;
  for (;;) {
    for (; i < lineEnd; i++) {
      const c = bytes[i]!;
      if (quoted) {
        if (c === 34) {
          if (bytes[i + 1] === 34) i++;
          else quoted = false;
        }
      } else if (c === 34 && fieldStart) quoted = true;
      fieldStart = c === 44 && !quoted;
    }
    if (!quoted) return lineEnd;
    i = lineEnd + 1;
    lineEnd = lineFeedAt(bytes, i, length);
    if (lineEnd < 0) return -1;
  }
}

/** Bytes read from the file at a time; a longer record grows the buffer. */
const READ_CHUNK = 1 << 20;

export async function readSeriesCsv(path: string): Promise<ParsedSeriesFile> {
  const bySeries = new Map<string, Accumulator>();
  const order: Accumulator[] = [];
  const dayCache = new Map<string, number>();
  const dayByKey = new Map<number, number>();
  let columns: { id: number; date: number; value: number } | undefined;
  let lineNumber = 0;
  let rows = 0;
  let last: Accumulator | undefined;

  const addParsed = (id: string, day: number, value: number) => {
    let acc = last !== undefined && last.id === id ? last : bySeries.get(id);
    if (!acc) {
      acc = { id, days: [], values: [] };
      bySeries.set(id, acc);
      order.push(acc);
    }
    last = acc;
    acc.days.push(day);
    acc.values.push(value);
    rows++;
  };

  /** "line 12, column 3 (value)": where a bad field is, for the messages. */
  const fieldAt = (name: 'date' | 'value') => `line ${lineNumber}, column ${(columns?.[name] ?? 0) + 1} (${name})`;

  const addRow = (id: string, dateText: string, valueText: string) => {
    let day = dayCache.get(dateText);
    if (day === undefined) {
      day = parseIsoDay(dateText.trim());
      if (Number.isNaN(day)) throw new SeriesCsvError(`${path}: ${fieldAt('date')}: "${dateText}" is not a date in YYYY-MM-DD form`);
      dayCache.set(dateText, day);
    }
    const trimmed = valueText.trim();
    // (Number('') is 0: an empty field must not read as a zero sale.)
    const value = trimmed === '' ? NaN : Number(trimmed);
    if (!Number.isFinite(value) && !MISSING_VALUE_TEXTS.has(trimmed.toLowerCase())) {
      throw new SeriesCsvError(`${path}: ${fieldAt('value')}: "${valueText}" is not a number (leave a missing value empty or write NA)`);
    }
    addParsed(id, day, Number.isFinite(value) ? value : NaN);
  };

  /** Day number of a plain YYYY-MM-DD date at bytes[start..end) (cached by its digits); undefined for anything else. */
  const dayAt = (bytes: Buffer, start: number, end: number): number | undefined => {
    const key = digitsDateKey(bytes, start, end);
    if (key < 0) return undefined;
    let day = dayByKey.get(key);
    if (day === undefined) {
      day = parseIsoDay(bytes.toString('latin1', start, end));
      if (Number.isNaN(day)) return undefined;
      dayByKey.set(key, day);
    }
    return day;
  };

  // The id of the last line read by fastLine, as bytes and as text: rows come grouped by series.
  let lastIdBytes = Buffer.alloc(64);
  let lastIdLength = -1;
  let lastId = '';

  /** The text of bytes[start..end), taken from the previous line when the bytes are the same. */
  const idAt = (bytes: Buffer, start: number, end: number): string => {
    const n = end - start;
    if (n === lastIdLength) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (bytes[start + i] !== lastIdBytes[i]) {
          same = false;
          break;
        }
      }
      if (same) return lastId;
    }
    if (n > lastIdBytes.length) lastIdBytes = Buffer.alloc(2 * n);
    bytes.copy(lastIdBytes, 0, start, end);
    lastIdLength = n;
    lastId = bytes.toString('utf8', start, end);
    return lastId;
  };

  /**
   * Lines of exactly three fields in the standard order, none starting with a quote: read
   * from the bytes, without splitting or decoding the line. False for any other line.
   */
  const fastLine = (bytes: Buffer, start: number, end: number): boolean => {
    if (!columns || columns.id !== 0 || columns.date !== 1 || columns.value !== 2) return false;
    let c1 = -1;
    let c2 = -1;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== 44) continue;
      if (c1 < 0) c1 = i;
      else if (c2 < 0) c2 = i;
      else return false;
    }
    if (c2 < 0) return false;
    // A quoted field starts with a quote: leave those lines to the general parser.
    if (bytes[start] === 34 || bytes[c1 + 1] === 34 || bytes[c2 + 1] === 34) return false;
    lineNumber++;
    const stop = bytes[end - 1] === 13 ? end - 1 : end;
    const id = idAt(bytes, start, c1);
    const day = dayAt(bytes, c1 + 1, c2);
    const value = day === undefined ? undefined : plainNumberAt(bytes, c2 + 1, stop);
    // Anything but a plain date and a plain decimal goes through addRow's checks and messages.
    if (day === undefined || value === undefined) addRow(id, bytes.toString('utf8', c1 + 1, c2), bytes.toString('utf8', c2 + 1, stop));
    else addParsed(id, day, value);
    return true;
  };

  const handleLine = (raw: string) => {
    lineNumber++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) return;
    const fields = splitLine(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line);
    if (!columns) {
      const names = fields.map((f) => f.trim().toLowerCase());
      const id = names.indexOf('series_id');
      const date = names.indexOf('date');
      const value = names.indexOf('value');
      if (id < 0 || date < 0 || value < 0) {
        throw new SeriesCsvError(`${path}: line 1: expected the header series_id,date,value, found "${line.slice(0, 80)}"`);
      }
      columns = { id, date, value };
      return;
    }
    const id = fields[columns.id];
    const dateText = fields[columns.date];
    const valueText = fields[columns.value];
    if (id === undefined || dateText === undefined || valueText === undefined) {
      throw new SeriesCsvError(`${path}: line ${lineNumber}: expected 3 fields, found ${fields.length}`);
    }
    addRow(id, dateText, valueText);
  };

  // The file is read as bytes and each line decoded only when it is not a plain row: UTF-8
  // splits no quote, comma or line feed, so the bytes can be cut there before decoding.
  const file = await open(path, 'r');
  let buffer = Buffer.allocUnsafe(READ_CHUNK);
  let length = 0;
  try {
    for (;;) {
      // A record longer than the buffer (or most of it) needs room for more of it.
      if (buffer.length - length < READ_CHUNK / 2) {
        const grown = Buffer.allocUnsafe(2 * buffer.length);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      let start = 0;
      // Position of the next double quote: only lines with one can hold a quoted line break.
      let quote = buffer.indexOf(34, 0);
      if (quote >= length) quote = -1;
      for (;;) {
        const end = lineFeedAt(buffer, start, length);
        if (end < 0) break;
        if (quote >= 0 && quote < start) {
          quote = buffer.indexOf(34, start);
          if (quote >= length) quote = -1;
        }
        if (quote >= 0 && quote < end) {
          // A quoted field may hold line breaks (an id written by a spreadsheet): the record runs on to the line where it closes.
          const close = recordEnd(buffer, start, end, length);
          if (close < 0) break;
          if (close > end) {
            const record = buffer.toString('utf8', start, close);
            handleLine(record);
            for (let i = record.indexOf('\n'); i >= 0; i = record.indexOf('\n', i + 1)) lineNumber++;
            start = close + 1;
            continue;
          }
        }
        if (end > start && !fastLine(buffer, start, end)) handleLine(buffer.toString('utf8', start, end));
        else if (end === start) lineNumber++;
        start = end + 1;
      }
      buffer.copy(buffer, 0, start, length);
      length -= start;
    }
  } finally {
    await file.close();
  }
  if (length > 0) handleLine(buffer.toString('utf8', 0, length));
  if (!columns) throw new SeriesCsvError(`${path}: the file is empty`);
  if (order.length === 0) throw new SeriesCsvError(`${path}: no data rows after the header`);

  const frequency = inferFrequency(order, path);
  let filledGaps = 0;
  let missingValues = 0;
  const series = order.map((acc) => {
    const built = toRegular(acc, frequency);
    filledGaps += built.filled;
    missingValues += built.missing;
    return built.series;
  });
  return { series, frequency, rows, filledGaps, missingValues };
}

/** A series' row dates in ascending order: the rows themselves when already sorted (the usual export), else a sorted copy. */
function ascendingDays(days: number[]): ArrayLike<number> {
  for (let i = 1; i < days.length; i++) {
    if (days[i]! < days[i - 1]!) return Float64Array.from(days).sort();
  }
  return days;
}

/** Spacings (days between consecutive dates) of each frequency, for the messages. */
const SPACINGS = 'daily (1 day apart), weekly (7), monthly (28-31), quarterly (89-92) or yearly (365-366)';

/** Average length in days of a period, and how far (days) a whole number of them may stray, for the multiples test. */
const PERIOD_SPAN: Partial<Record<Frequency, { days: number; slack: number }>> = {
  W: { days: 7, slack: 0 },
  M: { days: 365.25 / 12, slack: 3 },
  Q: { days: 365.25 / 4, slack: 4 },
  Y: { days: 365.25, slack: 4 },
};

/** Whether a spacing of `d` days is a whole number (at least one) of `frequency`'s periods. */
function wholePeriods(d: number, frequency: Frequency): boolean {
  const span = PERIOD_SPAN[frequency];
  if (!span) return true;
  const k = Math.round(d / span.days);
  return k >= 1 && Math.abs(d - k * span.days) <= span.slack + 1e-9;
}

/** Share of consecutive distinct dates (within a series) that fall in different calendar periods of `frequency`. */
function distinctPeriodShare(order: Accumulator[], frequency: Frequency): number {
  const periods = new Map<number, number>();
  const periodOf = (day: number) => {
    let period = periods.get(day);
    if (period === undefined) {
      period = calendarPeriod(day, frequency);
      periods.set(day, period);
    }
    return period;
  };
  let pairs = 0;
  let distinct = 0;
  for (const acc of order) {
    const days = ascendingDays(acc.days);
    for (let i = 1; i < days.length; i++) {
      if (days[i] === days[i - 1]) continue;
      pairs++;
      if (periodOf(days[i]!) !== periodOf(days[i - 1]!)) distinct++;
    }
  }
  return pairs === 0 ? 1 : distinct / pairs;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The most common spacing between a series' consecutive distinct dates, over all series,
 * decides the frequency (rows may come in any order: the dates are sorted first). Calendar
 * months, quarters and years vary in length, so each is a range of spacings.
 *
 * A sparse export (only the periods with a sale: intermittent items) has many different
 * spacings, and the most common one need not be the period: a daily item selling every few
 * weeks has more spacings in the 28-31 bucket (four spacings) than at 1 day. So a voted month,
 * quarter or year stands only when (nearly) every pair of consecutive dates falls in different
 * calendar periods (a date anywhere in the period stands for it). Otherwise, spacings that
 * vary but are (nearly) all whole years, quarters, months or weeks are that frequency with
 * gaps, and dates with no common spacing above 1 day are daily with gaps.
 * A regular grid of another spacing (every 14 or 3 days) is refused.
 */
function inferFrequency(order: Accumulator[], path: string): Frequency {
  const spacings = new Map<number, number>();
  for (const acc of order) {
    const days = ascendingDays(acc.days);
    for (let i = 1; i < days.length; i++) {
      const d = days[i]! - days[i - 1]!;
      if (d > 0) spacings.set(d, (spacings.get(d) ?? 0) + 1);
    }
  }
  let daily = 0;
  let weekly = 0;
  let monthly = 0;
  let quarterly = 0;
  let yearly = 0;
  let otherSpacing = 0;
  let otherCount = 0;
  let total = 0;
  let divisor = 0;
  for (const [d, c] of spacings) {
    total += c;
    divisor = gcd(divisor, d);
    if (d === 1) daily += c;
    else if (d === 7) weekly += c;
    else if (d >= 28 && d <= 31) monthly += c;
    else if (d >= 89 && d <= 92) quarterly += c;
    else if (d === 365 || d === 366) yearly += c;
    else if (c > otherCount || (c === otherCount && d < otherSpacing)) {
      otherSpacing = d;
      otherCount = c;
    }
  }
  const best = Math.max(daily, weekly, monthly, quarterly, yearly, otherCount);
  if (best === 0) return 'D';
  let voted: Frequency | undefined;
  if (daily === best) voted = 'D';
  else if (weekly === best) voted = 'W';
  else if (monthly === best) voted = 'M';
  else if (quarterly === best) voted = 'Q';
  else if (yearly === best) voted = 'Y';
  // 1 and 7 are single spacings, never the commonest in a sparse export of another frequency: those votes stand
  // (7 days also when most spacings are 6 or 8: a week's sales booked on whichever day the week closed).
  if (voted === 'D' || voted === 'W') return voted;
  const wholeShare = (frequency: Frequency) => {
    let whole = 0;
    for (const [d, c] of spacings) if (wholePeriods(d, frequency)) whole += c;
    return whole / total;
  };
  // A date anywhere in a calendar month, quarter or year stands for it: such data has (nearly) one date per period.
  // Unless the spacings are whole months (or quarters) but not whole periods of the vote: a sparse monthly export whose commonest gap is 3 months.
  const finer = voted === 'Y' ? (['Q', 'M'] as const) : voted === 'Q' ? (['M'] as const) : [];
  const sparseFiner = voted !== undefined && wholeShare(voted) < 0.5 && finer.some((f) => wholeShare(f) >= 0.9);
  if (voted !== undefined && !sparseFiner && distinctPeriodShare(order, voted) >= 0.95) return voted;
  // Spacings that vary but are (nearly) all whole periods: that frequency with gaps.
  if (spacings.size > 1) for (const frequency of ['Y', 'Q', 'M', 'W'] as const) if (wholeShare(frequency) >= 0.9) return frequency;
  if (divisor === 1) return 'D';
  throw new SeriesCsvError(`${path}: dates are mostly ${otherSpacing} days apart; expected ${SPACINGS} data`);
}

/** Period of `day` counted from the series' first date: days, weeks from that date, or calendar months, quarters, years. */
function periodIndex(day: number, startDay: number, frequency: Frequency): number {
  if (frequency === 'D') return day - startDay;
  if (frequency === 'W') return Math.round((day - startDay) / 7);
  return calendarPeriod(day, frequency) - calendarPeriod(startDay, frequency);
}

const HAS_NUMBER = 1;
const HAS_MISSING = 2;

function toRegular(acc: Accumulator, frequency: Frequency): { series: ParsedSeries; filled: number; missing: number } {
  let startDay = Infinity;
  for (const d of acc.days) if (d < startDay) startDay = d;
  let length = 0;
  for (const d of acc.days) length = Math.max(length, periodIndex(d, startDay, frequency) + 1);
  const values = new Float64Array(length);
  const seen = new Uint8Array(length);
  for (let i = 0; i < acc.days.length; i++) {
    const k = periodIndex(acc.days[i]!, startDay, frequency);
    const v = acc.values[i]!;
    if (Number.isNaN(v)) seen[k] = seen[k]! | HAS_MISSING;
    else {
      values[k] = values[k]! + v;
      seen[k] = seen[k]! | HAS_NUMBER;
    }
  }
  let filled = 0;
  let missing = 0;
  for (let k = 0; k < length; k++) {
    if (seen[k] === 0) filled++;
    else if (seen[k] === HAS_MISSING) {
      values[k] = NaN;
      missing++;
    }
  }
  return { series: { id: acc.id, startDay, values }, filled, missing };
}
