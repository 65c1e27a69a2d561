import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { openWorkspace } from '../../core/db/connection';
import { seedWorkspace } from '../core/customers/seed-workspace';
import { AS_OF_DAY, shopFixture } from '../core/customers/shop-fixture';
import { expect, shot, startHost, stopHost, waitReady } from './host';

/** A workspace holding the synthetic wholesaler of the customer tests, as of its as-of day. */
function seededWorkspace(dir: string): string {
  const path = join(dir, 'wholesaler.shelfcast');
  const db = openWorkspace(path, { create: true });
  seedWorkspace(db, shopFixture().map((p) => ({ ...p, lines: p.lines.filter((l) => l.day < AS_OF_DAY) })));
  db.close();
  return path;
}

base('Customers: predict, find the overdue customer, open their detail and the product panel', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-customers-'));
  const host = await startHost(['--workspace', seededWorkspace(dir)]);
  try {
    await page.goto(host.url);
    await waitReady(page);
    await page.goto(`${host.url.split('#')[0]}#/customers`);
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await page.getByTestId('customers-run').click();
    await expect(page.getByTestId('customers-run-info')).toContainText('Predictions for');
    await expect(page.getByTestId('customer-prediction-row').first()).toBeVisible();
    await shot(page, 'customers-01-list');

    await page.getByLabel('Overdue only').check();
    const overdue = page.getByTestId('customer-prediction-row').filter({ hasText: 'Customer lapsed' });
    await expect(overdue).toHaveCount(1);
    await expect(overdue).toContainText('Overdue');

    await page.getByLabel('Overdue only').uncheck();
    await page.getByLabel('Search customer or product').fill('bakery');
    await expect(page.getByTestId('customer-prediction-row')).toHaveCount(1);
    await page.getByRole('link', { name: 'Corner Bakery' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Corner Bakery' })).toBeVisible();
    await expect(page.getByTestId('customer-product-row')).toHaveCount(1);
    await shot(page, 'customers-02-detail');

    await page.getByTestId('customer-product-row').getByRole('link', { name: 'Flour 25 kg' }).click();
    const panel = page.getByTestId('product-customers');
    await expect(panel).toContainText('Expected customer orders');
    await expect(panel.getByTestId('product-at-risk-row').filter({ hasText: 'Customer lapsed' })).toHaveCount(1);
    await shot(page, 'customers-03-product');
  } finally {
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
