import { afterEach, describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import type { ShelfcastApp } from '../../../core/app/app';
import type { ProductChart, ProductDetail } from '../../../core/contract/commands/product-detail';
import type { ForecastOverride, ProductList } from '../../../core/contract/commands/products';
import { activeOverrides } from '../../../core/db/repos/overrides';
import { openSmallShopApp } from '../../helpers/screens-app';
import { useTempDir } from '../../helpers/tmp';

describe('products screens through the router', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });
  async function open(refresh = true) {
    const opened = await openSmallShopApp(tempDir());
    app = opened.app;
    if (refresh) refreshAlerts(opened.app.db);
    return opened;
  }
  const skus = (list: ProductList) => list.rows.map((r) => r.sku);

  it('pages, sorts, searches and filters in SQL', async () => {
    const { call } = await open();
    const byName = await call<ProductList>('products.list', {});
    expect(byName.total).toBe(5);
    expect(skus(byName)).toEqual(['RICE', 'CAN', 'TEA', 'OAT', 'SPK']);
    expect(skus(await call<ProductList>('products.list', { sort: { field: 'stockValueCents', direction: 'desc' } }))).toEqual(['RICE', 'TEA', 'SPK', 'CAN', 'OAT']);
    expect(skus(await call<ProductList>('products.list', { sort: { field: 'soldLast28Days', direction: 'desc' }, limit: 2 }))).toEqual(['SPK', 'OAT']); // 10+10+10+60 against 56
    expect(skus(await call<ProductList>('products.list', { sort: { field: 'soldLast28Days', direction: 'desc' }, limit: 2, offset: 2 }))).toEqual(['TEA', 'RICE']);
    expect(skus(await call<ProductList>('products.list', { search: 'tea' }))).toEqual(['TEA']);
    expect(skus(await call<ProductList>('products.list', { search: '%' }))).toEqual([]);
    expect(skus(await call<ProductList>('products.list', { filters: { abc: ['A'] } }))).toEqual(['TEA', 'OAT']);
    expect(skus(await call<ProductList>('products.list', { filters: { pattern: ['dead'] } }))).toEqual(['CAN']);
    expect(skus(await call<ProductList>('products.list', { filters: { supplierIds: [2], categories: ['Tea', 'Gifts'] } }))).toEqual(['CAN', 'TEA']);
    expect(skus(await call<ProductList>('products.list', { filters: { alert: 'overstock' } }))).toEqual(['RICE']);
    expect(skus(await call<ProductList>('products.list', { filters: { alert: 'any' }, sort: { field: 'alertSeverity', direction: 'desc' } }))).toEqual(['OAT', 'SPK', 'RICE', 'CAN']); // ties by id, same direction
  });

  it('returns each row’s figures with the plan and alerts joined', async () => {
    const { call } = await open();
    const oat = (await call<ProductList>('products.list', { search: 'OAT' })).rows[0]!;
    expect(oat).toMatchObject({ sku: 'OAT', supplierName: 'Greenway Foods', abc: 'A', onHand: 4, stockValueCents: 480, soldLast28Days: 56, forecastNext28Days: 56, weeksOfCover: 0.286, suggestedQuantity: 36, priority: 'urgent', alertSeverity: 'critical', alertCount: 1, lastSaleDay: '2025-11-16' });
  });

  it('says where figures do not exist yet instead of inventing them', async () => {
    const { call } = await open(false);
    const list = await call<ProductList>('products.list', {});
    expect(list.total).toBe(5);
    expect(list.asOfDay).toBeNull();
    expect(list.rows.every((r) => r.onHand === null && r.forecastNext28Days === null)).toBe(true);
  });

  it('rejects bad input with the field that is wrong', async () => {
    const { fail } = await open();
    const error = await fail('products.list', { limit: 100000 });
    expect(error.code).toBe('input.invalid');
    expect(JSON.stringify(error.details)).toContain('limit');
    expect((await fail('products.list', { sort: { field: 'price; DROP TABLE products', direction: 'asc' } })).code).toBe('input.invalid');
  });

  it('remembers the hidden columns', async () => {
    const { call } = await open();
    expect(await call('products.columns.get', {})).toEqual({ hidden: ['xyz', 'onOrder', 'unitCostCents', 'unitPriceCents', 'lastSaleDay'] });
    await call('products.columns.set', { hidden: ['xyz', 'onOrder', 'xyz'] });
    expect(await call('products.columns.get', {})).toEqual({ hidden: ['onOrder', 'xyz'] });
    await call('products.columns.set', { hidden: [] });
    expect(await call('products.columns.get', {})).toEqual({ hidden: [] });
  });

  it('lists suppliers and categories for the filters', async () => {
    const { call } = await open();
    const options = await call<{ suppliers: Array<{ name: string; count: number }>; categories: Array<{ name: string }>; classified: boolean }>('products.filterOptions', {});
    expect(options.suppliers).toEqual([
      { id: 1, name: 'Greenway Foods', count: 2 },
      { id: 2, name: 'Harbour Trading', count: 3 },
    ]);
    expect(options.categories.map((c) => c.name)).toEqual(['Beverages', 'Dairy', 'Gifts', 'Rice', 'Tea']);
    expect(options.classified).toBe(true);
  });

  it('explains one product: stock, model and why, plan, revenue', async () => {
    const { call, ids } = await open();
    const detail = await call<ProductDetail>('products.detail', { id: ids.oat });
    expect(detail.product).toMatchObject({ sku: 'OAT', leadTimeDays: 7, leadTimeSource: 'product', serviceLevel: 0.98, serviceLevelSource: 'class' });
    expect(detail.stock).toMatchObject({ onHand: 4, onOrder: 0 });
    expect(detail.soldLast28Days).toBe(56);
    expect(detail.model!.model).toBe('ets');
    expect(detail.model!.reason).toBe(
      'The forecast uses exponential smoothing (ETS): it had the lowest error of the 3 forecasts compared in a rolling backtest over 6 origins on this product’s own sales (MASE 0.70; lower is better). That is 30% less error than the naive forecast (MASE 1.00). Its 80% range held 80% of the actual weeks in the backtest (80% is right).',
    );
    // "Data as of" is the last day a figure saw (QA: 16 Nov, 15 Nov and 23 Nov for the same data). A run's
    // stored as-of day is its first forecast day (series/build.ts), so this run's data ends the day before.
    expect(detail.model!.runAsOfDay).toBe('2025-11-16');
    expect(detail.model!.dataAsOf).toBe('2025-11-15');
    expect(detail.recommendation!.dataAsOf === null || detail.recommendation!.dataAsOf === detail.asOfDay).toBe(true);
    expect(detail.recommendation).toMatchObject({ suggestedQuantity: 36, priority: 'urgent', reasoning: 'Order 36: 3 cases of 12.', figures: { serviceLevel: 0.98, leadTimeDays: 7, daysOfCover: 2 } });
    // 4 weeks × 14 × £1.99; 13 weeks × 14 × £1.99
    expect(detail.revenue).toEqual({ next4WeeksCents: 11144, horizonCents: 36218, horizonWeeks: 13 });
    expect(detail.openAlerts.map((a) => a.kind)).toEqual(['stockout_lead_time']);
    expect(detail.classes!.description).toContain('class A');
    const missing = await open();
    expect(JSON.stringify(await missing.fail('products.detail', { id: 999 }))).toContain('not_found');
  });

  it('charts history, stock counts, holidays, forecast bands and unusual weeks', async () => {
    const { call, ids } = await open();
    const chart = await call<ProductChart>('products.chart', { id: ids.sparkling });
    expect(chart.period).toBe('week');
    expect(chart.history.at(-1)).toEqual({ start: '2025-11-10', units: 60, excluded: false });
    expect(chart.history.every((h) => h.start >= '2025-02-10')).toBe(true);
    expect(chart.forecast).toHaveLength(13);
    expect(chart.forecast[0]).toMatchObject({ start: '2025-11-17', mean: 10, q05: 5, q95: 15 });
    expect(chart.anomalies.map((a) => [a.start, a.direction])).toEqual([['2025-11-10', 'above']]);
    expect(chart.events.some((e) => e.source === 'holiday' && e.name === 'Christmas Day')).toBe(true);
    expect(chart.adjusted).toBeNull();
  });

  it('adds and removes overrides, audited, applied to the chart and visible to the plan', async () => {
    const { app: a, call, fail, ids } = await open();
    const bad = await fail('products.overrides.add', { productId: ids.oat, kind: 'percent', value: -150, reason: 'closing' });
    expect(bad.code).toBe('input.invalid');
    expect(JSON.stringify(bad.details)).toContain('above −100%');
    expect((await fail('products.overrides.add', { productId: ids.oat, kind: 'percent', value: 10, reason: '' })).code).toBe('input.invalid');
    const added = await call<ForecastOverride>('products.overrides.add', { productId: ids.oat, kind: 'percent', value: 50, startDay: '2025-11-24', endDay: null, reason: 'school holidays start' });
    expect(added).toMatchObject({ kind: 'percent', value: 50, startDay: '2025-11-24', endDay: null, removedAt: null });
    const chart = await call<ProductChart>('products.chart', { id: ids.oat });
    expect(chart.adjusted!.map((f) => f.mean).slice(0, 3)).toEqual([14, 21, 21]);
    expect(activeOverrides(a.db).get(ids.oat)).toEqual([{ id: added.id, kind: 'percent', value: 50, startDay: expect.any(Number), endDay: null, order: added.id, locationId: null }]);
    await call('products.overrides.remove', { id: added.id });
    expect(activeOverrides(a.db).size).toBe(0);
    expect((await fail('products.overrides.remove', { id: added.id })).code).toBe('conflict');
    const history = await call<ForecastOverride[]>('products.overrides.list', { productId: ids.oat });
    expect(history).toHaveLength(1);
    expect(history[0]!.removedAt).not.toBeNull();
    const audit = a.db.prepare("SELECT action FROM audit_log WHERE entity = 'forecast_override' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'override.add' }, { action: 'override.remove' }]);
  });
});
