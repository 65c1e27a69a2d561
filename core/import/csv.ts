import Papa from 'papaparse';
import type { ParseResult } from 'papaparse';
import { AppError } from '../contract/errors';

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  newline: Newline;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** A record longer than this is a quote that was never closed, not data. */
export const MAX_RECORD_CHARS = 4 << 20;

/** The line break used by most of the sample, ignoring breaks inside quotes is not worth it here. */
function guessNewline(sample: string): Newline {
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return sample[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/**
 * Guesses the delimiter from the first lines: the candidate that splits the lines into the
 * same number (more than one) of fields most consistently, quotes respected.
 */
export function sniffDialect(sample: string): CsvDialect {
  const newline = guessNewline(sample);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const parser = new Papa.Parser({ delimiter, newline, preview: 30 });
    const rows = (parser.parse(sample, 0, true) as ParseResult<string[]>).data.filter((row) => !(row.length === 1 && row[0] === ''));
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let modeFields = 1;
    let modeCount = 0;
    for (const [fields, count] of counts) {
      if (count > modeCount || (count === modeCount && fields > modeFields)) {
        modeFields = fields;
        modeCount = count;
      }
    }
    if (modeFields < 2) continue;
    const consistency = modeCount / rows.length;
    const headerFits = (rows[0]?.length ?? 0) === modeFields ? 1 : 0.5;
    const score = consistency * headerFits * Math.log2(modeFields + 1);
    if (score > best.score) best = { delimiter, score };
  }
  return { delimiter: best.delimiter, newline };
}

/** Line breaks inside one field (CRLF counts once). */
function breaksIn(field: string): number {
  let breaks = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13 && field.charCodeAt(i + 1) !== 10) breaks++;
  }
  return breaks;
}

export interface RowBatch {
  rows: string[][];
  /** The 1-based line of the file on which each row starts. */
  lines: number[];
  /** A record at the end of the file whose quote is never closed: its first line and how many lines it swallowed. */
  unterminated?: { line: number; lines: number; text: string };
}

/**
 * Splits streamed text into records with papaparse's parser, chunk by chunk: the
 * unfinished last record of a chunk is kept and parsed again with the next one. Blank
 * lines are skipped (and counted, so line numbers stay those of the file).
 */
export class CsvRowReader {
  private readonly parser: Papa.Parser;
  private partial = '';
  private nextLine = 1;

  constructor(
    readonly dialect: CsvDialect,
    private readonly fileName: string,
  ) {
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  }

  push(text: string, final = false): RowBatch {
    const input = this.partial.length > 0 ? this.partial + text : text;
    const result = this.parser.parse(input, 0, !final) as ParseResult<string[]>;
    const data = result.data;
    this.partial = final ? '' : input.slice(result.meta.cursor);
    if (this.partial.length > MAX_RECORD_CHARS) {
      throw new AppError(
        'csv.unreadable',
        `${this.fileName}, line ${this.nextLine}: a quoted value is never closed (a " without its closing "), so the rest of the file cannot be read.`,
        { line: this.nextLine },
      );
    }
    const quoted = input.includes('"');
    const rows: string[][] = [];
    const lines: number[] = [];
    for (const row of data) {
      const line = this.nextLine;
      let span = 1;
      if (quoted) {
        for (const field of row) span += breaksIn(field);
        // A CRLF line in a file read with LF leaves its CR at the end of the last field.
        const last = row[row.length - 1] ?? '';
        if (this.dialect.newline === '\n' && last.endsWith('\r')) span--;
      }
      this.nextLine += span;
      if (row.length === 1 && row[0] === '') continue;
      rows.push(row);
      lines.push(line);
    }
    // An unterminated quote can only be found at the end: the record runs to the end of the
    // file. It is handed back apart, to be listed as rejected with the lines it took.
    if (final && rows.length > 0 && result.errors.some((e) => e.code === 'MissingQuotes')) {
      const row = rows.pop() ?? [];
      const line = lines.pop() ?? this.nextLine;
      const text = row.join(this.dialect.delimiter);
      return { rows, lines, unterminated: { line, lines: 1 + breaksIn(text.replace(/(?:\r\n|\r|\n)$/, '')), text } };
    }
    return { rows, lines };
  }
}

/** Writes one record as CSV (comma, quotes where needed). */
export function toCsvLine(fields: readonly string[]): string {
  return fields
    .map((field) => (/[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field))
    .join(',');
}
