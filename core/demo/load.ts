import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { dayFromIso, todayDay } from '../dates';
import type { Db } from '../db/connection';
import { updateSettings } from '../db/repos/settings';
import type { CommitFile } from '../import/commit';
import { commitImports } from '../import/commit';
import { inspectFile } from '../import/inspect';
import type { RunOptions } from '../jobs/progress';
import { assetPath } from '../paths';

/**
 * The demo shop's files, in the order an owner would import them. stock.csv (one count on
 * the last day) is not among them: the weekly stocktake already ends with that same count,
 * and importing both showed 218 "duplicates" in the demo's import history. It stays in
 * assets/demo as a sample of a single stock-count export.
 */
export const DEMO_FILES = ['suppliers.csv', 'products.csv', 'customers.csv', 'events.csv', 'sales.csv', 'stock_history.csv', 'purchase_orders.csv'] as const;

const Shop = z.object({
  name: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  locale: z.string().min(2),
  lastDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export interface DemoLoadResult {
  shop: string;
  files: Array<{ file: string; kind: string; rowsRead: number; imported: number; rejected: number; duplicates: number }>;
}

/**
 * Loads the demo shop (assets/demo) into a workspace through the same path as the owner's
 * own files: every CSV is inspected (kind and mapping detected from its headers) and all of
 * them are committed in one transaction. The shop's settings come from shop.json.
 */
export async function loadDemo(db: Db, options: RunOptions & { dir?: string; today?: number } = {}): Promise<DemoLoadResult> {
  const dir = options.dir ?? assetPath('demo');
  const shopPath = join(dir, 'shop.json');
  if (!existsSync(shopPath)) throw new AppError('not_found', `The demo shop's files are missing (${shopPath}). Reinstall Shelfcast.`);
  const shop = Shop.parse(JSON.parse(readFileSync(shopPath, 'utf8')));
  // The demo's history ends on a fixed day; a machine whose clock is behind it must not call it the future.
  const today = options.today ?? Math.max(todayDay(), dayFromIso(shop.lastDate));
  updateSettings(db, { shopName: shop.name, country: shop.country, currency: shop.currency, locale: shop.locale });
  const files: CommitFile[] = [];
  for (const name of DEMO_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const inspection = await inspectFile(db, path, name, { today, locale: shop.locale, ...(options.signal ? { signal: options.signal } : {}) });
    if (inspection.blockers.length > 0) throw new Error(`The demo file ${name} does not import: ${inspection.blockers.join(' ')}`);
    files.push({ path, name, mapping: inspection.mapping, remember: false });
  }
  const result = await commitImports(db, files, { today, createProducts: true, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return {
    shop: shop.name,
    files: result.files.map((f) => ({ file: f.fileName, kind: f.kind, rowsRead: f.rowsRead, imported: f.imported, rejected: f.rejected, duplicates: f.duplicates })),
  };
}
