import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { getImport, iterateRejects } from '../db/repos/imports';
import { toCsvLine } from './csv';

function reportHeaders(errorReport: string | null): string[] {
  if (!errorReport) return [];
  try {
    const parsed = JSON.parse(errorReport) as { headers?: unknown };
    return Array.isArray(parsed.headers) ? parsed.headers.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Writes an import's rejected rows as CSV (UTF-8 with a byte-order mark, so spreadsheets
 * read it right): line, column and reason, then the row as it was in the file under its
 * own headers, ready to fix and import again.
 */
export async function writeRejectsCsv(db: Db, importId: number, path: string): Promise<{ rows: number; fileName: string }> {
  const record = getImport(db, importId);
  if (!record) throw new AppError('import.not_found', `There is no import number ${importId}.`);
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${toCsvLine(['line', 'column', 'reason', ...reportHeaders(record.error_report)])}\r\n`);
  let rows = 0;
  for (const reject of iterateRejects(db, importId)) {
    await write(`${toCsvLine([String(reject.line), reject.column ?? '', reject.reason])}${reject.raw ? `,${reject.raw}` : ''}\r\n`);
    rows++;
  }
  out.end();
  await once(out, 'finish');
  return { rows, fileName: record.file_name };
}
