import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../../core/db/repos/settings';
import { DEMO_FILES, loadDemo } from '../../../core/demo/load';
import { assetPath } from '../../../core/paths';
import type { TempWorkspace } from '../import/helpers';
import { count, tempWorkspace } from '../import/helpers';

let ws: TempWorkspace;
afterEach(() => ws?.close());

/** Data rows of a demo file (its lines minus the header; the files end with a newline). */
function rows(file: string): number {
  return readFileSync(assetPath('demo', file), 'utf8').trimEnd().split('\n').length - 1;
}

describe('demo.load', () => {
  it('loads every demo file through the import path, with nothing rejected', async () => {
    ws = tempWorkspace();
    const result = await loadDemo(ws.db);
    expect(result.shop).toBe('Harbour Lane Provisions');
    expect(result.files.map((f) => f.file)).toEqual([...DEMO_FILES]);
    for (const file of result.files) {
      expect(file.rowsRead, file.file).toBe(rows(file.file));
      expect(file.rejected, file.file).toBe(0);
    }
    expect(count(ws.db, 'suppliers')).toBe(rows('suppliers.csv'));
    expect(count(ws.db, 'products')).toBe(rows('products.csv'));
    expect(count(ws.db, 'customers')).toBe(rows('customers.csv'));
    expect(count(ws.db, 'events')).toBe(rows('events.csv'));
    expect(count(ws.db, 'sales')).toBe(rows('sales.csv'));
    expect(count(ws.db, 'po_lines')).toBe(rows('purchase_orders.csv'));
    // stock.csv is the last Sunday's stocktake again, so it is not loaded: nothing is a duplicate
    expect(count(ws.db, 'stock_snapshots')).toBe(rows('stock_history.csv'));
    expect(result.files.every((f) => f.duplicates === 0)).toBe(true);
    expect(readSettings(ws.db)).toMatchObject({ shopName: 'Harbour Lane Provisions', country: 'GB', currency: 'GBP', locale: 'en-GB' });
    // money is in pence, the discontinued product inactive, products linked to their suppliers
    expect(ws.db.prepare("SELECT unit_cost_cents, unit_price_cents, active, (SELECT name FROM suppliers WHERE id = supplier_id) AS supplier FROM products WHERE sku = 'COF-001'").get()).toEqual({
      unit_cost_cents: 458,
      unit_price_cents: 750,
      active: 1,
      supplier: 'Tidewater Coffee Roasters',
    });
    expect(ws.db.prepare("SELECT active FROM products WHERE sku = 'COF-028'").get()).toEqual({ active: 0 });
    expect(ws.db.prepare("SELECT count(*) AS n FROM purchase_orders WHERE status = 'sent'").get()).toEqual({ n: count(ws.db, 'purchase_orders') });
    expect(ws.db.prepare('SELECT count(*) AS n FROM sales WHERE quantity < 0').get()).toMatchObject({ n: expect.any(Number) });
  }, 120_000);
});
