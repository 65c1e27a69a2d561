import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { APPLICATION_ID, openWorkspace } from '../../../core/db/connection';
import { latestVersion, loadMigrations } from '../../../core/db/migrate';
import { useTempDir } from '../../helpers/tmp';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `non-app:${String(err)}`;
  }
  return undefined;
}

describe('workspace file', () => {
  const tempDir = useTempDir();

  it('creates a workspace with WAL, foreign keys, STRICT tables and every migration in the ledger', () => {
    const path = join(tempDir(), 'shop.shelfcast');
    const db = openWorkspace(path, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const ledger = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(ledger.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
    for (const table of tables) expect(table.sql, table.name).toMatch(/STRICT/);
    for (const name of ['products', 'suppliers', 'locations', 'customers', 'sales', 'stock_snapshots', 'purchase_orders', 'po_lines', 'events', 'imports', 'forecast_runs', 'forecasts', 'backtests', 'model_registry', 'recommendations', 'alerts', 'settings', 'audit_log']) {
      expect(tables.map((t) => t.name)).toContain(name);
    }
    db.close();
  });

  it('enforces foreign keys and STRICT types', () => {
    const db = openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    expect(() => db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (999, 1, 1, 1)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO products (sku, name, moq) VALUES ('a', 'A', 'lots')").run()).toThrow(/cannot store TEXT value in REAL column/);
    db.close();
  });

  it('reopens an existing workspace without applying anything twice', () => {
    const path = join(tempDir(), 'shop.shelfcast');
    openWorkspace(path, { create: true }).close();
    const db = openWorkspace(path);
    expect((db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(loadMigrations().length);
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(codeOf(() => openWorkspace(join(tempDir(), 'nope.shelfcast')))).toBe('workspace.not_found');
  });

  it('refuses a file that is not SQLite, without changing it', () => {
    const path = join(tempDir(), 'notes.shelfcast');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(20));
    const before = sha(path);
    expect(codeOf(() => openWorkspace(path))).toBe('workspace.not_sqlite');
    expect(sha(path)).toBe(before);
  });

  it('refuses a SQLite database of another application, without changing it', () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x INTEGER)');
    other.close();
    const before = sha(path);
    expect(codeOf(() => openWorkspace(path))).toBe('workspace.not_sqlite');
    expect(sha(path)).toBe(before);
  });

  it('gives the corrupt-file message for a damaged workspace and leaves it byte for byte as it was', () => {
    const path = join(tempDir(), 'damaged.shelfcast');
    const db = openWorkspace(path, { create: true });
    const insert = db.prepare("INSERT INTO products (sku, name) VALUES (?, 'A product with a reasonably long name to fill pages')");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`SKU-${i}`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (b-tree pages) with garbage; the header stays valid.
    for (let i = 8192; i < 16384; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(path, bytes);
    const before = sha(path);
    let error: unknown;
    try {
      openWorkspace(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('workspace.corrupt');
    expect((error as AppError).message).toMatch(/damaged/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a workspace from a newer Shelfcast, without changing it', () => {
    const path = join(tempDir(), 'future.shelfcast');
    const db = openWorkspace(path, { create: true });
    db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'from_the_future', 'x', 'now')").run();
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(path);
    expect(codeOf(() => openWorkspace(path))).toBe('workspace.too_new');
    expect(sha(path)).toBe(before);
  });

  it('refuses a workspace whose applied migration was edited', () => {
    const path = join(tempDir(), 'edited.shelfcast');
    const db = openWorkspace(path, { create: true });
    db.prepare("UPDATE schema_migrations SET checksum = 'different' WHERE version = 1").run();
    db.close();
    expect(codeOf(() => openWorkspace(path))).toBe('workspace.migration_changed');
  });
});
