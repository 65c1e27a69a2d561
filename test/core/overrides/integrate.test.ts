import { afterEach, describe, expect, it } from 'vitest';
import type { ShelfcastApp } from '../../../core/app/app';
import type { WhatIfResult } from '../../../core/contract/commands/product-detail';
import { PLAN_DEFAULTS } from '../../../core/inventory/plan';
import { defaultScenarioSource, planWorkspace } from '../../../core/inventory/plan-workspace';
import { excludeOneOffs, withOverrides } from '../../../core/overrides/integrate';
import { openSmallShopApp } from '../../helpers/screens-app';
import { useTempDir } from '../../helpers/tmp';

describe('one-off weeks leave the series the models learn from', () => {
  it('sets the periods a mark overlaps to NaN, for its location or all locations', () => {
    const series = [
      { productId: 1, locationId: 1, startDay: 0, periodDays: 7, values: Float64Array.from([5, 6, 7, 8]) },
      { productId: 1, locationId: 2, startDay: 0, periodDays: 7, values: Float64Array.from([5, 6, 7, 8]) },
      { productId: 2, locationId: 1, startDay: 0, periodDays: 7, values: Float64Array.from([5, 6, 7, 8]) },
    ];
    const marks = new Map([
      [1, [{ locationId: null, startDay: 8, endDay: 9 }, { locationId: 2, startDay: 20, endDay: 27 }]],
    ]);
    expect(excludeOneOffs(series, marks)).toBe(4);
    expect(Array.from(series[0]!.values)).toEqual([5, NaN, 7, 8]);
    expect(Array.from(series[1]!.values)).toEqual([5, NaN, NaN, NaN]);
    expect(Array.from(series[2]!.values)).toEqual([5, 6, 7, 8]);
    // marks outside the series change nothing
    expect(excludeOneOffs(series, new Map([[2, [{ locationId: null, startDay: 100, endDay: 120 }]]]))).toBe(0);
  });
});

describe('overrides in the reorder plan', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it('the plan with withOverrides uses the override, and the what-if reproduces that plan', async () => {
    const opened = await openSmallShopApp(tempDir());
    app = opened.app;
    const { call, ids } = opened;
    const db = opened.app.db;
    const demandOf = () =>
      (JSON.parse((db.prepare('SELECT outputs FROM recommendations WHERE product_id = ? AND plan_id IS NOT NULL ORDER BY id DESC LIMIT 1').get(ids.tea) as { outputs: string }).outputs) as { meanCycleDemand: number }).meanCycleDemand;
    planWorkspace(db, PLAN_DEFAULTS, withOverrides(db, defaultScenarioSource(db, PLAN_DEFAULTS)));
    const without = demandOf();
    await call('products.overrides.add', { productId: ids.tea, kind: 'percent', value: 100, reason: 'tea festival' });
    planWorkspace(db, PLAN_DEFAULTS, withOverrides(db, defaultScenarioSource(db, PLAN_DEFAULTS)));
    const withOverride = demandOf();
    expect(withOverride).toBeCloseTo(2 * without, 6);
    const stored = db.prepare('SELECT reorder_point AS rop, suggested_qty AS qty FROM recommendations WHERE product_id = ? AND plan_id IS NOT NULL ORDER BY id DESC LIMIT 1').get(ids.tea) as { rop: number; qty: number };
    const whatIf = await call<WhatIfResult>('products.whatIf', { productId: ids.tea });
    expect(whatIf.base.reorderPoint).toBeCloseTo(stored.rop, 2);
    expect(whatIf.base.suggestedQuantity).toBe(stored.qty);
  });
});
