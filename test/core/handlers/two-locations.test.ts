/**
 * A shop with a kiosk besides the main shop, through the real router on a real workspace
 * (seedShop + addHarbourKiosk): the Reorder heading's counts, the product page's stock per
 * location, the product list's hint and the reorder report's heading. The same shop without
 * the kiosk reads as before.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { generateReport } from '../../../core/reports/generate';
import { useKioskShops } from './kiosk-shop';

const hasPdftotext = existsSync('/usr/bin/pdftotext');

describe('a shop with two locations', () => {
  const openShop = useKioskShops();
  const plannedShop = (kiosk: boolean) => openShop({ kiosk, plan: true });

  it('the plan counts products, lines and locations: tea at both is one product on two lines', async () => {
    const { call } = await plannedShop(true);
    const view = await call('plan.view', { onlyToOrder: true });
    // TEA, JAM and SOAP in the main shop, TEA at the kiosk; JAM (100 on hand) orders nothing.
    expect(view.plan).toMatchObject({ products: 3, lines: 4, locations: 2, toOrder: 3 });
    expect(view.lines.map((l) => `${l.sku}@${l.locationName}`).sort()).toEqual(['SOAP@Main shop', 'TEA@Harbour kiosk', 'TEA@Main shop']);
  });

  it('one location: products and lines are the same count', async () => {
    const { call } = await plannedShop(false);
    expect((await call('plan.view', { onlyToOrder: false })).plan).toMatchObject({ products: 3, lines: 3, locations: 1, toOrder: 2 });
  });

  it('the product page splits on hand by location and the list says the total spans two', async () => {
    const { call } = await plannedShop(true);
    const tea = await call('products.detail', { id: 1 });
    // Main shop: 9 3/7 counted the second-last day, 10/7 sold on the last: 8. Kiosk: 1 counted on the last day, after its sales.
    expect(tea.stock.byLocation).toEqual([
      { locationId: 1, locationName: 'Main shop', onHand: 8, countDay: '2024-05-11' },
      { locationId: 2, locationName: 'Harbour kiosk', onHand: 1, countDay: '2024-05-12' },
    ]);
    expect(tea.stock.onHand).toBe(9);
    expect(tea.stock.countDay).toBe('2024-05-12');
    // Soap never reached the kiosk: only the main shop is listed.
    expect((await call('products.detail', { id: 3 })).stock.byLocation.map((l) => [l.locationName, l.onHand])).toEqual([['Main shop', 2]]);
    const list = await call('products.list', {});
    expect(Object.fromEntries(list.rows.map((r) => [r.sku, r.stockLocations]))).toEqual({ TEA: 2, JAM: 1, SOAP: 1 });
  });

  it('one location: no split on the product page', async () => {
    const { call } = await plannedShop(false);
    const tea = await call('products.detail', { id: 1 });
    expect(tea.stock.byLocation).toEqual([]);
    expect(tea.stock.onHand).toBe(8);
    expect((await call('products.list', {})).rows.every((r) => r.stockLocations === 1)).toBe(true);
  });

  it('the weekly summary counts the products to order and prices both tea lines', async () => {
    for (const kiosk of [true, false]) {
      const { app } = await plannedShop(kiosk);
      refreshAlerts(app.db);
      const ordering = latestWeeklySummary(app.db)?.narrative?.sections.find((section) => section.topic === 'ordering')?.text;
      // Tea 24 at £2.50 for each location (£120 with the kiosk, £60 without); soap has no cost price.
      if (kiosk) expect(ordering).toMatch(/^2 products \(3 lines at 2 locations\) need ordering for about £120, 2 of them urgent at 2 locations \(they run out .*Biggest orders: Leaf & Co \(£120\)\./);
      else expect(ordering).toMatch(/^2 products need ordering for about £60\.00, 2 of them urgent .*Biggest orders: Leaf & Co \(£60\.00\)\./);
    }
  });

  it.skipIf(!hasPdftotext)('the reorder report heading counts the products to order and their lines at locations (tea for both, soap: 2 on 3); one location keeps "lines"', async () => {
    for (const kiosk of [true, false]) {
      const { app, dir } = await plannedShop(kiosk);
      const path = join(dir, 'r.pdf');
      await generateReport(app.db, { kind: 'reorder', format: 'pdf' }, path);
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      if (kiosk) expect(text).toMatch(/Plan for 13 May 2024 · 2 products · 3 lines at 2 locations · 2 suppliers/);
      else expect(text).toMatch(/Plan for 13 May 2024 · 2 lines · 2 suppliers/);
    }
  });
});
