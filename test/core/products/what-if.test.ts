import { afterEach, describe, expect, it } from 'vitest';
import type { ShelfcastApp } from '../../../core/app/app';
import type { WhatIfResult } from '../../../core/contract/commands/product-detail';
import { PLAN_DEFAULTS } from '../../../core/inventory/plan';
import { defaultScenarioSource, planWorkspace } from '../../../core/inventory/plan-workspace';
import { openSmallShopApp } from '../../helpers/screens-app';
import { useTempDir } from '../../helpers/tmp';

describe('what-if on the reorder numbers', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });
  async function open() {
    const opened = await openSmallShopApp(tempDir());
    app = opened.app;
    return opened;
  }

  it('with nothing changed, gives exactly the numbers the reorder plan stores', async () => {
    const { app: a, call, ids } = await open();
    planWorkspace(a.db, PLAN_DEFAULTS, defaultScenarioSource(a.db, PLAN_DEFAULTS));
    const stored = a.db.prepare('SELECT reorder_point AS rop, order_up_to AS upTo, suggested_qty AS qty, priority FROM recommendations WHERE product_id = ? AND plan_id IS NOT NULL ORDER BY id DESC LIMIT 1').get(ids.oat) as { rop: number; upTo: number; qty: number; priority: string };
    const result = await call<WhatIfResult>('products.whatIf', { productId: ids.oat });
    expect(result.base.reorderPoint).toBeCloseTo(stored.rop, 2);
    expect(result.base.orderUpToLevel).toBeCloseTo(stored.upTo, 2);
    expect(result.base.suggestedQuantity).toBe(stored.qty);
    expect(result.base.priority).toBe(stored.priority);
    expect(result.whatIf).toEqual(result.base);
    expect(result.reasoning).toBe(result.baseReasoning);
    // 4 on hand at 14 a week with a 7-day lead time: an urgent order in whole cases of 12
    expect(result.base.priority).toBe('urgent');
    expect(result.base.suggestedQuantity % 12).toBe(0);
    expect(result.base.costCents).toBe(result.base.suggestedQuantity * 120);
    expect(result.base.serviceLevel).toBe(0.98);
    expect(result.periods).toHaveLength(13);
  });

  it('moves the numbers the way each change should', async () => {
    const { call, ids } = await open();
    const base = (await call<WhatIfResult>('products.whatIf', { productId: ids.oat })).base;
    const lower = (await call<WhatIfResult>('products.whatIf', { productId: ids.oat, serviceLevel: 0.8 })).whatIf;
    expect(lower.serviceLevel).toBe(0.8);
    expect(lower.reorderPoint).toBeLessThan(base.reorderPoint);
    expect(lower.safetyStock).toBeLessThan(base.safetyStock);
    const longer = (await call<WhatIfResult>('products.whatIf', { productId: ids.oat, leadTimeDays: 14 })).whatIf;
    // mean demand over the lead time doubles with the lead time (14 a week, flat forecast)
    expect(longer.meanLeadTimeDemand).toBeCloseTo(2 * base.meanLeadTimeDemand, 0);
    expect(longer.reorderPoint).toBeGreaterThan(base.reorderPoint);
    const promo = await call<WhatIfResult>('products.whatIf', { productId: ids.oat, promotion: { weeks: ['2025-11-17'], multiplier: 2 } });
    expect(promo.periods[0]).toMatchObject({ start: '2025-11-17', promoted: true });
    // the first week (the whole lead time) sells twice as much
    expect(promo.whatIf.meanLeadTimeDemand).toBeCloseTo(2 * base.meanLeadTimeDemand, 0);
    expect(promo.whatIf.suggestedQuantity).toBeGreaterThanOrEqual(base.suggestedQuantity);
    expect(promo.reasoning).toMatch(/^Order \d+: \d+ cases of 12\./);
  });

  it('includes the owner’s overrides in both, and refuses bad input with a reason', async () => {
    const { call, fail, ids } = await open();
    const before = (await call<WhatIfResult>('products.whatIf', { productId: ids.tea })).base;
    await call('products.overrides.add', { productId: ids.tea, kind: 'percent', value: 100, reason: 'tea festival' });
    const after = await call<WhatIfResult>('products.whatIf', { productId: ids.tea });
    expect(after.overridesApplied).toBe(1);
    expect(after.base.meanCycleDemand).toBeCloseTo(2 * before.meanCycleDemand, 0);
    const bad = await fail('products.whatIf', { productId: ids.tea, serviceLevel: 0.2 });
    expect(bad.code).toBe('input.invalid');
    expect(JSON.stringify(bad.details)).toContain('below 50%');
  });
});
