import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/db/connection';
import { commitImports } from '../../../core/import/commit';
import type { TempWorkspace } from './helpers';
import { importFile, snapshot, tempWorkspace, TEST_TODAY } from './helpers';

let ws: TempWorkspace;
afterEach(() => ws?.close());

/** The definitions of sales' indexes, by name. */
function salesIndexes(db: Db): string {
  return JSON.stringify(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales' ORDER BY name").all());
}

function settings(db: Db): { tempStore: number; foreignKeys: number; cacheSize: number } {
  return {
    tempStore: db.pragma('temp_store', { simple: true }) as number,
    foreignKeys: db.pragma('foreign_keys', { simple: true }) as number,
    cacheSize: db.pragma('cache_size', { simple: true }) as number,
  };
}

/** A sales export of `rows` lines over 28 days, 300 SKUs and 40 customers (every third line without one). */
function salesFile(rows: number): string {
  const lines = ['date,sku,quantity,unit_price,customer_id,order_id'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + Math.floor((i / rows) * 28)).padStart(2, '0');
    lines.push(`2025-02-${day},SKU-${(i * 7919) % 300},${1 + (i % 5)},${(1 + (i % 37)).toFixed(2)},${i % 3 === 0 ? '' : `C${i % 40}`},O${Math.floor(i / 3)}`);
  }
  return `${lines.join('\n')}\n`;
}

function rowCount(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

describe('bulk load (secondary indexes dropped and rebuilt in the transaction)', () => {
  it('leaves the indexes as the schema defines them, consistent with the table, and the connection settings as they were', async () => {
    ws = tempWorkspace();
    const indexes = salesIndexes(ws.db);
    const before = settings(ws.db);
    expect(indexes).toContain('sales_product_day');
    const { summary } = await importFile(ws.db, ws.file('sales.csv', salesFile(5_000)));
    expect(summary.imported).toBe(5_000);

    expect(salesIndexes(ws.db)).toBe(indexes);
    expect(settings(ws.db)).toEqual(before);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Each index finds the rows a scan of the table finds.
    const product = (ws.db.prepare("SELECT id FROM products WHERE sku = 'SKU-17'").get() as { id: number }).id;
    const customer = (ws.db.prepare("SELECT id FROM customers WHERE external_id = 'C7'").get() as { id: number }).id;
    const scanned = rowCount(ws.db, 'SELECT count(*) AS n FROM sales NOT INDEXED WHERE product_id = ? AND location_id = 1 AND day >= 20125', product);
    expect(scanned).toBeGreaterThan(0);
    expect(rowCount(ws.db, 'SELECT count(*) AS n FROM sales INDEXED BY sales_product_day WHERE product_id = ? AND location_id = 1 AND day >= 20125', product)).toBe(scanned);
    expect(rowCount(ws.db, 'SELECT count(*) AS n FROM sales INDEXED BY sales_customer WHERE customer_id = ?', customer)).toBe(
      rowCount(ws.db, 'SELECT count(*) AS n FROM sales NOT INDEXED WHERE customer_id = ?', customer),
    );
    expect(rowCount(ws.db, 'SELECT count(*) AS n FROM sales INDEXED BY sales_import WHERE import_id = ?', summary.importId)).toBe(5_000);

    // A later export holding the same lines and one more adds only that one.
    const again = await importFile(ws.db, ws.file('again.csv', `${salesFile(5_000)}2025-02-28,SKU-1,1,1.00,,X1\n`));
    expect(again.summary).toMatchObject({ imported: 1, duplicates: 5_000 });
    expect(salesIndexes(ws.db)).toBe(indexes);
  });

  it('a bulk load cancelled or failing after its rows went in leaves the workspace, its indexes and the settings as they were', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('first.csv', salesFile(200)));
    const indexes = salesIndexes(ws.db);
    const before = snapshot(ws.db);
    const settingsBefore = settings(ws.db);
    const mapping = { kind: 'sales_lines' as const, columns: { date: 0, sku: 1, quantity: 2, unitPrice: 3, customerId: 4, orderRef: 5 }, dateOrder: 'ymd' as const, decimalSeparator: '.' as const, period: 'day' as const };

    // Cancelled once the first megabyte is stored (the file is about 1.5 MB).
    const big = ws.file('big.csv', salesFile(50_000));
    const controller = new AbortController();
    const cancelled = commitImports(ws.db, [{ path: big, name: 'big.csv', mapping }], {
      today: TEST_TODAY,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 2 && p.current > 0) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(snapshot(ws.db)).toBe(before);
    expect(salesIndexes(ws.db)).toBe(indexes);
    expect(settings(ws.db)).toEqual(settingsBefore);

    // A second file that cannot be read fails the commit after the first (a bulk load) went in.
    const broken = ws.file('broken.csv', 'date,sku\n2025-02-01,A\n');
    await expect(
      commitImports(ws.db, [{ path: big, name: 'big.csv', mapping }, { path: broken, name: 'broken.csv', mapping }], { today: TEST_TODAY }),
    ).rejects.toMatchObject({ code: 'csv.bad_header' });
    expect(snapshot(ws.db)).toBe(before);
    expect(salesIndexes(ws.db)).toBe(indexes);
    expect(settings(ws.db)).toEqual(settingsBefore);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
