import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { appliedMigrations, checkLedger, loadMigrations, migrate } from './migrate';

export type Db = Database.Database;

/** PRAGMA application_id of a Shelfcast workspace: the bytes "SHLF". */
export const APPLICATION_ID = 0x53484c46;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Create the file when it does not exist (new workspace). */
  create?: boolean;
  /** Open without writing anything (no migrations, no WAL switch). */
  readonly?: boolean;
  /** Run PRAGMA integrity_check instead of the faster quick_check. */
  fullCheck?: boolean;
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const bytes = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, bytes).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function corrupt(path: string, detail: string): AppError {
  return new AppError(
    'workspace.corrupt',
    `The workspace file ${path} is damaged and cannot be opened safely. It was not changed. Restore it from a backup (Settings → Backup and restore).`,
    { path, detail },
  );
}

/**
 * Checks an existing file without changing a byte of it: it must be a SQLite database,
 * pass SQLite's own consistency check, be a Shelfcast workspace (or an empty database),
 * and not come from a newer Shelfcast.
 */
export function inspectWorkspaceFile(path: string, fullCheck = false): { empty: boolean } {
  const size = statSync(path).size;
  if (size === 0) return { empty: true };
  if (size < 100 || readHeader(path) !== SQLITE_HEADER) {
    throw new AppError(
      'workspace.not_sqlite',
      `${path} is not a Shelfcast workspace (it is not a SQLite database file). It was not changed.`,
      { path },
    );
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    const check = probe.pragma(fullCheck ? 'integrity_check' : 'quick_check') as Array<Record<string, string>>;
    const problems = check.map((row) => Object.values(row)[0]).filter((v) => v !== 'ok');
    if (problems.length > 0) throw corrupt(path, problems.slice(0, 5).join('; '));
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) {
      throw new AppError(
        'workspace.not_sqlite',
        `${path} is a SQLite database but not a Shelfcast workspace. It was not changed.`,
        { path },
      );
    }
    checkLedger(appliedMigrations(probe), loadMigrations());
    return { empty: tables.n === 0 };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/not a database|malformed|corrupt|disk image/i.test(message)) throw corrupt(path, message);
    throw err;
  } finally {
    probe?.close();
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

/** Opens (or creates) a workspace: checked, migrated, WAL, foreign keys on. */
export function openWorkspace(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && !options.create) {
    throw new AppError('workspace.not_found', `There is no workspace file at ${path}.`, { path });
  }
  if (exists) inspectWorkspaceFile(path, options.fullCheck ?? false);
  if (options.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('foreign_keys = ON');
    return db;
  }
  const db = new Database(path);
  try {
    configure(db);
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Opens a second connection to an already checked workspace (worker threads). */
export function connectWorkspace(path: string): Db {
  const db = new Database(path, { fileMustExist: true });
  configure(db);
  return db;
}
