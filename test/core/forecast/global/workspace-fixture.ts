import { join } from 'node:path';
import type { Db } from '../../../../core/db/connection';
import { openWorkspace } from '../../../../core/db/connection';
import { updateSettings } from '../../../../core/db/repos/settings';
import { seededRng } from '../../../../core/forecast/global/random';

export const WORKSPACE = 'shop.shelfcast';

/**
 * A shop with `products` products in two categories, each selling every day for `weeks`
 * weeks with a shared yearly wave and its own volume; forecast horizon 6 weeks so a
 * global model trains in well under a second.
 */
export function seedSellingShop(dir: string, products = 12, weeks = 70): Db {
  const db = openWorkspace(join(dir, WORKSPACE), { create: true });
  updateSettings(db, { horizonWeeks: 6 });
  db.prepare("INSERT INTO suppliers (id, name) VALUES (1, 'Leaf & Co')").run();
  const product = db.prepare('INSERT INTO products (id, sku, name, category, unit_price_cents, supplier_id) VALUES (?, ?, ?, ?, ?, 1)');
  const sale = db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (?, ?, ?, ?)');
  const rng = seededRng(12);
  const day0 = 19_800; // 2024-03-18, a Monday
  let key = 1;
  db.transaction(() => {
    for (let p = 1; p <= products; p++) {
      product.run(p, `SKU${p}`, `Product ${p}`, p % 2 ? 'tea' : 'jam', 300 + p);
      const volume = 2 + 10 * rng();
      for (let d = 0; d < weeks * 7; d++) {
        const wave = 1 + 0.5 * Math.sin((2 * Math.PI * d) / 364);
        sale.run(p, day0 + d, Math.round(volume * wave * (0.5 + rng())), key++);
      }
    }
  })();
  return db;
}
