import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import { commitImports, historyWarning } from '../../../core/import/commit';
import { listRejects } from '../../../core/db/repos/imports';
import type { TempWorkspace } from './helpers';
import { count, importFile, snapshot, tempWorkspace, TEST_TODAY } from './helpers';

let ws: TempWorkspace;
afterEach(() => ws?.close());

const SALES = [
  'date,sku,description,quantity,unit_price,customer_id,order_id',
  '2025-03-01,A1,Apple,2,0.50,C1,O1',
  '2025-03-01,B2,Banana,1,"1,200.00",,O1',
  '2025-03-02,A1,Apple,-1,0.50,C1,R1',
  '2025-03-02,A1,Apple,x,0.50,C1,O2',
  '2025-03-03,,,1,0.50,,O3',
  '2027-01-01,A1,Apple,1,0.50,,O4',
  '2025-03-01,A1,Apple,2,0.50,C1,O1',
].join('\n');

describe('sales lines', () => {
  it('stores valid lines, nets returns, creates products and customers, and explains each rejected row', async () => {
    ws = tempWorkspace();
    const { summary } = await importFile(ws.db, ws.file('sales.csv', SALES));
    expect(summary).toMatchObject({ status: 'imported', rowsRead: 7, imported: 4, rejected: 3, duplicates: 0, created: { products: 2, customers: 1 } });
    expect(summary.firstRejects).toEqual([
      { line: 5, column: 'quantity', reason: '"x" is not a number' },
      { line: 6, column: 'sku', reason: 'missing SKU' },
      { line: 7, column: 'date', reason: 'date 2027-01-01 is in the future' },
    ]);
    const rows = ws.db.prepare('SELECT p.sku, p.name, s.day, s.quantity, s.unit_price_cents, c.external_id AS customer, s.order_ref, s.location_id, s.is_total FROM sales s JOIN products p ON p.id = s.product_id LEFT JOIN customers c ON c.id = s.customer_id ORDER BY s.id').all();
    const day = dayFromIso('2025-03-01');
    expect(rows).toEqual([
      { sku: 'A1', name: 'Apple', day, quantity: 2, unit_price_cents: 50, customer: 'C1', order_ref: 'O1', location_id: 1, is_total: 0 },
      // a line without a customer belongs to its order's customer
      { sku: 'B2', name: 'Banana', day, quantity: 1, unit_price_cents: 120_000, customer: 'C1', order_ref: 'O1', location_id: 1, is_total: 0 },
      { sku: 'A1', name: 'Apple', day: day + 1, quantity: -1, unit_price_cents: 50, customer: 'C1', order_ref: 'R1', location_id: 1, is_total: 0 },
      // the last line of the file repeats the first exactly: a till lists an item scanned twice so, it is a second sale
      { sku: 'A1', name: 'Apple', day, quantity: 2, unit_price_cents: 50, customer: 'C1', order_ref: 'O1', location_id: 1, is_total: 0 },
    ]);
    const importId = summary.importId ?? 0;
    expect(listRejects(ws.db, importId, 0, 10).map((r) => r.raw)).toEqual(['2025-03-02,A1,Apple,x,0.50,C1,O2', '2025-03-03,,,1,0.50,,O3', '2027-01-01,A1,Apple,1,0.50,,O4']);
  });

  it('recognises the same file and changes nothing, unless asked to replace it', async () => {
    ws = tempWorkspace();
    const path = ws.file('sales.csv', SALES);
    const first = await importFile(ws.db, path);
    const before = snapshot(ws.db);
    const again = await importFile(ws.db, ws.file('copy of sales.csv', SALES));
    expect(again.inspection.alreadyImported).toMatchObject({ importId: first.summary.importId, fileName: 'sales.csv' });
    expect(again.summary).toMatchObject({ status: 'already_imported', importId: null, imported: 0 });
    expect(again.summary.warnings[0]).toMatch(/already imported on \d{4}-\d{2}-\d{2}/);
    expect(snapshot(ws.db)).toBe(before);
    const replaced = await importFile(ws.db, path, { replace: true });
    expect(replaced.summary).toMatchObject({ status: 'imported', imported: 4, rejected: 3, duplicates: 0, replaced: [first.summary.importId] });
    expect(count(ws.db, 'sales')).toBe(4);
    expect(count(ws.db, 'imports')).toBe(1);
  });

  it('does not count rows twice when exports overlap or repeat a line, and keeps lines apart by time or order', async () => {
    ws = tempWorkspace();
    const line = (i: number) => `2025-03-${String(1 + (i % 20)).padStart(2, '0')},S${i % 7},${1 + (i % 3)},1.00,O${i}`;
    const header = 'date,sku,quantity,unit_price,order_id';
    const a = [header, ...Array.from({ length: 10 }, (_, i) => line(i))].join('\n');
    const b = [header, ...Array.from({ length: 10 }, (_, i) => line(i + 5))].join('\n');
    await importFile(ws.db, ws.file('jan-mar.csv', a));
    const second = await importFile(ws.db, ws.file('mar-jun.csv', b));
    expect(second.summary).toMatchObject({ imported: 5, duplicates: 5 });
    expect(count(ws.db, 'sales')).toBe(15);

    // The same line twice in one file is two sales (an item scanned twice); sales told apart by their order are two as well.
    const twice = [header, '2025-04-01,T,1,2.00,', '2025-04-01,T,1,2.00,', '2025-04-01,T,1,2.00,A', '2025-04-01,T,1,2.00,B'].join('\n');
    expect((await importFile(ws.db, ws.file('twice.csv', twice))).summary).toMatchObject({ imported: 4, duplicates: 0 });
    const timed = ['date,sku,qty', '2025-04-02 09:00,T,1', '2025-04-02 09:05,T,1', '2025-04-02 09:05,T,1'].join('\n');
    expect((await importFile(ws.db, ws.file('timed.csv', timed))).summary).toMatchObject({ imported: 3, duplicates: 0 });
    expect(count(ws.db, 'sales')).toBe(22);
  });

  it('keeps sales of different times of day apart and fills an order\'s date and customer down (Shopify)', async () => {
    ws = tempWorkspace();
    const shopify = [
      'Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name',
      '#1001,ann@example.com,2025-05-01 09:00:00 +0100,1,Latte,3.20,LAT,Ann',
      '#1001,,,2,Croissant,2.10,CRO,',
      '#1002,bob@example.com,2025-05-01 09:05:00 +0100,1,Latte,3.20,LAT,Bob',
      '#1003,,2025-05-01 09:06:00 +0100,1,Latte,3.20,LAT,',
    ].join('\n');
    const { summary, inspection } = await importFile(ws.db, ws.file('orders_export.csv', shopify));
    expect(inspection.preset?.id).toBe('shopify-orders');
    expect(summary).toMatchObject({ imported: 4, rejected: 0, created: { customers: 2 } });
    const lines = ws.db.prepare('SELECT s.order_ref, s.day, c.external_id AS customer, c.name FROM sales s LEFT JOIN customers c ON c.id = s.customer_id ORDER BY s.id').all();
    expect(lines).toEqual([
      { order_ref: '#1001', day: dayFromIso('2025-05-01'), customer: 'ann@example.com', name: 'Ann' },
      { order_ref: '#1001', day: dayFromIso('2025-05-01'), customer: 'ann@example.com', name: 'Ann' },
      { order_ref: '#1002', day: dayFromIso('2025-05-01'), customer: 'bob@example.com', name: 'Bob' },
      { order_ref: '#1003', day: dayFromIso('2025-05-01'), customer: null, name: null },
    ]);
  });

  it('uses the item name as SKU when an export has none (Square) and adds new locations', async () => {
    ws = tempWorkspace();
    const square = [
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Gross Sales,Transaction ID,Location,Customer ID,Customer Name',
      '2025-05-02,08:15:00,London,Coffee,Flat White,2,Regular,,$6.40,T1,High Street,,',
      '2025-05-02,08:20:00,London,Coffee,Flat White,2,Regular,,$6.40,T2,High Street,,',
      '2025-05-02,08:21:00,London,Food,Scone,1,,SC-1,$2.50,T2,Market,K9,Kim',
    ].join('\n');
    const { summary } = await importFile(ws.db, ws.file('items-2025-05-02.csv', square));
    expect(summary).toMatchObject({ imported: 3, created: { products: 2, locations: 2, customers: 1 } });
    expect(ws.db.prepare('SELECT sku, name FROM products ORDER BY id').all()).toEqual([
      { sku: 'Flat White', name: 'Flat White' },
      { sku: 'SC-1', name: 'Scone' },
    ]);
    expect(ws.db.prepare('SELECT sum(revenue_cents) AS r FROM sales').get()).toEqual({ r: 1530 });
    expect(ws.db.prepare('SELECT code FROM locations ORDER BY id').all()).toEqual([{ code: 'main' }, { code: 'High Street' }, { code: 'Market' }]);
  });

  it('reads a European export: semicolons, decimal commas, day-first dates, Windows-1252', async () => {
    ws = tempWorkspace();
    const eu = ['Datum;Artikelnummer;Beschreibung;Menge;Preis', '03.02.2025;K1;Käse;1,5;12,90 €', '13.02.2025;K1;Käse;2;1.290,00 €'].join('\r\n');
    const { inspection, summary } = await importFile(ws.db, ws.file('verkauf.csv', iconv.encode(eu, 'win1252')));
    expect(inspection).toMatchObject({ delimiter: ';', encoding: 'windows-1252', mapping: { dateOrder: 'dmy', decimalSeparator: ',' } });
    expect(summary).toMatchObject({ imported: 2, rejected: 0 });
    expect(ws.db.prepare('SELECT day, quantity, unit_price_cents FROM sales ORDER BY id').all()).toEqual([
      { day: dayFromIso('2025-02-03'), quantity: 1.5, unit_price_cents: 1290 },
      { day: dayFromIso('2025-02-13'), quantity: 2, unit_price_cents: 129_000 },
    ]);
    expect(ws.db.prepare('SELECT name FROM products').get()).toEqual({ name: 'Käse' });
  });

  it('rejects unknown SKUs instead of creating products when the owner says so', async () => {
    ws = tempWorkspace();
    const { summary } = await importFile(ws.db, ws.file('s.csv', 'date,sku,qty\n2025-01-01,NEW,1\n'), { createProducts: false });
    expect(summary).toMatchObject({ imported: 0, rejected: 1, firstRejects: [{ line: 2, column: 'sku', reason: 'unknown SKU "NEW" (not in your products)' }] });
    expect(count(ws.db, 'products')).toBe(0);
  });
});

