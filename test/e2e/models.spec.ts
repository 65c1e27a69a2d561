import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { seedSellingShop, WORKSPACE } from '../core/forecast/global/workspace-fixture';
import type { Host } from './host';
import { expect, shot, startHost, stopHost, waitReady } from './host';

/** A browser host opened on a shop with 70 weeks of daily sales for 12 products. */
const test = base.extend<{ shop: { host: Host; dir: string } }>({
  shop: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-models-'));
    seedSellingShop(dir).close();
    const host = await startHost(['--workspace', join(dir, WORKSPACE)]);
    await use({ host, dir });
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  },
});

test('models: train the tree model, see its version, score, backend and training curve; retrain gives a challenger', async ({ page, shop }) => {
  await page.goto(shop.host.url);
  await waitReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models', exact: true }).click();
  await expect(page.getByTestId('tf-backend')).toHaveText(/^Networks train on: (WebAssembly|JavaScript|TensorFlow)/);
  const trees = page.getByTestId('global-model-gbdt');
  await expect(trees).toContainText('No saved version yet');
  // The fixture shop has not been forecast: the card says how forecast runs will use the model.
  await expect(page.getByTestId('in-runs-gbdt')).toHaveText(/fits the tree model afresh .* No forecast has run yet\./);

  await trees.getByRole('button', { name: 'Train' }).click();
  const v1 = page.getByTestId('version-gbdt-1');
  await expect(v1).toContainText('Champion');
  await expect(v1).toContainText('Shelfcast (TypeScript)');
  await expect(trees).toContainText(/Champion: version 1, trained .* error \d+% of seasonal naive/);
  await expect(trees.getByTestId('training-curve').locator('.main-svg').first()).toBeVisible();
  await shot(page, 'models-01-trained');

  await trees.getByRole('button', { name: 'Retrain' }).click();
  const v2 = page.getByTestId('version-gbdt-2');
  await expect(v2).toContainText('Challenger');
  await v2.getByRole('button', { name: 'Make champion' }).click();
  await expect(v2).toContainText('Champion');
  await expect(v1).toContainText('Challenger');
  await shot(page, 'models-02-promoted');
});
