/**
 * Stock health in a shop with two locations, in a real workspace: every location's stock is
 * assessed on that location's own sales, so stock that sits where a product does not sell is
 * dead there (it was assessed at the main location, or not at all), and the report, its CSV,
 * the Alerts screen and the weekly summary name the location.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { openWorkspace } from '../../../core/db/connection';
import { workspaceStockHealth } from '../../../core/inventory/slow-stock-workspace';
import { buildSlowStockReport, slowStockCsv } from '../../../core/reports/slow-report';
import { useTempDir } from '../../helpers/tmp';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('stock health per location', () => {
  const tempDir = useTempDir();

  function shop(secondLocation: boolean) {
    const db = openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const harbour = secondLocation ? Number(db.prepare("INSERT INTO locations (code, name) VALUES ('harbour', 'Harbour kiosk')").run().lastInsertRowid) : 1;
    const product = db.prepare('INSERT INTO products (sku, name, unit_cost_cents, unit_price_cents) VALUES (?, ?, ?, ?)');
    const jam = Number(product.run('JAM', 'Strawberry jam', 150, 320).lastInsertRowid);
    const mugs = Number(product.run('MUG', 'Harbour mug', 400, 900).lastInsertRowid);
    const sale = db.prepare('INSERT INTO sales (product_id, location_id, day, quantity, is_total, natural_key) VALUES (?, ?, ?, ?, 1, ?)');
    let key = 1;
    // Jam sells 10 a week in the main shop from May 2025 to 15 Nov 2026 and never at the kiosk.
    for (let d = day('2025-05-05'); d <= day('2026-11-15'); d += 7) sale.run(jam, 1, d, 10, key++);
    // Mugs sold at the main shop until 1 March 2026, never since; nothing else sells them.
    for (let d = day('2025-05-05'); d <= day('2026-03-01'); d += 7) sale.run(mugs, 1, d, 2, key++);
    const count = db.prepare('INSERT INTO stock_snapshots (product_id, location_id, day, on_hand) VALUES (?, ?, ?, ?)');
    if (secondLocation) {
      count.run(jam, 1, day('2026-11-15'), 12);
      // 60 jars sent to the kiosk, where jam has never sold; 25 mugs there, 5 left in the main shop.
      count.run(jam, harbour, day('2026-11-15'), 60);
      count.run(mugs, harbour, day('2026-11-15'), 25);
      count.run(mugs, 1, day('2026-11-15'), 5);
    } else {
      count.run(jam, 1, day('2026-11-15'), 72);
      count.run(mugs, 1, day('2026-11-15'), 30);
    }
    return db;
  }

  it('assesses the stock at each location on its own sales and names the location everywhere', () => {
    const db = shop(true);
    const lines = workspaceStockHealth(db).lines;
    const at = (sku: string, location: string) => lines.find((l) => l.sku === sku && l.locationName === location);
    // The main shop's 12 jars sell 10 a week: healthy, not listed. The kiosk's 60 never sold there.
    expect(at('JAM', 'Main shop')?.health ?? 'healthy').toBe('healthy');
    const kioskJam = at('JAM', 'Harbour kiosk')!;
    expect(kioskJam.health).toBe('dead');
    expect(kioskJam.daysSinceLastSale).toBeNull();
    expect(kioskJam.moneyTiedUpCents).toBe(60 * 150);
    // Mugs: dead at both, each with its own stock and money (the kiosk never sold one).
    expect(at('MUG', 'Main shop')).toMatchObject({ health: 'dead', onHand: 5, moneyTiedUpCents: 5 * 400 });
    expect(at('MUG', 'Harbour kiosk')).toMatchObject({ health: 'dead', onHand: 25, moneyTiedUpCents: 25 * 400, daysSinceLastSale: null });

    const report = buildSlowStockReport(db);
    expect(report.totals.dead.excessValueCents).toBe(60 * 150 + 30 * 400);
    const csv = slowStockCsv(report).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(csv[0]).toBe('health,sku,product,location,supplier,on_hand,money_tied_up,turnover_per_year,weeks_of_cover,excess_units,excess_value,reason');
    expect(csv.filter((row) => row.startsWith('dead,JAM,Strawberry jam,Harbour kiosk,'))).toHaveLength(1);

    refreshAlerts(db, new Date('2026-11-16T08:00:00Z'));
    const messages = (db.prepare("SELECT a.message FROM alerts a WHERE a.kind = 'dead_stock' ORDER BY a.message").all() as Array<{ message: string }>).map((m) => m.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^Harbour mug \(MUG\) at Harbour kiosk has never sold; 25 in stock worth /);
    expect(messages[1]).toMatch(/^Harbour mug \(MUG\) at Main shop has not sold since /);
    // Named with its location although only the kiosk's jam is listed: jam sells well in the main shop.
    expect(messages[2]).toMatch(/^Strawberry jam \(JAM\) at Harbour kiosk has never sold; 60 in stock worth /);
    const money = latestWeeklySummary(db)?.narrative?.sections.find((section) => section.topic === 'money');
    expect(money?.text).toContain('Strawberry jam at Harbour kiosk');
    db.close();
  });

  it('a shop with one location sees no location anywhere', () => {
    const db = shop(false);
    const lines = workspaceStockHealth(db).lines;
    expect(lines.every((l) => l.locationName === null && l.locationId === 1)).toBe(true);
    // All stock at the main shop: jam 72 jars selling 10 a week (7 weeks of cover, not listed), mugs 30 dead.
    expect(lines.filter((l) => l.sku === 'JAM')).toEqual([]);
    expect(lines.find((l) => l.sku === 'MUG')).toMatchObject({ health: 'dead', onHand: 30 });
    expect(slowStockCsv(buildSlowStockReport(db)).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('health,sku,product,supplier,on_hand,money_tied_up,turnover_per_year,weeks_of_cover,excess_units,excess_value,reason');
    db.close();
  });
});