describe('sales totals', () => {
  const walmart = ['Store,Dept,Date,Weekly_Sales,IsHoliday', '1,1,2010-02-05,24924.5,FALSE', '1,1,2010-02-12,46039.49,TRUE', '2,1,2010-02-05,-21.3,FALSE'].join('\n');

  it('stores weekly totals per store, negative ones included', async () => {
    ws = tempWorkspace();
    const { summary, inspection } = await importFile(ws.db, ws.file('train.csv', walmart));
    expect(inspection.preset?.id).toBe('walmart-weekly');
    expect(summary).toMatchObject({ imported: 3, created: { products: 1, locations: 2 } });
    expect(ws.db.prepare('SELECT l.code, s.day, s.quantity, s.is_total, s.period FROM sales s JOIN locations l ON l.id = s.location_id ORDER BY s.id').all()).toEqual([
      { code: '1', day: dayFromIso('2010-02-05'), quantity: 24924.5, is_total: 1, period: 'week' },
      { code: '1', day: dayFromIso('2010-02-12'), quantity: 46039.49, is_total: 1, period: 'week' },
      { code: '2', day: dayFromIso('2010-02-05'), quantity: -21.3, is_total: 1, period: 'week' },
    ]);
  });

  it('never overwrites a stored total: equal ones are duplicates, different ones are rejected with the stored value', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('train.csv', walmart));
    const next = ['Store,Dept,Date,Weekly_Sales,IsHoliday', '1,1,2010-02-05,24924.5,FALSE', '1,1,2010-02-12,999,TRUE', '1,1,2010-02-19,100,FALSE', '1,1,2010-02-19,100,FALSE'].join('\n');
    const { summary } = await importFile(ws.db, ws.file('train2.csv', next));
    expect(summary).toMatchObject({ imported: 1, duplicates: 1, rejected: 2 });
    expect(summary.firstRejects).toEqual([
      { line: 3, column: 'Weekly_Sales', reason: 'a different total for SKU 1 on 2010-02-12 is already stored from train.csv (46039.49); undo that import to replace it' },
      { line: 5, column: 'Date', reason: 'a total for SKU 1 on 2010-02-19 appears earlier in this file (100)' },
    ]);
    expect(ws.db.prepare("SELECT quantity FROM sales WHERE day = ?").get(dayFromIso('2010-02-12'))).toEqual({ quantity: 46039.49 });
  });

  it('imports wide layouts, one value per cell (M5)', async () => {
    ws = tempWorkspace();
    const days = Array.from({ length: 10 }, (_, i) => `d_${i + 1}`);
    const m5 = [
      ['id', 'item_id', 'dept_id', 'cat_id', 'store_id', 'state_id', ...days].join(','),
      ['FOODS_1_001_CA_1_validation', 'FOODS_1_001', 'FOODS_1', 'FOODS', 'CA_1', 'CA', ...days.map((_, i) => String(i % 3))].join(','),
      ['FOODS_1_001_TX_1_validation', 'FOODS_1_001', 'FOODS_1', 'FOODS', 'TX_1', 'TX', ...days.map((_, i) => (i === 4 ? '' : i === 5 ? 'n/a' : '1'))].join(','),
    ].join('\n');
    const { summary } = await importFile(ws.db, ws.file('sales_train_validation.csv', m5));
    expect(summary).toMatchObject({ rowsRead: 2, imported: 18, rejected: 1, created: { products: 1, locations: 2 } });
    expect(summary.firstRejects).toEqual([{ line: 3, column: 'd_6', reason: '"n/a" is not a number' }]);
    expect(ws.db.prepare('SELECT min(day) AS first, max(day) AS last, sum(quantity) AS total FROM sales').get()).toEqual({
      first: dayFromIso('2011-01-29'),
      last: dayFromIso('2011-02-07'),
      total: 9 + 8,
    });
  });
});

