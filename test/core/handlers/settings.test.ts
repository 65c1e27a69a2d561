import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { SETTINGS_DEFAULTS } from '../../../core/contract/commands/settings';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir('shelfcast-settings-');
const apps: ShelfcastApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

async function openShop() {
  const dir = tempDir();
  const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'shops') });
  apps.push(app);
  await app.openWorkspace(join(dir, 'shops', 'corner.shelfcast'), { create: true });
  return routerFor(app);
}

describe('settings.update changes only what it names', () => {
  it('switching the theme keeps the shop name, currency and service levels', async () => {
    const { call } = await openShop();
    await call('settings.update', { shopName: 'Corner Shop', currency: 'EUR', serviceLevels: { A: 0.99, B: 0.95, C: 0.9 }, horizonWeeks: 20 });
    const after = await call('settings.update', { theme: 'dark' });
    expect(after).toEqual({ ...SETTINGS_DEFAULTS, shopName: 'Corner Shop', currency: 'EUR', serviceLevels: { A: 0.99, B: 0.95, C: 0.9 }, horizonWeeks: 20, theme: 'dark' });
    expect(await call('settings.get', {})).toEqual(after);
  });

  it('still refuses unknown keys and bad values, naming the field', async () => {
    const { call } = await openShop();
    await expect(call('settings.update', { shopname: 'x' })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(call('settings.update', { horizonWeeks: 3 })).rejects.toMatchObject({ code: 'input.invalid' });
    expect(await call('settings.get', {})).toEqual(SETTINGS_DEFAULTS);
  });
});

describe('settings.update for a named workspace', () => {
  async function twoShops() {
    const dir = tempDir();
    const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'shops') });
    apps.push(app);
    const first = join(dir, 'shops', 'first.shelfcast');
    const second = join(dir, 'shops', 'second.shelfcast');
    await app.openWorkspace(first, { create: true });
    await app.openWorkspace(second, { create: true });
    return { app, first, second, call: routerFor(app).call };
  }

  it('is refused with conflict when another workspace is open now, and neither file changes', async () => {
    const { app, first, call } = await twoShops();
    // The form was read from the first shop; the second was opened before it was saved.
    await expect(call('settings.update', { shopName: 'First Shop', workspace: first })).rejects.toMatchObject({ code: 'conflict' });
    expect(await call('settings.get', {})).toEqual(SETTINGS_DEFAULTS);
    const audited = app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'settings.update'").get() as { n: number };
    expect(audited.n).toBe(0);
    await app.openWorkspace(first);
    expect(await call('settings.get', {})).toEqual(SETTINGS_DEFAULTS);
  });

  it('is saved when the named workspace is the open one', async () => {
    const { second, call } = await twoShops();
    const saved = await call('settings.update', { shopName: 'Second Shop', workspace: second });
    expect(saved).toEqual({ ...SETTINGS_DEFAULTS, shopName: 'Second Shop' });
    expect(saved).not.toHaveProperty('workspace');
    expect(await call('settings.get', {})).toEqual(saved);
  });
});
