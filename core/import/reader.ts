import { AppError } from '../contract/errors';
import type { CsvDialect } from './csv';
import { CsvRowReader, sniffDialect } from './csv';
import type { FileScan } from './encoding';
import { readTextChunks } from './encoding';

export interface TableVisit {
  dialect: CsvDialect;
  headers: string[];
  /** Data rows seen (blank lines and the header excluded). */
  rowsSeen: number;
  /** False when the visitor stopped early. */
  complete: boolean;
  /** SHA-256 of the stored bytes, when the file was read to its end. */
  contentHash: string | null;
}

export interface VisitOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the bytes of the stored file read so far. */
  onChunk?: (bytesRead: number, rowsSeen: number) => void;
  /** Parse with this dialect instead of guessing it. */
  dialect?: CsvDialect;
  /** A last record whose quote is never closed (it is counted as a row, not visited). */
  onUnterminated?: (line: number, lines: number, text: string) => void;
}

/** A row of empty cells (",,,,"): a blank line in a spreadsheet's export. */
function isBlank(row: readonly string[]): boolean {
  if (row[0] !== undefined && row[0] !== '' && row[0].trim() !== '') return false;
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Streams a delimited text file row by row: the first non-blank row is the header, each
 * later row is handed to `visit` with its line number. `visit` returns false to stop.
 * Memory stays bounded: one chunk of text at a time.
 */
export async function visitTable(
  path: string,
  name: string,
  scan: FileScan,
  options: VisitOptions,
  visit: (row: string[], line: number, headers: readonly string[]) => boolean | void,
): Promise<TableVisit> {
  let reader: CsvRowReader | undefined;
  let headers: string[] | undefined;
  let rowsSeen = 0;
  let stopped = false;
  const chunks = readTextChunks(path, name, scan, options.signal);
  const onRow = (row: string[], line: number): boolean => {
    if (!headers) {
      headers = row.map((h) => h.trim());
      return true;
    }
    if (isBlank(row)) return true;
    rowsSeen++;
    return visit(row, line, headers) !== false;
  };
  let contentHash: string | null = null;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      contentHash = next.value;
      break;
    }
    const { text, bytesRead } = next.value;
    reader ??= new CsvRowReader(options.dialect ?? sniffDialect(text.slice(0, 65_536)), name);
    if (reader.each(text, false, onRow).stopped) {
      stopped = true;
      await chunks.return('');
      break;
    }
    options.onChunk?.(bytesRead, rowsSeen);
  }
  if (!stopped && reader) {
    const last = reader.each('', true, onRow);
    if (last.stopped) stopped = true;
    else if (last.unterminated && headers) {
      rowsSeen++;
      options.onUnterminated?.(last.unterminated.line, last.unterminated.lines, last.unterminated.text);
    }
  }
  if (!reader || !headers) throw new AppError('csv.bad_header', `${name} is empty: it has no header row and no data.`);
  return { dialect: reader.dialect, headers, rowsSeen, complete: !stopped, contentHash: stopped ? null : contentHash };
}
