import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared once. For statements run
 * once per new row of a bulk import (a file with thousands of new SKUs prepared the same
 * INSERT thousands of times).
 */
export function cachedStatement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
