import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import { assetPath } from '../../../core/paths';
import type { TempWorkspace } from './helpers';
import { count, importFile, inspect, tempWorkspace } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'csv');
const fixture = (name: string) => join(FIXTURES, name);
/** The fixtures run up to 2026-11-15. */
const today = dayFromIso('2026-11-20');

let ws: TempWorkspace;
beforeEach(async () => {
  ws = tempWorkspace();
  // The fixtures use the demo shop's SKUs: start from its catalogue.
  await importFile(ws.db, assetPath('demo', 'suppliers.csv'));
  await importFile(ws.db, assetPath('demo', 'products.csv'));
});
afterEach(() => ws?.close());

const units = (sku: string) => (ws.db.prepare('SELECT sum(s.quantity) AS n FROM sales s JOIN products p ON p.id = s.product_id WHERE p.sku = ?').get(sku) as { n: number | null }).n;

describe('the hand-written fixtures import as their README says', () => {
  it('broken-sales.csv: ten valid lines (line 15 repeats line 3: a second sale) plus the unknown SKU, every broken line explained', async () => {
    const { summary } = await importFile(ws.db, fixture('broken-sales.csv'), { today });
    expect(summary).toMatchObject({ rowsRead: 25, imported: 11, duplicates: 0, rejected: 14, created: { products: 1, customers: 2 } });
    expect(summary.firstRejects.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 11, 13, 16, 17, 20, 21, 22, 26, 28]);
    expect(summary.firstRejects.find((r) => r.line === 20)?.reason).toMatch(/scientific notation/);
    expect(summary.firstRejects.find((r) => r.line === 26)?.reason).toMatch(/"06\/11\/2026" is not a date/);
    expect(summary.firstRejects.find((r) => r.line === 28)?.reason).toMatch(/never closed/);
    expect(ws.db.prepare("SELECT count(*) AS n FROM products WHERE sku = 'ZZZ-999'").get()).toEqual({ n: 1 });
  });

  it('shopify-orders-export.csv: the cancelled order and the gift card are left out, one unknown SKU added', async () => {
    const { summary, inspection } = await importFile(ws.db, fixture('shopify-orders-export.csv'), { today });
    expect(inspection.preset?.id).toBe('shopify-orders');
    expect(summary).toMatchObject({ rowsRead: 29, imported: 27, rejected: 2, created: { products: 1 } });
    expect(summary.firstRejects.map((r) => r.reason)).toEqual(['not imported: a gift card is not a product', 'not imported: the order was cancelled']);
    expect(units('COF-001')).toBe(10);
    expect(ws.db.prepare("SELECT count(DISTINCT order_ref) AS n FROM sales").get()).toEqual({ n: 13 });
    expect(ws.db.prepare("SELECT count(*) AS n FROM products WHERE sku = 'HLP-TOTE-OLD'").get()).toEqual({ n: 1 });
  });

  it('square-item-details.csv: refunds netted, the custom amount left out, the weighed item kept to the gram', async () => {
    const { summary } = await importFile(ws.db, fixture('square-item-details.csv'), { today });
    expect(summary).toMatchObject({ rowsRead: 30, imported: 29, rejected: 1, created: { products: 1 } });
    expect(ws.db.prepare("SELECT s.quantity FROM sales s JOIN products p ON p.id = s.product_id WHERE p.sku = 'DAI-016-W'").get()).toEqual({ quantity: 0.235 });
    expect(ws.db.prepare('SELECT count(*) AS n FROM sales WHERE quantity < 0').get()).toEqual({ n: 2 });
    expect(ws.db.prepare("SELECT sum(revenue_cents) AS r FROM sales s JOIN products p ON p.id = s.product_id WHERE p.sku = 'GFT-001'").get()).toEqual({ r: 0 });
  });

  it('eu-semicolon-decimal-comma.csv: day-first dates, decimal commas, thousands points', async () => {
    const { summary, inspection } = await importFile(ws.db, fixture('eu-semicolon-decimal-comma.csv'), { today });
    expect(inspection.mapping).toMatchObject({ dateOrder: 'dmy', decimalSeparator: ',' });
    expect(summary).toMatchObject({ rowsRead: 33, imported: 33, rejected: 0 });
    expect(units('COF-001')).toBe(52);
    expect(units('BAK-001')).toBe(148);
    expect(ws.db.prepare('SELECT quantity, revenue_cents FROM sales WHERE revenue_cents = 130000').get()).toEqual({ quantity: 20, revenue_cents: 130_000 });
  });

  it('us-dates-daily-totals-bom.csv: month-first dates settled by the 31st, dollars with thousands', async () => {
    const { summary, inspection } = await importFile(ws.db, fixture('us-dates-daily-totals-bom.csv'), { today });
    expect(inspection.mapping).toMatchObject({ dateOrder: 'mdy', columns: { date: 0, productName: 1, sku: 2, quantity: 3, revenue: 4 } });
    expect(summary).toMatchObject({ rowsRead: 30, imported: 30, rejected: 0, created: { products: 0 } });
    expect(ws.db.prepare("SELECT s.quantity, s.revenue_cents FROM sales s JOIN products p ON p.id = s.product_id WHERE p.sku = 'GFT-002' AND s.day = ?").get(dayFromIso('2026-11-02'))).toEqual({ quantity: 25, revenue_cents: 162_500 });
    expect(ws.db.prepare('SELECT max(quantity) AS q FROM sales').get()).toEqual({ q: 1200 });
  });

  it('windows-1252-products.csv: pound signs, accents and curly quotes decoded; known products updated', async () => {
    const { summary, inspection } = await importFile(ws.db, fixture('windows-1252-products.csv'), { today });
    expect(inspection.encoding).toBe('windows-1252');
    expect(summary.rowsRead).toBe(23);
    expect(summary.rejected).toBe(0);
    expect(ws.db.prepare("SELECT name, unit_cost_cents, unit_price_cents FROM products WHERE sku = 'COF-012'").get()).toEqual({ name: 'Cafetière Grind Ground Coffee 227g', unit_cost_cents: 416, unit_price_cents: 695 });
  });

  it('excel-unicode-text-stock-utf16le.txt: a tab-separated UTF-16 stock count with a fractional weight', async () => {
    const { summary, inspection } = await importFile(ws.db, fixture('excel-unicode-text-stock-utf16le.txt'), { today });
    expect(inspection).toMatchObject({ delimiter: '\t', mapping: { kind: 'stock', dateOrder: 'dmy' } });
    expect(summary).toMatchObject({ rowsRead: 17, imported: 17, rejected: 0 });
    expect(ws.db.prepare('SELECT count(*) AS n FROM stock_snapshots WHERE on_hand = 2.35').get()).toEqual({ n: 1 });
  });

  it('woocommerce-products-quoted-newlines.csv: 18 products out of 47 physical lines, padded SKU trimmed', async () => {
    const before = count(ws.db, 'products');
    const { summary } = await importFile(ws.db, fixture('woocommerce-products-quoted-newlines.csv'), { today });
    expect(summary.rowsRead).toBe(18);
    expect(summary.rejected).toBe(0);
    expect(count(ws.db, 'products')).toBe(before + summary.created.products);
    expect(ws.db.prepare("SELECT count(*) AS n FROM products WHERE sku = 'PAN-016'").get()).toEqual({ n: 1 });
  });

  it('ambiguous-dates.csv: the order is offered as a choice and decides the days', async () => {
    const inspection = await inspect(ws.db, fixture('ambiguous-dates.csv'), { today });
    expect(inspection.dateOrder.ambiguous).toBe(true);
    expect(inspection.warnings.join(' ')).toMatch(/fits both day-first and month-first/);
    const dayFirst = await inspect(ws.db, fixture('ambiguous-dates.csv'), { mapping: { ...inspection.mapping, dateOrder: 'dmy' }, today });
    expect(dayFirst.preview.slice(0, 3).map((r) => r.values['date'])).toEqual(['2026-02-01', '2026-02-02', '2026-02-03']);
    const monthFirst = await inspect(ws.db, fixture('ambiguous-dates.csv'), { mapping: { ...inspection.mapping, dateOrder: 'mdy' }, today });
    expect(monthFirst.preview.slice(0, 3).map((r) => r.values['date'])).toEqual(['2026-01-02', '2026-02-02', '2026-03-02']);
  });
});
