import { afterEach, describe, expect, it } from 'vitest';
import { undoImport } from '../../../../core/import/undo';
import { SALES_BATCH_ROWS } from '../../../../core/import/writers/sales';
import type { TempWorkspace } from '../helpers';
import { count, importFile, tempWorkspace } from '../helpers';

let ws: TempWorkspace;
afterEach(() => ws?.close());

const HEADER = 'invoice,date,sku,description,quantity,unit_price,customer_id';
const X = '552723,2011-05-11T10:18:00,23081,GREEN METAL BOX,4,8.25,16229';
const Y = '552723,2011-05-11T10:18:00,23080,RED METAL BOX,4,8.25,16229';
const Z = '552724,2011-05-11T10:29:00,23084,RABBIT NIGHT LIGHT,6,2.08,13418';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('sales lines a file repeats', () => {
  it('are sales of their own (an item scanned twice), and importing them again never double counts', async () => {
    ws = tempWorkspace();
    const first = await importFile(ws.db, ws.file('a.csv', csv(X, X, Y)));
    expect(first.summary).toMatchObject({ rowsRead: 3, imported: 3, duplicates: 0, firstDuplicates: [] });
    expect(count(ws.db, 'sales')).toBe(3);

    // An overlapping export: the same three lines (X twice) and one new one.
    const overlap = await importFile(ws.db, ws.file('b.csv', csv(Y, X, Z, X)));
    expect(overlap.summary).toMatchObject({ rowsRead: 4, imported: 1, duplicates: 3 });
    expect(overlap.summary.firstDuplicates).toEqual([
      { line: 2, reason: 'the same sale of SKU 23080 on 2011-05-11 is already stored from a.csv' },
      { line: 3, reason: 'the same sale of SKU 23081 on 2011-05-11 is already stored from a.csv' },
      { line: 5, reason: 'the same sale of SKU 23081 on 2011-05-11 (its 2nd time in this file) is already stored from a.csv' },
    ]);
    expect(count(ws.db, 'sales')).toBe(4);

    // A third X in a later export is a third sale; the first two are already there.
    const more = await importFile(ws.db, ws.file('c.csv', csv(X, X, X)));
    expect(more.summary).toMatchObject({ imported: 1, duplicates: 2 });
    expect(count(ws.db, 'sales')).toBe(5);
    expect((ws.db.prepare("SELECT sum(s.quantity) AS n FROM sales s JOIN products p ON p.id = s.product_id WHERE p.sku = '23081'").get() as { n: number }).n).toBe(12);

    // Undoing the first import frees its slots: the others keep what they added.
    undoImport(ws.db, first.summary.importId ?? 0);
    expect(count(ws.db, 'sales')).toBe(2);
  });
});

describe('what a sales file says about its products', () => {
  it('fills a missing name from a later row and a missing price from the latest sale; never overrides a price list', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('products.csv', ['sku,name,unit_price', 'LISTED,Listed item,9.99', 'NOPRICE,No price yet,'].join('\n')));
    const sales = [
      'date,sku,description,quantity,unit_price',
      '2011-05-10,22145,,2,1.95', // no name on the first row: named by its SKU for now
      '2011-05-12,22145,CHRISTMAS CRAFT HEART STOCKING,1,2.10', // the latest sale
      '2011-05-11,22145,Another name,1,2.05',
      '2011-05-13,22145,,-1,5.00', // a return: its price is not a selling price
      '2011-05-13,22145,,1,0.00', // a free item
      '2011-05-10,LISTED,,1,8.00',
      '2011-05-10,NOPRICE,,3,4.50',
    ].join('\n');
    const { summary } = await importFile(ws.db, ws.file('sales.csv', sales));
    expect(summary).toMatchObject({ imported: 7, created: { products: 1 } });
    const product = (sku: string) => ws.db.prepare('SELECT name, unit_price_cents FROM products WHERE sku = ?').get(sku);
    expect(product('22145')).toEqual({ name: 'CHRISTMAS CRAFT HEART STOCKING', unit_price_cents: 210 });
    expect(product('LISTED')).toEqual({ name: 'Listed item', unit_price_cents: 999 });
    expect(product('NOPRICE')).toEqual({ name: 'No price yet', unit_price_cents: 450 });
    expect(summary.warnings).toContain('1 new product was created from SKUs not in your product list (named by the first row that names them, by their SKU where no row does).');
    expect(summary.notes).toEqual([
      'Filled in from the sales, for products that had none: 1 product name (from the first row that names the SKU) and 2 selling prices (the unit price of the latest sale in this file). A product list you import later replaces them.',
    ]);

    // Undo puts the empty price back on the product it did not create.
    undoImport(ws.db, summary.importId ?? 0);
    expect(product('NOPRICE')).toEqual({ name: 'No price yet', unit_price_cents: null });
  });

  it('updates a price that came from sales when a later file has newer sales; never an older file, never a price list', async () => {
    ws = tempWorkspace();
    const product = (sku: string) => ws.db.prepare('SELECT unit_price_cents AS price, price_sale_day AS day FROM products WHERE sku = ?').get(sku);
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    await importFile(ws.db, ws.file('may.csv', ['date,sku,quantity,unit_price', '2011-05-10,JAM,2,3.50', '2011-05-20,JAM,1,3.50', '2011-05-20,TEA,1,2.00'].join('\n')));
    expect(product('JAM')).toEqual({ price: 350, day: day('2011-05-20') });

    // June's file: the shop now sells jam at 3.80.
    const june = await importFile(ws.db, ws.file('june.csv', ['date,sku,quantity,unit_price', '2011-06-03,JAM,1,3.80', '2011-06-03,TEA,1,2.00'].join('\n')));
    expect(product('JAM')).toEqual({ price: 380, day: day('2011-06-03') });
    expect(product('TEA')).toEqual({ price: 200, day: day('2011-06-03') });
    expect(june.summary.notes).toContain('1 selling price taken from earlier sales files was updated to the unit price of the latest sale in this file.');

    // An April file imported afterwards is older news: nothing changes.
    await importFile(ws.db, ws.file('april.csv', ['date,sku,quantity,unit_price', '2011-04-02,JAM,1,3.20'].join('\n')));
    expect(product('JAM')).toEqual({ price: 380, day: day('2011-06-03') });

    // Undo of June puts May's price and day back.
    undoImport(ws.db, june.summary.importId ?? 0);
    expect(product('JAM')).toEqual({ price: 350, day: day('2011-05-20') });

    // A price list's price is the owner's: it clears the sales day, and later sales leave it alone.
    await importFile(ws.db, ws.file('products.csv', ['sku,name,unit_price', 'JAM,Strawberry jam,3.60'].join('\n')));
    expect(product('JAM')).toEqual({ price: 360, day: null });
    await importFile(ws.db, ws.file('july.csv', ['date,sku,quantity,unit_price', '2011-07-01,JAM,1,3.95'].join('\n')));
    expect(product('JAM')).toEqual({ price: 360, day: null });
  });

  it('takes the price from revenue over quantity when the file has no unit price', async () => {
    ws = tempWorkspace();
    await importFile(ws.db, ws.file('sales.csv', ['date,sku,quantity,revenue', '2025-01-02,R1,4,10.00', '2025-01-01,R1,1,3.00'].join('\n')));
    expect(ws.db.prepare("SELECT unit_price_cents FROM products WHERE sku = 'R1'").get()).toEqual({ unit_price_cents: 250 });
  });
});

