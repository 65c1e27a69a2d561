import type { Mapping } from '../contract/commands/import';
import { isoFromDay } from '../dates';
import { fieldDef } from './fields';
import { keyDayInRange } from './natural-key';
import type { ConvertOptions, Problem } from './record-types';
import { canonicalNumber, centsFromCanonical, notANumberReason, parseDateTime, SECONDS_PER_DAY } from './values';

export const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** Column index of each field (-1: not mapped), read once so the row loop does no lookups by name. */
export function indexOf(mapping: Mapping, field: string): number {
  return mapping.columns[field] ?? -1;
}

export interface NumberRule {
  min: number;
  strict?: boolean;
  reason: string;
}

/**
 * Reads the mapped cells of one row with the mapping's date order and decimal separator,
 * collecting every problem of the row (so the owner sees them all at once). Cells are
 * addressed by column index; the field name is only used in messages.
 */
export class CellReader {
  problems: Problem[] = [];
  private row: readonly string[] = [];

  constructor(
    private readonly mapping: Mapping,
    private readonly headers: readonly string[],
    private readonly options: ConvertOptions,
  ) {}

  start(row: readonly string[]): void {
    this.row = row;
    if (this.problems.length > 0) this.problems = [];
  }

  column(field: string): string | null {
    const index = this.mapping.columns[field];
    return index === undefined ? null : this.header(index);
  }

  header(index: number): string {
    return this.headers[index] ?? `column ${index + 1}`;
  }

  private label(field: string): string {
    return (fieldDef(this.mapping.kind, field)?.label ?? field).toLowerCase();
  }

  problem(field: string | null, reason: string): void {
    this.problems.push({ column: field === null ? null : this.column(field), reason });
  }

  raw(index: number): string {
    if (index < 0) return '';
    const value = this.row[index];
    return value === undefined ? '' : value.trim();
  }

  text(index: number, field: string, required = false): string | null {
    const value = this.raw(index);
    if (value !== '') return value;
    if (required) this.problem(field, `missing ${this.label(field)}`);
    return null;
  }

  /** Seconds since 1970 of the cell's date (and time); NaN when absent or wrong. */
  dateTime(index: number, field: string, required: boolean, notInFuture: boolean): number {
    const value = this.raw(index);
    if (value === '') {
      if (required) this.problem(field, `missing ${this.label(field)}`);
      return Number.NaN;
    }
    const seconds = parseDateTime(value, this.mapping.dateOrder);
    const day = Math.floor(seconds / SECONDS_PER_DAY);
    if (Number.isNaN(seconds) || !keyDayInRange(day)) {
      const order = this.mapping.dateOrder === 'ymd' ? "this column's dates are written year first" : `read ${this.mapping.dateOrder === 'dmy' ? 'day first' : 'month first'}`;
      this.problem(field, `${quote(value)} is not a date (${order})`);
      return Number.NaN;
    }
    if (notInFuture && day > this.options.today) {
      this.problem(field, `${this.label(field)} ${isoFromDay(day)} is in the future`);
      return Number.NaN;
    }
    return seconds;
  }

  /** A number; NaN when absent (and reported when required) or unreadable. */
  number(index: number, field: string, required: boolean, rule?: NumberRule): number {
    const value = this.raw(index);
    if (value === '') {
      if (required) this.problem(field, `missing ${this.label(field)}`);
      return Number.NaN;
    }
    const canonical = canonicalNumber(value, this.mapping.decimalSeparator);
    const number = canonical === null ? Number.NaN : Number(canonical);
    if (!Number.isFinite(number)) {
      this.problem(field, notANumberReason(value));
      return Number.NaN;
    }
    if (rule && (rule.strict ? number <= rule.min : number < rule.min)) {
      this.problem(field, rule.reason.replace('{value}', value));
      return Number.NaN;
    }
    return number;
  }

  optionalNumber(index: number, field: string, rule?: NumberRule): number | null {
    const value = this.number(index, field, false, rule);
    return Number.isNaN(value) ? null : value;
  }

  /** Money in cents; null when the cell is empty. */
  cents(index: number, field: string, allowNegative: boolean): number | null {
    const value = this.raw(index);
    if (value === '') return null;
    const canonical = canonicalNumber(value, this.mapping.decimalSeparator);
    const cents = canonical === null ? Number.NaN : centsFromCanonical(canonical);
    if (Number.isNaN(cents)) {
      this.problem(field, `${quote(value)} is not an amount of money`);
      return null;
    }
    if (!allowNegative && cents < 0) {
      this.problem(field, `${this.label(field)} cannot be negative (${value})`);
      return null;
    }
    return cents;
  }
}

export const nonNegative = (what: string): NumberRule => ({ min: 0, reason: `${what} cannot be negative ({value})` });
export const positive = (what: string): NumberRule => ({ min: 0, strict: true, reason: `${what} must be more than zero ({value})` });

