import type { CommitResult, FileSummary, ImportKind, Mapping } from '../contract/commands/import';
import { AppError } from '../contract/errors';
import { todayDay } from '../dates';
import type { Db } from '../db/connection';
import { createImport, finishImport, importsWithHash, rejectInserter, saveMapping } from '../db/repos/imports';
import { dropSalesSecondaryIndexes, recreateSalesSecondaryIndexes, salesCount, salesHistoryDays } from '../db/repos/sales';
import type { ProgressFn } from '../jobs/progress';
import { throwIfAborted } from '../jobs/progress';
import type { FileCounts, RecordWriter, WriteContext } from './context';
import { emptyCounts, References } from './context';
import { toCsvLine } from './csv';
import { headerSignature, mappingProblems, missingRequired } from './detect';
import type { FileScan } from './encoding';
import { scanFile, scanStillValid } from './encoding';
import { visitTable } from './reader';
import type { ImportRecordRow, Problem } from './records';
import { createConverter } from './records';
import { undoImportInTransaction } from './undo';
import { CustomerWriter, ProductWriter, SupplierWriter } from './writers/catalog';
import { EventWriter } from './writers/events';
import { PurchaseOrderWriter } from './writers/purchase-orders';
import { SalesWriter } from './writers/sales';
import { StockWriter } from './writers/stock';

export interface CommitFile {
  path: string;
  name: string;
  mapping: Mapping;
  replace?: boolean;
  remember?: boolean;
  /** The scan made when the file was inspected; used while the file is unchanged (its hash is checked again on the way). */
  scan?: FileScan;
}

