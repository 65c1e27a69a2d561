import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

/**
 * Natural keys of stored rows that the file being imported has already matched as
 * duplicates. A TEMP table (on disk with temp_store = FILE) keeps memory bounded even when
 * a huge file overlaps what is stored; it lives only for the import's connection.
 */
export function resetClaims(db: Db): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS import_claimed (key INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.import_claimed');
}

/** `run(key).changes` is 1 when the key was not claimed yet (and now is), 0 when it was. */
export function claimStatement(db: Db): Statement {
  return db.prepare('INSERT OR IGNORE INTO temp.import_claimed (key) VALUES (?)');
}

export function dropClaims(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.import_claimed');
}
