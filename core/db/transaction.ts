import type { Db } from './connection';

/**
 * Runs `work` in a write transaction that takes SQLite's write lock at its start
 * (BEGIN IMMEDIATE; nested calls become savepoints of the outer one).
 *
 * Workspaces are in WAL mode and jobs write from their own connections in worker threads.
 * A plain (deferred) transaction that reads before it writes holds a read snapshot; while a job
 * writes, or once it has committed, SQLite cannot upgrade that snapshot to a write and fails it
 * with SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT instead of waiting out the busy timeout
 * (https://sqlite.org/lang_transaction.html, on read transactions upgraded to writes).
 * Taking the lock first makes the transaction wait (up to the connection's busy timeout) for
 * the job's write to end. Every write transaction in the core goes through here.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
