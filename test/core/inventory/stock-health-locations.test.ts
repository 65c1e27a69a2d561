/**
 * Stock health in a shop with two locations, in a real workspace: every location's stock is
 * assessed on that location's own sales, so stock that sits where a product does not sell is
 * dead there (it was assessed at the main location, or not at all), and the report, its CSV,
 * the Alerts screen and the weekly summary name the location.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { workspaceStockHealth } from '../../../core/inventory/slow-stock-workspace';
import { buildSlowStockReport, slowStockCsv, writeSlowStockPdf } from '../../../core/reports/slow-report';
import { useTempDir } from '../../helpers/tmp';
import { seedJamAndMugsShop } from './fixtures';

const hasPdftotext = existsSync('/usr/bin/pdftotext');

describe('stock health per location', () => {
  const tempDir = useTempDir();

  const shop = (secondLocation: boolean) => seedJamAndMugsShop(tempDir(), { secondLocation });

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
    // Jam at the kiosk, mugs at both: 2 products on 3 lines, £90 + £20 + £100.
    expect(money?.text).toMatch(/^£210(\.00)? sits in 2 products \(3 lines at 2 locations\) that have not sold for 26 weeks/);
    db.close();
  });

  it.skipIf(!hasPdftotext)('the slow-stock PDF counts products and their lines at locations; one location reads as before', async () => {
    for (const secondLocation of [true, false]) {
      const db = shop(secondLocation);
      const path = join(tempDir(), 'slow.pdf');
      await writeSlowStockPdf(buildSlowStockReport(db), path);
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      if (secondLocation) {
        expect(text).toContain('(all of it for dead stock) in 2 products (3 lines at 2 locations): dead £210.00');
        expect(text).toContain('2 products (3 lines at 2 locations) · £210.00 beyond 13 weeks of cover');
      } else {
        expect(text).toContain('(all of it for dead stock) in 1 product: dead £120.00');
        expect(text).toContain('1 product · £120.00 beyond 13 weeks of cover');
      }
      db.close();
    }
  });

  it('a shop with one location sees no location anywhere', () => {
    const db = shop(false);
    const lines = workspaceStockHealth(db).lines;
    expect(lines.every((l) => l.locationName === null && l.locationId === 1)).toBe(true);
    // All stock at the main shop: jam 72 jars selling 10 a week (7 weeks of cover, not listed), mugs 30 dead.
    expect(lines.filter((l) => l.sku === 'JAM')).toEqual([]);
    expect(lines.find((l) => l.sku === 'MUG')).toMatchObject({ health: 'dead', onHand: 30 });
    refreshAlerts(db, new Date('2026-11-16T08:00:00Z'));
    expect(latestWeeklySummary(db)?.narrative?.sections.find((section) => section.topic === 'money')?.text).toMatch(/^£120(\.00)? sits in 1 product that has not sold for 26 weeks/);
    expect(slowStockCsv(buildSlowStockReport(db)).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('health,sku,product,supplier,on_hand,money_tied_up,turnover_per_year,weeks_of_cover,excess_units,excess_value,reason');
    db.close();
  });
});
