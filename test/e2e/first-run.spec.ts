import { expect, shot, test, waitReady } from './host';

test('first run shows the two ways in, and the browser host refuses requests without the token', async ({ page, host }) => {
  await page.goto(host.url);
  await waitReady(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Shelfcast' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo shop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import your data' })).toBeVisible();
  await shot(page, '00-first-run');

  const origin = new URL(host.url).origin;
  const refused = await fetch(`${origin}/api/invoke`, { method: 'POST', body: JSON.stringify({ name: 'app.info', input: {} }) });
  expect(refused.status).toBe(401);
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const accepted = await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'X-Shelfcast-Token': token }, body: JSON.stringify({ name: 'app.info', input: {} }) });
  expect(((await accepted.json()) as { ok: boolean }).ok).toBe(true);
});
