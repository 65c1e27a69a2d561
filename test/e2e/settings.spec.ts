import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page, Route } from '@playwright/test';
import { openWorkspace } from '../../core/db/connection';
import { readSettings, updateSettings } from '../../core/db/repos/settings';
import type { Host } from './host';
import { expect, invokeFromPage, settle, shot, startHost, stopHost, waitReady } from './host';

/**
 * The Settings form while the workspace changes under it, in Chromium against the real
 * browser host: background reloads of the same workspace (the theme switched in the app bar,
 * a change stored from elsewhere) keep unsaved edits; opening another workspace shows that
 * workspace's settings, and a slow answer read from the previous one never lands over them.
 */
const test = base.extend<{ host: Host }>({
  host: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-settings-'));
    const path = join(dir, 'corner.shelfcast');
    const db = openWorkspace(path, { create: true });
    updateSettings(db, { shopName: 'Corner Shop', horizonWeeks: 13 });
    db.close();
    const host = await startHost(['--workspace', path]);
    await use(host);
    await page.close();
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  },
});

const invoke = invokeFromPage;

async function openSettings(page: Page, host: Host): Promise<void> {
  await page.goto(host.url);
  await waitReady(page);
  await page.evaluate(() => {
    window.location.hash = '/settings';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Shop name')).toHaveValue('Corner Shop');
  await settle(page);
}

test('unsaved edits survive background reloads of the same workspace', async ({ page, host }) => {
  await openSettings(page, host);
  await page.getByLabel('Shop name').fill('Corner Shop & Café');

  // The app-bar theme switch stores a setting: every screen reloads, the form with it.
  await page.getByRole('button', { name: 'Switch light or dark theme' }).click();
  await expect(page.locator('html[data-theme="dark"]')).toHaveCount(1);
  await settle(page);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveText('Dark');
  await expect(page.getByLabel('Shop name')).toHaveValue('Corner Shop & Café');
  await expect(page.getByTestId('settings-unsaved')).toHaveText('Not saved yet: Shop name.');
  await expect(page.getByTestId('settings-changed-elsewhere')).toHaveCount(0);

  // The edited field itself changes in storage: the edit stays and the screen says so.
  await invoke(page, 'settings.update', { shopName: 'Corner Shop Ltd' });
  await expect(page.getByTestId('settings-changed-elsewhere')).toContainText('Shop name');
  await expect(page.getByLabel('Shop name')).toHaveValue('Corner Shop & Café');
  await shot(page, 'settings-changed-while-editing');
  await page.getByRole('button', { name: 'Load stored values' }).click();
  await expect(page.getByLabel('Shop name')).toHaveValue('Corner Shop Ltd');
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);

  // Saving stores the edit; the save's own reload leaves the form clean.
  await page.getByLabel('Forecast horizon (weeks)').fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await settle(page);
  await expect(page.getByLabel('Forecast horizon (weeks)')).toHaveValue('20');
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
});

test('opening another workspace shows its settings; a late answer from the previous one is ignored', async ({ page, host }) => {
  await openSettings(page, host);
  await page.getByLabel('Shop name').fill('Corner Shop & Café');

  // Hold back every settings answer read from the corner shop from here on, as a slow answer would be.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/api/invoke', async (route: Route) => {
    const request = route.request().postDataJSON() as { name: string };
    if (request.name !== 'settings.get') return route.continue();
    const response = await route.fetch();
    const envelope = (await response.json()) as { value?: { shopName?: string } };
    if (envelope.value?.shopName === 'Corner Shop') {
      held++;
      await released;
    }
    await route.fulfill({ response, json: envelope });
  });
  await invoke(page, 'settings.update', { horizonWeeks: 14 });
  await expect.poll(() => held).toBeGreaterThan(0);

  await invoke(page, 'workspace.createDefault', { name: 'Harbour Deli' });
  await expect(page.getByTestId('workspace-path')).toContainText('Harbour Deli.shelfcast');
  await expect(page.getByLabel('Shop name')).toHaveValue('My shop');
  await expect(page.getByLabel('Forecast horizon (weeks)')).toHaveValue('13');
  await expect(page.getByTestId('settings-edits-dropped')).toContainText('corner.shelfcast');

  release();
  await settle(page);
  await expect(page.getByLabel('Shop name')).toHaveValue('My shop');
  await expect(page.getByTestId('workspace-path')).toContainText('Harbour Deli.shelfcast');
  await expect(page.getByTestId('shop-name')).toHaveText('My shop — Harbour Deli');
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  // Saving now writes to the workspace that is open, and the form stays on it.
  await page.getByLabel('Shop name').fill('Harbour Deli');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await invoke(page, 'settings.get', {})).toMatchObject({ shopName: 'Harbour Deli' });
  await expect(page.getByTestId('shop-name')).toContainText('Harbour Deli');
});

test('a save held up while another workspace opens is refused by the host, and neither shop changes', async ({ page, host }) => {
  await openSettings(page, host);
  const corner = ((await invoke(page, 'app.info', {})) as { workspace: { path: string } }).workspace.path;
  await page.getByLabel('Shop name').fill('Corner Shop & Café');

  // The save leaves the page and is held on its way to the host, as a busy main process would.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/api/invoke', async (route: Route) => {
    const request = route.request().postDataJSON() as { name: string };
    if (request.name !== 'settings.update') return route.continue();
    held = true;
    await released;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => held).toBe(true);
  await invoke(page, 'workspace.createDefault', { name: 'Harbour Deli' });
  await expect(page.getByTestId('workspace-path')).toContainText('Harbour Deli.shelfcast');

  release();
  await expect(page.getByText('Another workspace was opened, so these settings were not saved.')).toBeVisible();
  await settle(page);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(page.getByLabel('Shop name')).toHaveValue('My shop');
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  expect(await invoke(page, 'settings.get', {})).toMatchObject({ shopName: 'My shop' });
  await shot(page, 'settings-save-refused-after-switch');

  const db = openWorkspace(corner);
  try {
    expect(readSettings(db).shopName).toBe('Corner Shop');
  } finally {
    db.close();
  }
});
