import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../core/db/connection';
import type { TempWorkspace } from './helpers';
import { importFile, snapshot, tempWorkspace } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ROWS = 300_000;

let ws: TempWorkspace;
let bigFile: string;
let before: string;

function state(path: string): { integrity: string; snapshot: string } {
  const db = openWorkspace(path);
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    return { integrity, snapshot: snapshot(db) };
  } finally {
    db.close();
  }
}

/**
 * Runs `shelfcast import` in a child process and kills it with SIGKILL as soon as the
 * import step reports `atPercent` of the file read. Progress, not wall-clock time, picks
 * the moment, so a fast machine cannot finish the import before the kill.
 */
function importAndKill(path: string, atPercent: number): Promise<{ killedWhileImporting: boolean; exitCode: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core', 'cli', 'main.ts'), 'import', bigFile, '--workspace', path], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let importing = false;
  let killedWhileImporting = false;
  createInterface({ input: child.stderr }).on('line', (line) => {
    const m = /step 2\/2 .*?(\d+)%$/.exec(line);
    if (!importing && m && Number(m[1]) >= atPercent && Number(m[1]) < 100) {
      importing = true;
      killedWhileImporting = child.exitCode === null;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ killedWhileImporting, exitCode: code })));
}

describe('a killed import leaves the workspace exactly as before', () => {
  beforeAll(async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('products.csv', 'sku,name\nS1,One\nS2,Two\n'));
    await importFile(ws.db, ws.file('first.csv', 'date,sku,qty\n2025-01-01,S1,3\n2025-01-02,S2,4\n'));
    const lines = ['date,sku,quantity,unit_price,customer_id,order_id'];
    for (let i = 0; i < ROWS; i++) lines.push(`2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},S${i % 997},${1 + (i % 5)},${(i % 300) / 100},C${i % 311},O${i}`);
    bigFile = ws.file('big.csv', `${lines.join('\n')}\n`);
    ws.db.close();
    before = state(ws.path).snapshot;
  });
  afterAll(() => ws?.close());

  it.each([0, 30, 70])('SIGKILL at %i percent of the file read', async (atPercent) => {
    const run = await importAndKill(ws.path, atPercent);
    expect(run.exitCode).toBeNull(); // killed, not finished
    expect(run.killedWhileImporting).toBe(true);
    const after = state(ws.path);
    expect(after.integrity).toBe('ok');
    expect(after.snapshot).toBe(before);
  }, 120_000);

  it('and the same import, left alone, goes through', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core', 'cli', 'main.ts'), 'import', bigFile, '--workspace', ws.path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out.trim())).toMatchObject({ status: 'imported', rowsRead: ROWS, imported: ROWS, rejected: 0 });
    const db = openWorkspace(ws.path);
    expect((db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n).toBe(ROWS + 2);
    db.close();
  }, 120_000);
});
