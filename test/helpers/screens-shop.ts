/**
 * A small hand-made shop for the screens' integration tests: a few products whose figures
 * are easy to work out by hand, 40 weeks of daily sales ending on a Sunday, stock counts,
 * one forecast run and a plan.
 *
 *   OAT   Oat milk      2 a day (14 a week), 4 on hand, lead time 7 days → runs out in 2 days (critical)
 *   CAN   Candles       sold until 30 weeks ago, 5 on hand at £3.00      → dead stock worth £15
 *   SPK   Sparkling     10 a week, 60 in the last week                    → unusual sales
 *   RICE  Basmati rice  1 a day (7 a week), 300 on hand at £1.20          → 43 weeks of cover (overstock)
 *   TEA   Green tea     1 a day, 40 on hand, lead 3                       → nothing to report
 */
import type { Db } from '../../core/db/connection';
import { dayFromIso, weekStartOfDay } from '../../core/dates';

export const SHOP_AS_OF = dayFromIso('2025-11-16'); // a Sunday: the week from Monday 10 Nov is complete
export const SHOP_WEEKS = 40;

export interface ShopIds {
  oat: number;
  candles: number;
  sparkling: number;
  rice: number;
  tea: number;
}

export function buildSmallShop(db: Db): ShopIds {
  const first = SHOP_AS_OF - SHOP_WEEKS * 7 + 1;
  const ids = {} as ShopIds;
  db.transaction(() => {
    db.prepare("INSERT INTO suppliers (id, name, default_lead_time_days) VALUES (1, 'Greenway Foods', 7), (2, 'Harbour Trading', 3)").run();
    const product = db.prepare('INSERT INTO products (sku, name, category, unit_cost_cents, unit_price_cents, supplier_id, lead_time_days, case_pack) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    ids.oat = Number(product.run('OAT', 'Oat milk', 'Dairy', 120, 199, 1, 7, 12).lastInsertRowid);
    ids.candles = Number(product.run('CAN', 'Candles', 'Gifts', 300, 650, 2, null, 1).lastInsertRowid);
    ids.sparkling = Number(product.run('SPK', 'Sparkling water', 'Beverages', 40, 90, 2, null, 6).lastInsertRowid);
    ids.rice = Number(product.run('RICE', 'Basmati rice', 'Rice', 120, 250, 1, null, 1).lastInsertRowid);
    ids.tea = Number(product.run('TEA', 'Green tea', 'Tea', 200, 399, 2, 3, 1).lastInsertRowid);

    const sale = db.prepare('INSERT INTO sales (product_id, day, quantity, unit_price_cents, is_total, natural_key) VALUES (?, ?, ?, ?, 1, ?)');
    let key = 1;
    for (let day = first; day <= SHOP_AS_OF; day++) {
      sale.run(ids.oat, day, 2, 199, key++);
      sale.run(ids.rice, day, 1, 250, key++);
      sale.run(ids.tea, day, 1, 399, key++);
      if (day <= SHOP_AS_OF - 30 * 7) sale.run(ids.candles, day, 1, 650, key++);
    }
    // Sparkling water: 10 a week on Mondays, except the last complete week (60)
    const lastWeek = weekStartOfDay(SHOP_AS_OF, 'monday');
    for (let week = weekStartOfDay(first, 'monday') + 7; week <= lastWeek; week += 7) {
      sale.run(ids.sparkling, week, week === lastWeek ? 60 : 10, 90, key++);
    }

    const count = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (?, ?, ?)');
    count.run(ids.oat, SHOP_AS_OF, 4);
    count.run(ids.candles, SHOP_AS_OF, 5);
    count.run(ids.sparkling, SHOP_AS_OF, 100);
    count.run(ids.rice, SHOP_AS_OF, 300);
    count.run(ids.tea, SHOP_AS_OF, 40);

    // One forecast run made on the as-of day: 13 weekly steps at each product's steady rate.
    db.prepare("INSERT INTO forecast_runs (id, created_at, as_of_day, period, horizon, status) VALUES (1, '2025-11-16T20:00:00.000Z', ?, 'week', 13, 'done')").run(SHOP_AS_OF);
    const forecast = db.prepare('INSERT INTO forecasts (run_id, product_id, step, period_start, mean, q05, q10, q25, q50, q75, q90, q95) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const weekly: Array<[number, number]> = [
      [ids.oat, 14],
      [ids.candles, 0],
      [ids.sparkling, 10],
      [ids.rice, 7],
      [ids.tea, 7],
    ];
    for (const [id, mean] of weekly) {
      for (let step = 1; step <= 13; step++) {
        const q = [0.5, 0.6, 0.8, 1, 1.2, 1.4, 1.5].map((f) => f * mean);
        forecast.run(id, step, SHOP_AS_OF + 1 + 7 * (step - 1), mean, ...q);
      }
    }
    const backtest = db.prepare('INSERT INTO backtests (run_id, product_id, model, origins, mase, wape, bias, coverage80, naive_mase) VALUES (1, ?, ?, 6, ?, 0.2, 0, 0.8, 1.0)');
    for (const [id] of weekly) {
      backtest.run(id, 'naive', 1.0);
      backtest.run(id, 'ets', 0.7);
      backtest.run(id, 'theta', 0.75);
    }
    db.prepare("INSERT INTO model_registry (product_id, model, params, version, champion, run_id, created_at) VALUES (?, 'ets', '{\"alpha\":0.3}', 1, 1, 1, '2025-11-16T20:00:00.000Z')").run(ids.oat);
    const cls = db.prepare("INSERT INTO product_classes (product_id, abc, xyz, pattern, is_new, is_dead, history_periods, updated_at) VALUES (?, ?, 'X', 'smooth', 0, ?, 40, '2025-11-16T20:00:00.000Z')");
    cls.run(ids.oat, 'A', 0);
    cls.run(ids.tea, 'A', 0);
    cls.run(ids.rice, 'B', 0);
    cls.run(ids.sparkling, 'C', 0);
    cls.run(ids.candles, 'C', 1);

    // A plan for Oat milk: reorder point 20, order up to 40.
    db.prepare(
      "INSERT INTO recommendations (run_id, product_id, created_at, inputs, on_hand, on_order, reorder_point, order_up_to, safety_stock, suggested_qty, unit_cost_cents, priority, reasoning, outputs) VALUES (1, ?, '2025-11-16T20:00:00.000Z', '{\"serviceLevel\":0.98,\"leadTimeDays\":7}', 4, 0, 20, 40, 12, 36, 120, 'urgent', 'Order 36: 3 cases of 12.', '{\"daysOfCover\":2}')",
    ).run(ids.oat);
  })();
  return ids;
}