describe('stock, purchase orders, events, catalog', () => {
  it('stores stock counts, rejects negative and future ones, and dates undated counts today', async () => {
    ws = tempWorkspace();
    const stock = ['sku,on_hand,date', 'A,5,2025-06-01', 'B,-2,2025-06-01', 'C,1,2030-01-01', 'D,7,'].join('\n');
    const { summary } = await importFile(ws.db, ws.file('stock.csv', stock));
    expect(summary).toMatchObject({ imported: 2, rejected: 2 });
    expect(summary.firstRejects.map((r) => r.reason)).toEqual(['negative stock (-2)', 'date counted 2030-01-01 is in the future']);
    expect(ws.db.prepare('SELECT p.sku, s.day, s.on_hand FROM stock_snapshots s JOIN products p ON p.id = s.product_id ORDER BY p.sku').all()).toEqual([
      { sku: 'A', day: dayFromIso('2025-06-01'), on_hand: 5 },
      { sku: 'D', day: TEST_TODAY, on_hand: 7 },
    ]);
    const recount = await importFile(ws.db, ws.file('stock2.csv', 'sku,on_hand,date\nA,5,2025-06-01\nA,6,2025-06-02\nD,9,\n'));
    expect(recount.summary).toMatchObject({ imported: 1, duplicates: 1, rejected: 1 });
    expect(recount.summary.firstRejects[0]?.reason).toMatch(/^a different count for SKU D on 2026-01-01 is already stored from stock\.csv \(7\)/);
  });

  it('stores open purchase orders as sent, grouping lines without a PO number by supplier and date', async () => {
    ws = tempWorkspace();
    const po = ['po_number,supplier,sku,quantity,expected_date,unit_cost', 'PO-1,Fresh Farms,A,10,2026-01-10,0.40', 'PO-1,Fresh Farms,B,5,2026-01-12,1.10', ',Dairy Co,C,12,2026-01-09,', ',Dairy Co,D,6,2026-01-09,', 'PO-2,Fresh Farms,A,0,2026-01-10,'].join('\n');
    const { summary } = await importFile(ws.db, ws.file('open_pos.csv', po));
    expect(summary).toMatchObject({ imported: 4, rejected: 1, created: { suppliers: 2, products: 4 } });
    expect(summary.firstRejects[0]?.reason).toBe('quantity ordered must be more than zero (0)');
    expect(ws.db.prepare('SELECT o.number, o.status, s.name AS supplier, o.expected_day, count(l.id) AS lines, sum(l.quantity) AS units FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN po_lines l ON l.po_id = o.id GROUP BY o.id ORDER BY o.id').all()).toEqual([
      { number: 'PO-1', status: 'sent', supplier: 'Fresh Farms', expected_day: dayFromIso('2026-01-10'), lines: 2, units: 15 },
      { number: 'Dairy Co 2026-01-09', status: 'sent', supplier: 'Dairy Co', expected_day: dayFromIso('2026-01-09'), lines: 2, units: 18 },
    ]);
    const overlap = await importFile(ws.db, ws.file('open_pos2.csv', `${po}\nPO-1,Fresh Farms,E,3,,`));
    expect(overlap.summary).toMatchObject({ imported: 0, duplicates: 4, rejected: 2 });
    expect(overlap.summary.firstRejects.map((r) => r.reason)).toContain('purchase order PO-1 is already stored from open_pos.csv without this line; undo that import to replace it');
  });

  it('stores events and refuses a second, different version of one', async () => {
    ws = tempWorkspace();
    const events = ['name,type,start,end,scope,scope_value,multiplier', 'Summer sale,Promotion,2025-07-01,2025-07-14,category,Drinks,1.5', 'Closed,closure,2025-12-25,,all,,0', 'Bad,promo,2025-08-10,2025-08-01,all,,', 'Odd,promo,2025-08-10,,region,North,'].join('\n');
    const { summary } = await importFile(ws.db, ws.file('events.csv', events));
    expect(summary).toMatchObject({ imported: 2, rejected: 2 });
    expect(summary.firstRejects.map((r) => r.reason)).toEqual(['end 2025-08-01 is before the start 2025-08-10', '"region" is not all, category or sku']);
    expect(ws.db.prepare('SELECT name, type, start_day, end_day, scope, scope_value, multiplier, source FROM events ORDER BY id').all()).toEqual([
      { name: 'Summer sale', type: 'promo', start_day: dayFromIso('2025-07-01'), end_day: dayFromIso('2025-07-14'), scope: 'category', scope_value: 'Drinks', multiplier: 1.5, source: 'import' },
      { name: 'Closed', type: 'closure', start_day: dayFromIso('2025-12-25'), end_day: dayFromIso('2025-12-25'), scope: 'all', scope_value: null, multiplier: 0, source: 'import' },
    ]);
    const changed = await importFile(ws.db, ws.file('events2.csv', 'name,type,start,end,scope,scope_value,multiplier\nSummer sale,Promotion,2025-07-01,2025-07-21,category,Drinks,1.5\n'));
    expect(changed.summary).toMatchObject({ imported: 0, rejected: 1 });
  });

  it('updates known products and suppliers, and undo puts the old values back', async () => {
    ws = tempWorkspace();
    const first = await importFile(ws.db, ws.file('products.csv', 'sku,name,unit_cost,unit_price,supplier,case_pack,active\nA,Apple,0.30,0.50,Fresh Farms,12,yes\nB,Bread,0.90,2.20,,1,no\n'));
    expect(first.summary).toMatchObject({ imported: 2, created: { products: 2, suppliers: 1 } });
    const suppliers = await importFile(ws.db, ws.file('suppliers.csv', 'name,lead_time_days,min_order_value,email,phone\nfresh farms,3,"1,000.00",orders@ff.example,0123\nDairy Co,2,,,\n'));
    expect(suppliers.summary).toMatchObject({ imported: 2, updated: 1, created: { suppliers: 1 } });
    const before = snapshot(ws.db);
    const second = await importFile(ws.db, ws.file('products-v2.csv', 'sku,name,unit_cost,unit_price,case_pack\nA,Apple,0.35,0.50,\nB,Bread,0.90,2.20,1\nC,Cheese,2.00,4.00,6\n'));
    expect(second.summary).toMatchObject({ imported: 2, updated: 1, duplicates: 1, created: { products: 1 } });
    expect(ws.db.prepare("SELECT unit_cost_cents, case_pack FROM products WHERE sku = 'A'").get()).toEqual({ unit_cost_cents: 35, case_pack: 12 });
    const { undoImport } = await import('../../../core/import/undo');
    undoImport(ws.db, second.summary.importId ?? 0);
    expect(snapshot(ws.db)).toBe(before);
    expect(ws.db.prepare("SELECT unit_cost_cents FROM products WHERE sku = 'A'").get()).toEqual({ unit_cost_cents: 30 });
    expect(ws.db.prepare("SELECT default_lead_time_days, min_order_value_cents, email FROM suppliers WHERE name = 'Fresh Farms'").get()).toEqual({ default_lead_time_days: 3, min_order_value_cents: 100_000, email: 'orders@ff.example' });
  });

  it('stores customers and names them', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('sales.csv', 'date,sku,qty,customer_id\n2025-01-02,A,1,C7\n'));
    const { summary } = await importFile(ws.db, ws.file('customers.csv', 'customer_id,name\nC7,Corner Café\nC8,Deli\n'));
    expect(summary).toMatchObject({ imported: 2, updated: 1, created: { customers: 1 } });
    expect(ws.db.prepare('SELECT external_id, name FROM customers ORDER BY id').all()).toEqual([
      { external_id: 'C7', name: 'Corner Café' },
      { external_id: 'C8', name: 'Deli' },
    ]);
  });
});

