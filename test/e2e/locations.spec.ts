import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Db } from '../../core/db/connection';
import { addHarbourKiosk, seedJamAndMugsShop, seedShop } from '../core/inventory/fixtures';
import type { Host } from './host';
import { expect, shot, startHost, stopHost, waitReady } from './host';

/**
 * A shop with a kiosk besides the main shop (test/core/inventory/fixtures.ts), in the real
 * browser host: the headings count products and say the lines at locations, each line of a
 * product ordered for two locations has its own test id and names, the product page splits
 * on hand by location. A one-location shop reads as before.
 */
const test = base.extend<{ workspace: (build: (dir: string) => Db) => Promise<Host> }>({
  workspace: async ({ page }, use) => {
    const started: Array<{ host: Host; dir: string }> = [];
    await use(async (build) => {
      const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-locations-'));
      build(dir).close();
      const host = await startHost(['--workspace', join(dir, 'shop.shelfcast')]);
      started.push({ host, dir });
      return host;
    });
    await page.close();
    for (const { host, dir } of started) {
      await stopHost(host);
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

async function open(page: Page, host: Host, screen: string): Promise<void> {
  await page.goto(host.url);
  await waitReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
}

function kioskShop(dir: string): Db {
  const db = seedShop(dir);
  addHarbourKiosk(db);
  return db;
}

test('two locations: Reorder heading, one row per location, purchase order lines, product page by location', async ({ page, workspace }) => {
  const host = await workspace(kioskShop);
  await open(page, host, 'Reorder');
  await page.getByRole('button', { name: 'Make a plan' }).click();
  // Tea for the main shop and the kiosk, soap: 3 lines to order; jam (enough stock) is the third product.
  await expect(page.getByText(/ · 3 products · 4 lines at 2 locations · 3 lines to order · /)).toBeVisible();
  const kioskTea = page.getByTestId('rec-TEA@Harbour kiosk');
  await expect(kioskTea.getByTestId('reasoning')).toHaveText(/^Order 24: 2 cases of 12\. You have 1, none on order/);
  await expect(page.getByTestId('rec-TEA@Main shop').getByTestId('reasoning')).toHaveText(/^Order 24: 2 cases of 12\. You have 8, none on order/);
  await expect(page.getByTestId('rec-TEA')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept TEA at Harbour kiosk' }).click();
  await expect(kioskTea.getByTestId('status')).toHaveText('Accepted');
  await expect(page.getByTestId('rec-TEA@Main shop').getByTestId('status')).toHaveText('To decide');
  await page.getByRole('button', { name: 'Accept TEA at Main shop' }).click();
  await expect(page.getByTestId('rec-TEA@Main shop').getByTestId('status')).toHaveText('Accepted');
  await shot(page, 'locations-01-reorder');

  await page.getByRole('button', { name: 'Create purchase orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  await expect(page.getByTestId('po-line-TEA@Harbour kiosk')).toContainText('deliver to Harbour kiosk');
  await expect(page.getByTestId('po-line-TEA@Main shop')).toContainText('deliver to Main shop');
  await expect(page.getByRole('spinbutton', { name: /^Quantity of TEA for Harbour kiosk on PO-/ })).toHaveValue('24');
  await shot(page, 'locations-02-purchase-orders');

  await page.evaluate(() => {
    window.location.hash = '/products/1';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Breakfast tea' })).toBeVisible();
  // 8 in the main shop and 1 at the kiosk: the tile is their total.
  await expect(page.getByTestId('tile-on-hand')).toHaveText('9');
  const byLocation = page.getByTestId('stock-by-location');
  await expect(byLocation.getByTestId('stock-at-Main shop').getByTestId('location-on-hand')).toHaveText('8');
  await expect(byLocation.getByTestId('stock-at-Harbour kiosk').getByTestId('location-on-hand')).toHaveText('1');
  // Reorder numbers at each location, and their total: 24 for each, 48 in all.
  await expect(page.getByTestId('plan-total')).toHaveText(/^Order 48 in all \(£120\.00\): the plan orders for each location separately\.$/);
  await expect(page.getByTestId('order-at-Main shop')).toHaveText('24');
  await expect(page.getByTestId('order-at-Harbour kiosk')).toHaveText('24');
  await expect(page.getByTestId('plan-reasoning-Harbour kiosk')).toContainText('Harbour kiosk: Order 24: 2 cases of 12. You have 1, none on order');
  await expect(page.getByTestId('plan-reasoning-Main shop')).toContainText('Main shop: Order 24: 2 cases of 12. You have 8, none on order');
  // The what-if says where it works (the main shop, most sales) and moves to the kiosk on request.
  const location = page.getByRole('combobox', { name: 'Location' });
  await expect(location).toHaveText('Main shop');
  await expect(page.getByTestId('whatif-reasoning')).toContainText('You have 8, none on order');
  await location.click();
  await page.getByRole('option', { name: 'Harbour kiosk' }).click();
  await expect(location).toHaveText('Harbour kiosk');
  await expect(page.getByTestId('whatif-reasoning')).toContainText('You have 1, none on order');
  await expect(page.getByTestId('whatif-suggestedQuantity')).toHaveText('24 (£60.00)');
  await shot(page, 'locations-03-product');

  await page.getByRole('link', { name: '← All products' }).click();
  await expect(page.getByTestId('on-hand-locations')).toHaveCount(1);
  await expect(page.getByTestId('on-hand-locations')).toContainText('2 locations');
  // Tea's Order is the total for both locations, said so; soap's (one location) has no hint.
  await expect(page.getByTestId('order-locations')).toHaveCount(1);
  await expect(page.getByTestId('order-locations')).toHaveText(/^48urgent2 locations$/);
  await shot(page, 'locations-04-products');
});

test('two locations: the Reports heading counts products and their lines at locations', async ({ page, workspace }) => {
  const host = await workspace((dir) => seedJamAndMugsShop(dir, { secondLocation: true }));
  await open(page, host, 'Reports');
  // Jam dead at the kiosk, mugs dead at both: 2 products on 3 lines.
  await expect(page.getByTestId('slow-summary')).toHaveText(/^2 products · 3 lines at 2 locations \(3 dead, 0 slow, 0 overstocked\) · £210\.00 of stock beyond/);
  await expect(page.getByTestId('slow-row')).toHaveCount(3);
  await shot(page, 'locations-05-reports');
});

test('two locations: running out is told per location, and the at-risk tile counts products', async ({ page, workspace }) => {
  const host = await workspace(kioskShop);
  await open(page, host, 'Alerts');
  // Summed, tea read "9 on hand, selling about 16 a week"; the kiosk empties first.
  await expect(page.getByText('Breakfast tea (TEA) at Harbour kiosk runs out in about 1 day (1 on hand, selling about 6 a week); an order placed today arrives in 14 days.')).toBeVisible();
  await expect(page.getByText('Breakfast tea (TEA) at Main shop runs out in about 5 days (8 on hand, selling about 10 a week); an order placed today arrives in 14 days.')).toBeVisible();
  await expect(page.getByText(/^Breakfast tea \(TEA\) runs out/)).toHaveCount(0);
  await shot(page, 'locations-06-alerts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  // Tea (at both) and soap: 2 products on 3 lines.
  await expect(page.getByTestId('tile-at-risk')).toHaveText('2');
  await expect(page.getByText('3 lines at 2 locations; 2 before a delivery could arrive', { exact: true })).toBeVisible();
  await expect(page.getByText('Meanwhile 2 products are at risk of running out within a week.')).toBeVisible();
  await shot(page, 'locations-07-dashboard');
});

test('one location: headings, row ids and the product page as before', async ({ page, workspace }) => {
  const host = await workspace(seedShop);
  await open(page, host, 'Reorder');
  await page.getByRole('button', { name: 'Make a plan' }).click();
  await expect(page.getByText(/ · 3 products · 2 to order · /)).toBeVisible();
  await expect(page.getByTestId('rec-TEA')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Accept TEA' })).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '/products/1';
  });
  await expect(page.getByTestId('tile-on-hand')).toHaveText('8');
  await expect(page.getByText(/^counted .+, moved by sales and deliveries since$/)).toBeVisible();
  await expect(page.getByTestId('stock-by-location')).toHaveCount(0);
  // One set of reorder numbers, no location to choose in the what-if.
  await expect(page.getByTestId('plan-reasoning')).toHaveText(/^Order 24: 2 cases of 12\. You have 8, none on order/);
  await expect(page.getByTestId('plan-by-location')).toHaveCount(0);
  await expect(page.getByTestId('whatif-reasoning')).toContainText('You have 8, none on order');
  await expect(page.getByRole('combobox', { name: 'Location' })).toHaveCount(0);
  await expect(page.getByTestId('whatif-location')).toHaveCount(0);
});
