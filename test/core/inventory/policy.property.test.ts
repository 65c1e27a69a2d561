import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyParams, ServiceMeasure, OrderTrigger } from '../../../core/inventory/policy';
import { decide } from '../../../core/inventory/policy';
import { makeScenarios } from '../../../core/inventory/scenarios';

const pathsArb = fc
  .record({ count: fc.integer({ min: 5, max: 60 }), horizon: fc.integer({ min: 3, max: 8 }), seed: fc.integer({ min: 0, max: 1e6 }), intermittent: fc.boolean() })
  .chain(({ count, horizon, intermittent }) =>
    fc.array(
      fc.array(intermittent ? fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })) : fc.double({ min: 0, max: 60, noNaN: true }), { minLength: horizon, maxLength: horizon }),
      { minLength: count, maxLength: count },
    ),
  )
  .map((rows) => rows.map((row) => Float64Array.from(row)));

const paramsArb = fc.record({
  leadTimeDays: fc.double({ min: 0, max: 28, noNaN: true }),
  reviewPeriodDays: fc.integer({ min: 1, max: 21 }),
  serviceLevel: fc.double({ min: 0.5, max: 0.995, noNaN: true }),
  serviceMeasure: fc.constantFrom<ServiceMeasure>('cycle', 'fill'),
  trigger: fc.constantFrom<OrderTrigger>('reorderPoint', 'reviewCycle'),
  moq: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
  casePack: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 48 }), fc.constant(0.5)),
  unitCostCents: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10000 })),
  holdingCostRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  orderingCostCents: fc.integer({ min: 0, max: 10000 }),
  eoqFloor: fc.boolean(),
}) satisfies fc.Arbitrary<PolicyParams>;

const stockArb = fc.record({
  onHand: fc.double({ min: -20, max: 300, noNaN: true }),
  backorders: fc.double({ min: 0, max: 20, noNaN: true }),
  onOrder: fc.array(fc.record({ quantity: fc.double({ min: 0, max: 80, noNaN: true }), dueInDays: fc.double({ min: -3, max: 40, noNaN: true }) }), { maxLength: 3 }),
});

const isMultiple = (q: number, pack: number) => Math.abs(q / pack - Math.round(q / pack)) < 1e-9;

describe('policy properties (fast-check)', () => {
  it('the quantity is 0 or a multiple of the case pack that is ≥ MOQ', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, stockArb, (paths, params, stock) => {
        const q = decide(makeScenarios(paths, 7), stock, params).suggestedQuantity;
        expect(q === 0 || (isMultiple(q, params.casePack) && q >= params.moq - 1e-9)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('after ordering, the position is ≥ the reorder point', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, stockArb, (paths, params, stock) => {
        const d = decide(makeScenarios(paths, 7), stock, params);
        expect(d.inventoryPosition + d.suggestedQuantity).toBeGreaterThanOrEqual(d.reorderPoint - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('a higher service level never lowers the order-up-to level (nor the reorder point)', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, fc.double({ min: 0.5, max: 0.995, noNaN: true }), fc.double({ min: 0.5, max: 0.995, noNaN: true }), (paths, params, a, b) => {
        const scenarios = makeScenarios(paths, 7);
        const stock = { onHand: 0, backorders: 0, onOrder: [] };
        const low = decide(scenarios, stock, { ...params, serviceLevel: Math.min(a, b) });
        const high = decide(scenarios, stock, { ...params, serviceLevel: Math.max(a, b) });
        expect(high.orderUpToLevel).toBeGreaterThanOrEqual(low.orderUpToLevel - 1e-9);
        expect(high.reorderPoint).toBeGreaterThanOrEqual(low.reorderPoint - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('the fill-rate order-up-to level never exceeds the cycle-service one at the same level', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, (paths, params) => {
        const scenarios = makeScenarios(paths, 7);
        const stock = { onHand: 0, backorders: 0, onOrder: [] };
        const fill = decide(scenarios, stock, { ...params, serviceMeasure: 'fill' });
        const cycle = decide(scenarios, stock, { ...params, serviceMeasure: 'cycle' });
        expect(fill.orderUpToLevel).toBeLessThanOrEqual(cycle.orderUpToLevel + 1e-9);
        expect(fill.orderUpToLevel).toBeGreaterThanOrEqual(fill.reorderPoint);
      }),
      { numRuns: 300 },
    );
  });

  it('stock on order always reduces (never raises) the suggestion', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, stockArb, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (paths, params, stock, extra, due) => {
        const scenarios = makeScenarios(paths, 7);
        const before = decide(scenarios, stock, params);
        const after = decide(scenarios, { ...stock, onOrder: [...stock.onOrder, { quantity: extra, dueInDays: due }] }, params);
        expect(after.suggestedQuantity).toBeLessThanOrEqual(before.suggestedQuantity + 1e-9);
        expect(after.inventoryPosition).toBeCloseTo(before.inventoryPosition + extra, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('probabilities are probabilities and the safety stock is S minus the mean', () => {
    fc.assert(
      fc.property(pathsArb, paramsArb, stockArb, (paths, params, stock) => {
        const d = decide(makeScenarios(paths, 7), stock, params);
        for (const p of [d.stockoutProbabilityBeforeDelivery, d.stockoutProbabilityBeforeReview]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(d.safetyStock).toBeCloseTo(d.orderUpToLevel - d.meanCycleDemand, 9);
        expect(d.orderUpToLevel).toBeGreaterThanOrEqual(d.reorderPoint - 1e-12);
        expect(d.expectedShortageWithOrder).toBeLessThanOrEqual(d.expectedShortageWithoutOrder + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
