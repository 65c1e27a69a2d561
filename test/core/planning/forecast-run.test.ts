import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import { openWorkspace } from '../../../core/db/connection';
import type { Db } from '../../../core/db/connection';
import { backtestWindows, forecastPaths } from '../../../core/db/repos/forecast-runs';
import { forecastIsStale } from '../../../core/planning/forecast-job';
import { forecastWorkspace } from '../../../core/planning/forecast-run';
import { useTempDir } from '../../helpers/tmp';

/** A small shop: a steady seller, a seasonal one, a slow intermittent one, a new one. Deterministic. */
function seed(db: Db): void {
  db.prepare("INSERT INTO products (id, sku, name, category, unit_price_cents) VALUES (1, 'MILK', 'Milk', 'Dairy', 120), (2, 'ICE', 'Ice lolly', 'Frozen', 150), (3, 'VASE', 'Vase', 'Gifts', 2500), (4, 'NEW', 'New bar', 'Snacks', 200)").run();
  const insert = db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (?, ?, ?, ?)');
  let key = 0;
  const start = dayFromIso('2023-01-02');
  const end = dayFromIso('2025-06-29');
  for (let day = start; day <= end; day++) {
    const t = day - start;
    insert.run(1, day, 20 + (t % 7 === 5 ? 8 : 0) + ((t * 7919) % 5), ++key);
    const summer = Math.max(0, Math.sin((2 * Math.PI * (t - 90)) / 365.25));
    insert.run(2, day, Math.round(2 + 25 * summer + ((t * 104729) % 3)), ++key);
    if ((t * 31) % 23 === 0) insert.run(3, day, 1 + (t % 2), ++key);
    if (day > end - 30) insert.run(4, day, 3, ++key);
  }
}

describe('workspace forecast run', () => {
  const tempDir = useTempDir();

  it('stores forecasts, sample paths, backtests, registry and classes for every product', async () => {
    const db = openWorkspace(join(tempDir(), 'w.shelfcast'), { create: true });
    seed(db);
    expect(forecastIsStale(db)).toBe(true);
    const steps: string[] = [];
    const summary = await forecastWorkspace(db, { paths: 50 }, { onProgress: (p) => steps.push(p.stepName) });
    expect(new Set(steps)).toEqual(new Set(['load', 'build series', 'classify', 'backtest', 'fit', 'forecast', 'save']));
    expect(summary.series).toBe(4);
    expect(summary.horizonWeeks).toBe(13);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM forecasts')).toBe(4 * 13);
    expect(count('SELECT count(*) AS n FROM forecasts WHERE q05 > q10 OR q10 > q25 OR q25 > q50 OR q50 > q75 OR q75 > q90 OR q90 > q95 OR q05 < 0')).toBe(0);
    expect(count('SELECT count(*) AS n FROM model_registry WHERE champion = 1')).toBe(4);
    expect(count("SELECT count(*) AS n FROM forecast_runs WHERE status = 'done'")).toBe(1);
    const paths = forecastPaths(db, summary.runId);
    expect(paths.get('1:1')?.length).toBe(50);
    expect(paths.get('1:1')?.[0]?.length).toBe(13);
    const classes = db.prepare('SELECT p.sku, c.abc, c.pattern, c.is_new FROM product_classes c JOIN products p ON p.id = c.product_id ORDER BY p.id').all() as Array<{ sku: string; abc: string; pattern: string; is_new: number }>;
    expect(classes.find((c) => c.sku === 'VASE')?.pattern).toMatch(/intermittent|lumpy/);
    expect(classes.find((c) => c.sku === 'NEW')?.is_new).toBe(1);
    expect(classes.find((c) => c.sku === 'MILK')?.pattern).toBe('smooth');
    // The steady seller's median is near its weekly level (about 20 × 7 + 8 + 2 × 7).
    const milk = db.prepare('SELECT q50 FROM forecasts WHERE product_id = 1 AND step = 1').get() as { q50: number };
    expect(milk.q50).toBeGreaterThan(140);
    expect(milk.q50).toBeLessThan(185);
    // The fitted backtest: windows on week starts inside the history, near the steady seller's level.
    const windows = backtestWindows(db, summary.runId, 1, 1);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    const lastWeek = dayFromIso('2025-06-23');
    for (const w of windows) {
      expect((w.originDay - dayFromIso('2023-01-02')) % 7).toBe(0);
      expect(w.originDay + 7 * (w.mean.length - 1)).toBeLessThanOrEqual(lastWeek);
      for (const v of w.mean) expect(Math.abs(v - 162)).toBeLessThan(25);
    }
    expect(forecastIsStale(db)).toBe(false);
    db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (1, ?, 5, 999999)').run(dayFromIso('2025-06-30'));
    expect(forecastIsStale(db)).toBe(true);
  });
});
