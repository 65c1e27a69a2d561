/**
 * The built-in demo shop (assets/demo): regenerating gives byte-identical files, every file
 * has its documented header and well-formed fields, the files agree with each other, and
 * the stock figures follow from the simulated deliveries and sales.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP, writeDemo } from '../../scripts/generate-demo';
import type { DemoShop } from '../../scripts/generate-demo';
import { CSV_HEADERS } from '../../scripts/demo/csv-files';
import { DEMO_DIR, dayNumber, readDemoCsv } from './demo-files';
import type { Row } from './demo-files';

const MONEY = /^\d+\.\d{2}$/;
const INTEGER = /^-?\d+$/;

let demo: DemoShop;
let tempDir: string;

beforeAll(() => {
  tempDir = mkdtempSync(join(tmpdir(), 'shelfcast-demo-'));
  demo = writeDemo(tempDir);
});
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('demo shop files', () => {
  it('regenerates byte-identical to the committed files', () => {
    const generated = readdirSync(tempDir).sort();
    const committed = readdirSync(DEMO_DIR).filter((name) => name !== 'README.md' && !name.startsWith('.')).sort();
    expect(generated).toEqual(committed);
    for (const name of generated) {
      const fresh = readFileSync(join(tempDir, name));
      const stored = readFileSync(join(DEMO_DIR, name));
      expect(fresh.equals(stored), `${name} differs from a fresh run of scripts/generate-demo.ts`).toBe(true);
    }
  });

  it('stays small: all files together under 6 MB', () => {
    const totalBytes = readdirSync(DEMO_DIR).filter((name) => !name.startsWith('.')).reduce((sum, name) => sum + statSync(join(DEMO_DIR, name)).size, 0);
    expect(totalBytes).toBeLessThan(6_000_000);
  });

  it('writes the documented header row in every CSV', () => {
    for (const [name, headers] of Object.entries(CSV_HEADERS)) {
      expect(readDemoCsv(name).headers, name).toEqual([...headers]);
    }
  });

  it('describes the shop in shop.json', () => {
    const shop: unknown = JSON.parse(readFileSync(join(DEMO_DIR, 'shop.json'), 'utf8'));
    expect(shop).toMatchObject({ name: 'Harbour Lane Provisions', country: 'GB', currency: 'GBP', lastDate: DEMO_SHOP.lastDate });
  });
});

describe('demo shop field formats', () => {
  const check = (file: string, rows: Row[], column: string, test: (value: string) => boolean): void => {
    rows.forEach((row, index) => {
      const value = row[column] ?? '';
      if (!test(value)) throw new Error(`${file} line ${index + 2}, ${column}: bad value '${value}'`);
    });
  };
  const isDate = (value: string): boolean => {
    try { dayNumber(value); return true; } catch { return false; }
  };

  it('products: money with 2 decimals, positive whole pack sizes, margins above cost', () => {
    const { rows } = readDemoCsv('products.csv');
    check('products.csv', rows, 'unit_cost', (v) => MONEY.test(v));
    check('products.csv', rows, 'unit_price', (v) => MONEY.test(v));
    for (const column of ['lead_time_days', 'moq', 'case_pack']) check('products.csv', rows, column, (v) => INTEGER.test(v) && Number(v) > 0);
    check('products.csv', rows, 'shelf_life_days', (v) => v === '' || (INTEGER.test(v) && Number(v) > 0));
    check('products.csv', rows, 'active', (v) => v === 'true' || v === 'false');
    for (const row of rows) expect(Number(row.unit_price), row.sku).toBeGreaterThan(Number(row.unit_cost));
  });

  it('sales: ISO dates, whole quantities, prices with 2 decimals, an order id on every line', () => {
    const { rows } = readDemoCsv('sales.csv');
    check('sales.csv', rows, 'date', isDate);
    check('sales.csv', rows, 'quantity', (v) => INTEGER.test(v) && v !== '0');
    check('sales.csv', rows, 'unit_price', (v) => MONEY.test(v));
    check('sales.csv', rows, 'order_id', (v) => /^(POS-\d{8}|INV-\d+|CN-\d+)$/.test(v));
    // Negative quantities are wholesale credit notes, never till lines.
    for (const row of rows.filter((r) => Number(r.quantity) < 0)) {
      expect(row.order_id?.startsWith('CN-')).toBe(true);
      expect(row.customer_id).not.toBe('');
    }
  });

  it('stock, purchase orders, suppliers and events are well formed', () => {
    check('stock.csv', readDemoCsv('stock.csv').rows, 'on_hand', (v) => INTEGER.test(v) && Number(v) >= 0);
    check('stock_history.csv', readDemoCsv('stock_history.csv').rows, 'date', isDate);
    const pos = readDemoCsv('purchase_orders.csv').rows;
    check('purchase_orders.csv', pos, 'expected_date', isDate);
    check('purchase_orders.csv', pos, 'unit_cost', (v) => MONEY.test(v));
    check('purchase_orders.csv', pos, 'quantity', (v) => INTEGER.test(v) && Number(v) > 0);
    const suppliers = readDemoCsv('suppliers.csv').rows;
    check('suppliers.csv', suppliers, 'min_order_value', (v) => MONEY.test(v));
    check('suppliers.csv', suppliers, 'email', (v) => /^[\w.+-]+@[\w.-]+\.example\.co\.uk$|^[\w.+-]+@example\.co\.uk$/.test(v));
    const events = readDemoCsv('events.csv').rows;
    check('events.csv', events, 'type', (v) => ['promo', 'holiday', 'closure', 'other'].includes(v));
    check('events.csv', events, 'scope', (v) => ['all', 'category', 'sku'].includes(v));
    check('events.csv', events, 'multiplier', (v) => v === '' || (Number(v) > 0 && MONEY.test(v)));
    for (const event of events) expect(dayNumber(event.end ?? '')).toBeGreaterThanOrEqual(dayNumber(event.start ?? ''));
  });
});

describe('demo shop referential integrity', () => {
  it('every reference points at something that exists, and keys are unique', () => {
    const products = readDemoCsv('products.csv').rows;
    const suppliers = readDemoCsv('suppliers.csv').rows;
    const customers = readDemoCsv('customers.csv').rows;
    const skus = new Set(products.map((row) => row.sku));
    const supplierNames = new Set(suppliers.map((row) => row.name));
    const customerIds = new Set(customers.map((row) => row.customer_id));
    expect(skus.size).toBe(products.length);
    expect(supplierNames.size).toBe(suppliers.length);
    expect(customerIds.size).toBe(customers.length);
    for (const product of products) expect(supplierNames.has(product.supplier ?? ''), `${product.sku} supplier`).toBe(true);

    const sales = readDemoCsv('sales.csv').rows;
    for (const sale of sales) {
      if (!skus.has(sale.sku ?? '')) throw new Error(`sales.csv: unknown sku ${sale.sku}`);
      if (sale.customer_id !== '' && !customerIds.has(sale.customer_id ?? '')) throw new Error(`sales.csv: unknown customer ${sale.customer_id}`);
    }
    const saleKeys = new Set(sales.map((sale) => `${sale.date}|${sale.sku}|${sale.order_id}`));
    expect(saleKeys.size, 'one line per date, sku and order').toBe(sales.length);
    // An invoice belongs to one customer.
    const invoiceCustomer = new Map<string, string>();
    for (const sale of sales.filter((s) => s.order_id?.startsWith('INV-'))) {
      const known = invoiceCustomer.get(sale.order_id ?? '');
      if (known !== undefined) expect(known).toBe(sale.customer_id);
      invoiceCustomer.set(sale.order_id ?? '', sale.customer_id ?? '');
    }

    const stock = readDemoCsv('stock.csv').rows;
    expect(new Set(stock.map((row) => row.sku))).toEqual(skus);
    expect(stock.length).toBe(skus.size);
    for (const row of stock) expect(row.date).toBe(DEMO_SHOP.lastDate);
    for (const row of readDemoCsv('stock_history.csv').rows) if (!skus.has(row.sku ?? '')) throw new Error(`stock_history.csv: unknown sku ${row.sku}`);

    const productBySku = new Map(products.map((row) => [row.sku ?? '', row]));
    const poLines = readDemoCsv('purchase_orders.csv').rows;
    expect(new Set(poLines.map((line) => `${line.po_number}|${line.sku}`)).size).toBe(poLines.length);
    for (const line of poLines) {
      const product = productBySku.get(line.sku ?? '');
      expect(product, `PO ${line.po_number} sku ${line.sku}`).toBeDefined();
      expect(line.supplier, `PO ${line.po_number} ${line.sku} supplier`).toBe(product?.supplier);
      expect(Number(line.quantity) % Number(product?.case_pack), `PO ${line.po_number} ${line.sku} whole cases`).toBe(0);
      expect(Number(line.quantity)).toBeGreaterThanOrEqual(Number(product?.moq));
    }
    const categories = new Set(products.map((row) => row.category));
    for (const event of readDemoCsv('events.csv').rows) {
      if (event.scope === 'sku') expect(skus.has(event.scope_value ?? ''), event.name).toBe(true);
      else if (event.scope === 'category') expect(categories.has(event.scope_value ?? ''), event.name).toBe(true);
      else expect(event.scope_value, event.name).toBe('');
    }
  });
});

describe('demo shop stock follows from the simulation', () => {
  it('closing stock = opening + received − sold − written off, never negative, and the CSVs match it', () => {
    const sales = readDemoCsv('sales.csv').rows.filter((row) => Number(row.quantity) > 0);
    const soldByDaySku = new Map<string, number>();
    for (const row of sales) {
      const key = `${dayNumber(row.date ?? '')}|${row.sku}`;
      soldByDaySku.set(key, (soldByDaySku.get(key) ?? 0) + Number(row.quantity));
    }
    const stockCsv = new Map(readDemoCsv('stock.csv').rows.map((row) => [row.sku, Number(row.on_hand)]));
    const history = new Map(readDemoCsv('stock_history.csv').rows.map((row) => [`${dayNumber(row.date ?? '')}|${row.sku}`, Number(row.on_hand)]));
    const { startDay } = demo.calendar;
    let checkedSnapshots = 0;
    for (const product of demo.products) {
      const ledger = demo.simulation.ledgers[product.index];
      if (!ledger) throw new Error(`no ledger for ${product.sku}`);
      let onHand = ledger.openingOnHand;
      for (let i = 0; i < ledger.closingOnHand.length; i++) {
        const day = startDay + i;
        const sold = (ledger.retailSold[i] ?? 0) + (ledger.b2bShipped[i] ?? 0);
        const inCsv = soldByDaySku.get(`${day}|${product.sku}`) ?? 0;
        if (inCsv !== sold) throw new Error(`${product.sku} day ${i}: sales.csv has ${inCsv}, the simulation sold ${sold}`);
        const available = onHand + (ledger.received[i] ?? 0) - (ledger.wasted[i] ?? 0);
        if (sold > available) throw new Error(`${product.sku} day ${i}: sold ${sold} with only ${available} in stock`);
        onHand = available - sold;
        if (ledger.closingOnHand[i] !== onHand) throw new Error(`${product.sku} day ${i}: closing ${ledger.closingOnHand[i]}, expected ${onHand}`);
        const snapshot = history.get(`${day}|${product.sku}`);
        if (snapshot !== undefined) {
          if (snapshot !== onHand) throw new Error(`${product.sku} day ${i}: stock_history.csv says ${snapshot}, the simulation ${onHand}`);
          checkedSnapshots++;
        }
      }
      expect(stockCsv.get(product.sku), product.sku).toBe(onHand);
    }
    expect(checkedSnapshots).toBe(readDemoCsv('stock_history.csv').rows.length);
  });
});
