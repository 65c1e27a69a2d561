import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempWorkspace } from './helpers';
import { count, importFile, tempWorkspace } from './helpers';

/**
 * Every data set in ../shared/data imports with the right counts. The folder is not part of
 * the repository (a fresh clone does not have it): without it these tests are skipped.
 */
const DATA = process.env.SHELFCAST_SHARED_DATA ?? resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const present = existsSync(join(DATA, 'README.md'));
if (!present) console.log(`shared-data import tests skipped: ${DATA} is absent (set SHELFCAST_SHARED_DATA to its folder to run them).`);

interface Meta {
  n_series: number;
  train_rows: number;
  test_rows: number;
  freq: 'D' | 'W' | 'M';
}

const meta = (set: string) => JSON.parse(readFileSync(join(DATA, set, 'meta.json'), 'utf8')) as Meta;
/** Data rows of a CSV without line breaks inside fields: its lines minus the header. */
const dataRows = (path: string) => readFileSync(path, 'utf8').trimEnd().split(/\r?\n/).length - 1;
const PERIOD = { D: 'day', W: 'week', M: 'month' } as const;

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

function totalQuantity(): number {
  return (ws?.db.prepare('SELECT sum(quantity) AS q FROM sales').get() as { q: number }).q;
}

describe.skipIf(!present)('the shared data sets import with the right counts', () => {
  it.each(['walmart', 'm5', 'm4_weekly', 'store_item_demand', 'carparts'])('%s: train.csv and test.csv, one total per series and period', async (set) => {
    ws = tempWorkspace();
    const m = meta(set);
    const train = await importFile(ws.db, join(DATA, set, 'train.csv'));
    const test = await importFile(ws.db, join(DATA, set, 'test.csv'));
    expect(train.inspection.preset?.id).toBe('series');
    expect(train.inspection.mapping.period).toBe(PERIOD[m.freq]);
    expect(train.summary).toMatchObject({ rowsRead: m.train_rows, imported: m.train_rows, rejected: 0, duplicates: 0, created: { products: m.n_series } });
    expect(test.summary).toMatchObject({ rowsRead: m.test_rows, imported: m.test_rows, rejected: 0, duplicates: 0, created: { products: 0 } });
    expect(count(ws.db, 'sales')).toBe(m.train_rows + m.test_rows);
    expect(ws.db.prepare('SELECT DISTINCT period FROM sales').all()).toEqual([{ period: PERIOD[m.freq] }]);
  }, 600_000);

  it('walmart raw: Store, Dept, Date, Weekly_Sales, with stores as locations', async () => {
    ws = tempWorkspace();
    const path = join(DATA, 'walmart', 'raw', 'train.csv');
    const { summary, inspection } = await importFile(ws.db, path);
    expect(inspection.preset?.id).toBe('walmart-weekly');
    const rows = dataRows(path);
    const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd()).data.slice(1);
    const stores = new Set(parsed.map((r) => r[0])).size;
    const depts = new Set(parsed.map((r) => r[1])).size;
    expect(summary).toMatchObject({ rowsRead: rows, imported: rows, rejected: 0, duplicates: 0, created: { products: depts, locations: stores } });
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE period = 'week' AND quantity < 0").get()).toEqual({ n: parsed.filter((r) => Number(r[3]) < 0).length });
  }, 600_000);

  it('m5 raw: the wide layout (d_1 … d_1913) holds exactly the values of train.csv and test.csv', async () => {
    ws = tempWorkspace();
    const m = meta('m5');
    const wide = await importFile(ws.db, join(DATA, 'm5', 'raw', 'sales_train_validation_subset.csv'));
    expect(wide.inspection.preset?.id).toBe('m5-wide');
    expect(wide.summary).toMatchObject({ rowsRead: m.n_series, imported: m.train_rows + m.test_rows, rejected: 0, created: { products: 28, locations: 10 } });
    const wideTotal = totalQuantity();
    const range = ws.db.prepare('SELECT min(day) AS first, max(day) AS last FROM sales').get();
    ws.close();
    ws = tempWorkspace();
    await importFile(ws.db, join(DATA, 'm5', 'train.csv'));
    await importFile(ws.db, join(DATA, 'm5', 'test.csv'));
    expect(totalQuantity()).toBe(wideTotal);
    expect(ws.db.prepare('SELECT min(day) AS first, max(day) AS last FROM sales').get()).toEqual(range);
  }, 600_000);

  it('store item demand raw: date, store, item, sales, equal to train + test', async () => {
    ws = tempWorkspace();
    const m = meta('store_item_demand');
    const raw = await importFile(ws.db, join(DATA, 'store_item_demand', 'raw', 'train.csv'));
    expect(raw.inspection.preset?.id).toBe('store-item-demand');
    expect(raw.summary).toMatchObject({ rowsRead: m.train_rows + m.test_rows, imported: m.train_rows + m.test_rows, rejected: 0, duplicates: 0 });
    const rawTotal = totalQuantity();
    ws.close();
    ws = tempWorkspace();
    await importFile(ws.db, join(DATA, 'store_item_demand', 'train.csv'));
    await importFile(ws.db, join(DATA, 'store_item_demand', 'test.csv'));
    expect(totalQuantity()).toBe(rawTotal);
  }, 600_000);

  it('online retail: every transaction line (the 5,268 exact repeats too: an item entered twice is two sales), and the UCI original adds nothing more', async () => {
    ws = tempWorkspace();
    const path = join(DATA, 'online_retail', 'transactions.csv');
    const rows = 541_907;
    const clean = await importFile(ws.db, path);
    expect(clean.inspection.preset?.id).toBe('online-retail');
    expect(clean.summary).toMatchObject({ rowsRead: rows, imported: rows, duplicates: 0, rejected: 0, created: { customers: 4372, products: 4070 } });
    expect(count(ws.db, 'sales')).toBe(rows);

    const uciPath = join(DATA, 'online_retail', 'raw', 'online_retail_uci.csv.gz');
    const uciRows = gunzipSync(readFileSync(uciPath)).toString('utf8').trimEnd().split('\n').length - 1;
    const uci = await importFile(ws.db, uciPath);
    expect(uci.inspection).toMatchObject({ compressed: true, preset: { id: 'online-retail-uci' } });
    // the two "Adjust bad debt" lines with a negative price are rejected, everything else is already there
    expect(uci.summary).toMatchObject({ rowsRead: uciRows, imported: 0, rejected: 2, duplicates: uciRows - 2 });
    expect(uci.summary.firstRejects.map((r) => r.reason)).toEqual(['unit price cannot be negative (-11062.06)', 'unit price cannot be negative (-11062.06)']);
    expect(count(ws.db, 'sales')).toBe(rows);
  }, 900_000);
});
