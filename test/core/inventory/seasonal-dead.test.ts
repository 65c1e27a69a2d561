/**
 * A seasonal line out of season, in a real workspace: still dead stock (money tied up), but
 * the report and the Alerts screen say it looks seasonal and when its season is back; a line
 * that sold through last year and stopped gets no such note.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { openWorkspace } from '../../../core/db/connection';
import { workspaceStockHealth } from '../../../core/inventory/slow-stock-workspace';
import { buildSlowStockReport } from '../../../core/reports/slow-report';
import { useTempDir } from '../../helpers/tmp';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('seasonal lines among the dead stock', () => {
  const tempDir = useTempDir();

  it('Easter eggs in November look seasonal; a line discontinued in April does not', () => {
    const db = openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    const product = db.prepare('INSERT INTO products (sku, name, unit_cost_cents, unit_price_cents) VALUES (?, ?, ?, ?)');
    const eggs = Number(product.run('EGG', 'Easter egg', 380, 699).lastInsertRowid);
    const tea = Number(product.run('TEA', 'Discontinued tea', 200, 450).lastInsertRowid);
    const bread = Number(product.run('BRD', 'Bread', 120, 250).lastInsertRowid);
    const sale = db.prepare('INSERT INTO sales (product_id, day, quantity, is_total, natural_key) VALUES (?, ?, ?, 1, ?)');
    let key = 1;
    // Bread sells every week from May 2024 to 15 Nov 2026 (the data's last day): "today" is 15 Nov 2026.
    for (let d = day('2024-05-06'); d <= day('2026-11-15'); d += 7) sale.run(bread, d, 20, key++);
    sale.run(bread, day('2026-11-15'), 20, key++);
    // Easter eggs sell from mid-March to mid-April 2025 and from 24 February to early April 2026.
    for (let d = day('2025-03-15'); d <= day('2025-04-17'); d += 3) sale.run(eggs, d, 5, key++);
    for (let d = day('2026-02-24'); d <= day('2026-04-05'); d += 3) sale.run(eggs, d, 5, key++);
    // Tea sold every week until 5 April 2026, then was discontinued.
    for (let d = day('2024-05-06'); d <= day('2026-04-05'); d += 7) sale.run(tea, d, 3, key++);
    const count = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (?, ?, ?)');
    count.run(eggs, day('2026-11-15'), 54);
    count.run(tea, day('2026-11-15'), 30);
    count.run(bread, day('2026-11-15'), 40);

    // A year before 15 Nov 2026 is 16 Nov 2025 (364 days); the eggs sold again 100 days later (24 Feb 2026).
    const lines = workspaceStockHealth(db).lines;
    const eggLine = lines.find((l) => l.sku === 'EGG')!;
    const teaLine = lines.find((l) => l.sku === 'TEA')!;
    expect(eggLine.health).toBe('dead');
    expect(eggLine.seasonReturnDays).toBe(100);
    expect(eggLine.moneyTiedUpCents).toBe(54 * 380);
    expect(teaLine.health).toBe('dead');
    expect(teaLine.seasonReturnDays).toBeNull();
    expect(teaLine.reason).toBe('Dead stock: no sale in 32 weeks, 30 on the shelf.');

    const report = buildSlowStockReport(db).lines.find((l) => l.sku === 'EGG')!;
    expect(report.reason).toContain('sold again about 14 weeks later: probably a seasonal line, back in season in about 14 weeks');

    refreshAlerts(db, new Date('2026-11-16T08:00:00Z'));
    const messages = db
      .prepare("SELECT p.sku, a.message FROM alerts a JOIN products p ON p.id = a.product_id WHERE a.kind = 'dead_stock' ORDER BY p.sku")
      .all() as Array<{ sku: string; message: string }>;
    expect(messages.map((m) => m.sku)).toEqual(['EGG', 'TEA']);
    expect(messages[0]!.message).toMatch(/^Easter egg \(EGG\) has not sold since .*; 54 in stock worth .*\. A year ago it was as quiet and sold again about 14 weeks later: probably a seasonal line, back in season in about 14 weeks\.$/);
    expect(messages[1]!.message).not.toContain('seasonal');

    // The weekly summary's money section says it too: one of the two dead lines looks seasonal.
    const money = latestWeeklySummary(db)?.narrative?.sections.find((section) => section.topic === 'money');
    expect(money).toBeDefined();
    expect(money?.text).toContain('sits in 2 products that have not sold for 26 weeks');
    expect(money?.text).toContain('1 of them looks seasonal, back in season within about 14 weeks.');
    db.close();
  });
});
