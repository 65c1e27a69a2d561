import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { shot, waitReady } from './host';

/** The navigation entries every workspace shows (PRODUCT.md §10). */
export const SCREENS = ['Dashboard', 'Reorder', 'Purchase orders', 'Products', 'Alerts', 'Customers', 'Import', 'Events', 'Models', 'Reports', 'Settings'];

/** First run → "Try the demo shop" → wait for the demo to load. */
export async function openDemoShop(page: Page, prefix: string): Promise<void> {
  await waitReady(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Shelfcast' })).toBeVisible();
  await shot(page, `${prefix}00-first-run`);
  await page.getByRole('button', { name: 'Try the demo shop' }).click();
  await expect(page.getByTestId('job-progress').first()).toBeVisible();
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByTestId('count-products')).not.toHaveText('0');
}

/** Visits every screen through the navigation links, checking each has its own URL. */
export async function visitEveryScreen(page: Page, prefix: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const seen = new Set<string>();
  for (const [index, name] of SCREENS.entries()) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    const url = page.url();
    expect(seen.has(url)).toBe(false);
    seen.add(url);
    await shot(page, `${prefix}${String(index + 1).padStart(2, '0')}-${name.toLowerCase().replace(/\s+/g, '-')}`);
  }
}
