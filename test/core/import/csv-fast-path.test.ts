import fc from 'fast-check';
import Papa from 'papaparse';
import type { ParseResult } from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvDialect, Newline } from '../../../core/import/csv';
import { CsvRowReader, DELIMITERS } from '../../../core/import/csv';

/** What papaparse makes of the whole text at once, blank rows dropped, with their 1-based lines. */
function papaparseWhole(text: string, dialect: CsvDialect): { rows: string[][]; lines: number[] } {
  const data = (new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline }).parse(text, 0, false) as ParseResult<string[]>).data;
  const rows: string[][] = [];
  const lines: number[] = [];
  data.forEach((row, index) => {
    if (row.length === 1 && row[0] === '') return;
    rows.push(row);
    lines.push(index + 1);
  });
  return { rows, lines };
}

/** The reader's streaming API over the text cut at `cuts`. */
function streamed(text: string, dialect: CsvDialect, cuts: number[]): { rows: string[][]; lines: number[] } {
  const reader = new CsvRowReader(dialect, 'test.csv');
  const rows: string[][] = [];
  const lines: number[] = [];
  const visit = (row: string[], line: number) => {
    rows.push(row);
    lines.push(line);
  };
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.each(text.slice(from, cut), false, visit);
    from = cut;
  }
  reader.each(text.slice(from), true, visit);
  return { rows, lines };
}

describe('CsvRowReader without quotes (split row by row, not by papaparse)', () => {
  it('splits exactly as papaparse does, however the text is cut (property)', () => {
    // Every character that matters to the split: all delimiters, both line-break characters, spaces.
    const text = fc.array(fc.constantFrom('a', 'B', '7', ' ', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', '-'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(...DELIMITERS), fc.constantFrom<Newline>('\n', '\r\n', '\r'), (body, cutSeeds, delimiter, newline) => {
        const dialect = { delimiter, newline };
        const cuts = cutSeeds.map((s) => s % (body.length + 1));
        expect(streamed(body, dialect, cuts)).toEqual(papaparseWhole(body, dialect));
        expect(streamed(body + newline, dialect, cuts)).toEqual(papaparseWhole(body + newline, dialect));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps CR inside a field when lines end in LF, and lone LF inside a field when they end in CRLF', () => {
    expect(streamed('a,b\r\nc,d\r\n', { delimiter: ',', newline: '\n' }, [])).toEqual({ rows: [['a', 'b\r'], ['c', 'd\r']], lines: [1, 2] });
    expect(streamed('a,b\nc\r\nd,e', { delimiter: ',', newline: '\r\n' }, [2, 5])).toEqual({ rows: [['a', 'b\nc'], ['d', 'e']], lines: [1, 2] });
  });

  it('stops when the visitor says so, and counts blank lines', () => {
    const reader = new CsvRowReader({ delimiter: ',', newline: '\n' }, 'test.csv');
    const seen: Array<[string[], number]> = [];
    const result = reader.each('h1,h2\n\nx,1\ny,2\nz,3\n', false, (row, line) => {
      seen.push([row, line]);
      return seen.length < 2;
    });
    expect(result.stopped).toBe(true);
    expect(seen).toEqual([
      [['h1', 'h2'], 1],
      [['x', '1'], 3],
    ]);
  });

  it('holds back an unfinished last line until the next chunk, and refuses one that runs on for megabytes', () => {
    const reader = new CsvRowReader({ delimiter: ',', newline: '\n' }, 'huge.csv');
    expect(reader.push('a,b\nc,').rows).toEqual([['a', 'b']]);
    expect(reader.push('d\ne', true).rows).toEqual([['c', 'd'], ['e']]);
    const long = new CsvRowReader({ delimiter: ',', newline: '\n' }, 'huge.csv');
    const chunk = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 6; i++) long.push(chunk);
    }).toThrow(/huge\.csv, line 1: .*never closed/);
  });
});