describe('undo and history', () => {
  it('removes an import as a whole and leaves the workspace as before it', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('products.csv', 'sku,name\nA,Apple\n'));
    const before = snapshot(ws.db);
    const sales = await importFile(ws.db, ws.file('sales.csv', 'date,sku,qty,customer_id,store\n2025-01-02,A,1,C1,North\n2025-01-02,Z,1,C2,North\n'));
    expect(count(ws.db, 'sales')).toBe(2);
    const { undoImport } = await import('../../../core/import/undo');
    const undone = undoImport(ws.db, sales.summary.importId ?? 0);
    expect(undone.removed.sales).toBe(2);
    expect(snapshot(ws.db)).toBe(before);
  });

  it('keeps products another import still uses, handing them over', async () => {
    ws = tempWorkspace();
    const a = await importFile(ws.db, ws.file('jan.csv', 'date,sku,qty\n2025-01-02,A,1\n'));
    const b = await importFile(ws.db, ws.file('feb.csv', 'date,sku,qty\n2025-02-02,A,2\n'));
    const { undoImport } = await import('../../../core/import/undo');
    undoImport(ws.db, a.summary.importId ?? 0);
    expect(ws.db.prepare('SELECT sku, created_by_import FROM products').all()).toEqual([{ sku: 'A', created_by_import: b.summary.importId }]);
    undoImport(ws.db, b.summary.importId ?? 0);
    expect(count(ws.db, 'products')).toBe(0);
    expect(() => undoImport(ws.db, b.summary.importId ?? 0)).toThrow(/no import number/);
  });

  it('warns while the workspace holds less than 90 days of sales', async () => {
    ws = tempWorkspace();
    const short = await importFile(ws.db, ws.file('s.csv', 'date,sku,qty\n2025-01-01,A,1\n2025-03-01,A,1\n'));
    expect(short.result.historyWarning).toBe('The workspace holds 60 days of sales history. With less than 90 days, forecasts will be rough.');
    const long = await importFile(ws.db, ws.file('t.csv', 'date,sku,qty\n2025-04-01,A,1\n'));
    expect(long.result.historyWarning).toBeNull();
    expect(historyWarning(0)).toMatch(/no sales history/);
  });

  it('imports several files in one transaction, suppliers and products before sales', async () => {
    ws = tempWorkspace();
    const sales = ws.file('sales.csv', 'date,sku,qty\n2025-01-02,A,1\n');
    const products = ws.file('products.csv', 'sku,name,supplier\nA,Apple,Fresh\n');
    const mapping = {
      sales: { kind: 'sales_lines' as const, columns: { date: 0, sku: 1, quantity: 2 }, dateOrder: 'dmy' as const, decimalSeparator: '.' as const, period: 'day' as const },
      products: { kind: 'products' as const, columns: { sku: 0, name: 1, supplier: 2 }, dateOrder: 'dmy' as const, decimalSeparator: '.' as const, period: 'day' as const },
    };
    const result = await commitImports(ws.db, [{ path: sales, name: 'sales.csv', mapping: mapping.sales }, { path: products, name: 'products.csv', mapping: mapping.products }], { today: TEST_TODAY });
    expect(result.files.map((f) => [f.fileName, f.imported, f.created.products])).toEqual([['sales.csv', 1, 0], ['products.csv', 1, 1]]);
    expect(ws.db.prepare('SELECT name FROM products').get()).toEqual({ name: 'Apple' });
  });

  it('rolls everything back when one file fails, and when cancelled', async () => {
    ws = tempWorkspace();
    const good = ws.file('good.csv', 'date,sku,qty\n2025-01-02,A,1\n');
    const broken = ws.file('broken.csv.gz', gzipSync(Buffer.from('date,sku,qty\n2025-01-02,B,1\n'.repeat(50))).subarray(0, 60));
    const mapping = { kind: 'sales_lines' as const, columns: { date: 0, sku: 1, quantity: 2 }, dateOrder: 'dmy' as const, decimalSeparator: '.' as const, period: 'day' as const };
    const before = snapshot(ws.db);
    await expect(commitImports(ws.db, [{ path: good, name: 'good.csv', mapping }, { path: broken, name: 'broken.csv', mapping }], { today: TEST_TODAY })).rejects.toMatchObject({ code: 'csv.unreadable' });
    expect(snapshot(ws.db)).toBe(before);

    const big = ws.file('big.csv', ['date,sku,qty', ...Array.from({ length: 200_000 }, (_, i) => `2025-01-${String(1 + (i % 28)).padStart(2, '0')},S${i % 500},${i % 9}`)].join('\n'));
    const controller = new AbortController();
    const run = commitImports(ws.db, [{ path: big, name: 'big.csv', mapping }], {
      today: TEST_TODAY,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 2 && p.current > 0) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(snapshot(ws.db)).toBe(before);
  });
});
