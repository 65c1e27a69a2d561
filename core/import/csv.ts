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

/** Receives one record and the line it starts on; returns false to stop reading. */
export type RowVisitor = (row: string[], line: number) => boolean | void;

export interface RowsResult {
  /** The visitor returned false (the reader is then done). */
  stopped: boolean;
  unterminated?: RowBatch['unterminated'];
}

/**
 * Splits streamed text into records, chunk by chunk: the unfinished last record of a chunk
 * is kept and parsed again with the next one. Blank lines are skipped (and counted, so
 * line numbers stay those of the file).
 *
 * Text without a quote character is split here, row by row, exactly as papaparse splits
 * such text (on the line break, then on the delimiter); each row is handed on as soon as it
 * is split, so a chunk's rows are never all alive at once (at a million rows that was most
 * of the import's garbage collection). Text with quotes goes through papaparse's Parser.
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

  /** The records of `text` (and of what was held back from the previous chunk), all at once. */
  push(text: string, final = false): RowBatch {
    const rows: string[][] = [];
    const lines: number[] = [];
    const { unterminated } = this.each(text, final, (row, line) => {
      rows.push(row);
      lines.push(line);
    });
    return unterminated ? { rows, lines, unterminated } : { rows, lines };
  }

  /** Hands the records of `text` (and of what was held back) to `visit` one by one, in order. */
  each(text: string, final: boolean, visit: RowVisitor): RowsResult {
    const input = this.partial.length > 0 ? this.partial + text : text;
    if (input.length > 0 && this.dialect.delimiter.length === 1 && input.indexOf('"') === -1) return this.eachUnquoted(input, final, visit);
    return this.eachParsed(input, final, visit);
  }

  private tooLong(): AppError {
    return new AppError(
      'csv.unreadable',
      `${this.fileName}, line ${this.nextLine}: a quoted value is never closed (a " without its closing "), so the rest of the file cannot be read.`,
      { line: this.nextLine },
    );
  }

  private eachUnquoted(input: string, final: boolean, visit: RowVisitor): RowsResult {
    const newline = this.dialect.newline;
    let end = input.length;
    if (!final) {
      const lastBreak = input.lastIndexOf(newline);
      end = lastBreak < 0 ? 0 : lastBreak + newline.length;
    }
    this.partial = final ? '' : input.slice(end);
    if (this.partial.length > MAX_RECORD_CHARS) throw this.tooLong();
    const delimiter = this.dialect.delimiter;
    // Line breaks and delimiters are found with indexOf (the engine's fast search; a third
    // faster than testing every character). The next delimiter is remembered across lines,
    // so lines without one never search the rest of the text again.
    let nextDelimiter = input.indexOf(delimiter);
    let start = 0;
    // Without `final` the text ends with a line break; with it, what follows the last break
    // is the last row (an empty one when the text ends with a break, skipped as blank).
    while (start < end || (final && start === end)) {
      let lineEnd = input.indexOf(newline, start);
      let next: number;
      if (lineEnd < 0 || lineEnd >= end) {
        lineEnd = end;
        next = end + 1;
      } else next = lineEnd + newline.length;
      const row: string[] = [];
      let fieldStart = start;
      for (;;) {
        if (nextDelimiter >= 0 && nextDelimiter < fieldStart) nextDelimiter = input.indexOf(delimiter, fieldStart);
        if (nextDelimiter < 0 || nextDelimiter >= lineEnd) break;
        row.push(input.slice(fieldStart, nextDelimiter));
        fieldStart = nextDelimiter + 1;
      }
      row.push(input.slice(fieldStart, lineEnd));
      const line = this.nextLine++;
      if (!(row.length === 1 && row[0] === '') && visit(row, line) === false) return { stopped: true };
      start = next;
    }
    return { stopped: false };
  }

  private eachParsed(input: string, final: boolean, visit: RowVisitor): RowsResult {
    const result = this.parser.parse(input, 0, !final) as ParseResult<string[]>;
    const data = result.data;
    this.partial = final ? '' : input.slice(result.meta.cursor);
    if (this.partial.length > MAX_RECORD_CHARS) throw this.tooLong();
    const quoted = input.includes('"');
    // An unterminated quote can only be found at the end: the record runs to the end of the
    // file. It is handed back apart, to be listed as rejected with the lines it took.
    const unterminatedLast = final && result.errors.some((e) => e.code === 'MissingQuotes');
    let lastRow: { row: string[]; line: number } | undefined;
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
      if (unterminatedLast) {
        if (lastRow && visit(lastRow.row, lastRow.line) === false) return { stopped: true };
        lastRow = { row, line };
      } else if (visit(row, line) === false) return { stopped: true };
    }
    if (lastRow) {
      const text = lastRow.row.join(this.dialect.delimiter);
      return { stopped: false, unterminated: { line: lastRow.line, lines: 1 + breaksIn(text.replace(/(?:\r\n|\r|\n)$/, '')), text } };
    }
    return { stopped: false };
  }
}

/** Writes one record as CSV (comma, quotes where needed). */
export function toCsvLine(fields: readonly string[]): string {
  return fields
    .map((field) => (/[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field))
    .join(',');
}
