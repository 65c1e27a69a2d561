/**
 * The Alerts screen and the slow-stock report name the same dead, slow-moving and
 * overstocked products with the same money: hand-worked shops in real workspaces, and a
 * property over any stock item.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { stockHealthAlerts } from '../../../core/alerts/rules';
import type { Db } from '../../../core/db/connection';
import { openWorkspace } from '../../../core/db/connection';
import { riskFigures } from '../../../core/db/repos/dashboard';
import type { StockItem } from '../../../core/inventory/slow-stock';
import { STOCK_HEALTH_DEFAULTS, rankStockHealth } from '../../../core/inventory/slow-stock';
import { buildSlowStockReport } from '../../../core/reports/slow-report';
import { useTempDir } from '../../helpers/tmp';
import { SHOP_AS_OF, SHOP_WEEKS, buildSmallShop } from '../../helpers/screens-shop';
import { DAY0, seedShop } from '../inventory/fixtures';

const KIND_OF = { dead: 'dead_stock', slow: 'overstock', overstock: 'overstock' } as const;

/** Open dead-stock and overstock alerts by SKU: kind and the money they name. */
function stockAlertRows(db: Db): Array<[string, string, number | null]> {
  const rows = db
    .prepare(
      `SELECT p.sku, a.kind, coalesce(json_extract(a.details, '$.valueCents'), json_extract(a.details, '$.excessValueCents')) AS cents
       FROM alerts a JOIN products p ON p.id = a.product_id
       WHERE a.resolved_at IS NULL AND a.kind IN ('dead_stock', 'overstock') ORDER BY p.sku, a.kind`,
    )
    .all() as Array<{ sku: string; kind: string; cents: number | null }>;
  return rows.map((r) => [r.sku, r.kind, r.cents]);
}

