import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { ShelfcastApp } from '../../../core/app/app';
import type { AlertItem } from '../../../core/contract/commands/alerts';
import type { DashboardSummary } from '../../../core/contract/commands/dashboard';
import { createAppRouter } from '../../../core/handlers';
import { oneOffDays } from '../../../core/db/repos/alerts';
import { weekStartOfDay } from '../../../core/dates';
import { useTempDir } from '../../helpers/tmp';
import { SHOP_AS_OF, buildSmallShop } from '../../helpers/screens-shop';

describe('alerts refresh on a small shop', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  async function openShop() {
    const dir = tempDir();
    const notes: Array<{ title: string; body: string }> = [];
    app = new ShelfcastApp({ host: 'electron', configDir: join(dir, 'config'), defaultWorkspaceDir: dir, notify: (title, body) => notes.push({ title, body }) });
    await app.openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    const ids = buildSmallShop(app.db);
    const router = createAppRouter({ error: () => {} });
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await router.invoke(name, input, { app: app! });
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details)}`);
      return result.value as T;
    };
    return { app, ids, call, notes };
  }

  it('raises the alerts the hand-worked shop calls for, once each', async () => {
    const { app: a, ids } = await openShop();
    const first = refreshAlerts(a.db, new Date('2025-11-17T08:00:00Z'));
    expect(first.asOfDay).toBe(SHOP_AS_OF);
    const rows = a.db.prepare('SELECT kind, severity, product_id AS productId, message FROM alerts ORDER BY kind, product_id').all() as Array<{ kind: string; severity: string; productId: number; message: string }>;
    expect(rows.map((r) => [r.kind, r.productId])).toEqual([
      ['anomaly', ids.sparkling],
      ['dead_stock', ids.candles],
      ['overstock', ids.rice],
      ['stockout_lead_time', ids.oat],
    ]);
    expect(rows.find((r) => r.kind === 'stockout_lead_time')!.message).toBe('Oat milk (OAT) runs out in about 2 days (4 on hand, selling about 14 a week); an order placed today arrives in 7 days.');
    expect(rows.find((r) => r.kind === 'dead_stock')!.message).toMatch(/^Candles \(CAN\) has not sold since .*; 5 in stock worth £15\.00\.$/);
    expect(rows.find((r) => r.kind === 'anomaly')!.message).toMatch(/^Sparkling water \(SPK\) sold 60 in the week of 10 Nov 2025, far above the usual 10 \(expected 4–17\)\./);
    expect(first.created).toBe(4);
    expect(first.newCritical).toHaveLength(1);

    // Same data again: nothing new, nothing resolved.
    const second = refreshAlerts(a.db, new Date('2025-11-17T09:00:00Z'));
    expect([second.created, second.updated, second.resolved]).toEqual([0, 0, 0]);

    // Oat milk restocked: its alert resolves and stays in the history.
    a.db.prepare('UPDATE stock_snapshots SET on_hand = 30 WHERE product_id = ?').run(ids.oat);
    const third = refreshAlerts(a.db, new Date('2025-11-17T10:00:00Z'));
    expect(third.resolved).toBe(1);
    const oat = a.db.prepare("SELECT resolved_at FROM alerts WHERE kind = 'stockout_lead_time'").get() as { resolved_at: string | null };
    expect(oat.resolved_at).toBe('2025-11-17T10:00:00.000Z');
  });

  it('writes the product figures and the weekly summary the dashboard reads', async () => {
    const { app: a, ids, call } = await openShop();
    refreshAlerts(a.db, new Date('2025-11-17T08:00:00Z'));
    const stats = a.db.prepare('SELECT * FROM product_stats WHERE product_id = ?').get(ids.rice) as Record<string, number>;
    expect(stats).toMatchObject({ on_hand: 300, stock_value_cents: 36000, sold_28d: 28, forecast_28d: 28, weeks_of_cover: 300 / 7 });
    const summary = latestWeeklySummary(a.db)!;
    expect(summary.narrative!.headline).toBe('Week of 10 – 16 Nov 2025');
    // Oat 14 + rice 7 + tea 7 + sparkling 60 = 88 units
    expect(summary.narrative!.sections[0]!.text).toMatch(/^You sold 88 units for £/);
    expect(summary.narrative!.sections[1]!.text).toContain('Sparkling water (60 against about 10)');
    expect(summary.narrative!.sections[2]!.text).toBe('1 product needs ordering for about £43.20, 1 of them urgent (they run out before a new delivery could arrive). Biggest orders: Greenway Foods (£43.20).');

    const dashboard = await call<DashboardSummary>('dashboard.summary', {});
    expect(dashboard.state.stale).toBe(false);
    expect(dashboard.atRisk).toEqual({ products: 1, beforeDelivery: 1, source: 'plan', withoutStockCount: 0, lines: 1, locations: 1 });
    expect(dashboard.deadStock).toEqual({ products: 1, valueCents: 1500 });
    // 4×1.20 + 5×3.00 + 100×0.40 + 300×1.20 + 40×2.00 = 4.80 + 15 + 40 + 360 + 80
    expect(dashboard.stock.valueCents).toBe(49980);
    expect(dashboard.accuracy!.groups[0]).toMatchObject({ group: 'all', products: 5, medianMase: 0.7, medianNaiveMase: 1, beatsNaiveShare: 1 });
    expect(dashboard.summary!.sections).toHaveLength(5);
    expect(dashboard.alerts.counts).toEqual({ critical: 1, warning: 1, info: 2 });
  });

  it('the at-risk tile and the summary\'s "urgent" are one count from the plan, shelves without a count included', async () => {
    // QA: a fresh workspace without stock counts showed "0 at risk" beside "98 need ordering, 96 of them urgent".
    const { app: a, ids, call } = await openShop();
    a.db.prepare('DELETE FROM stock_snapshots WHERE product_id = ?').run(ids.oat);
    a.db.prepare(`UPDATE recommendations SET inputs = json_set(inputs, '$.onHandKnown', json('false')) WHERE product_id = ?`).run(ids.oat);
    refreshAlerts(a.db, new Date('2025-11-17T08:00:00Z'));
    const dashboard = await call<DashboardSummary>('dashboard.summary', {});
    // No count for oat milk: no stockout alert can be raised for it, yet the plan calls it urgent.
    expect(a.db.prepare("SELECT count(*) AS n FROM alerts WHERE kind LIKE 'stockout%' AND resolved_at IS NULL").get()).toEqual({ n: 0 });
    expect(dashboard.atRisk).toEqual({ products: 1, beforeDelivery: 1, source: 'plan', withoutStockCount: 1, lines: 1, locations: 1 });
    expect(dashboard.summary!.sections[2]!.text).toContain('1 product needs ordering for about £43.20, 1 of them urgent');

    // Without a plan the tile falls back to the stockout alerts and says so.
    a.db.prepare('DELETE FROM recommendations').run();
    const bare = await call<DashboardSummary>('dashboard.summary', {});
    expect(bare.atRisk.source).toBe('alerts');
  });

  it('the weekly summary\'s money tied up is the slow-stock report\'s: same products, same pounds', async () => {
    const { app: a, call } = await openShop();
    refreshAlerts(a.db, new Date('2025-11-17T08:00:00Z'));
    const lines = await call<Array<{ health: string; excessValueCents: number | null }>>('reports.slowStock', {});
    const money = latestWeeklySummary(a.db)!.narrative!.sections[3]!.text;
    // The summary rounds amounts over £100 to whole pounds.
    const pounds = (cents: number) => (cents >= 10_000 ? `£${Math.round(cents / 100)}` : `£${(cents / 100).toFixed(2)}`);
    const dead = lines.filter((l) => l.health === 'dead');
    const rest = lines.filter((l) => l.health !== 'dead');
    expect(dead.length + rest.length).toBeGreaterThan(1);
    const restCents = rest.reduce((s, l) => s + (l.excessValueCents ?? 0), 0);
    expect(money).toContain(`${rest.length} slow-moving or overstocked ${rest.length === 1 ? 'product' : 'products'}`);
    expect(money).toContain(`${pounds(restCents)} more is stock beyond 13 weeks of cover`);
    expect(money).toContain(`sits in ${dead.length} ${dead.length === 1 ? 'product' : 'products'}`);
  });

  it('marks an unusual week as a one-off: alert resolved, mark audited, the check ignores it', async () => {
    const { app: a, ids, call } = await openShop();
    refreshAlerts(a.db, new Date('2025-11-17T08:00:00Z'));
    const open = await call<{ rows: AlertItem[] }>('alerts.list', { view: 'open', kinds: ['anomaly'] });
    expect(open.rows).toHaveLength(1);
    const anomaly = open.rows[0]!;
    expect(anomaly.weekStartDay).toBe('2025-11-10');
    const mark = await call<{ id: number; startDay: string; endDay: string }>('alerts.markOneOff', { alertId: anomaly.id, reason: 'a wedding order' });
    expect([mark.startDay, mark.endDay]).toEqual(['2025-11-10', '2025-11-16']);
    expect(oneOffDays(a.db).get(ids.sparkling)).toEqual([{ locationId: null, startDay: weekStartOfDay(SHOP_AS_OF, 'monday'), endDay: SHOP_AS_OF }]);
    const audit = a.db.prepare("SELECT action FROM audit_log WHERE entity = 'anomaly_mark'").all();
    expect(audit).toEqual([{ action: 'anomaly.mark_one_off' }]);
    expect((await call<{ rows: AlertItem[] }>('alerts.list', { view: 'open', kinds: ['anomaly'] })).rows).toHaveLength(0);
    refreshAlerts(a.db, new Date('2025-11-17T09:00:00Z'));
    expect(a.db.prepare("SELECT count(*) AS n FROM alerts WHERE kind = 'anomaly' AND resolved_at IS NULL").get()).toEqual({ n: 0 });
    // Only anomaly alerts can be marked.
    const other = (await call<{ rows: AlertItem[] }>('alerts.list', { view: 'open', kinds: ['dead_stock'] })).rows[0]!;
    await expect(call('alerts.markOneOff', { alertId: other.id })).rejects.toThrow(/conflict/);
    await call('alerts.removeOneOff', { id: mark.id });
    expect(oneOffDays(a.db).size).toBe(0);
  });

  it('acknowledging takes alerts off the open list but keeps them in the history', async () => {
    const { app: a, call } = await openShop();
    refreshAlerts(a.db);
    const open = await call<{ rows: AlertItem[]; total: number; openCounts: Record<string, number> }>('alerts.list', { view: 'open' });
    expect(open.total).toBe(4);
    expect(open.rows[0]!.severity).toBe('critical');
    expect(await call('alerts.acknowledge', { ids: [open.rows[0]!.id, open.rows[1]!.id] })).toEqual({ acknowledged: 2 });
    const after = await call<{ total: number; openCounts: Record<string, number> }>('alerts.list', { view: 'open' });
    expect(after.total).toBe(2);
    expect(after.openCounts.critical).toBe(0);
    const history = await call<{ rows: AlertItem[]; total: number }>('alerts.list', { view: 'history' });
    expect(history.total).toBe(4);
    expect(history.rows.filter((r) => r.status === 'acknowledged')).toHaveLength(2);
    // Refreshing keeps an acknowledged, still-true alert acknowledged (no duplicate).
    refreshAlerts(a.db);
    expect((await call<{ total: number }>('alerts.list', { view: 'open' })).total).toBe(2);
  });

  it('runs as a job in a worker thread and shows a desktop notification for new urgent alerts', async () => {
    const { app: a, call, notes } = await openShop();
    const stale = await call<{ stale: boolean }>('alerts.state', {});
    expect(stale.stale).toBe(true);
    const { jobId } = await call<{ jobId: string }>('alerts.refresh', {});
    const final = await a.jobs.wait(jobId);
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ created: 4, products: 5 });
    expect(notes).toEqual([{ title: 'Shelfcast: 1 urgent alert', body: expect.stringContaining('Oat milk (OAT) runs out in about 2 days') }]);
    expect((a.db.prepare('SELECT count(*) AS n FROM alerts WHERE notified_at IS NOT NULL').get() as { n: number }).n).toBe(1);
    expect((await call<{ stale: boolean }>('alerts.state', {})).stale).toBe(false);
    // A second refresh raises nothing new, so no second notification.
    await a.jobs.wait((await call<{ jobId: string }>('alerts.refresh', {})).jobId);
    expect(notes).toHaveLength(1);
  });

  it('checks again by itself when the data changes (an import, a plan), whatever screen is open', async () => {
    const { app: a, call } = await openShop();
    await call('dashboard.summary', {});
    a.emit('workspace.changed', { reason: 'plan' });
    const started = a.jobs.list().find((j) => j.kind === 'alerts.refresh');
    expect(started).toBeDefined();
    await a.jobs.wait(started!.jobId);
    expect((await call<{ stale: boolean }>('alerts.state', {})).stale).toBe(false);
    // Its own end, acknowledgements and overrides do not start another.
    a.emit('workspace.changed', { reason: 'alerts' });
    a.emit('workspace.changed', { reason: 'override' });
    expect(a.jobs.list().filter((j) => j.kind === 'alerts.refresh')).toHaveLength(0);
  });
});
