import { afterEach, describe, expect, it } from 'vitest';
import type { TempWorkspace } from './helpers';
import { importFile, tempWorkspace } from './helpers';

/**
 * Sales keys are stored: a file imported by an earlier version must be recognised again by
 * this one, so the key of a row may never change. The expected rows below are what the
 * importer stored before its speed work (commit f06f2e2 of branch import); a change to how
 * keys are computed (field order, hashing, the day prefix) fails here.
 */
const LINES = [
  'date,time,sku,quantity,unit_price,revenue,customer_id,order_id,store',
  '2025-03-01,09:15,A-1,2,1.50,3.00,C9,O1,S1',
  '2025-03-01,,A-1,2,1.50,,,O1,', // date and customer of the order's first line; no revenue
  '2025-03-02,13:00:05,B-2,-1,0.99,-0.99,,,S1', // a return
  '2024-12-31,,C-3,0.25,,,C9,,',
  '2025-03-01,09:15,A-1,2,1.50,3.00,C9,O1,S1', // the first line again: a second sale, under a key of its own
].join('\n');

const TOTALS = ['date,sku,units,store', '2025-01-06,A-1,10,S1', '2025-01-13,A-1,12,S1', '2025-01-06,B-2,3,', '2025-01-06,A-1,11,S1'].join('\n');

const COLUMNS = 'product_id, location_id, customer_id, day, quantity, unit_price_cents, revenue_cents, order_ref, is_total, period, import_id, natural_key';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.close());

describe('stored sales keys', () => {
  it('are the keys earlier versions stored, for lines and for weekly totals', async () => {
    ws = tempWorkspace();
    const lines = await importFile(ws.db, ws.file('lines.csv', `${LINES}\n`), { kind: 'sales_lines' });
    expect([lines.summary.imported, lines.summary.duplicates, lines.summary.rejected]).toEqual([5, 0, 0]);
    const totals = await importFile(ws.db, ws.file('totals.csv', `${TOTALS}\n`), { kind: 'sales_totals', adjust: (m) => ({ ...m, period: 'week' }) });
    expect([totals.summary.imported, totals.summary.duplicates, totals.summary.rejected]).toEqual([3, 0, 1]);
    const stored = ws.db.prepare(`SELECT ${COLUMNS} FROM sales ORDER BY id`).raw().all() as unknown[][];
    // The second occurrence of a line is new (earlier versions counted it once): its key is the
    // first's with the occurrence number fed after the fields.
    const repeat = stored.splice(4, 1)[0] ?? [];
    expect(repeat.slice(0, 11)).toEqual([1, 2, 1, 20148, 2, 150, 300, 'O1', 0, 'day', 1]);
    expect(repeat[11]).not.toBe(3141555418347050);
    expect(Math.floor(Number(repeat[11]) / 2 ** 36)).toBe(Math.floor(3141555418347050 / 2 ** 36)); // the same day prefix
    expect(stored).toEqual([
      [1, 2, 1, 20148, 2, 150, 300, 'O1', 0, 'day', 1, 3141555418347050],
      [1, 1, 1, 20148, 2, 150, null, 'O1', 0, 'day', 1, 3141565997643347],
      [2, 2, null, 20149, -1, 99, -99, null, 0, 'day', 1, 3141585808729309],
      [3, 1, 1, 20088, 0.25, null, null, null, 0, 'day', 1, 3137395643212258],
      [1, 2, null, 20094, 10, null, null, null, 1, 'week', 2, 3137827856969510],
      [1, 2, null, 20101, 12, null, null, null, 1, 'week', 2, 3138308893306662],
      [2, 1, null, 20094, 3, null, null, null, 1, 'week', 2, 3137809122913438],
    ]);
  });
});
