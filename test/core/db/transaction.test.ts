import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectWorkspace, openWorkspace } from '../../../core/db/connection';
import type { Db } from '../../../core/db/connection';
import { readSettings, updateSettings } from '../../../core/db/repos/settings';
import { writeTransaction } from '../../../core/db/transaction';

/**
 * Jobs write to the workspace from worker threads while the main process answers the window.
 * A write transaction in the main process must wait for a job's write, never fail because of it.
 */
let dir: string;
let path: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfcast-tx-'));
  path = join(dir, 'shop.shelfcast');
  db = openWorkspace(path, { create: true });
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A job in a worker thread: takes the write lock, says so through `flag`, writes an event,
 * holds the lock for `holdMs` and commits. Resolves when the worker has ended.
 */
function jobHoldingTheWriteLock(holdMs: number, flag: Int32Array): Promise<void> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `
    const { workerData } = require('node:worker_threads');
    const Database = require(workerData.sqlite);
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value) VALUES ('jobMarker', '1')").run();
    Atomics.store(workerData.flag, 0, 1);
    Atomics.notify(workerData.flag, 0);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
  `;
  const worker = new Worker(code, { eval: true, workerData: { sqlite, path, holdMs, flag } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
}

function waitForFlag(flag: Int32Array): void {
  expect(Atomics.wait(flag, 0, 0, 10_000)).not.toBe('timed-out');
}

describe('writeTransaction', () => {
  it('a settings change made while a job holds the write lock waits for it and is stored', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const job = jobHoldingTheWriteLock(300, flag);
    waitForFlag(flag);
    // updateSettings reads the current settings, then writes: as a deferred transaction its
    // read could not be upgraded to a write while the job wrote, and it failed at once (SQLITE_BUSY).
    const after = updateSettings(db, { horizonWeeks: 14 });
    await job;
    expect(after.horizonWeeks).toBe(14);
    expect(readSettings(db).horizonWeeks).toBe(14);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'jobMarker'").pluck().get()).toBe('1');
  });

  it('the same read-then-write as a deferred transaction fails (why the core never uses one)', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const job = jobHoldingTheWriteLock(300, flag);
    waitForFlag(flag);
    const deferred = db.transaction(() => {
      db.prepare('SELECT COUNT(*) FROM settings').pluck().get();
      db.prepare("INSERT INTO settings (key, value) VALUES ('horizonWeeks', '14') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    });
    expect(() => deferred()).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }));
    await job;
  });

  it('holds the write lock from its start, and a nested call is a savepoint of the outer one', () => {
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    try {
      expect(() =>
        writeTransaction(db, () => {
          db.prepare('SELECT COUNT(*) FROM settings').pluck().get();
          expect(() => other.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
          writeTransaction(db, () => db.prepare("INSERT INTO settings (key, value) VALUES ('inner', '1')").run());
          throw new Error('roll back');
        }),
      ).toThrow('roll back');
      expect(db.prepare("SELECT COUNT(*) FROM settings WHERE key IN ('x', 'inner')").pluck().get()).toBe(0);
      expect(writeTransaction(db, () => 7)).toBe(7);
    } finally {
      other.close();
    }
  });

  it('a worker connection sees what the main process wrote', () => {
    writeTransaction(db, () => db.prepare("INSERT INTO settings (key, value) VALUES ('seen', '1')").run());
    const worker = connectWorkspace(path);
    try {
      expect(worker.prepare("SELECT value FROM settings WHERE key = 'seen'").pluck().get()).toBe('1');
    } finally {
      worker.close();
    }
  });
});
