import { join } from 'node:path';
import { ShelfcastApp } from '../../core/app/app';
import { createAppRouter } from '../../core/handlers';
import type { ShopIds } from './screens-shop';
import { buildSmallShop } from './screens-shop';

/** An app with the small shop open, and a typed-enough `call` through the real router. */
export async function openSmallShopApp(dir: string): Promise<{ app: ShelfcastApp; ids: ShopIds; call: <T>(name: string, input: unknown) => Promise<T>; fail: (name: string, input: unknown) => Promise<{ code: string; message: string; details?: unknown }> }> {
  const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: dir });
  await app.openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
  const ids = buildSmallShop(app.db);
  const router = createAppRouter({ error: () => {} });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await router.invoke(name, input, { app });
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details)}`);
    return result.value as T;
  };
  const fail = async (name: string, input: unknown) => {
    const result = await router.invoke(name, input, { app });
    if (result.ok) throw new Error(`${name} should have failed`);
    return result.error;
  };
  return { app, ids, call, fail };
}
