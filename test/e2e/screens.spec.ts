import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openWorkspace } from '../../core/db/connection';
import { updateSettings } from '../../core/db/repos/settings';
import { buildSmallShop } from '../helpers/screens-shop';
import { openDemoShop } from './flows';
import type { Host } from './host';
import { expect, shot, startHost, stopHost, waitReady } from './host';

/**
 * The screens a shop owner lives in, each screen's main action, against the real browser
 * host on a small hand-made shop (test/helpers/screens-shop.ts): Oat milk runs out in two
 * days, Candles are dead stock, Sparkling water had an unusual week, Basmati rice is
 * overstocked. Alerts and figures are worked out by the app itself when it opens.
 */
const test = base.extend<{ shop: { host: Host; dir: string }; fresh: Host }>({
  /** A host with no workspace yet (first run), stopped after its page is closed. */
  fresh: async ({ page }, use) => {
    const host = await startHost();
    await use(host);
    await page.close();
    await stopHost(host);
  },
  shop: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-screens-'));
    const db = openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    buildSmallShop(db);
    updateSettings(db, { shopName: 'Corner Shop' });
    db.close();
    const host = await startHost(['--workspace', join(dir, 'shop.shelfcast')]);
    await use({ host, dir });
    // Close the page first: the browser host's close waits for connections still in use.
    await page.close();
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  },
});

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    window.location.hash = r;
  }, route);
}

/** Opens the shop and waits for the app to work out its figures (the alerts job). */
async function openShop(page: Page, host: Host): Promise<void> {
  await page.goto(host.url);
  await waitReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('tile-at-risk')).toHaveText('1');
  // The at-risk tile reads the plan, there at once; dead stock waits for the alerts job, whose
  // end reloads open forms (Settings), so tests start after it.
  await expect(page.getByTestId('tile-dead-stock')).toHaveText('£15');
}