/** The report's lines by SKU, as the alert each should raise. */
function reportRows(db: Db): Array<[string, string, number | null]> {
  return buildSlowStockReport(db)
    .lines.map((l): [string, string, number | null] => [l.sku, KIND_OF[l.health], l.excessValueCents])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

function plan(db: Db, productId: number, orderUpTo: number): void {
  db.prepare(
    "INSERT INTO recommendations (product_id, created_at, inputs, on_hand, on_order, reorder_point, order_up_to, safety_stock, suggested_qty, unit_cost_cents, priority, reasoning, outputs) VALUES (?, '2025-11-16T20:00:00.000Z', '{}', 0, 0, 1, ?, 1, 0, NULL, 'low', 'Nothing to order.', '{}')",
  ).run(productId, orderUpTo);
}

describe('alerts and the slow-stock report agree', () => {
  const tempDir = useTempDir();

  it('on the small shop with 40 weeks of history (hand-worked)', () => {
    const db = openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    buildSmallShop(db);
    // Saffron and vanilla: 1 a week (forecast 1 a week), 20 on hand at £5.00: 20 weeks of cover,
    // turning 52.1/20 = 2.6 times a year. Saffron's plan (a 60-day lead time) orders up to 24,
    // so the plan asks for that stock; vanilla's orders up to 15, so 20 − 13 = 7 (£35) are beyond
    // 13 weeks. Paper lanterns never sold in 40 weeks: 8 at £2.50, £20 of dead stock.
    const product = db.prepare('INSERT INTO products (sku, name, unit_cost_cents, unit_price_cents, lead_time_days) VALUES (?, ?, ?, ?, ?)');
    const saffron = Number(product.run('SAF', 'Saffron', 500, 900, 60).lastInsertRowid);
    const vanilla = Number(product.run('VAN', 'Vanilla pods', 500, 900, 60).lastInsertRowid);
    const lanterns = Number(product.run('LAN', 'Paper lanterns', 250, 600, 7).lastInsertRowid);
    const sale = db.prepare('INSERT INTO sales (product_id, day, quantity, is_total, natural_key) VALUES (?, ?, 1, 1, ?)');
    let key = 900_000;
    for (let day = SHOP_AS_OF - SHOP_WEEKS * 7 + 1; day <= SHOP_AS_OF; day += 7) {
      sale.run(saffron, day, key++);
      sale.run(vanilla, day, key++);
    }
    const count = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (?, ?, ?)');
    count.run(saffron, SHOP_AS_OF, 20);
    count.run(vanilla, SHOP_AS_OF, 20);
    count.run(lanterns, SHOP_AS_OF, 8);
    const forecast = db.prepare('INSERT INTO forecasts (run_id, product_id, step, period_start, mean, q05, q10, q25, q50, q75, q90, q95) VALUES (1, ?, ?, ?, 1, 0, 0, 1, 1, 1, 2, 2)');
    for (let step = 1; step <= 13; step++) {
      forecast.run(saffron, step, SHOP_AS_OF + 1 + 7 * (step - 1));
      forecast.run(vanilla, step, SHOP_AS_OF + 1 + 7 * (step - 1));
    }
    plan(db, saffron, 24);
    plan(db, vanilla, 15);

    refreshAlerts(db, new Date('2025-11-17T08:00:00Z'));
    // Candles: 5 × £3.00 unsold for 30 weeks. Rice: 300 on hand at 7 a week is 42.9 weeks of
    // cover, turning 1.2 times a year (slow): 300 − 91 = 209 × £1.20 = £250.80 beyond 13 weeks.
    const expected: Array<[string, string, number]> = [
      ['CAN', 'dead_stock', 1500],
      ['LAN', 'dead_stock', 2000],
      ['RICE', 'overstock', 25080],
      ['VAN', 'overstock', 3500],
    ];
    expect(stockAlertRows(db)).toEqual(expected);
    expect(reportRows(db)).toEqual(expected);
    expect(buildSlowStockReport(db).lines.map((l) => [l.sku, l.health])).toEqual([
      ['LAN', 'dead'],
      ['CAN', 'dead'],
      ['RICE', 'slow'],
      ['VAN', 'overstock'],
    ]);
    // The dashboard's dead-stock tile adds the dead-stock alerts: the report's dead total.
    expect(riskFigures(db)).toMatchObject({ deadProducts: 2, deadValueCents: 3500 });
    expect(buildSlowStockReport(db).totals.dead.excessValueCents).toBe(3500);
    db.close();
  });

  it('on a shop with 8 weeks of history: nothing is dead yet, and stock the plan asks for is not overstocked', () => {
    const db = seedShop(tempDir());
    // A vase that never sold, 30 on the shelf: 8 weeks cannot show 26 without a sale.
    db.prepare("INSERT INTO products (id, sku, name, unit_cost_cents, supplier_id) VALUES (9, 'VASE', 'Glass vase', 400, 1)").run();
    db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (9, ?, 30)').run(DAY0 + 50);
    refreshAlerts(db, new Date('2024-05-14T08:00:00Z'));
    // JAM: 100 on hand at 7 a week is 14.3 weeks of cover; 100 − 91 = 9 × £1.20 = £10.80 beyond 13.
    expect(stockAlertRows(db)).toEqual([['JAM', 'overstock', 1080]]);
    expect(reportRows(db)).toEqual([['JAM', 'overstock', 1080]]);

    // The plan orders JAM up to 100 (its case pack and minimum order): that stock is asked for.
    plan(db, 2, 100);
    refreshAlerts(db, new Date('2024-05-14T09:00:00Z'));
    expect(stockAlertRows(db)).toEqual([]);
    expect(reportRows(db)).toEqual([]);
    db.close();
  });

  it('both read the forecast’s pace from today: periods of an older run that are past do not count', () => {
    const db = seedShop(tempDir());
    const lastDay = DAY0 + 55;
    // The run's first two weeks (before today) were forecast at 70 a week, the rest at 7. A
    // count of tea two weeks later moves today to lastDay + 15, the start of step 3: JAM's pace
    // is 7 a week, and its 100 on hand are 14.3 weeks of cover, 9 (£10.80) beyond 13.
    db.prepare('UPDATE forecasts SET mean = 70 WHERE product_id = 2 AND step <= 2').run();
    db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (1, ?, 50)').run(lastDay + 14);
    refreshAlerts(db, new Date('2024-05-28T08:00:00Z'));
    expect(stockAlertRows(db)).toEqual([['JAM', 'overstock', 1080]]);
    expect(reportRows(db)).toEqual([['JAM', 'overstock', 1080]]);
    expect(buildSlowStockReport(db).lines[0]).toMatchObject({ paceSource: 'forecast', weeklyPace: 7 });
    db.close();
  });

  it('for any stock item, the alerts raised match the report’s health and money (property)', () => {
    const fmt = makeTextFormat('en-GB', 'GBP');
    const item = fc.record<StockItem>({
      key: fc.constant('1:1'),
      onHand: fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5000, noNaN: true })),
      unitCostCents: fc.option(fc.integer({ min: 0, max: 10_000 })),
      unitsSold: fc.integer({ min: -10, max: 5000 }),
      windowDays: fc.integer({ min: 0, max: 364 }),
      daysSinceLastSale: fc.option(fc.integer({ min: 0, max: 800 })),
      forecastWeeklyDemand: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 500, noNaN: true }))),
      orderUpToLevel: fc.option(fc.double({ min: 0, max: 5000, noNaN: true })),
      historyDays: fc.option(fc.integer({ min: 0, max: 1000 })),
    });
    fc.assert(
      fc.property(item, (it) => {
        const report = rankStockHealth([it]);
        const alerts = stockHealthAlerts({ productId: 1, sku: 'X', name: 'X', stockHealth: report.map((a) => ({ ...a, locationId: null })) }, { asOfDay: 20_000, format: fmt });
        expect(alerts.map((a) => a.kind)).toEqual(report.map((a) => KIND_OF[a.health]));
        alerts.forEach((a, i) => {
          const cents = a.kind === 'dead_stock' ? a.details.valueCents : a.details.excessValueCents;
          expect(cents).toBe(report[i]!.excessValueCents);
        });
        // The two exceptions hold everywhere.
        const { deadAfterDays } = STOCK_HEALTH_DEFAULTS;
        if (it.historyDays === null || it.historyDays < deadAfterDays) expect(alerts.map((a) => a.kind)).not.toContain('dead_stock');
        if (it.orderUpToLevel !== null && it.onHand <= it.orderUpToLevel) expect(alerts.map((a) => a.kind)).not.toContain('overstock');
        if (!(it.onHand > 0)) expect(alerts).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
