import { join } from 'node:path';
import type { Db } from '../../../core/db/connection';
import { openWorkspace } from '../../../core/db/connection';
import { dataFingerprint } from '../../../core/db/repos/forecast-runs';

export const DAY0 = 19_800; // 2024-03-18, a Monday

/**
 * A small shop: two suppliers, three products, 8 weeks of daily sales, a stock count the
 * day before the last sale, and a done, up-to-date weekly forecast run whose quantiles are flat
 * (weekly demand known exactly: q05 = … = q95 = mean), so every number is worked by hand.
 *
 *   TEA  (Leaf & Co, lead 14 days, case 12, cost 2.50): sells 10 a week; counted 9 on the
 *        second-last day, 1 sold on the last day → on hand 8
 *   JAM  (Leaf & Co, product lead 7 days, case 6, MOQ 12, cost 1.20): sells 7 a week; 100 on hand
 *   SOAP (Suds Ltd, supplier lead 3 days, no case, cost unknown): sells 14 a week; 2 on hand
 */
export function seedShop(dir: string): Db {
  const db = openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
  db.prepare("INSERT INTO suppliers (id, name, default_lead_time_days, min_order_value_cents, email) VALUES (1, 'Leaf & Co', 10, 10000, 'orders@leaf.example')").run();
  db.prepare("INSERT INTO suppliers (id, name, default_lead_time_days, min_order_value_cents) VALUES (2, 'Suds Ltd', 3, NULL)").run();
  const product = db.prepare('INSERT INTO products (id, sku, name, unit_cost_cents, unit_price_cents, supplier_id, lead_time_days, moq, case_pack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  product.run(1, 'TEA', 'Breakfast tea', 250, 450, 1, 14, null, 12);
  product.run(2, 'JAM', 'Strawberry jam', 120, 300, 1, 7, 12, 6);
  product.run(3, 'SOAP', 'Olive soap', null, 200, 2, null, null, null);
  const sale = db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (?, ?, ?, ?)');
  let key = 1;
  const weekly: Record<number, number> = { 1: 10, 2: 7, 3: 14 };
  for (let day = DAY0; day < DAY0 + 56; day++) {
    for (const [id, perWeek] of Object.entries(weekly)) sale.run(Number(id), day, perWeek / 7, key++);
  }
  const lastDay = DAY0 + 55;
  const count = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (?, ?, ?)');
  count.run(1, lastDay - 1, 8 + 10 / 7);
  count.run(2, lastDay, 100);
  count.run(3, lastDay, 2);
  const run = Number(
    db.prepare("INSERT INTO forecast_runs (created_at, as_of_day, period, horizon, status) VALUES ('2024-05-13T00:00:00.000Z', ?, 'week', 8, 'done')").run(lastDay + 1).lastInsertRowid,
  );
  const forecast = db.prepare('INSERT INTO forecasts (run_id, product_id, step, period_start, mean, q05, q10, q25, q50, q75, q90, q95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const [id, perWeek] of Object.entries(weekly)) {
    for (let step = 1; step <= 8; step++) {
      forecast.run(run, Number(id), step, lastDay + 1 + (step - 1) * 7, perWeek, perWeek, perWeek, perWeek, perWeek, perWeek, perWeek, perWeek);
    }
  }
  // The forecast is up to date with the data, so the plan job does not forecast again.
  db.prepare('UPDATE forecast_runs SET data_fingerprint = ? WHERE id = ?').run(dataFingerprint(db), run);
  return db;
}

/**
 * `seedShop` with a second location, "Harbour kiosk" (id 2): the kiosk sells tea, 6 a week over
 * the same 8 weeks (forecast flat at 6), and has 1 on the shelf, counted on the last day.
 * Planned, the shop has 3 products on 4 lines (TEA, JAM and SOAP at the main shop, TEA at the
 * kiosk), 3 of them to order (TEA at both, SOAP).
 */
export function addHarbourKiosk(db: Db): void {
  db.prepare("INSERT INTO locations (id, code, name) VALUES (2, 'kiosk', 'Harbour kiosk')").run();
  const sale = db.prepare('INSERT INTO sales (product_id, location_id, day, quantity, natural_key) VALUES (1, 2, ?, ?, ?)');
  for (let day = DAY0; day < DAY0 + 56; day++) sale.run(day, 6 / 7, 100_000 + day);
  db.prepare('INSERT INTO stock_snapshots (product_id, location_id, day, on_hand) VALUES (1, 2, ?, 1)').run(DAY0 + 55);
  const run = (db.prepare('SELECT id FROM forecast_runs').get() as { id: number }).id;
  const forecast = db.prepare('INSERT INTO forecasts (run_id, product_id, location_id, step, period_start, mean, q05, q10, q25, q50, q75, q90, q95) VALUES (?, 1, 2, ?, ?, 6, 6, 6, 6, 6, 6, 6, 6)');
  for (let step = 1; step <= 8; step++) forecast.run(run, step, DAY0 + 56 + (step - 1) * 7);
  db.prepare('UPDATE forecast_runs SET data_fingerprint = ? WHERE id = ?').run(dataFingerprint(db), run);
}

const isoDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * A shop with a year and a half of sales and no plan, for stock health. Jam sells 10 a week in
 * the main shop from May 2025 to 15 Nov 2026; mugs 2 a week there until 1 March 2026, never
 * since. Counted on 15 Nov 2026: with `secondLocation` ("Harbour kiosk", which has never sold
 * either) 12 jars and 5 mugs in the main shop, 60 jars and 25 mugs at the kiosk; without it
 * 72 jars and 30 mugs in the main shop.
 */
export function seedJamAndMugsShop(dir: string, { secondLocation }: { secondLocation: boolean }): Db {
  const db = openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
  const harbour = secondLocation ? Number(db.prepare("INSERT INTO locations (code, name) VALUES ('harbour', 'Harbour kiosk')").run().lastInsertRowid) : 1;
  const product = db.prepare('INSERT INTO products (sku, name, unit_cost_cents, unit_price_cents) VALUES (?, ?, ?, ?)');
  const jam = Number(product.run('JAM', 'Strawberry jam', 150, 320).lastInsertRowid);
  const mugs = Number(product.run('MUG', 'Harbour mug', 400, 900).lastInsertRowid);
  const sale = db.prepare('INSERT INTO sales (product_id, location_id, day, quantity, is_total, natural_key) VALUES (?, ?, ?, ?, 1, ?)');
  let key = 1;
  for (let d = isoDay('2025-05-05'); d <= isoDay('2026-11-15'); d += 7) sale.run(jam, 1, d, 10, key++);
  for (let d = isoDay('2025-05-05'); d <= isoDay('2026-03-01'); d += 7) sale.run(mugs, 1, d, 2, key++);
  const count = db.prepare('INSERT INTO stock_snapshots (product_id, location_id, day, on_hand) VALUES (?, ?, ?, ?)');
  const countDay = isoDay('2026-11-15');
  if (secondLocation) {
    count.run(jam, 1, countDay, 12);
    count.run(jam, harbour, countDay, 60);
    count.run(mugs, harbour, countDay, 25);
    count.run(mugs, 1, countDay, 5);
  } else {
    count.run(jam, 1, countDay, 72);
    count.run(mugs, 1, countDay, 30);
  }
  return db;
}
