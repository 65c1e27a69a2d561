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
