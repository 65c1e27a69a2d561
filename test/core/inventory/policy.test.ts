import { describe, expect, it } from 'vitest';
import type { PolicyParams } from '../../../core/inventory/policy';
import { decide, fillRateLevel, priorityOf, upToLevel } from '../../../core/inventory/policy';
import { explain } from '../../../core/inventory/reasoning';
import { makeScenarios } from '../../../core/inventory/scenarios';
import { SortedSamples } from '../../../core/inventory/sorted-samples';

const base: PolicyParams = {
  leadTimeDays: 14,
  reviewPeriodDays: 7,
  serviceLevel: 0.95,
  serviceMeasure: 'cycle',
  trigger: 'reorderPoint',
  moq: 0,
  casePack: 12,
  unitCostCents: 250,
  holdingCostRate: 0.25,
  orderingCostCents: 2500,
  eoqFloor: false,
};

/**
 * 21 scenarios of constant weekly demand: 19 sell 10 a week, one 13, one 14. Over 3 weeks
 * they sell 30 (×19), 39 and 42: mean 651 / 21 = 31; the type-7 95% quantile is the
 * order statistic (21 − 1)·0.95 = 19, i.e. 39. Over the 2-week lead time: 20 (×19), 26, 28,
 * so the reorder point is 26.
 */
function productExample() {
  const weekly = [...Array<number>(19).fill(10), 13, 14];
  return makeScenarios(weekly.map((w) => Float64Array.from([w, w, w, w])), 7);
}

describe('decide: the worked example of PRODUCT.md §1', () => {
  const decision = decide(productExample(), { onHand: 9, backorders: 0, onOrder: [{ quantity: 12, dueInDays: 5 }] }, base);

  it('computes the levels by hand', () => {
    expect(decision.reorderPoint).toBeCloseTo(26, 9);
    expect(decision.orderUpToLevel).toBeCloseTo(39, 9);
    expect(decision.meanCycleDemand).toBeCloseTo(31, 9);
    expect(decision.safetyStock).toBeCloseTo(8, 9);
    expect(decision.inventoryPosition).toBe(21);
  });

  it('orders 39 − 21 = 18, rounded up to 2 cases of 12', () => {
    expect(decision.rawQuantity).toBeCloseTo(18, 9);
    expect(decision.suggestedQuantity).toBe(24);
    expect(decision.cases).toBe(2);
  });

  it('times the stockout: 9 units and 12 more on day 5 last 21 / (10/7) = 14.7 days on the median path', () => {
    expect(decision.expectedStockoutDays).toBeCloseTo(14.7, 9);
    // The 13/week and 14/week scenarios empty the shelf before the delivery of day 5
    // (9 / (13/7) = 4.85 days, 9 / 2 = 4.5 days): inside both the lead time and the review period.
    expect(decision.stockoutProbabilityBeforeDelivery).toBeCloseTo(2 / 21, 12);
    expect(decision.stockoutProbabilityBeforeReview).toBeCloseTo(2 / 21, 12);
    // Days of cover from on hand alone: 9 / (31 / 21 per day) = 6.097 days.
    expect(decision.daysOfCover).toBeCloseTo(9 / (31 / 21), 9);
    expect(decision.priority).toBe('medium');
  });

  it('explains itself in the sentence of the spec', () => {
    expect(explain(decision, base)).toBe(
      'Order 24: 2 cases of 12. You have 9, 12 are on order, and in the next 3 weeks (lead time + review) you will sell 31 ± 8 at 95% service.',
    );
  });

  it('expected shortage: E[(D − 21)⁺] = (19·9 + 18 + 21)/21 = 10 without the order, 0 with 45 in position', () => {
    expect(decision.expectedShortageWithoutOrder).toBeCloseTo(10, 9);
    expect(decision.expectedShortageWithOrder).toBe(0);
  });
});

