import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDemoShop, visitEveryScreen } from './flows';
import { ROOT, test } from './host';

const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

const SKIP_REASON = 'The Electron binary is not installed here (it downloads on first use and needs internet); the same flow runs against the browser host in app.spec.ts.';

test('first run → demo shop → every screen (Electron app)', async () => {
  if (!binary) console.log(`Skipped: ${SKIP_REASON}`);
  test.skip(!binary, SKIP_REASON);
  const home = mkdtempSync(join(tmpdir(), 'shelfcast-electron-'));
  const app = await electron.launch({ executablePath: binary, args: [ROOT], env: { ...process.env, SHELFCAST_HOME: home } });
  try {
    const page = await app.firstWindow();
    // The renderer sees no Node: only the two functions of the preload bridge.
    test.expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    test.expect(await page.evaluate(() => Object.keys((window as unknown as { shelfcast: object }).shelfcast).sort())).toEqual(['invoke', 'on']);
    await openDemoShop(page, 'electron-');
    await visitEveryScreen(page, 'electron-');
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
