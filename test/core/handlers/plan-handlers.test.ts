import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { routerFor } from '../../helpers/router-call';
import { useTempDir } from '../../helpers/tmp';
import { DAY0, seedShop } from '../inventory/fixtures';

describe('plan, purchase order and report commands through the router', () => {
  const tempDir = useTempDir();
  let current: ShelfcastApp | undefined;
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });

  /** Opens the seeded shop in `dir` in an app, with the router and a typed `call` that throws refusals. */
  async function openShop(dir: string, file = 'shop.shelfcast', create = false) {
    const app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'ws') });
    current = app;
    await app.openWorkspace(join(dir, file), { create });
    const { router, ctx, call } = routerFor(app);
    return { app, router, ctx, call };
  }

  it('lists urgent products that need no new order because stock on order covers them', async () => {
    const dir = tempDir();
    const db = seedShop(dir);
    // SOAP: 2 on hand at 2 a day, lead 3 days; 30 on a sent order due in 2 days cover the cycle
    // (position 32 above its order-up-to level), but the shelf empties first: urgent, no order.
    db.prepare("INSERT INTO purchase_orders (id, number, supplier_id, status, created_at, expected_day) VALUES (1, 'PO-1', 2, 'sent', '2024-05-10T00:00:00Z', ?)").run(DAY0 + 58);
    db.prepare('INSERT INTO po_lines (po_id, product_id, quantity, expected_day) VALUES (1, 3, 30, ?)').run(DAY0 + 58);
    db.close();
    const { app, call } = await openShop(dir);
    const { jobId } = await call('plan.start', {});
    expect((await app.jobs.wait(jobId)).state).toBe('done');
    const value = await call('plan.view', { onlyToOrder: true });
    expect(value.lines.map((l) => l.sku)).not.toContain('SOAP');
    expect(value.urgentWithoutOrder.map((u) => [u.sku, u.onOrder])).toEqual([['SOAP', 30]]);
  });

  it('plan (a job) → view → decide → purchase orders → send → PDF, with typed errors', async () => {
    const dir = tempDir();
    seedShop(dir).close();
    const { app, router, ctx, call } = await openShop(dir);

    const empty = await call('plan.view', {});
    expect(empty.plan).toBeNull();

    const { jobId } = await call('plan.start', {});
    const final = await app.jobs.wait(jobId);
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ products: 3, toOrder: 2, byPriority: { urgent: 2 } });

    const view = await call('plan.view', {});
    expect(view.plan).toMatchObject({ asOfDate: '2024-05-13', withoutStockCount: 0 });
    const tea = view.lines.find((l) => l.sku === 'TEA')!;
    expect(tea).toMatchObject({ quantity: 24, costCents: 6000, priority: 'urgent', abc: expect.any(String), leadTimeDays: 14 });
    expect(tea.expectedStockoutDate).toBe('2024-05-18');
    // SOAP has no unit cost: its line is counted apart, not as £0.
    expect(view.suppliers.map((s) => [s.name, s.lines, s.costCents, s.linesWithoutCost, s.belowMinimum])).toEqual([
      ['Leaf & Co', 1, 6000, 0, true],
      ['Suds Ltd', 1, 0, 1, false],
    ]);
    expect(view.linesWithoutCost).toBe(1);

    const bad = await router.invoke('plan.decide', { id: tea.id, action: 'edit', quantity: -3 }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('input.invalid');

    expect(await call('plan.decideMany', { ids: view.lines.map((l) => l.id), action: 'accept' })).toEqual({ changed: 2, skipped: 1 });
    const edited = await call('plan.decide', { id: view.lines.find((l) => l.sku === 'SOAP')!.id, action: 'edit', quantity: 30 });
    expect(edited).toMatchObject({ status: 'edited', quantity: 30 });

    const orders = await call('plan.createPurchaseOrders', {});
    expect(orders.map((o) => [o.supplierName, o.status, o.lines.length])).toEqual([
      ['Leaf & Co', 'draft', 1],
      ['Suds Ltd', 'draft', 1],
    ]);
    const leaf = orders[0]!;
    const sent = await call('po.transition', { id: leaf.id, to: 'sent' });
    expect(sent.status).toBe('sent');
    const wrong = await router.invoke('po.transition', { id: leaf.id, to: 'sent' }, ctx);
    expect(!wrong.ok && wrong.error.code).toBe('po.invalid_transition');

    const pdf = await call('reports.generate', { kind: 'po', format: 'pdf', poId: leaf.id });
    const { path } = app.files.resolve(pdf.fileId);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.name).toBe(`${leaf.number}-leaf-co.pdf`);
    app.files.release(pdf.fileId);
    expect(existsSync(path)).toBe(false);

    const csv = await call('reports.generate', { kind: 'reorder', format: 'csv' });
    expect(csv.lines).toBe(2);
    const slow = await call('reports.slowStock', {});
    expect(slow.map((s) => [s.sku, s.health])).toEqual([['JAM', 'overstock']]);
  });

  it('an edited quantity becomes whole cases of at least the MOQ, on the plan and on a draft order, and the count to order follows decisions', async () => {
    const dir = tempDir();
    seedShop(dir).close();
    const { app, call } = await openShop(dir);
    const { jobId } = await call('plan.start', {});
    expect((await app.jobs.wait(jobId)).state).toBe('done');
    const view = await call('plan.view', {});
    const id = (sku: string) => view.lines.find((l) => l.sku === sku)!.id;
    expect(view.plan?.toOrder).toBe(2);

    // TEA comes in cases of 12: 30 is 2.5 cases, so 36 (3 cases) is saved, whatever the screen sent.
    expect(await call('plan.decide', { id: id('TEA'), action: 'edit', quantity: 30 })).toMatchObject({ status: 'edited', finalQty: 36, quantity: 36, costCents: 9000 });
    // JAM: cases of 6 and an MOQ of 12, so 5 becomes 12 (2 cases); 13 becomes 18.
    expect(await call('plan.decide', { id: id('JAM'), action: 'edit', quantity: 5 })).toMatchObject({ finalQty: 12 });
    expect(await call('plan.decide', { id: id('JAM'), action: 'edit', quantity: 13 })).toMatchObject({ finalQty: 18 });
    // SOAP has no case pack and no MOQ: the owner's figure stands.
    expect(await call('plan.decide', { id: id('SOAP'), action: 'edit', quantity: 7 })).toMatchObject({ finalQty: 7 });
    const audit = app.db.prepare("SELECT after FROM audit_log WHERE action = 'recommendation.edit' ORDER BY id LIMIT 1").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ finalQty: 36, requested: 30 });

    // The page header's count is the lines to order as they stand, like the supplier totals.
    expect((await call('plan.view', {})).plan?.toOrder).toBe(3);
    await call('plan.decide', { id: id('SOAP'), action: 'reject' });
    const afterReject = await call('plan.view', {});
    expect(afterReject.plan?.toOrder).toBe(2);
    expect(afterReject.plan?.toOrder).toBe(afterReject.suppliers.reduce((sum, s) => sum + s.lines, 0));

    const orders = await call('plan.createPurchaseOrders', {});
    const teaLine = orders.flatMap((o) => o.lines).find((l) => l.sku === 'TEA')!;
    expect(teaLine).toMatchObject({ quantity: 36, cases: 3 });
    // A draft line edited on the purchase orders screen follows the same rule; 0 removes it.
    const edited = await call('po.updateLine', { lineId: teaLine.id, quantity: 25 });
    expect(edited.lines.find((l) => l.sku === 'TEA')).toMatchObject({ quantity: 36, cases: 3 });
    const jamLine = edited.lines.find((l) => l.sku === 'JAM')!;
    expect((await call('po.updateLine', { lineId: jamLine.id, quantity: 1 })).lines.find((l) => l.sku === 'JAM')).toMatchObject({ quantity: 12, cases: 2 });
    expect((await call('po.updateLine', { lineId: jamLine.id, quantity: 0 })).lines.map((l) => l.sku)).toEqual(['TEA']);
  });

  it('forecasts first when the data changed since the last forecast, then plans from the engine’s paths', async () => {
    const dir = tempDir();
    const db = seedShop(dir);
    // A new day of sales makes the stored forecast stale.
    db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (1, ?, 2, 999999)').run(19_800 + 56);
    db.close();
    const { app, call } = await openShop(dir);
    const final = await app.jobs.wait((await call('plan.start', {})).jobId);
    expect(final.state).toBe('done');
    expect(final.result).toMatchObject({ forecasted: true, products: 3 });
    const runs = app.db.prepare("SELECT count(*) AS n FROM forecast_runs WHERE status = 'done'").get() as { n: number };
    expect(runs.n).toBe(2);
    const withPaths = app.db.prepare('SELECT count(*) AS n FROM forecast_paths').get() as { n: number };
    expect(withPaths.n).toBe(3);
    const inputs = JSON.parse((app.db.prepare("SELECT inputs FROM recommendations WHERE status = 'pending' LIMIT 1").get() as { inputs: string }).inputs) as { paths: number };
    expect(inputs.paths).toBeGreaterThan(0);
  });

  it('planning a workspace without sales fails with a clear message', async () => {
    const dir = tempDir();
    const { app, call } = await openShop(dir, 'empty.shelfcast', true);
    const final = await app.jobs.wait((await call('plan.start', {})).jobId);
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('forecast.insufficient_history');
    expect(final.error?.message).toMatch(/Import your sales first/);
  });
});
