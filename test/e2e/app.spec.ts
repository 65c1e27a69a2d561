import { openDemoShop, visitEveryScreen } from './flows';
import { test } from './host';

test('first run → demo shop → every screen (browser host)', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await openDemoShop(page, 'web-');
  await visitEveryScreen(page, 'web-');
});
