import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mapping } from '../../core/contract/commands/import';
import { openWorkspace } from '../../core/db/connection';
import { updateSettings } from '../../core/db/repos/settings';
import { dayFromIso } from '../../core/dates';
import { commitImports } from '../../core/import/commit';
import { suggest } from '../../core/import/detect';

export const DEMO_DIR = join(import.meta.dirname, '..', '..', 'assets', 'demo');

/**
 * A workspace holding the demo shop (assets/demo), loaded through the real CSV import with
 * the mappings Shelfcast suggests for each file, and the shop's name, currency and country.
 */
export async function demoWorkspace(path: string): Promise<void> {
  const db = openWorkspace(path, { create: true });
  try {
    const shop = JSON.parse(readFileSync(join(DEMO_DIR, 'shop.json'), 'utf8')) as { name: string; currency: string; locale: string; country: string; lastDate: string };
    updateSettings(db, { shopName: shop.name, currency: shop.currency, locale: shop.locale, country: shop.country });
    const files = readdirSync(DEMO_DIR)
      .filter((f) => f.endsWith('.csv'))
      .map((name) => {
        const header = readFileSync(join(DEMO_DIR, name), 'utf8').split(/\r?\n/)[0]!.split(',');
        const s = suggest(header);
        const mapping: Mapping = { kind: s.kind, columns: s.columns, dateOrder: 'ymd', decimalSeparator: '.', period: s.period ?? 'day' };
        return { path: join(DEMO_DIR, name), name, mapping };
      });
    await commitImports(db, files, { today: dayFromIso(shop.lastDate) + 1 });
  } finally {
    db.close();
  }
}
