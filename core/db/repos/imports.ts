import type { Db } from '../connection';
import { cachedStatement } from './statement-cache';

export interface ImportRow {
  id: number;
  file_name: string;
  content_hash: string;
  kind: string;
  mapping: string | null;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  rows_duplicate: number;
  error_report: string | null;
  created_at: string;
}

export function createImport(db: Db, fields: { fileName: string; contentHash: string; kind: string; mapping: unknown; createdAt: string }): number {
  const info = db
    .prepare('INSERT INTO imports (file_name, content_hash, kind, mapping, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(fields.fileName, fields.contentHash, fields.kind, JSON.stringify(fields.mapping), fields.createdAt);
  return Number(info.lastInsertRowid);
}

export function finishImport(
  db: Db,
  id: number,
  counts: { read: number; imported: number; rejected: number; duplicates: number },
  report: unknown,
): void {
  db.prepare('UPDATE imports SET rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_duplicate = ?, error_report = ? WHERE id = ?').run(
    counts.read,
    counts.imported,
    counts.rejected,
    counts.duplicates,
    JSON.stringify(report),
    id,
  );
}

export function importsWithHash(db: Db, contentHash: string): ImportRow[] {
  return db.prepare('SELECT * FROM imports WHERE content_hash = ? ORDER BY id').all(contentHash) as ImportRow[];
}

export function listImports(db: Db): ImportRow[] {
  return db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportRow[];
}

export function getImport(db: Db, id: number): ImportRow | undefined {
  return db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
}

export function deleteImportRow(db: Db, id: number): void {
  db.prepare('DELETE FROM imports WHERE id = ?').run(id);
}

export function importFileName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const row = db.prepare('SELECT file_name FROM imports WHERE id = ?').get(id) as { file_name: string } | undefined;
  return row?.file_name ?? null;
}

// Rejected rows

export interface RejectRow {
  line: number;
  column: string | null;
  reason: string;
  raw: string | null;
}

export function rejectInserter(db: Db): (importId: number, seq: number, reject: RejectRow) => void {
  const statement = db.prepare('INSERT INTO import_rejects (import_id, seq, line, column, reason, raw) VALUES (?, ?, ?, ?, ?, ?)');
  return (importId, seq, reject) => {
    statement.run(importId, seq, reject.line, reject.column, reject.reason, reject.raw);
  };
}

export function countRejects(db: Db, importId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM import_rejects WHERE import_id = ?').get(importId) as { n: number }).n;
}

export function listRejects(db: Db, importId: number, offset: number, limit: number): RejectRow[] {
  return db.prepare('SELECT line, column, reason, raw FROM import_rejects WHERE import_id = ? ORDER BY seq LIMIT ? OFFSET ?').all(importId, limit, offset) as RejectRow[];
}

export function* iterateRejects(db: Db, importId: number): Generator<RejectRow> {
  yield* db.prepare('SELECT line, column, reason, raw FROM import_rejects WHERE import_id = ? ORDER BY seq').iterate(importId) as Iterable<RejectRow>;
}

// Changes an import made to rows it did not create

export type ChangeEntity = 'products' | 'suppliers' | 'customers' | 'locations';

export interface ChangeRow {
  id: number;
  entity: ChangeEntity;
  entity_id: number;
  action: 'insert' | 'update';
  before: string | null;
  after: string | null;
}

export function recordChange(
  db: Db,
  change: { importId: number; entity: ChangeEntity; entityId: number; action: 'insert' | 'update'; before?: Record<string, unknown>; after?: Record<string, unknown> },
): void {
  cachedStatement(db, 'INSERT INTO import_changes (import_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    change.importId,
    change.entity,
    change.entityId,
    change.action,
    change.before === undefined ? null : JSON.stringify(change.before),
    change.after === undefined ? null : JSON.stringify(change.after),
  );
}

/** Newest first, the order in which undo puts them back. */
export function changesOf(db: Db, importId: number): ChangeRow[] {
  return db.prepare('SELECT id, entity, entity_id, action, before, after FROM import_changes WHERE import_id = ? ORDER BY id DESC').all(importId) as ChangeRow[];
}

// Remembered mappings

export function savedMapping(db: Db, signature: string): { mapping: string; source_name: string } | undefined {
  return db.prepare('SELECT mapping, source_name FROM import_mappings WHERE signature = ?').get(signature) as { mapping: string; source_name: string } | undefined;
}

export function saveMapping(db: Db, fields: { signature: string; sourceName: string; kind: string; mapping: unknown; updatedAt: string }): void {
  db.prepare(
    `INSERT INTO import_mappings (signature, source_name, kind, mapping, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET source_name = excluded.source_name, kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(fields.signature, fields.sourceName, fields.kind, JSON.stringify(fields.mapping), fields.updatedAt);
}
