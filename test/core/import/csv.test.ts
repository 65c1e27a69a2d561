import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRowReader, sniffDialect, toCsvLine } from '../../../core/import/csv';
import type { CsvDialect } from '../../../core/import/csv';

function readAll(text: string, dialect: CsvDialect, cuts: number[] = []) {
  const reader = new CsvRowReader(dialect, 'test.csv');
  const rows: string[][] = [];
  const lines: number[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const batch = reader.push(text.slice(from, cut));
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    from = cut;
  }
  const last = reader.push(text.slice(from), true);
  rows.push(...last.rows);
  lines.push(...last.lines);
  return { rows, lines };
}

describe('sniffDialect', () => {
  it('finds comma, semicolon, tab and pipe, and the line break', () => {
    expect(sniffDialect('date,sku,qty\n2024-01-01,A,1\n')).toEqual({ delimiter: ',', newline: '\n' });
    expect(sniffDialect('date;sku;qty\r\n01.01.2024;A;1,5\r\n')).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(sniffDialect('date\tsku\tqty\n2024-01-01\tA\t1\n')).toEqual({ delimiter: '\t', newline: '\n' });
    expect(sniffDialect('date|sku|qty\r2024-01-01|A|1\r')).toEqual({ delimiter: '|', newline: '\r' });
  });

  it('is not fooled by delimiters inside quotes', () => {
    expect(sniffDialect('name;note\n"Smith, J";"a, b, c"\n"Doe, A";"x, y"\n').delimiter).toBe(';');
  });

  it('defaults to a comma for a single column', () => {
    expect(sniffDialect('customer_id\nC1\nC2\n').delimiter).toBe(',');
  });
});

describe('CsvRowReader', () => {
  it('keeps quoted delimiters, quotes and line breaks, and reports the line each row starts on', () => {
    const text = 'sku,name,qty\nA,"Apple, red",1\n\nB,"Pear ""Conference""",2\nC,"two\nline\r\nnote",3\nD,plain,4\n';
    const { rows, lines } = readAll(text, { delimiter: ',', newline: '\n' });
    expect(rows).toEqual([
      ['sku', 'name', 'qty'],
      ['A', 'Apple, red', '1'],
      ['B', 'Pear "Conference"', '2'],
      ['C', 'two\nline\r\nnote', '3'],
      ['D', 'plain', '4'],
    ]);
    expect(lines).toEqual([1, 2, 4, 5, 8]);
  });

  it('gives the same rows however the text is cut into chunks (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('a,b', 'say "hi"', 'x\ny', 'x\r\ny', '', ' spaced '));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (table, cutSeeds, newline) => {
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = rows.map(toCsvLine).join(newline) + newline;
          const cuts = cutSeeds.map((s) => s % (text.length + 1));
          const whole = readAll(text, { delimiter: ',', newline: newline === '\n' ? '\n' : '\r\n' });
          const chunked = readAll(text, { delimiter: ',', newline: newline === '\n' ? '\n' : '\r\n' }, cuts);
          expect(chunked).toEqual(whole);
          expect(whole.rows).toEqual(rows.filter((r) => !r.every((c) => c === '') || r.length > 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands back a last record whose quote is never closed, with the lines it swallowed', () => {
    const reader = new CsvRowReader({ delimiter: ',', newline: '\n' }, 'broken.csv');
    const first = reader.push('sku,name\nA,ok\nB,"never closed\n');
    const last = reader.push('C,more\n', true);
    expect([...first.rows, ...last.rows]).toEqual([['sku', 'name'], ['A', 'ok']]);
    expect(last.unterminated).toEqual({ line: 3, lines: 2, text: 'B,never closed\nC,more\n' });
  });

  it('refuses a record that runs on for megabytes', () => {
    const reader = new CsvRowReader({ delimiter: ',', newline: '\n' }, 'huge.csv');
    reader.push('a,b\n"');
    const chunk = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 6; i++) reader.push(chunk);
    }).toThrow(/never closed/);
  });
});
