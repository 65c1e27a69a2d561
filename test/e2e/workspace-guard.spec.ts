import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Route } from '@playwright/test';
import { openWorkspace } from '../../core/db/connection';
import { createEvent, listEvents } from '../../core/db/repos/events';
import type { Host } from './host';
import { expect, invokeFromPage, settle, shot, startHost, stopHost, waitReady } from './host';

/**
 * A change made on a screen of one workspace while another workspace is opened (from another
 * browser tab, another window or the menu) must not land in the other workspace. The
 * renderer names the workspace its screens show with every command; the host refuses a
 * change meant for another one. Chromium against the real browser host, real SQLite files.
 */
const test = base.extend<{ host: Host; dir: string }>({
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-guard-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ page, dir }, use) => {
    const path = join(dir, 'corner.shelfcast');
    const db = openWorkspace(path, { create: true });
    createEvent(db, { name: 'Street fair', type: 'promo', startDay: '2026-06-06', endDay: '2026-06-07' });
    db.close();
    const host = await startHost(['--workspace', path]);
    await use(host);
    await page.close();
    await stopHost(host);
  },
});

const invoke = invokeFromPage;

test('a delete held up while another workspace opens is refused, and neither shop loses its event', async ({ page, host, dir }) => {
  await page.goto(host.url);
  await waitReady(page);
  await page.evaluate(() => {
    window.location.hash = '/events';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your events' })).toContainText('Street fair');
  await settle(page);

  // The delete leaves the page and is held on its way to the host, as a busy main process would.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/api/invoke', async (route: Route) => {
    const request = route.request().postDataJSON() as { name: string; workspace?: string };
    if (request.name !== 'events.delete') return route.continue();
    expect(request.workspace).toBe(join(dir, 'corner.shelfcast'));
    held = true;
    await released;
    await route.continue();
  });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Street fair' }).click();
  await expect.poll(() => held).toBe(true);

  // Meanwhile another shop is opened, whose first event has the same id as the Street fair.
  await invoke(page, 'workspace.createDefault', { name: 'Harbour Deli' });
  const regatta = (await invoke(page, 'events.create', { name: 'Harbour regatta', type: 'promo', startDay: '2026-07-04', endDay: '2026-07-05' })) as { id: number };
  expect(regatta.id).toBe(1);
  await expect(page.getByRole('table', { name: 'Your events' })).toContainText('Harbour regatta');

  release();
  await expect(page.getByText('Another workspace (Harbour Deli) was opened after this screen was loaded, so nothing was changed.')).toBeVisible();
  await settle(page);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await shot(page, 'workspace-guard-refused');

  // The open shop keeps its event; the first shop's file still holds its own.
  expect(((await invoke(page, 'events.list', {})) as Array<{ name: string }>).map((e) => e.name)).toEqual(['Harbour regatta']);
  await expect(page.getByRole('table', { name: 'Your events' })).toContainText('Harbour regatta');
  const corner = openWorkspace(join(dir, 'corner.shelfcast'));
  try {
    expect(listEvents(corner).map((e) => e.name)).toEqual(['Street fair']);
  } finally {
    corner.close();
  }

  // A delete from the screen that now shows the open shop goes through.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Harbour regatta' }).click();
  await expect(page.getByText('Event deleted.')).toBeVisible();
  expect(await invoke(page, 'events.list', {})).toEqual([]);
});
