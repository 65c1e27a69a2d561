import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfcastApp } from '../../../core/app/app';
import { runCli } from '../../../core/cli/main';
import { CUSTOMERS_JOB_KIND, runCustomerForecast } from '../../../core/customers/workspace-run';
import { openWorkspace } from '../../../core/db/connection';
import { latestCustomerRun } from '../../../core/db/repos/customer-forecasts';
import { createAppRouter } from '../../../core/handlers';
import { useTempDir } from '../../helpers/tmp';
import { seedWorkspace } from './seed-workspace';
import { AS_OF_DAY, shopFixture } from './shop-fixture';

/** The fixture without its sales after the as-of day: a workspace as of then. */
function fixtureUntilAsOf() {
  return shopFixture().map((p) => ({ ...p, lines: p.lines.filter((l) => l.day < AS_OF_DAY) }));
}

describe('customer predictions in a workspace', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it('stores a run, serves it, and marks it stale when data is imported', () => {
    const db = openWorkspace(join(tempDir(), 'shop.shelfcast'), { create: true });
    try {
      seedWorkspace(db, fixtureUntilAsOf());
      const steps: string[] = [];
      const result = runCustomerForecast(db, { horizonWeeks: 8, paths: 100 }, { onProgress: (p) => steps.push(`${p.step}/${p.steps} ${p.stepName}`) });
      expect(result.asOf).toBe('1971-02-05'); // the day after the latest sale (day 399)
      expect(result.forecast).toBeGreaterThanOrEqual(3);
      expect(result.noPredictableCustomers).toBe(1); // RARE
      expect(result.failed).toBe(0);
      expect(new Set(steps)).toEqual(new Set(['1/4 read sales', '2/4 learn the shop rhythm', '3/4 forecast products', '4/4 save results']));
      const run = latestCustomerRun(db)!;
      expect(run.status).toBe('done');
      expect(run.asOfDay).toBe(AS_OF_DAY);
      const pairs = (db.prepare('SELECT count(*) AS n FROM customer_predictions').get() as { n: number }).n;
      expect(pairs).toBeGreaterThan(20);

      // An import commits: the trigger marks the run stale at once.
      db.prepare("INSERT INTO imports (file_name, content_hash, kind, created_at) VALUES ('more.csv', 'h', 'sales', '2026-01-02T00:00:00.000Z')").run();
      expect(latestCustomerRun(db)!.status).toBe('stale');

      // A new run replaces the old one; a sale written any other way is caught by the fingerprint.
      const second = runCustomerForecast(db, { horizonWeeks: 8, paths: 50 });
      expect(second.runId).not.toBe(result.runId);
      expect((db.prepare('SELECT count(*) AS n FROM customer_forecast_runs').get() as { n: number }).n).toBe(1);
      expect(latestCustomerRun(db)!.status).toBe('done');
      db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (1, 399, 1, 999999)').run();
      expect(latestCustomerRun(db)!.status).toBe('stale');
    } finally {
      db.close();
    }
  });

  it('runs as a job and answers the customers commands through the router', async () => {
    const dir = tempDir();
    app = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: join(dir, 'workspaces') });
    await app.openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    seedWorkspace(app.db, fixtureUntilAsOf());
    const router = createAppRouter({ error: () => undefined });
    const ctx = { app };

    const before = await router.invoke('customers.status', {}, ctx);
    expect(before).toMatchObject({ ok: true, value: { run: null, lastSaleDay: '1971-02-04' } });
    const flourId = (app.db.prepare("SELECT id FROM products WHERE sku = 'FLOUR'").get() as { id: number }).id;
    expect(await router.invoke('customers.product', { productId: flourId }, ctx)).toMatchObject({ ok: true, value: { status: 'not_computed' } });

    const started = await router.invoke('customers.run', { horizonWeeks: 8 }, ctx);
    if (!started.ok) throw new Error(started.error.message);
    const final = await app.jobs.wait((started.value as { jobId: string }).jobId);
    expect(final.state).toBe('done');
    expect(final.kind).toBe(CUSTOMERS_JOB_KIND);

    const list = await router.invoke('customers.list', { atRiskOnly: true }, ctx);
    if (!list.ok) throw new Error(list.error.message);
    const listed = list.value as { rows: Array<{ externalId: string; atRisk: boolean; reason: string; nextOrder: string }>; total: number; run: { stale: boolean } };
    expect(listed.run.stale).toBe(false);
    expect(listed.rows.every((r) => r.atRisk)).toBe(true);
    expect(listed.rows.map((r) => r.externalId)).toContain('lapsed');

    const searched = await router.invoke('customers.list', { search: 'bakery', sort: 'nextOrder' }, ctx);
    expect(searched).toMatchObject({ ok: true, value: { total: 1, rows: [{ externalId: 'weekly', customerName: 'Corner Bakery', sku: 'FLOUR' }] } });

    const customerId = (app.db.prepare("SELECT id FROM customers WHERE external_id = 'weekly'").get() as { id: number }).id;
    const detail = await router.invoke('customers.detail', { customerId }, ctx);
    if (!detail.ok) throw new Error(detail.error.message);
    const d = detail.value as { customer: { name: string }; predictions: Array<{ sku: string; weeks: unknown[] }>; history: { products: number } };
    expect(d.customer.name).toBe('Corner Bakery');
    expect(d.predictions).toHaveLength(1);
    expect(d.predictions[0]!.weeks).toHaveLength(8);
    expect(d.history.products).toBe(1);

    const product = await router.invoke('customers.product', { productId: flourId }, ctx);
    if (!product.ok) throw new Error(product.error.message);
    const view = product.value as { status: string; weeks: Array<{ expectedUnits: number }>; atRisk: Array<{ customerName: string }>; issues: string[] };
    expect(view.status).toBe('ok');
    expect(view.weeks).toHaveLength(8);
    expect(view.atRisk.map((c) => c.customerName)).toContain('Customer lapsed');

    expect(await router.invoke('customers.detail', { customerId: 99999 }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await router.invoke('customers.list', { limit: 0 }, ctx)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('the CLI prints weekly expectations, top and at-risk customers as JSON, and reuses a fresh run', async () => {
    const dir = tempDir();
    const db = openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    seedWorkspace(db, fixtureUntilAsOf());
    db.close();
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: dir };
    const code = await runCli(['customers', '--workspace', 'shop.shelfcast', '--product', 'FLOUR', '--weeks', '6', '--as-of', '1971-02-05'], io);
    expect(stderr).toMatch(/Predicting customer orders: step 1\/4 read sales/);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { run: { asOf: string; horizonWeeks: number }; products: Array<{ sku: string; status: string; weeks: unknown[]; topCustomers: Array<{ customerName: string }>; atRisk: unknown[] }> };
    expect(out.run).toMatchObject({ asOf: '1971-02-05', horizonWeeks: 6 });
    expect(out.products).toHaveLength(1);
    expect(out.products[0]).toMatchObject({ sku: 'FLOUR', status: 'ok' });
    expect(out.products[0]!.weeks).toHaveLength(6);
    expect(out.products[0]!.topCustomers.map((c) => c.customerName)).toContain('Corner Bakery');

    stdout = '';
    stderr = '';
    expect(await runCli(['customers', '--workspace', 'shop.shelfcast', '--weeks', '6'], io)).toBe(0);
    expect(stderr).toBe(''); // same data, same settings: the stored run answers
    expect((JSON.parse(stdout) as { products: unknown[] }).products.length).toBe(4);

    for (const args of [['--product', 'NOPE'], ['--as-of', '2011-02-30'], ['--weeks', '0'], ['--min-orders', '1'], ['--min-confidence', '2']]) {
      stderr = '';
      expect(await runCli(['customers', '--workspace', 'shop.shelfcast', ...args], io), args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
