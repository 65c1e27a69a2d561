import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { updateSettings } from '../../core/db/repos/settings';
import { seedShop } from '../core/inventory/fixtures';
import { openDemoShop } from './flows';
import type { Host } from './host';
import { SCREENSHOT_DIR, expect, shot, startHost, stopHost, test as hostTest, waitReady } from './host';

/** A browser host opened on a small shop with sales, stock counts, suppliers and a forecast. */
const test = base.extend<{ shop: { host: Host; dir: string } }>({
  shop: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-shop-'));
    const db = seedShop(dir);
    updateSettings(db, { shopName: 'Corner Café' });
    db.close();
    const host = await startHost(['--workspace', join(dir, 'shop.shelfcast')]);
    await use({ host, dir });
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  },
});

test('plan → accept and edit lines → purchase orders → sent → PDF checked as text and as an image', async ({ page, shop }) => {
  await page.goto(shop.host.url);
  await waitReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reorder', exact: true }).click();
  await page.getByRole('button', { name: 'Make a plan' }).click();
  const tea = page.getByTestId('rec-TEA');
  await expect(tea.getByTestId('reasoning')).toHaveText(/^Order 24: 2 cases of 12\. You have 8, none on order/);
  await expect(tea.getByTestId('priority')).toHaveText('urgent');
  await expect(page.getByTestId('supplier-Leaf & Co').getByText(/Below Leaf & Co’s minimum order value/)).toBeVisible();
  await shot(page, 'reorder-01-plan');

  // An edit is whole cases: the field says what 30 of a 12-pack becomes before saving.
  await page.getByRole('button', { name: 'Edit TEA' }).click();
  await page.getByRole('spinbutton', { name: 'Quantity for TEA' }).fill('30');
  await expect(tea.getByTestId('case-rounding')).toHaveText('30 → 36 (3 cases of 12)');
  await tea.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByText(/· 2 to order ·/)).toBeVisible();
  await page.getByRole('button', { name: 'Reject TEA' }).click();
  // The page header's count follows the decision, like the supplier's.
  await expect(page.getByText(/· 1 to order ·/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo TEA' }).click();
  await page.getByRole('button', { name: 'Accept TEA' }).click();
  await expect(tea.getByTestId('status')).toHaveText('Accepted');
  await expect(page.getByText(/· 2 to order ·/)).toBeVisible();
  await page.getByRole('button', { name: 'Edit SOAP' }).click();
  await page.getByRole('spinbutton', { name: 'Quantity for SOAP' }).fill('20');
  await page.getByTestId('rec-SOAP').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('rec-SOAP').getByTestId('quantity')).toHaveText('20');
  await shot(page, 'reorder-02-decided');

  // The command's answer is checked, so a refusal fails here with its message.
  const created = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('"plan.createPurchaseOrders"'));
  await page.getByRole('button', { name: 'Create purchase orders' }).click();
  expect(await (await created).text()).toMatch(/^\{"ok":true/);
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  const leaf = page.locator('section[aria-label^="Purchase order"]').filter({ hasText: 'Leaf & Co' });
  await expect(leaf.getByTestId('po-status')).toHaveText('draft');
  await expect(page.locator('section[aria-label^="Purchase order"]')).toHaveCount(2);
  await expect(leaf.getByTestId('po-dates')).toHaveText('not sent yet · expected 27 May 2024 if sent today');
  await leaf.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(leaf.getByTestId('po-status')).toHaveText('sent');
  // Sent on the workspace's today (the day after its last sale), due 14 days later.
  await expect(leaf.getByTestId('po-dates')).toHaveText('ordered 13 May 2024 · expected 27 May 2024');
  await shot(page, 'reorder-03-purchase-orders');

  const downloadPromise = page.waitForEvent('download');
  await leaf.getByRole('button', { name: 'Order PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^PO-20240513-\d{3}-leaf-co\.pdf$/);
  const pdfPath = join(shop.dir, 'po.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('CORNER CAFÉ');
  expect(text).toMatch(/Purchase order PO-20240513-\d{3}/);
  expect(text).toContain('status sent');
  expect(text).toMatch(/TEA\s+Breakfast tea\s+24\s+2 × 12\s+£2\.50\s+£60\.00/);
  expect(text).toContain("Below the supplier's minimum order value of £100.00 (short by £40.00).");
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(SCREENSHOT_DIR, 'reorder-04-po-pdf')]);
  expect(existsSync(join(SCREENSHOT_DIR, 'reorder-04-po-pdf-1.png'))).toBe(true);

  // The reorder report from the Reorder screen: the plan's lines by supplier.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reorder', exact: true }).click();
  await expect(page.getByTestId('rec-TEA').getByText('On PO-20240513-001')).toBeVisible();
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Reorder report PDF' }).click();
  const reportPath = join(shop.dir, 'reorder.pdf');
  await (await reportDownload).saveAs(reportPath);
  const report = execFileSync('pdftotext', ['-layout', reportPath, '-'], { encoding: 'utf8' });
  expect(report).toMatch(/Total Leaf & Co\s+24\s+£60\.00/);
  expect(report).toContain('Changed by you to 20.');
});

hostTest('demo shop → plan (forecast first) → accept a supplier’s lines → purchase order → PDF', async ({ page, host }) => {
  hostTest.setTimeout(300_000);
  await page.goto(host.url);
  await openDemoShop(page, 'reorder-demo-');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reorder', exact: true }).click();
  // The demo shop plans itself after loading (workspace.createDemo): depending on how far that
  // got when the page opened, the button offers the first plan or another one.
  await page.getByRole('button', { name: /^(Make a plan|Plan again)$/ }).click();
  await expect(page.getByTestId('job-progress').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan again' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText(/^Plan made on .+ from data as of 15 Nov 2026 · \d+ products · \d+ to order/)).toBeVisible();
  const group = page.locator('section[aria-label^="Supplier "]').first();
  const supplier = ((await group.getAttribute('aria-label')) ?? '').replace(/^Supplier /, '');
  await expect(group.getByTestId('reasoning').first()).toHaveText(/^Order \d+/);
  await shot(page, 'reorder-demo-01-plan');

  await group.getByRole('button', { name: /^Accept all \d+/ }).click();
  await expect(group.getByTestId('status').first()).toHaveText('Accepted');
  const accepted = await group.getByTestId('status').count();
  await page.getByRole('button', { name: 'Create purchase orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();
  const order = page.locator('section[aria-label^="Purchase order PO-2026"]').filter({ hasText: supplier });
  await expect(order.getByTestId('po-status')).toHaveText('draft');
  await shot(page, 'reorder-demo-02-purchase-order');

  const downloadPromise = page.waitForEvent('download');
  await order.getByRole('button', { name: 'Order PDF' }).click();
  const pdfPath = join(host.home, 'po.pdf');
  await (await downloadPromise).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('HARBOUR LANE PROVISIONS');
  expect(text).toContain(`To: ${supplier}`);
  // A draft has no order date yet: it is due a lead time after the day it is sent.
  expect(text).toMatch(/Draft, not sent yet · expected delivery \d+ (Nov|Dec) 2026 if sent today/);
  // One line per accepted product, and a total in pounds.
  expect(text.match(/^\s*[A-Z]{3}-\d{3}\s/gm)?.length).toBe(accepted);
  expect(text).toMatch(/Total\s+[\d,.]+\s+£[\d,]+\.\d\d/);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(SCREENSHOT_DIR, 'reorder-demo-03-po-pdf')]);
});
