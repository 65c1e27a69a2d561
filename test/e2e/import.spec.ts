import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, ROOT, SCREENSHOT_DIR, shot, test, waitReady } from './host';

/** A screenshot of one part of the screen, readable at full size. */
async function shotOf(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

const FIXTURES = join(ROOT, 'test', 'fixtures', 'csv');
const DEMO = join(ROOT, 'assets', 'demo');

test('drop and pick files, check the mapping and preview, import, look at rejected rows, undo', async ({ page, host }) => {
  await page.goto(host.url);
  await waitReady(page);
  await page.getByRole('button', { name: 'Import your data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByText('This workspace holds no sales history yet')).toBeVisible();

  // Pick two files with the file chooser…
  await page.getByTestId('import-file-input').setInputFiles([join(DEMO, 'products.csv'), join(FIXTURES, 'broken-sales.csv')]);
  const products = page.locator('[data-testid="import-file-card"][data-file="products.csv"]');
  const sales = page.locator('[data-testid="import-file-card"][data-file="broken-sales.csv"]');
  await expect(products).toHaveAttribute('data-phase', 'ready');
  await expect(sales).toHaveAttribute('data-phase', 'ready');
  await expect(products.getByTestId('import-kind')).toHaveValue('products');
  await expect(sales.getByTestId('import-kind')).toHaveValue('sales_lines');
  // the preview shows rows as they will be stored, and why the broken ones will not be
  await expect(sales.getByTestId('import-preview').locator('tr[data-status="rejected"]').first()).toContainText('missing quantity');
  await expect(sales.getByTestId('import-preview')).toContainText('2026-11-02');
  await expect(sales.getByTestId('import-preview')).toContainText('same as line 3: kept as another sale');
  // a rejected row keeps its cells, the reason beside them; rows past the first 20 are listed on their own
  await expect(sales.getByTestId('import-preview').locator('tr[data-status="rejected"]').first()).toContainText('COF-001');
  await expect(sales.getByTestId('import-preview-rejected')).toContainText('06/11/2026');
  await expect(sales.getByTestId('import-preview-rejected').locator('tr[data-status="rejected"]', { hasText: '06/11/2026' }).locator('td').first()).toHaveText('26');
  await expect(sales.getByTestId('import-preview-rejected').locator('tr[data-status="rejected"]', { hasText: '06/11/2026' })).toContainText('Not imported: date');

  // …and drop a third one anywhere on the window.
  const ambiguous = readFileSync(join(FIXTURES, 'ambiguous-dates.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'ambiguous-dates.csv', { type: 'text/csv' }));
    return transfer;
  }, ambiguous);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const dates = page.locator('[data-testid="import-file-card"][data-file="ambiguous-dates.csv"]');
  await expect(dates).toHaveAttribute('data-phase', 'ready');
  await expect(dates.getByText(/fits both day-first and month-first/).first()).toBeVisible();
  await expect(dates.getByTestId('import-preview').locator('tbody tr').nth(1)).toContainText('2026-02-02');
  await shot(page, 'import-01-files-inspected');
  await shotOf(sales, 'import-01b-sales-card');

  // The day/month order is a visible choice: month first makes them the 2nd of each month.
  await dates.getByTestId('import-date-order').locator('..').click();
  await page.getByRole('option', { name: /Month first/ }).click();
  await expect(dates.getByTestId('import-preview').locator('tbody tr').nth(1)).toContainText('2026-02-02');
  await expect(dates.getByTestId('import-preview').locator('tbody tr').nth(2)).toContainText('2026-03-02');
  await shot(page, 'import-02-month-first');

  await page.getByTestId('import-commit-all').click();
  await expect(sales.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(sales.getByTestId('summary-read')).toHaveText('25');
  await expect(sales.getByTestId('summary-imported')).toHaveText('11');
  await expect(sales.getByTestId('summary-rejected')).toHaveText('14');
  await expect(sales.getByTestId('summary-duplicates')).toHaveText('0');
  await expect(products.getByTestId('summary-imported')).toHaveText('218');
  // read month first, 12/02/2026 is the 2nd of December: still in the future, so it is rejected
  await expect(dates.getByTestId('summary-imported')).toHaveText('11');
  await expect(dates.getByTestId('summary-rejects')).toContainText('is in the future');
  // January to November: more than 90 days of history, so no warning
  await expect(page.getByTestId('import-history-warning')).toHaveCount(0);
  await shot(page, 'import-03-summaries');
  await shotOf(sales, 'import-03b-sales-summary');

  // History: three imports; the rejected rows of one, exported as CSV.
  const history = page.getByTestId('import-history');
  await expect(history.getByTestId('import-history-row')).toHaveCount(3);
  await history.getByRole('button', { name: /Show the 14 rejected rows of broken-sales.csv/ }).click();
  const dialog = page.getByRole('dialog', { name: /Rejected rows of broken-sales.csv/ });
  await expect(dialog.getByTestId('rejects-table').locator('tbody tr')).toHaveCount(14);
  await expect(dialog).toContainText('scientific notation');
  await shot(page, 'import-04-rejected-rows');
  await shotOf(dialog, 'import-04b-rejected-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('rejects-export').click();
  const file = await download;
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFline,column,reason,date,sku,quantity,unit_price,customer_id,order_id');
  expect(csv).toContain('5,quantity,missing quantity,2026-11-03,COF-001,,7.50,,POS-20261103');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same file again is recognised.
  await page.getByTestId('import-file-input').setInputFiles(join(FIXTURES, 'broken-sales.csv'));
  const again = page.locator('[data-testid="import-file-card"][data-file="broken-sales.csv"][data-phase="ready"]');
  await expect(again.getByTestId('import-already')).toBeVisible();
  await expect(again.getByTestId('import-commit-file')).toBeDisabled();

  // Undo removes the import as a whole.
  await history.getByRole('button', { name: 'Undo the import of broken-sales.csv' }).click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(history.getByTestId('import-history-row')).toHaveCount(2, { timeout: 60_000 });
  await expect(history.locator('[data-file="broken-sales.csv"]')).toHaveCount(0);
  // the file still waiting is looked at again: no longer imported, it can go in
  await expect(again.getByTestId('import-already')).toHaveCount(0);
  await expect(again.getByTestId('import-commit-file')).toBeEnabled();
  await shot(page, 'import-05-after-undo');
  await shotOf(history, 'import-05b-history');
});
