import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../../core/db/repos/settings';
import { createDraftOrders, transitionPurchaseOrder } from '../../../core/db/repos/purchase-orders';
import { decideRecommendation, listRecommendations } from '../../../core/db/repos/recommendations';
import { PLAN_DEFAULTS } from '../../../core/inventory/plan';
import { defaultScenarioSource, planWorkspace } from '../../../core/inventory/plan-workspace';
import { toCsv } from '../../../core/reports/csv';
import { generateReport } from '../../../core/reports/generate';
import { useTempDir } from '../../helpers/tmp';
import { DAY0, addHarbourKiosk, seedShop } from '../inventory/fixtures';

const hasPdftotext = existsSync('/usr/bin/pdftotext');
if (!hasPdftotext) console.log('PDF text checks skipped: pdftotext (poppler-utils) is not installed.');

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

describe('csv', () => {
  it('quotes, escapes, defuses formulas and starts with a BOM', () => {
    const csv = toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['=SUM(A1)', -3], [null, '-12.5']]);
    expect(csv).toBe('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\'=SUM(A1),-3\r\n,-12.5\r\n');
  });
});

describe('reports on a planned shop', () => {
  const tempDir = useTempDir();

  function plannedShop() {
    const dir = tempDir();
    const db = seedShop(dir);
    updateSettings(db, { shopName: 'Corner Café', currency: 'EUR', locale: 'en-IE' });
    planWorkspace(db, { ...PLAN_DEFAULTS, paths: 50 }, defaultScenarioSource(db, PLAN_DEFAULTS));
    return { db, dir };
  }

  it('the reorder report lists the lines to order by supplier with totals, as CSV and as PDF', async () => {
    const { db, dir } = plannedShop();
    const csvPath = join(dir, 'r.csv');
    expect(await generateReport(db, { kind: 'reorder', format: 'csv' }, csvPath)).toEqual({ lines: 2 });
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffsupplier,sku,product,on_hand,on_order,order_quantity,case_pack,cases,unit_cost,cost,priority,status,reason');
    expect(csv).toContain('Leaf & Co,TEA,Breakfast tea,8,0,24,12,2,2.50,60.00,urgent,pending,"Order 24: 2 cases of 12.');
    expect(csv).toContain('Suds Ltd,SOAP,Olive soap,2,0,18,1,18,,,');
    expect(csv).not.toContain('JAM');
    if (!hasPdftotext) return;
    const pdfPath = join(dir, 'r.pdf');
    await generateReport(db, { kind: 'reorder', format: 'pdf' }, pdfPath);
    const text = pdfText(pdfPath);
    expect(text).toContain('CORNER CAFÉ');
    expect(text).toContain('Reorder report');
    expect(text).toMatch(/Leaf & Co/);
    expect(text).toMatch(/TEA\s+Breakfast tea\s+8\s+0\s+24\s+2 × 12\s+€60\.00/);
    expect(text).toMatch(/Total Leaf & Co\s+24\s+€60\.00/);
    expect(text).toContain('Order 24: 2 cases of 12.');
    // The first page is this week's summary, written for the report though no alerts check ran.
    const summaryAt = text.search(/This week.s summary/);
    expect(summaryAt).toBeGreaterThanOrEqual(0);
    expect(summaryAt).toBeLessThan(text.indexOf('Reorder report'));
    expect(text).toMatch(/Needs ordering\s+2 products need ordering for about €60\.00, 2 of them urgent/);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    // A supplier's own report is the order lines alone.
    const supplierPdf = join(dir, 'leaf.pdf');
    await generateReport(db, { kind: 'reorder', format: 'pdf', supplier: 'Leaf & Co' }, supplierPdf);
    const supplierText = pdfText(supplierPdf);
    expect(supplierText).not.toMatch(/This week.s summary/);
    expect(supplierText).toContain('Page 1 of 1');
    db.close();
  });

  it('a plan for two locations names the location of every line in the reorder report, the purchase order and their CSVs', async () => {
    const dir = tempDir();
    const db = seedShop(dir);
    // A kiosk also sells tea, 6 a week, and has 1 on the shelf: the plan orders tea for both.
    addHarbourKiosk(db);
    planWorkspace(db, { ...PLAN_DEFAULTS, paths: 50 }, defaultScenarioSource(db, PLAN_DEFAULTS));

    const csvPath = join(dir, 'r.csv');
    await generateReport(db, { kind: 'reorder', format: 'csv' }, csvPath);
    const csv = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufeffsupplier,sku,product,location,on_hand,on_order,order_quantity,case_pack,cases,unit_cost,cost,priority,status,reason');
    expect(csv.filter((row) => row.startsWith('Leaf & Co,TEA,Breakfast tea,')).map((row) => row.split(',')[3])).toEqual(['Main shop', 'Harbour kiosk']);
    if (hasPdftotext) {
      const pdfPath = join(dir, 'r.pdf');
      await generateReport(db, { kind: 'reorder', format: 'pdf' }, pdfPath);
      const text = pdfText(pdfPath);
      expect(text).toMatch(/TEA\s+Breakfast tea at Main shop\s+8/);
      expect(text).toMatch(/TEA\s+Breakfast tea at Harbour kiosk\s+1/);
    }

    // The purchase order to Leaf & Co says where each line goes.
    for (const rec of listRecommendations(db)) if (rec.suggestedQty > 0) decideRecommendation(db, rec.id, { action: 'accept' });
    createDraftOrders(db, DAY0 + 56);
    const poPath = join(dir, 'po.csv');
    await generateReport(db, { kind: 'po', format: 'csv', supplier: 'Leaf & Co' }, poPath);
    const po = readFileSync(poPath, 'utf8').split('\r\n');
    expect(po[0]).toBe('\ufeffpo_number,status,supplier,sku,product,deliver_to,quantity,case_pack,cases,unit_cost,line_cost,expected_date');
    expect(po.filter((row) => row.includes(',TEA,')).map((row) => row.split(',')[5])).toEqual(['Main shop', 'Harbour kiosk']);
    if (hasPdftotext) {
      const pdfPath = join(dir, 'po.pdf');
      await generateReport(db, { kind: 'po', format: 'pdf', supplier: 'Leaf & Co' }, pdfPath);
      const text = pdfText(pdfPath);
      expect(text).toMatch(/TEA\s+Breakfast tea \(deliver to Main shop\)\s+24/);
      expect(text).toMatch(/TEA\s+Breakfast tea \(deliver to Harbour kiosk\)\s+24/);
    }
    db.close();
  });

  it('filters by supplier and says which suppliers exist when the name is wrong', async () => {
    const { db, dir } = plannedShop();
    expect(await generateReport(db, { kind: 'reorder', format: 'csv', supplier: 'suds ltd' }, join(dir, 's.csv'))).toEqual({ lines: 1 });
    await expect(generateReport(db, { kind: 'reorder', format: 'csv', supplier: 'Nobody' }, join(dir, 'n.csv'))).rejects.toThrow(/leaf & co, suds ltd/);
    db.close();
  });

  it('prints a purchase order per supplier with cases, total and the minimum-order warning', async () => {
    const { db, dir } = plannedShop();
    for (const rec of listRecommendations(db)) if (rec.suggestedQty > 0) decideRecommendation(db, rec.id, { action: 'accept' });
    const orders = createDraftOrders(db, DAY0 + 56);
    transitionPurchaseOrder(db, orders[0]!.id, 'sent');
    const csvPath = join(dir, 'po.csv');
    expect(await generateReport(db, { kind: 'po', format: 'csv' }, csvPath)).toEqual({ lines: 2 });
    expect(readFileSync(csvPath, 'utf8')).toMatch(/PO-\d{8}-001,sent,Leaf & Co,TEA,Breakfast tea,24,12,2,2.50,60.00,2024-05-27/);
    if (!hasPdftotext) return;
    const pdfPath = join(dir, 'po.pdf');
    await generateReport(db, { kind: 'po', format: 'pdf', supplier: 'Leaf & Co' }, pdfPath);
    const text = pdfText(pdfPath);
    expect(text).toMatch(/Purchase order PO-\d{8}-001/);
    expect(text).toContain('To: Leaf & Co');
    expect(text).toContain('orders@leaf.example');
    expect(text).toContain('From: Corner Café');
    expect(text).toMatch(/Total\s+24\s+€60\.00/);
    expect(text).toContain("Below the supplier's minimum order value of €100.00 (short by €40.00).");
    // Sent the day after the last data (13 May 2024), due 14 days later; a draft has no order date yet.
    expect(text).toContain('Ordered 13 May 2024 · status sent · expected delivery 27 May 2024');
    const draftPdf = join(dir, 'suds.pdf');
    await generateReport(db, { kind: 'po', format: 'pdf', supplier: 'Suds Ltd' }, draftPdf);
    expect(pdfText(draftPdf)).toContain('Draft, not sent yet · expected delivery 16 May 2024 if sent today');
    db.close();
  });

  it('a purchase order that runs over pages says its number, supplier and page on every page after the first', async () => {
    const { db, dir } = plannedShop();
    for (const rec of listRecommendations(db)) if (rec.suggestedQty > 0) decideRecommendation(db, rec.id, { action: 'accept' });
    const leaf = createDraftOrders(db, DAY0 + 56).find((o) => o.supplierName === 'Leaf & Co')!;
    // 90 more lines (a big order) fill about three A4 pages.
    const product = db.prepare('INSERT INTO products (id, sku, name, unit_cost_cents, supplier_id, case_pack) VALUES (?, ?, ?, 100, 1, 6)');
    const line = db.prepare('INSERT INTO po_lines (po_id, product_id, location_id, quantity, unit_cost_cents) VALUES (?, ?, 1, 12, 100)');
    for (let i = 0; i < 90; i++) {
      product.run(100 + i, `BIG-${String(i).padStart(3, '0')}`, `Bulk item ${i}`);
      line.run(leaf.id, 100 + i);
    }
    if (!hasPdftotext) return;
    const pdfPath = join(dir, 'big.pdf');
    await generateReport(db, { kind: 'po', format: 'pdf', poId: leaf.id }, pdfPath);
    const pages = pdfText(pdfPath).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(`Purchase order ${leaf.number}`);
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`${leaf.number} · Leaf & Co · page ${i + 2} of ${pages.length}`);
      // The running header sits above the repeated table header, not on top of a line.
      expect(page.indexOf(leaf.number)).toBeLessThan(page.indexOf('SKU'));
    });
    db.close();
  });

  it('ranks slow and dead stock by money tied up', async () => {
    const { db, dir } = plannedShop();
    // A product that never sold, with 30 on the shelf at 4.00. The shop's history is 8 weeks:
    // too short to call it dead (the dead-stock alert agrees), so it is not listed.
    db.prepare("INSERT INTO products (id, sku, name, unit_cost_cents, supplier_id) VALUES (9, 'VASE', 'Glass vase', 400, 1)").run();
    db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (9, ?, 30)').run(DAY0 + 50);
    const csvPath = join(dir, 'slow.csv');
    expect((await generateReport(db, { kind: 'slow', format: 'csv' }, csvPath)).lines).toBe(1);
    expect(readFileSync(csvPath, 'utf8')).not.toContain('VASE');
    // Three vases sold 150 days before the history began: the last sale is 205 days (29 weeks)
    // before the as-of day, in a history that long: 120.00 of dead stock.
    db.prepare('INSERT INTO sales (product_id, day, quantity, is_total, natural_key) VALUES (9, ?, 3, 1, ?)').run(DAY0 - 150, 990_001);
    const { lines } = await generateReport(db, { kind: 'slow', format: 'csv' }, csvPath);
    const csv = readFileSync(csvPath, 'utf8').split('\r\n');
    // JAM: 100 on hand at 7 a week is 14.3 weeks of cover (overstock); VASE is dead.
    expect(lines).toBe(2);
    expect(csv[1]).toMatch(/^dead,VASE,Glass vase,Leaf & Co,30,120\.00,[0-9.]+,[0-9.]+,30,120\.00,"Dead stock: no sale in 29 weeks, 30 on the shelf\."$/);
    expect(csv[2]).toMatch(/^overstock,JAM,Strawberry jam,Leaf & Co,100,120.00,/);
    if (!hasPdftotext) return;
    const pdfPath = join(dir, 'slow.pdf');
    await generateReport(db, { kind: 'slow', format: 'pdf' }, pdfPath);
    const text = pdfText(pdfPath);
    expect(text).toContain('Dead stock (no sale in 26 weeks)');
    expect(text.replace(/\s+/g, ' ')).toContain('Stock the reorder plan asks for (up to its order-up-to level) is not counted as slow or overstocked');
    expect(text).toMatch(/VASE\s+Glass vase\s+Leaf & Co\s+30\s+€120\.00/);
    db.close();
  });
});