describe('batches whose rows share values', () => {
  it('store every line as its file says, whether a batch shares the first batch\'s location, customer, price and revenue or not', async () => {
    ws = tempWorkspace();
    const header = 'date,sku,quantity,unit_price,revenue,customer_id,store,order_id';
    // Two batches sharing store, customer, price and no revenue; then a batch where each differs
    // somewhere; a bad line and a repeated line in between; a partial batch at the end.
    const lines: string[] = [];
    for (let i = 0; i < 2 * SALES_BATCH_ROWS; i++) lines.push(`2025-03-${String(1 + (i % 20)).padStart(2, '0')},K${i % 7},${1 + (i % 4)},2.50,,C1,S1,O${i}`);
    lines.splice(3, 0, lines[2] ?? ''); // the same line twice (file lines 4 and 5): two sales
    lines.splice(10, 0, '2025-03-05,K1,x,2.50,,C1,S1,O-bad');
    for (let i = 0; i < SALES_BATCH_ROWS + 10; i++) {
      lines.push(`2025-03-${String(1 + (i % 20)).padStart(2, '0')},K${i % 5},${1 + (i % 3)},${i % 9 === 0 ? '' : '2.50'},${i % 4 === 0 ? '7.00' : ''},${i % 6 === 0 ? '' : 'C1'},${i % 10 === 0 ? 'S2' : 'S1'},P${i}`);
    }
    const { summary } = await importFile(ws.db, ws.file('shared.csv', [header, ...lines].join('\n')));
    const bad = lines.findIndex((l) => l.includes('O-bad'));
    expect(summary).toMatchObject({ rowsRead: lines.length, imported: lines.length - 1, rejected: 1, duplicates: 0 });
    expect(summary.firstRejects).toEqual([{ line: bad + 2, column: 'quantity', reason: expect.stringContaining('"x"') }]);

    const cents = (text: string) => (text === '' ? null : Math.round(Number(text) * 100));
    const expected = lines
      .filter((_, i) => i !== bad)
      .map((line) => {
        const [date, sku, quantity, price, revenue, customer, store, order] = line.split(',');
        return { date, sku, quantity: Number(quantity), price: cents(price ?? ''), revenue: cents(revenue ?? ''), customer: customer === '' ? null : customer, store, order };
      });
    const stored = ws.db
      .prepare(
        `SELECT date(s.day * 86400, 'unixepoch') AS date, p.sku, s.quantity, s.unit_price_cents AS price, s.revenue_cents AS revenue,
                c.external_id AS customer, l.code AS store, s.order_ref AS "order"
           FROM sales s JOIN products p ON p.id = s.product_id JOIN locations l ON l.id = s.location_id LEFT JOIN customers c ON c.id = s.customer_id
          ORDER BY s.id`,
      )
      .all();
    // (A repeated line is stored after its batch, so the order is compared apart from the values.)
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(stored)).toEqual(sorted(expected));

    // The same lines in a later export (and one more) are duplicates, named by their lines.
    const again = await importFile(ws.db, ws.file('again.csv', [header, ...lines, '2025-03-20,K9,1,1.00,,,S1,NEW'].join('\n')));
    expect(again.summary).toMatchObject({ imported: 1, rejected: 1, duplicates: lines.length - 1 });
    expect(again.summary.firstDuplicates.map((d) => d.line)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 2), ...Array.from({ length: 10 }, (_, i) => i + 13)]);
    expect(again.summary.firstDuplicates[3]?.reason).toContain('its 2nd time in this file');
  });
});
