import type { DateOrder, DecimalSeparator, SalesPeriod } from '../contract/commands/import';
import { canonicalNumber, dateOrderEvidence } from './values';

/**
 * Decides the day/month order of a date column from all its values: a value with a first
 * number above 12 (31/01/2024) can only be day-first, one with a second number above 12
 * (01/31/2024) only month-first. Columns where every value fits both stay ambiguous and
 * take the fallback (from the shop's locale); the screen shows the choice either way.
 */
export class DateOrderVote {
  private dayFirst = 0;
  private monthFirst = 0;
  private either = 0;
  private fixed = 0;
  private firstFixed: string | undefined;
  private firstDayFirst: { value: string; line: number } | undefined;
  private firstMonthFirst: { value: string; line: number } | undefined;

  add(value: string, line: number): void {
    if (value === '') return;
    const evidence = dateOrderEvidence(value);
    if (evidence === 'dmy') {
      this.dayFirst++;
      this.firstDayFirst ??= { value, line };
    } else if (evidence === 'mdy') {
      this.monthFirst++;
      this.firstMonthFirst ??= { value, line };
    } else if (evidence === 'either') {
      this.either++;
    } else if (evidence === 'fixed') {
      this.fixed++;
      this.firstFixed ??= value;
    }
  }

  /** Nearly all dates are written without doubt (2024-03-31, 31 Mar 2024): the odd ones out are errors. */
  private get fixedDominates(): boolean {
    const dated = this.fixed + this.either + this.dayFirst + this.monthFirst;
    return this.fixed > 0 && this.fixed >= 0.9 * dated;
  }

  /** True once the values seen settle the order. */
  get decided(): boolean {
    return this.dayFirst > 0 || this.monthFirst > 0 || (this.fixedDominates && this.either === 0);
  }

  get sawAmbiguous(): boolean {
    return this.either > 0;
  }

  result(fallback: DateOrder): { order: DateOrder; ambiguous: boolean; evidence: string } {
    if (this.fixedDominates) {
      const others = this.either + this.dayFirst + this.monthFirst;
      return {
        order: 'ymd',
        ambiguous: false,
        evidence: `The dates are written year first or with month names (e.g. "${this.firstFixed ?? ''}"), so their order is not in doubt.${others > 0 ? ` ${others} date(s) written another way will be rejected.` : ''}`,
      };
    }
    if (this.dayFirst === 0 && this.monthFirst === 0) {
      if (this.either === 0) return { order: fallback, ambiguous: false, evidence: 'The dates are written year first or with month names, so their order is not in doubt.' };
      return {
        order: fallback,
        ambiguous: true,
        evidence: `Every date in the file fits both day-first and month-first reading; Shelfcast assumed ${fallback === 'mdy' ? 'month first (US)' : 'day first'}. Check the preview and change it if that is wrong.`,
      };
    }
    const order: DateOrder = this.dayFirst >= this.monthFirst ? 'dmy' : 'mdy';
    const example = order === 'dmy' ? this.firstDayFirst : this.firstMonthFirst;
    const against = order === 'dmy' ? this.monthFirst : this.dayFirst;
    const conflict = against > 0 ? ` ${against} date(s) only make sense the other way round and will be rejected.` : '';
    return {
      order,
      ambiguous: false,
      evidence: `${order === 'dmy' ? 'Day first' : 'Month first'}: "${example?.value ?? ''}" on line ${example?.line ?? 0} can only be read that way.${conflict}`,
    };
  }
}

const BOTH = /[.,].*[.,]/;
const THOUSANDS_COMMA = /^[^\d]*-?\d{1,3}(?:,\d{3})+[^\d]*$/;
const THOUSANDS_DOT = /^[^\d]*-?\d{1,3}(?:\.\d{3})+[^\d]*$/;

/**
 * Decides the decimal separator of the number columns. "1.234,56" and "12,5" say comma,
 * "1,234.56" and "12.5" say point; "1,234" and "1.234" could be either and do not vote.
 * A value that is not a number with the separator it would vote for ("1.5e", "12.5.3")
 * does not vote either: it would be rejected, so it must not be the example on screen.
 */
export class DecimalVote {
  private comma = 0;
  private point = 0;
  private example: { comma?: string; point?: string } = {};

  add(value: string): void {
    const hasComma = value.includes(',');
    const hasPoint = value.includes('.');
    if (!hasComma && !hasPoint) return;
    if (hasComma && hasPoint && BOTH.test(value)) {
      if (value.lastIndexOf(',') > value.lastIndexOf('.')) this.voteComma(value);
      else this.votePoint(value);
      return;
    }
    if (hasComma && !THOUSANDS_COMMA.test(value)) this.voteComma(value);
    else if (hasPoint && !THOUSANDS_DOT.test(value)) this.votePoint(value);
  }

  private voteComma(value: string): void {
    if (canonicalNumber(value, ',') === null) return;
    this.comma++;
    this.example.comma ??= value;
  }

  private votePoint(value: string): void {
    if (canonicalNumber(value, '.') === null) return;
    this.point++;
    this.example.point ??= value;
  }

  result(): { separator: DecimalSeparator; evidence: string; decided: boolean } {
    if (this.comma > this.point) return { separator: ',', evidence: `Decimal comma: numbers are written like "${this.example.comma ?? ''}".`, decided: true };
    if (this.point > 0) return { separator: '.', evidence: `Decimal point: numbers are written like "${this.example.point ?? ''}".`, decided: true };
    return { separator: '.', evidence: 'The numbers have no decimals, so the decimal separator does not matter.', decided: false };
  }
}

/** Decides whether totals are per day, week or month from the gaps between distinct dates. */
export class PeriodVote {
  private readonly days = new Set<number>();

  add(day: number): void {
    if (this.days.size < 5000) this.days.add(day);
  }

  /** Two distinct dates at least are needed to see a period. */
  get decided(): boolean {
    return this.days.size >= 2;
  }

  result(): SalesPeriod {
    const sorted = [...this.days].sort((a, b) => a - b);
    if (sorted.length < 2) return 'day';
    let minGap = Infinity;
    let allWeekly = true;
    for (let i = 1; i < sorted.length; i++) {
      const gap = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
      minGap = Math.min(minGap, gap);
      if (gap % 7 !== 0) allWeekly = false;
    }
    if (minGap >= 28) return 'month';
    if (minGap >= 7 && allWeekly) return 'week';
    return 'day';
  }
}
