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
