import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import {
  canonicalNumber,
  centsFromCanonical,
  daysFromCivil,
  parseBool,
  parseDateTime,
  parseEventType,
  parseMoneyCents,
  parseNumber,
  parseScope,
  parseTimeOfDay,
} from '../../../core/import/values';

const day = (iso: string) => dayFromIso(iso) * 86_400;

describe('parseDateTime', () => {
  it('reads ISO dates with and without times and zones', () => {
    expect(parseDateTime('2024-01-05', 'dmy')).toBe(day('2024-01-05'));
    expect(parseDateTime('2010-12-01T08:26:00', 'dmy')).toBe(day('2010-12-01') + 8 * 3600 + 26 * 60);
    expect(parseDateTime('2024-01-05 10:23:45 -0500', 'mdy')).toBe(day('2024-01-05') + 10 * 3600 + 23 * 60 + 45);
    expect(parseDateTime('2024-01-05T10:23:45Z', 'mdy')).toBe(day('2024-01-05') + 37_425);
    expect(parseDateTime('2024-01-05T10:23:45.123+01:00', 'mdy')).toBe(day('2024-01-05') + 37_425);
    expect(parseDateTime('2024/1/5', 'mdy')).toBe(day('2024-01-05'));
    expect(parseDateTime('20240105', 'dmy')).toBe(day('2024-01-05'));
  });

  it('reads day/month order as told, with 2- and 4-digit years and several separators', () => {
    expect(parseDateTime('03/04/2024', 'dmy')).toBe(day('2024-04-03'));
    expect(parseDateTime('03/04/2024', 'mdy')).toBe(day('2024-03-04'));
    expect(parseDateTime('3.4.24', 'dmy')).toBe(day('2024-04-03'));
    expect(parseDateTime('03-04-1999', 'mdy')).toBe(day('1999-03-04'));
    expect(parseDateTime('24/04/03', 'ymd')).toBe(day('2024-04-03'));
    expect(parseDateTime('12/31/2023 11:59 PM', 'mdy')).toBe(day('2023-12-31') + 23 * 3600 + 59 * 60);
    expect(parseDateTime('12/31/2023 12:05 am', 'mdy')).toBe(day('2023-12-31') + 5 * 60);
    expect(parseDateTime('31/12/2023 14:05:09', 'dmy')).toBe(day('2023-12-31') + 14 * 3600 + 5 * 60 + 9);
  });

  it('reads month names in English and common EU abbreviations', () => {
    expect(parseDateTime('5 Jan 2024', 'mdy')).toBe(day('2024-01-05'));
    expect(parseDateTime('Jan 5, 2024', 'dmy')).toBe(day('2024-01-05'));
    expect(parseDateTime('January 15th, 2024 3:04 PM', 'dmy')).toBe(day('2024-01-15') + 15 * 3600 + 4 * 60);
    expect(parseDateTime('05-Jan-24', 'mdy')).toBe(day('2024-01-05'));
    expect(parseDateTime('Mon, 5 Feb 2024', 'mdy')).toBe(day('2024-02-05'));
    expect(parseDateTime('2024-Mar-07', 'mdy')).toBe(day('2024-03-07'));
    expect(parseDateTime('7 mai 2024', 'mdy')).toBe(day('2024-05-07'));
    expect(parseDateTime('7. Dez. 2024', 'mdy')).toBe(day('2024-12-07'));
  });

  it('reads Excel serial numbers (1900 date system)', () => {
    expect(parseDateTime('45292', 'dmy')).toBe(day('2024-01-01'));
    expect(parseDateTime('45384.5', 'dmy')).toBe(day('2024-04-02') + 12 * 3600);
    expect(parseDateTime('25569', 'dmy')).toBe(0);
  });

  it('rejects what is not a real date', () => {
    for (const text of ['', 'abc', '31/02/2024', '2024-02-30', '2023-02-29', '13/13/2024', '2024-01-05 banana', '1/2', '99999', '12', '2024-13-01', '1850-01-01'])
      expect(parseDateTime(text, 'dmy'), text).toBeNaN();
    expect(parseDateTime('2024-02-29', 'dmy')).toBe(day('2024-02-29'));
    expect(parseDateTime('02/13/2024', 'dmy')).toBeNaN();
  });

  it('round-trips every date in every written form (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1950, 1, 1), max: daysFromCivil(2060, 12, 31) }), fc.integer({ min: 0, max: 86_399 }), (d, seconds) => {
        const date = new Date(d * 86_400_000);
        const y = date.getUTCFullYear();
        const m = String(date.getUTCMonth() + 1).padStart(2, '0');
        const dd = String(date.getUTCDate()).padStart(2, '0');
        const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
        const mi = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
        const ss = String(seconds % 60).padStart(2, '0');
        const withTime = d * 86_400 + seconds;
        expect(parseDateTime(`${y}-${m}-${dd}`, 'dmy')).toBe(d * 86_400);
        expect(parseDateTime(`${y}-${m}-${dd}T${hh}:${mi}:${ss}`, 'mdy')).toBe(withTime);
        expect(parseDateTime(`${dd}/${m}/${y} ${hh}:${mi}:${ss}`, 'dmy')).toBe(withTime);
        expect(parseDateTime(`${m}/${dd}/${y} ${hh}:${mi}:${ss}`, 'mdy')).toBe(withTime);
        expect(parseDateTime(`${dd}.${m}.${y}`, 'dmy')).toBe(d * 86_400);
        expect(parseDateTime(String(d + 25_569), 'dmy')).toBe(d * 86_400);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseTimeOfDay', () => {
  it('reads 24-hour and 12-hour times', () => {
    expect(parseTimeOfDay('14:05')).toBe(14 * 3600 + 300);
    expect(parseTimeOfDay('2:05 PM')).toBe(14 * 3600 + 300);
    expect(parseTimeOfDay('12:00 a.m.')).toBe(0);
    expect(parseTimeOfDay('09:15:30')).toBe(9 * 3600 + 15 * 60 + 30);
    expect(parseTimeOfDay('25:00')).toBeNaN();
    expect(parseTimeOfDay('noon')).toBeNaN();
  });
});

describe('numbers and money', () => {
  it('reads numbers as shop exports write them', () => {
    expect(parseNumber('12', '.')).toBe(12);
    expect(parseNumber('-3.5', '.')).toBe(-3.5);
    expect(parseNumber('1,234.56', '.')).toBe(1234.56);
    expect(parseNumber('1.234,56', ',')).toBe(1234.56);
    expect(parseNumber('12,5', ',')).toBe(12.5);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,5', ',')).toBe(1234.5);
    expect(parseNumber("1'234.50", '.')).toBe(1234.5);
    expect(parseNumber('$1,200.00', '.')).toBe(1200);
    expect(parseNumber('€ 12,50', ',')).toBe(12.5);
    expect(parseNumber('12,50 €', ',')).toBe(12.5);
    expect(parseNumber('£3.20', '.')).toBe(3.2);
    expect(parseNumber('USD 5.00', '.')).toBe(5);
    expect(parseNumber('5.00 EUR', '.')).toBe(5);
    expect(parseNumber('(12.50)', '.')).toBe(-12.5);
    expect(parseNumber('12.50-', '.')).toBe(-12.5);
    expect(parseNumber('−4', '.')).toBe(-4);
    expect(parseNumber('+7', '.')).toBe(7);
  });

  it('refuses what is not clearly a number', () => {
    for (const text of ['', 'abc', '1,5', '12.34.56', '1,23,4', '--1', '1-2', 'NaN', 'Infinity', '12 apples', '1e3', '1.5E+06', '0x10'])
      expect(parseNumber(text, '.'), text).toBeNaN();
    expect(parseNumber('1.5', ',')).toBeNaN();
    expect(parseNumber('1,2,3', ',')).toBeNaN();
  });

  it('keeps a decimal comma and thousands points apart', () => {
    expect(canonicalNumber('1.234.567,89', ',')).toBe('1234567.89');
    expect(canonicalNumber('1,234,567.89', '.')).toBe('1234567.89');
  });

  it('turns money into cents, rounding half away from zero on the digits as written', () => {
    expect(parseMoneyCents('2.675', '.')).toBe(268);
    expect(parseMoneyCents('1.005', '.')).toBe(101);
    expect(parseMoneyCents('-1.005', '.')).toBe(-101);
    expect(parseMoneyCents('-0.004', '.')).toBe(0);
    expect(parseMoneyCents('0.5', '.')).toBe(50);
    expect(parseMoneyCents('12', '.')).toBe(1200);
    expect(parseMoneyCents('1.234,565', ',')).toBe(123_457);
    expect(parseMoneyCents('$0.99', '.')).toBe(99);
    expect(parseMoneyCents('1.5e2', '.')).toBeNaN();
    expect(parseMoneyCents('x', '.')).toBeNaN();
  });

  it('round-trips any amount of cents written with either separator (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), fc.boolean(), (cents, comma, grouped) => {
        const abs = Math.abs(cents);
        let whole = String(Math.floor(abs / 100));
        if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',');
        const text = `${cents < 0 ? '-' : ''}${whole}${comma ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
        expect(parseMoneyCents(text, comma ? ',' : '.')).toBe(cents);
        expect(parseNumber(text, comma ? ',' : '.')).toBeCloseTo(cents / 100, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('gets the third decimal right against exact integer arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 999 }), (whole, thousandths) => {
        const text = `${whole}.${String(thousandths).padStart(3, '0')}`;
        const expected = whole * 100 + Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
        expect(centsFromCanonical(text)).toBe(expected);
        expect(centsFromCanonical(`-${text}`)).toBe(expected === 0 ? 0 : -expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('words', () => {
  it('reads yes/no, event types and scopes', () => {
    expect(parseBool('Yes')).toBe(1);
    expect(parseBool('archived')).toBe(0);
    expect(parseBool('maybe')).toBeNaN();
    expect(parseEventType('Promotion')).toBe('promo');
    expect(parseEventType('Bank holiday')).toBe('holiday');
    expect(parseEventType('closed for refurbishment')).toBe('closure');
    expect(parseEventType('Sporting')).toBe('other');
    expect(parseScope('')).toBe('all');
    expect(parseScope('Category')).toBe('category');
    expect(parseScope('SKU')).toBe('sku');
    expect(parseScope('region')).toBeNull();
  });
});