describe('decide: other cases worked by hand', () => {
  it('orders nothing above the reorder point and says why', () => {
    const decision = decide(productExample(), { onHand: 30, backorders: 0, onOrder: [] }, base);
    expect(decision.suggestedQuantity).toBe(0);
    expect(decision.priority).toBe('low');
    expect(explain(decision, base)).toMatch(/^No order needed\. You have 30, none on order/);
  });

  it('an empty shelf covered by an order already placed: no new order, says when it is due', () => {
    // Position 0 + 40 = 40 is above the reorder point 26, so nothing new is ordered; with 0 on
    // the shelf every path runs out at once, before any delivery: urgent.
    const stock = { onHand: 0, backorders: 0, onOrder: [{ quantity: 40, dueInDays: 3 }] };
    const decision = decide(productExample(), stock, base);
    expect(decision.suggestedQuantity).toBe(0);
    expect(decision.priority).toBe('urgent');
    expect(explain(decision, base, stock.onOrder)).toBe(
      'No new order: the 40 on order cover the next 3 weeks (lead time + review), when you will sell 31 ± 8 at 95% service. You have 0 on the shelf. Your shelf is likely empty today, and the units on order are due in 3 days.',
    );
  });

  it('an empty shelf is said to be empty, not about to run out', () => {
    const stock = { onHand: 0, backorders: 0, onOrder: [] };
    const decision = decide(productExample(), stock, base);
    expect(decision.priority).toBe('urgent');
    expect(explain(decision, base, stock.onOrder)).toMatch(/^Order 48: 4 cases of 12\. You have 0, none on order, .* Your shelf is already empty, and this order takes 2 weeks to arrive\.$/);
  });

  it('an order past its due day is called late', () => {
    const stock = { onHand: 30, backorders: 0, onOrder: [{ quantity: 12, dueInDays: -7 }] };
    const decision = decide(productExample(), stock, base);
    expect(decision.suggestedQuantity).toBe(0);
    expect(explain(decision, base, stock.onOrder)).toMatch(/which your stock covers\. The units on order were due 1 week ago: chase the supplier\.$/);
  });

  it('the review-cycle trigger orders between s and S', () => {
    const decision = decide(productExample(), { onHand: 30, backorders: 0, onOrder: [] }, { ...base, trigger: 'reviewCycle' });
    expect(decision.suggestedQuantity).toBe(12); // 39 − 30 = 9 → one case
  });

  it('the MOQ wins over a small need and is said so', () => {
    const params = { ...base, moq: 40 };
    const decision = decide(productExample(), { onHand: 20, backorders: 0, onOrder: [] }, params);
    expect(decision.suggestedQuantity).toBe(48); // MOQ 40 → 4 cases of 12
    expect(decision.quantityDrivenBy).toBe('moq');
    expect(explain(decision, params)).toMatch(/^Order 48 \(the supplier's minimum\): 4 cases of 12\./);
  });

  it('backorders lower the position one for one', () => {
    const decision = decide(productExample(), { onHand: 9, backorders: 5, onOrder: [] }, { ...base, casePack: 1 });
    expect(decision.inventoryPosition).toBe(4);
    expect(decision.suggestedQuantity).toBe(35);
  });

  it('an empty shelf with a 14-day lead time is urgent', () => {
    const decision = decide(productExample(), { onHand: 2, backorders: 0, onOrder: [] }, base);
    // 2 units at 10/7 a day last 1.4 days on the median path.
    expect(decision.expectedStockoutDays).toBeCloseTo(1.4, 9);
    expect(decision.priority).toBe('urgent');
    expect(explain(decision, base)).toMatch(/You will likely run out in 1 day, before this order can arrive \(2 weeks\)\.$/);
  });

  it('the EOQ floor raises a small order: √(2·D·K/(h·c))', () => {
    const params = { ...base, casePack: 1, eoqFloor: true };
    const decision = decide(productExample(), { onHand: 20, backorders: 0, onOrder: [] }, params);
    // D = 31/21 per day × 365 = 538.8 a year; EOQ = √(2·538.8·2500 / (0.25·250)) = 207.6
    expect(decision.eoq).toBeCloseTo(Math.sqrt((2 * (31 / 21) * 365 * 2500) / (0.25 * 250)), 9);
    expect(decision.suggestedQuantity).toBe(208);
    expect(decision.quantityDrivenBy).toBe('eoq');
  });

  it('no demand at all: no order, no stockout, no cover figure', () => {
    const zero = makeScenarios([new Float64Array(4), new Float64Array(4)], 7);
    const decision = decide(zero, { onHand: 0, backorders: 0, onOrder: [] }, base);
    expect(decision.suggestedQuantity).toBe(0);
    expect(decision.expectedStockoutDays).toBeNull();
    expect(decision.daysOfCover).toBeNull();
    expect(explain(decision, base)).toMatch(/^No order: no sales are expected in the next 3 weeks\./);
  });

  it('rejects impossible inputs with the field named', () => {
    expect(() => decide(productExample(), { onHand: 1, backorders: 0, onOrder: [] }, { ...base, serviceLevel: 1 })).toThrow(/service level 1/);
    expect(() => decide(productExample(), { onHand: 1, backorders: 0, onOrder: [] }, { ...base, casePack: 0 })).toThrow(/case pack 0/);
  });
});

describe('fill-rate service', () => {
  it('finds S with E[(D_R − S)⁺] = (1 − β)·E[D_R] worked by hand', () => {
    // Zero lead time: D_L = 0. D_R ∈ {0, 10, 20, 30}, mean 15; β = 0.9 allows 1.5 short.
    // For S in [20, 30] only the 30 is short: (30 − S)/4 = 1.5 → S = 24.
    const lead = new SortedSamples(new Float64Array(4));
    const cycle = new SortedSamples(Float64Array.from([0, 10, 20, 30]));
    expect(fillRateLevel(lead, cycle, 0.9)).toBeCloseTo(24, 6);
  });

  it('needs less stock than the same cycle-service quantile when shortages are partial', () => {
    const fill = decide(productExample(), { onHand: 0, backorders: 0, onOrder: [] }, { ...base, serviceMeasure: 'fill' });
    const cycle = decide(productExample(), { onHand: 0, backorders: 0, onOrder: [] }, base);
    expect(fill.orderUpToLevel).toBeLessThanOrEqual(cycle.orderUpToLevel);
    expect(fill.orderUpToLevel).toBeGreaterThanOrEqual(fill.reorderPoint);
  });
});

describe('fill-rate level capped at the service-level quantile (upToLevel)', () => {
  // Silver, Pyke & Peterson (1998) §7: P2 fill rate via E[(D_L+R − S)⁺] − E[(D_L − S)⁺] ≤ (1 − β)·E[D_R];
  // P1 cycle service via the β-quantile. A unit of stock at S fills P(D > S) expected units
  // (Axsäter, Inventory Control, 2nd ed. 2006, §5: dE[(D − S)⁺]/dS = −P(D > S)).
  it('spread-out demand: the fill-rate level 24 is below the 90% quantile 27 and is kept', () => {
    // D_R ∈ {0, 10, 20, 30}: type-7 quantile at 0.9 is order statistic 3·0.9 = 2.7 → 20 + 0.7·10 = 27.
    const lead = new SortedSamples(new Float64Array(4));
    const cycle = new SortedSamples(Float64Array.from([0, 10, 20, 30]));
    expect(cycle.quantile(0.9)).toBeCloseTo(27, 9);
    expect(upToLevel(lead, cycle, 0.9, 'fill')).toBeCloseTo(24, 6);
    expect(upToLevel(lead, cycle, 0.9, 'cycle')).toBeCloseTo(27, 9);
  });

  it('lumpy demand: 0 in 96 cycles of 100 and 50 in 4 gives the fill level 47.5 but the 95% quantile 0', () => {
    // Mean 2; β = 0.95 allows 0.1 short: 0.04·(50 − S) = 0.1 → S = 47.5. The 95% quantile is
    // order statistic 99·0.95 = 94.05, between two zeros: 0.
    const lead = new SortedSamples(new Float64Array(100));
    const cycle = new SortedSamples(Float64Array.from({ length: 100 }, (_, i) => (i < 96 ? 0 : 50)));
    expect(fillRateLevel(lead, cycle, 0.95)).toBeCloseTo(47.5, 6);
    expect(upToLevel(lead, cycle, 0.95, 'fill')).toBe(0);
    // At 0.96 the quantile is order statistic 99·0.96 = 95.04: 0 + 0.04·50 = 2, and the fill
    // level 0.04·(50 − S) = 0.04·2 → S = 48: S = 2.
    expect(upToLevel(lead, cycle, 0.96, 'fill')).toBeCloseTo(2, 9);
  });

  it('decide on lumpy weekly demand orders up to the quantile, not the tail', () => {
    const paths = Array.from({ length: 100 }, (_, i) => Float64Array.from(i < 96 ? [0, 0] : [50, 50]));
    const decision = decide(makeScenarios(paths, 7), { onHand: 0, backorders: 0, onOrder: [] }, { ...base, leadTimeDays: 0, serviceMeasure: 'fill', trigger: 'reviewCycle', casePack: 1, serviceLevel: 0.96 });
    // No lead time, a 1-week review: the cycle is week 1, 0 (×96) or 50 (×4), as above: S = 2.
    expect(decision.orderUpToLevel).toBeCloseTo(2, 9);
    expect(decision.suggestedQuantity).toBe(2);
  });
});

describe('priorityOf', () => {
  it('orders urgent < L, high < R, medium below s, low otherwise', () => {
    expect(priorityOf(3, 7, 14, true)).toBe('urgent');
    expect(priorityOf(10, 7, 14, true)).toBe('high');
    expect(priorityOf(20, 7, 14, true)).toBe('medium');
    expect(priorityOf(null, 7, 14, false)).toBe('low');
  });
});