export interface CommitOptions {
  createProducts?: boolean;
  /** Day number of "today" (dates after it are rejected for sales and stock). */
  today?: number;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/** Rejected rows kept per import (all are counted); beyond this the file needs fixing anyway. */
export const MAX_STORED_REJECTS = 100_000;
const FIRST_REJECTS = 20;
export const HISTORY_WARNING_DAYS = 90;
/** The page cache during a commit, at least (KiB). */
const BULK_CACHE_KIB = 131_072;

/** Files are committed in this order so that products and suppliers exist before sales refer to them. */
const KIND_ORDER: readonly ImportKind[] = ['suppliers', 'products', 'customers', 'events', 'sales_lines', 'sales_totals', 'sales_wide', 'stock', 'purchase_orders'];

/**
 * Bytes per stored sales row, roughly, to tell a bulk load from a top-up before reading the
 * file (a wide file stores one row per cell, about two bytes each).
 */
function estimatedSalesRows(kind: ImportKind, sizeBytes: number, compressed: boolean): number {
  const bytes = (compressed ? 6 : 1) * sizeBytes;
  return kind === 'sales_wide' ? bytes / 2 : bytes / 40;
}

/**
 * Measured on a million rows: keeping sales' three secondary indexes up to date costs about
 * three times as much per row as building them afresh (random product ids scatter the
 * inserts), so they are rebuilt when the file brings at least half as many rows as stored.
 */
function rebuildIndexes(kind: ImportKind, scan: FileScan, storedRows: number): boolean {
  return estimatedSalesRows(kind, scan.sizeBytes, scan.compressed) * 2 >= storedRows;
}

function writerFor(kind: ImportKind, ctx: WriteContext, today: number): RecordWriter<ImportRecordRow> {
  switch (kind) {
    case 'sales_lines':
    case 'sales_totals':
    case 'sales_wide':
      return new SalesWriter(ctx) as RecordWriter<ImportRecordRow>;
    case 'products':
      return new ProductWriter(ctx) as RecordWriter<ImportRecordRow>;
    case 'suppliers':
      return new SupplierWriter(ctx) as RecordWriter<ImportRecordRow>;
    case 'customers':
      return new CustomerWriter(ctx) as RecordWriter<ImportRecordRow>;
    case 'stock':
      return new StockWriter(ctx) as RecordWriter<ImportRecordRow>;
    case 'purchase_orders':
      return new PurchaseOrderWriter(ctx, today) as RecordWriter<ImportRecordRow>;
    case 'events':
      return new EventWriter(ctx) as RecordWriter<ImportRecordRow>;
  }
}

function describeProblems(problems: Problem[]): { column: string | null; reason: string } {
  if (problems.length === 1) return { column: problems[0]?.column ?? null, reason: problems[0]?.reason ?? '' };
  return { column: problems[0]?.column ?? null, reason: problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ') };
}

export function historyWarning(days: number): string | null {
  if (days >= HISTORY_WARNING_DAYS) return null;
  return days === 0
    ? `The workspace holds no sales history yet. Forecasts need sales; with less than ${HISTORY_WARNING_DAYS} days of history they will be rough.`
    : `The workspace holds ${days} day${days === 1 ? '' : 's'} of sales history. With less than ${HISTORY_WARNING_DAYS} days, forecasts will be rough.`;
}

interface Scanned {
  file: CommitFile;
  scan: FileScan;
  index: number;
}

/**
 * Imports files in ONE transaction: either every file's valid rows are stored, or (error,
 * cancel, crash, power cut) nothing is. Per file: the same content imported before is
 * skipped unless `replace` (then the earlier import is undone first, in the same
 * transaction); rows that fail validation are counted, kept with their reasons, and the rest
 * go in.
 */
export async function commitImports(db: Db, files: CommitFile[], options: CommitOptions = {}): Promise<CommitResult> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayDay(now);
  const steps = files.length + 1;
  const scanned: Scanned[] = [];
  for (const [index, file] of files.entries()) {
    options.onProgress?.({ step: 1, steps, stepName: 'check files', current: index, total: files.length, message: `Checking ${file.name}` });
    const missing = missingRequired(file.mapping.kind, file.mapping.columns);
    if (missing.length > 0) throw new AppError('csv.bad_header', `${file.name}: map a column to ${missing.join(', ')} before importing.`, { file: file.name, missing });
    const scan = file.scan && scanStillValid(file.path, file.scan) ? file.scan : await scanFile(file.path, file.name, options.signal);
    scanned.push({ file, scan, index });
  }
  scanned.sort((a, b) => KIND_ORDER.indexOf(a.file.mapping.kind) - KIND_ORDER.indexOf(b.file.mapping.kind) || a.index - b.index);

  const summaries = new Map<number, FileSummary>();
  // Foreign-key checks cost a fifth of a bulk load's time. Imports only insert ids they have
  // just read or written in this same transaction, so the checks are off while they run;
  // a replace deletes (and relies on cascades), so it runs with them on.
  const checkForeignKeys = files.some((f) => f.replace);
  if (!checkForeignKeys) db.pragma('foreign_keys = OFF');
  // Rebuilding sales' indexes after a bulk load is a sort in SQLite's sorter. With temp_store
  // = MEMORY the sorter allocates every record on its own; with FILE it packs them into one
  // arena (and a sort larger than the page cache spills to a temporary file SQLite deletes
  // itself). Measured on a million rows: the rebuild took 1.2 s instead of 1.5. Set outside
  // the transaction (SQLite refuses the change inside one) and put back afterwards.
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  db.pragma('temp_store = FILE');
  // A page cache that holds a million-row load (94 MB) until COMMIT: with 64 MB, pages were
  // spilled to the WAL mid-transaction and read back (by the index rebuild), then written
  // again: 107k writes and 51k reads for 23k pages, instead of 69k and 23k.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const cacheBytes = cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize;
  if (cacheBytes < BULK_CACHE_KIB * 1024) db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    const refs = new References(db);
    for (const [position, item] of scanned.entries()) {
      throwIfAborted(options.signal);
      const summary = await commitOne(db, item, refs, {
        createProducts: options.createProducts ?? true,
        today,
        now,
        signal: options.signal,
        onProgress: (current, total, message) =>
          options.onProgress?.({ step: position + 2, steps, stepName: item.file.name, current, total, message }),
      });
      summaries.set(item.index, summary);
    }
    throwIfAborted(options.signal);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    if (!checkForeignKeys) db.pragma('foreign_keys = ON');
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
  const days = salesHistoryDays(db);
  return { files: files.map((_, i) => summaries.get(i)).filter((s): s is FileSummary => s !== undefined), historyWarning: historyWarning(days) };
}

interface OneOptions {
  createProducts: boolean;
  today: number;
  now: Date;
  signal: AbortSignal | undefined;
  onProgress: (current: number, total: number, message: string) => void;
}

async function commitOne(db: Db, { file, scan }: Scanned, refs: References, options: OneOptions): Promise<FileSummary> {
  const { mapping } = file;
  const counts: FileCounts = emptyCounts();
  const base = {
    fileName: file.name,
    kind: mapping.kind,
    created: counts.created,
    firstRejects: [] as FileSummary['firstRejects'],
    firstDuplicates: [] as FileSummary['firstDuplicates'],
    notes: [] as string[],
  };
  const earlier = importsWithHash(db, scan.contentHash);
  const previous = earlier[0];
  if (previous && !file.replace) {
    return {
      ...base,
      status: 'already_imported',
      importId: null,
      rowsRead: 0,
      imported: 0,
      rejected: 0,
      duplicates: 0,
      updated: 0,
      warnings: [`${file.name} was already imported on ${previous.created_at.slice(0, 10)} (as ${previous.file_name}). Nothing was changed; choose "replace" to import it again.`],
      replaced: [],
      previousImport: { importId: previous.id, at: previous.created_at },
    };
  }
  const replaced = earlier.map((e) => undoImportInTransaction(db, e.id).importId);

  const importId = createImport(db, { fileName: file.name, contentHash: scan.contentHash, kind: mapping.kind, mapping, createdAt: options.now.toISOString() });
  const insertReject = rejectInserter(db);
  let storedRejects = 0;
  let headerRow: readonly string[] = [];
  const ctx: WriteContext = {
    db,
    importId,
    createProducts: options.createProducts,
    now: options.now.toISOString(),
    refs,
    counts,
    get headers() {
      return headerRow;
    },
    column: (field) => {
      const index = mapping.columns[field];
      return index === undefined ? null : (headerRow[index] ?? null);
    },
    reject(line, problems, row) {
      counts.rejected++;
      const { column, reason } = describeProblems(problems);
      if (storedRejects < MAX_STORED_REJECTS) insertReject(importId, storedRejects++, { line, column, reason, raw: toCsvLine(row) });
      if (base.firstRejects.length < FIRST_REJECTS) base.firstRejects.push({ line, column, reason });
    },
    duplicate(line, reason) {
      counts.duplicates++;
      if (base.firstDuplicates.length < FIRST_REJECTS) base.firstDuplicates.push({ line, reason });
    },
    note: (text) => void base.notes.push(text),
  };
  const writer = writerFor(mapping.kind, ctx, options.today);
  let converter: ReturnType<typeof createConverter> | undefined;
  const isSales = mapping.kind === 'sales_lines' || mapping.kind === 'sales_totals' || mapping.kind === 'sales_wide';
  const droppedIndexes = isSales && rebuildIndexes(mapping.kind, scan, salesCount(db)) ? dropSalesSecondaryIndexes(db) : [];

  const sink = {
    record: (record: ImportRecordRow, line: number, row: readonly string[]) => writer.write(record, line, row),
    reject: (line: number, problems: Problem[], row: readonly string[]) => ctx.reject(line, problems, row),
  };
  const visit = await visitTable(
    file.path,
    file.name,
    scan,
    {
      signal: options.signal,
      onChunk: (bytes, rows) => options.onProgress(bytes, scan.sizeBytes, `${rows.toLocaleString('en')} rows read`),
      onUnterminated: (line, lines, text) =>
        ctx.reject(line, [{ column: null, reason: `a quoted value opened on line ${line} is never closed, so ${lines > 1 ? `lines ${line}–${line + lines - 1}` : 'this line'} could not be read` }], [text]),
    },
    (row, line, headers) => {
      if (!converter) {
        headerRow = headers;
        const problems = mappingProblems(mapping, headers);
        if (problems.length > 0) throw new AppError('csv.bad_header', `${file.name}: ${problems.join(' ')}`, { file: file.name, problems });
        converter = createConverter(mapping, headers, { today: options.today });
      }
      converter.convert(row, line, sink);
    },
  );
  writer.flush();
  if (visit.contentHash !== scan.contentHash) {
    throw new AppError('file.unreadable', `${file.name} changed while it was being imported. Nothing was imported; try again.`);
  }
  if (droppedIndexes.length > 0) {
    options.onProgress(scan.sizeBytes, scan.sizeBytes, 'Indexing');
    recreateSalesSecondaryIndexes(db, droppedIndexes);
  }
  counts.read = visit.rowsSeen;
  const warnings: string[] = [];
  if (counts.rejected > storedRejects) warnings.push(`${counts.rejected - storedRejects} more rejected rows were counted but not kept; fix the file's mapping and import it again.`);
  if (counts.created.products > 0 && mapping.kind !== 'products') warnings.push(`${counts.created.products} new product${counts.created.products === 1 ? ' was' : 's were'} created from SKUs not in your product list (named by the first row that names them, by their SKU where no row does).`);
  finishImport(db, importId, counts, { warnings, rejectsStored: storedRejects, headers: visit.headers, delimiter: visit.dialect.delimiter, encoding: scan.encoding });
  if (file.remember !== false) {
    saveMapping(db, { signature: headerSignature(visit.headers), sourceName: file.name, kind: mapping.kind, mapping, updatedAt: options.now.toISOString() });
  }
  return {
    ...base,
    status: 'imported',
    importId,
    rowsRead: counts.read,
    imported: counts.imported,
    rejected: counts.rejected,
    duplicates: counts.duplicates,
    updated: counts.updated,
    warnings,
    replaced,
    previousImport: previous ? { importId: previous.id, at: previous.created_at } : null,
  };
}
