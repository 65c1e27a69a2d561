import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChurnPrior } from '../../../core/customers/churn-model';
import { DEFAULT_AT_RISK_THRESHOLD, predictCustomer, rhythmDueDay, unitsAtRhythm } from '../../../core/customers/customer-prediction';
import type { IntervalPrior } from '../../../core/customers/interval-model';
import { quantityModel } from '../../../core/customers/quantity-model';
import { createRng } from '../../../core/customers/random';

const churn: ChurnPrior = { alpha: 1.5, beta: 3, returnLogMean: Math.log(250), returnLogSd: 1, covariateEffects: [], covariateCentres: [] };
const prior: IntervalPrior = { mean: Math.log(25), strength: 2, shape: 4, scale: 2 };

function predict(orderDays: number[], asOfDay: number, horizonWeeks: number, unitPriceCents: number | null) {
  return predictCustomer({
    history: { customerKey: 'C', orderDays, quantities: orderDays.map(() => 10), lastUnitPriceCents: unitPriceCents },
    customerName: 'C',
    asOfDay,
    horizonWeeks,
    intervalPrior: prior,
    churnPrior: churn,
    quantity: quantityModel(orderDays.map(() => 10), [5, 50]),
    unitPriceCents,
    paths: 64,
    rng: createRng(7),
    atRiskThreshold: DEFAULT_AT_RISK_THRESHOLD,
  });
}

describe('revenue at stake and the due day', () => {
  it('hand-worked: 12 weeks at an order every 42 days of 219 units is 2 orders, 438 units', () => {
    expect(unitsAtRhythm(12, 42, 219)).toBeCloseTo(438, 9);
    expect(rhythmDueDay(100, 41.6)).toBe(142);
  });

  it('revenue at stake is exactly the units at their rhythm times the price', () => {
    const p = predict([0, 7], 121, 12, 765);
    const units = unitsAtRhythm(12, p.typicalIntervalDays, p.expectedQuantity);
    expect(p.revenueAtStakeCents).toBe(Math.round(units * 765));
  });

  it('an overdue customer was due before the as-of day, and the reason says when', () => {
    // QA: "Overdue (92%)" sat beside a next-expected date months after the data ended.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 400 }),
        (intervals, silenceDays) => {
          const orderDays = [0];
          for (const d of intervals) orderDays.push(orderDays[orderDays.length - 1]! + d);
          const asOfDay = orderDays[orderDays.length - 1]! + silenceDays;
          const p = predict(orderDays, asOfDay, 8, 100);
          const due = rhythmDueDay(p.rhythm.lastOrderDay, p.typicalIntervalDays);
          if (p.overdueProbability >= 0.5) expect(due).toBeLessThanOrEqual(asOfDay);
          if (p.atRisk) {
            expect(due).toBeLessThan(asOfDay);
            expect(p.reason).toContain('was due around');
          }
          // The in-rhythm next date, given no order so far, is never before the as-of day.
          expect(p.nextOrderDay).toBeGreaterThanOrEqual(asOfDay);
        },
      ),
      { numRuns: 150 },
    );
  });
});
