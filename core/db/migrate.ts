import { writeTransaction } from './transaction';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { migrationsDir } from '../paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads core/db/migrations/NNNN_name.sql in order; numbers must strictly increase. */
export function loadMigrations(dir: string = migrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name ${file} does not match NNNN_name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous && version <= previous.version) {
      throw new Error(`Migration ${file} does not increase the version after ${previous.version}`);
    }
    migrations.push({ version, name: match[2] ?? file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

export function latestVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.at(-1)?.version ?? 0;
}

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
}

export function ensureLedger(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
}

export function appliedMigrations(db: Database.Database): LedgerRow[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as LedgerRow[];
}

/**
 * Refuses a workspace written by a newer Shelfcast or one whose applied migrations were
 * edited afterwards; both would leave the schema in a state this build does not know.
 */
export function checkLedger(applied: LedgerRow[], known: Migration[]): void {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  const newest = latestVersion(known);
  for (const row of applied) {
    if (row.version > newest) {
      throw new AppError(
        'workspace.too_new',
        'This workspace was saved by a newer version of Shelfcast. Update Shelfcast to open it; the file was not changed.',
        { workspaceVersion: row.version, appVersion: newest },
      );
    }
    const migration = byVersion.get(row.version);
    if (!migration || migration.checksum !== row.checksum) {
      throw new AppError(
        'workspace.migration_changed',
        `This workspace's schema step ${row.version} (${row.name}) differs from the one this Shelfcast knows. The file was not changed.`,
        { version: row.version },
      );
    }
  }
}

/** Applies pending migrations, each with its ledger row in one transaction. Returns the versions applied. */
export function migrate(db: Database.Database, known: Migration[] = loadMigrations()): number[] {
  ensureLedger(db);
  const applied = appliedMigrations(db);
  checkLedger(applied, known);
  const done = new Set(applied.map((r) => r.version));
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const newlyApplied: number[] = [];
  for (const migration of known) {
    if (done.has(migration.version)) continue;
    writeTransaction(db, () => {
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, migration.checksum, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    });
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