test('dashboard: figures worked out on open, weekly summary, tiles link to their lists', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await expect(page.getByTestId('tile-dead-stock')).toHaveText('£15');
  await expect(page.getByTestId('tile-stock-value')).toHaveText('£500');
  await expect(page.getByTestId('tile-accuracy')).toHaveText('30% less error');
  const summary = page.getByTestId('weekly-summary');
  await expect(summary).toContainText('You sold 88 units');
  await expect(summary).toContainText('Sparkling water (60 against about 10)');
  await expect(summary).toContainText('£15.00 sits in 1 product that has not sold for 26 weeks');
  await shot(page, 'screens-01-dashboard');

  // With a plan, the at-risk tile counts the plan's orders (as the summary's "urgent" does) and opens the plan.
  await expect(page.getByRole('link', { name: /At risk of running out/ })).toContainText('From the reorder plan: 1 before a delivery could arrive');
  await page.getByRole('link', { name: /At risk of running out/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reorder' })).toBeVisible();

  await go(page, '/dashboard');
  await page.getByRole('link', { name: /Dead stock/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await expect(page.getByTestId('product-link')).toHaveText(['Candles']);
});

test('products: search, filters, sorting and a remembered column choice', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await go(page, '/products');
  const grid = page.getByTestId('products-grid');
  await expect(grid.getByTestId('product-link')).toHaveCount(5);
  await expect(grid.getByTestId('product-link')).toHaveText(['Basmati rice', 'Candles', 'Green tea', 'Oat milk', 'Sparkling water']);

  await page.getByRole('searchbox', { name: 'Search' }).fill('tea');
  await expect(grid.getByTestId('product-link')).toHaveText(['Green tea']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid.getByTestId('product-link')).toHaveCount(5);

  await grid.getByRole('columnheader', { name: 'Stock value' }).click();
  await expect(grid.getByTestId('product-link').first()).toHaveText('Oat milk');
  await grid.getByRole('columnheader', { name: 'Stock value' }).click();
  await expect(grid.getByTestId('product-link').first()).toHaveText('Basmati rice');

  await page.locator('#filter-abc').click();
  await page.getByRole('option', { name: 'A', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(grid.getByTestId('product-link')).toHaveText(['Green tea', 'Oat milk']);
  await shot(page, 'screens-02-products');

  // Hide the Category column through the column menu; it stays hidden after a reload.
  await grid.getByRole('columnheader', { name: 'Category' }).hover();
  await grid.getByRole('columnheader', { name: 'Category' }).getByRole('button', { name: /menu/i }).click();
  await page.getByRole('menuitem', { name: /Hide column/i }).click();
  await expect(grid.getByRole('columnheader', { name: 'Category' })).toHaveCount(0);
  await page.reload();
  await waitReady(page);
  await expect(grid.getByRole('columnheader', { name: 'Supplier' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Category' })).toHaveCount(0);

  // A row opens its product, by keyboard too.
  await grid.getByRole('gridcell', { name: 'OAT', exact: true }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Oat milk' })).toBeVisible();
  // Let the page finish loading (chart, what-if) before the host stops: the browser host
  // waits for in-flight downloads when it closes.
  await expect(page.getByTestId('forecast-chart').locator('svg.main-svg').first()).toBeVisible();
  await expect(page.getByTestId('whatif-table')).toBeVisible();
});

test('product detail: fan chart, why this model, plan numbers, override and what-if', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await go(page, '/products');
  await page.getByTestId('product-link').filter({ hasText: 'Oat milk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oat milk' })).toBeVisible();
  await expect(page.getByTestId('tile-on-hand')).toHaveText('4');
  await expect(page.getByTestId('model-reason')).toContainText('The forecast uses exponential smoothing (ETS): it had the lowest error of the 3 forecasts compared');
  await expect(page.getByTestId('plan-reasoning')).toHaveText('Order 36: 3 cases of 12.');
  await expect(page.getByTestId('forecast-chart').locator('svg.main-svg').first()).toBeVisible();
  await expect(page.getByTestId('chart-caption')).toContainText('ranges that should hold 50%, 80% and 90% of weeks');
  await expect(page.getByTestId('chart-caption')).toContainText('holidays (grey)');
  await shot(page, 'screens-03-product-detail');

  await page.getByLabel('Percent (e.g. 20 or −30)').fill('-150');
  await page.getByLabel('Reason').fill('new café next door');
  await page.getByRole('button', { name: 'Save override' }).click();
  await expect(page.getByText('a percentage change must be above −100% and at most +1000%')).toBeVisible();
  await page.getByLabel('Percent (e.g. 20 or −30)').fill('50');
  await page.getByRole('button', { name: 'Save override' }).click();
  await expect(page.getByTestId('override-list')).toContainText('+50% on the forecast, from now, until removed');
  await expect(page.getByTestId('override-list')).toContainText('“new café next door”');
  await expect(page.getByTestId('chart-caption')).toContainText('Orange: the forecast with your override.');

  const before = await page.getByTestId('whatif-reorderPoint').textContent();
  await page.getByLabel(/Lead time, days/).fill('14');
  await expect(page.getByTestId('whatif-reorderPoint')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('whatif-reasoning')).toContainText('in the next 3 weeks (lead time + review)');
  await page.getByRole('slider').focus();
  await page.keyboard.press('Home');
  await expect(page.getByText('Service level: 80%')).toBeVisible();
  await expect(page.getByTestId('whatif-reasoning')).toContainText('at 80% service');
  await shot(page, 'screens-04-what-if');

  await page.getByRole('button', { name: /Remove override/ }).click();
  await expect(page.getByTestId('override-list')).toContainText('No override');
});

test('alerts: acknowledge, history, and an unusual week marked as a one-off', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await go(page, '/alerts');
  await expect(page.getByTestId('alert-item')).toHaveCount(4);
  await expect(page.getByTestId('alert-counts')).toContainText('1 critical');
  await shot(page, 'screens-05-alerts');

  const dead = page.locator('[data-testid="alert-item"][data-kind="dead_stock"]');
  await dead.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(page.getByTestId('alert-item')).toHaveCount(3);

  const unusual = page.locator('[data-testid="alert-item"][data-kind="anomaly"]');
  await unusual.getByRole('button', { name: 'Mark as one-off' }).click();
  await page.getByLabel('Why (optional)').fill('a wedding order');
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as one-off' }).click();
  await expect(page.getByTestId('alert-item')).toHaveCount(2);

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.locator('[data-testid="alert-item"][data-kind="dead_stock"]')).toContainText('acknowledged');
  await expect(page.locator('[data-testid="alert-item"][data-kind="anomaly"]')).toContainText('resolved');
  await shot(page, 'screens-06-alert-history');

  await go(page, '/products');
  await page.getByTestId('product-link').filter({ hasText: 'Sparkling water' }).click();
  await expect(page.getByRole('list', { name: 'Weeks marked as one-offs' })).toContainText('10 Nov 2025 – 16 Nov 2025');
});

test('events: add, edit and delete an event; holidays from the offline calendar', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await go(page, '/events');
  await expect(page.getByTestId('no-events')).toBeVisible();
  await expect(page.getByTestId('holiday-list')).toContainText('Christmas Day');
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Tea week');
  await dialog.getByLabel('From', { exact: true }).fill('2025-12-01');
  await dialog.getByLabel('To', { exact: true }).fill('2025-11-20');
  await dialog.getByLabel('Expected sales ×').fill('1.5');
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(dialog.getByText('the event ends before it starts')).toBeVisible();
  await dialog.getByLabel('To', { exact: true }).fill('2025-12-07');
  await dialog.getByLabel('Applies to').click();
  await page.getByRole('option', { name: 'One category' }).click();
  await dialog.getByLabel('Category').click();
  await page.getByRole('option', { name: 'Tea' }).click();
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('event-row')).toContainText('Tea week');
  await expect(page.getByTestId('event-row')).toContainText('1 – 7 Dec 2025');
  await expect(page.getByTestId('event-row')).toContainText('Category Tea');
  await shot(page, 'screens-07-events');

  await page.getByRole('button', { name: 'Edit Tea week' }).click();
  await page.getByRole('dialog').getByLabel('Expected sales ×').fill('2');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('event-row').getByRole('cell', { name: '2', exact: true })).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete Tea week' }).click();
  await expect(page.getByTestId('no-events')).toBeVisible();
});

test('settings: currency, locale and country change every screen; dark theme', async ({ page, shop }) => {
  await openShop(page, shop.host);
  await go(page, '/settings');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByRole('option', { name: /^EUR/ }).click();
  await page.getByLabel('Number and date format (locale)').fill('de-DE');
  await page.getByLabel('Country (public holidays)').fill('Germany');
  await page.getByRole('option', { name: 'Germany (DE)' }).click();
  await page.getByLabel('Service level, class A').fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('must be between 50% and 99.9%')).toBeVisible();
  await page.getByLabel('Service level, class A').fill('97.5');
  await page.getByRole('combobox', { name: 'Theme' }).click();
  await page.getByRole('option', { name: 'Dark' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('html[data-theme="dark"]')).toHaveCount(1);
  await shot(page, 'screens-08-settings');

  await go(page, '/dashboard');
  await expect(page.getByTestId('tile-dead-stock')).toHaveText('15 €');
  await go(page, '/events');
  await expect(page.getByTestId('holiday-list')).toContainText('25. Dez. 2025');
  await shot(page, 'screens-09-events-de-dark');
});

/** Every input, select and button on the page has an accessible name. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missing: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, [role=button], [role=slider], [role=combobox]'))) {
      if (el.closest('[aria-hidden=true]') || el.offsetParent === null) continue;
      const input = el as HTMLInputElement;
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (input.labels && input.labels.length > 0) || el.textContent?.trim() || el.getAttribute('title');
      if (!labelled) missing.push(el.outerHTML.slice(0, 120));
    }
    return missing;
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`every screen is keyboard-navigable, labelled and fits at ${viewport.width}×${viewport.height}`, async ({ page, shop }) => {
    await page.setViewportSize(viewport);
    await openShop(page, shop.host);
    for (const route of ['/dashboard', '/products', '/products/1', '/alerts', '/events', '/settings']) {
      await go(page, route);
      await expect(page.locator('h1')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await unlabelledControls(page), `unlabelled controls on ${route}`).toEqual([]);
      // The page itself never scrolls sideways (wide tables scroll inside their own box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `horizontal scroll on ${route}`).toBe(true);
      // Tab moves through the page and the focused element always shows a focus ring.
      await page.locator('body').click({ position: { x: 1, y: viewport.height - 2 } });
      let refocused = false;
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
          const style = getComputedStyle(el);
          const ring = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none' || el.classList.contains('Mui-focusVisible') || el.closest('.Mui-focused, .Mui-focusVisible') !== null;
          return { ok: ring, what: el.outerHTML.slice(0, 100) };
        });
        // A late load of the page (the chart mounting) can replace the focused element, and focus
        // falls back to the page; one more Tab must then land on a control with a ring again.
        if (!focus.ok && focus.what === 'nothing focused' && !refocused) {
          refocused = true;
          i--;
          continue;
        }
        expect(focus.ok, `no visible focus on ${route}: ${focus.what}`).toBe(true);
      }
      await shot(page, `screens-keyboard-${viewport.width}-${route.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`);
    }
  });
}

test('the demo shop: dashboard with accuracy and summary, a product’s fan chart and what-if, alerts, events', async ({ page, fresh }) => {
  test.setTimeout(600_000);
  await page.goto(fresh.url);
  await openDemoShop(page, 'screens-demo-');
  // Opening the demo loads it, forecasts and plans it (jobs); the screens work out their figures after.
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 480_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByTestId('tile-accuracy')).toHaveText(/% (less|more) error/, { timeout: 120_000 });
  await expect(page.getByTestId('accuracy-all')).toBeVisible();
  await expect(page.getByTestId('weekly-summary')).toContainText('You sold');
  await expect(page.getByTestId('weekly-summary')).toContainText(/products? needs? ordering|Nothing needs ordering/);
  await shot(page, 'screens-demo-02-dashboard');

  await go(page, '/products?sort=stockValueCents:desc');
  const first = page.getByTestId('product-link').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('forecast-chart').locator('svg.main-svg').first()).toBeVisible();
  // The fitted backtest is drawn over the history and explained under the chart.
  await expect(page.getByTestId('forecast-chart').getByText('Backtest: what the forecast said')).toBeVisible();
  await expect(page.getByTestId('chart-caption')).toContainText(/Green dashes: what the chosen forecast said over its \d+ backtest windows/);
  await expect(page.getByTestId('model-reason')).toContainText('The forecast uses');
  await expect(page.getByTestId('plan-reasoning')).not.toBeEmpty();
  const before = await page.getByTestId('whatif-reasoning').textContent();
  await page.getByRole('slider').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('whatif-reasoning')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('whatif-reasoning')).toContainText('at 99.5% service');
  await shot(page, 'screens-demo-03-product');

  await go(page, '/alerts');
  await expect(page.getByTestId('alert-counts')).toBeVisible();
  await shot(page, 'screens-demo-04-alerts');
  await go(page, '/events');
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  await expect(page.getByTestId('holiday-list')).toContainText('Christmas Day');
  await shot(page, 'screens-demo-05-events');
});
