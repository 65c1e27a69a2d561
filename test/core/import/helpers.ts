import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportKind, Mapping } from '../../../core/contract/commands/import';
import type { Db } from '../../../core/db/connection';
import { openWorkspace } from '../../../core/db/connection';
import type { CommitOptions } from '../../../core/import/commit';
import { commitImports } from '../../../core/import/commit';
import { inspectFile } from '../../../core/import/inspect';

/** 2026-01-01 as a day number: "today" in the tests, so that the future is fixed. */
export const TEST_TODAY = 20_454;

export interface TempWorkspace {
  dir: string;
  path: string;
  db: Db;
  file(name: string, content: string | Buffer): string;
  close(): void;
}

export function tempWorkspace(): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'shelfcast-import-'));
  const path = join(dir, 'test.shelfcast');
  const db = openWorkspace(path, { create: true });
  return {
    dir,
    path,
    db,
    file(name, content) {
      const target = join(dir, name);
      writeFileSync(target, content);
      return target;
    },
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function inspect(db: Db, path: string, options: { kind?: ImportKind; mapping?: Mapping; today?: number } = {}) {
  return inspectFile(db, path, path.split('/').pop() ?? path, { today: TEST_TODAY, ...options });
}

/** Inspects a file and imports it with the suggested (or adjusted) mapping. */
export async function importFile(
  db: Db,
  path: string,
  options: { kind?: ImportKind; adjust?: (mapping: Mapping) => Mapping; replace?: boolean } & CommitOptions = {},
) {
  const today = options.today ?? TEST_TODAY;
  let inspection = await inspect(db, path, options.kind ? { kind: options.kind, today } : { today });
  if (options.adjust) inspection = await inspect(db, path, { mapping: options.adjust(inspection.mapping), today });
  if (inspection.blockers.length > 0) throw new Error(`blocked: ${inspection.blockers.join(' ')}`);
  const mapping = inspection.mapping;
  const result = await commitImports(db, [{ path, name: path.split('/').pop() ?? path, mapping, replace: options.replace ?? false }], { today: TEST_TODAY, ...options });
  const summary = result.files[0];
  if (!summary) throw new Error('no summary');
  return { inspection, result, summary };
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

// import_mappings is left out: a remembered column mapping is a preference, not imported data.
const CONTENT_TABLES = ['products', 'suppliers', 'customers', 'locations', 'sales', 'stock_snapshots', 'purchase_orders', 'po_lines', 'events', 'imports', 'import_rejects', 'import_changes'];

/** Every row of every table the importer touches, as text: equal snapshots mean an unchanged workspace. */
export function snapshot(db: Db): string {
  return CONTENT_TABLES.map((table) => `${table}:${JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all())}`).join('\n');
}
