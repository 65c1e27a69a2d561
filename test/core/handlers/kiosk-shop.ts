import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';
import { addHarbourKiosk, seedShop } from '../inventory/fixtures';

/**
 * The seeded shop (seedShop), with the Harbour kiosk besides the main shop (addHarbourKiosk)
 * or without it, as a real workspace opened by the app and reached through the router;
 * planned when asked. Call inside a describe: the app opened last is disposed after each test,
 * and an earlier one when the next opens.
 */
export function useKioskShops(): (options: { kiosk: boolean; plan: boolean }) => Promise<{ app: ShelfcastApp; call: ReturnType<typeof routerFor>['call']; dir: string }> {
  const tempDir = useTempDir();
  let current: ShelfcastApp | undefined;
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return async ({ kiosk, plan }) => {
    await current?.dispose();
    const dir = tempDir();
    const db = seedShop(dir);
    if (kiosk) addHarbourKiosk(db);
    db.close();
    const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'ws') });
    current = app;
    await app.openWorkspace(join(dir, 'shop.shelfcast'), { create: false });
    const { call } = routerFor(app);
    if (plan) {
      const { jobId } = await call('plan.start', {});
      expect((await app.jobs.wait(jobId)).state).toBe('done');
    }
    return { app, call, dir };
  };
}
