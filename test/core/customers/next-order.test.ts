import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChurnPrior } from '../../../core/customers/churn-model';
import type { IntervalPrior } from '../../../core/customers/interval-model';
import { predictNextOrder } from '../../../core/customers/next-order';
import { normalCdf } from '../../../core/customers/special';

const noLapse: ChurnPrior = { alpha: 1e-12, beta: 1, returnLogMean: Math.log(365), returnLogSd: 1, covariateEffects: [], covariateCentres: [] };
const lapsing: ChurnPrior = { alpha: 1, beta: 4, returnLogMean: Math.log(300), returnLogSd: 1, covariateEffects: [], covariateCentres: [] };
const shopPrior: IntervalPrior = { mean: Math.log(30), strength: 1, shape: 3, scale: 1.5 };

describe('predictNextOrder', () => {
  it('hand-worked: a near-certain 10-day rhythm (log-normal, σ = 0.1)', () => {
    // A prior so strong the predictive is N(log 10, 0.01) on the log scale: κ, α → ∞ with β/α = 0.01.
    const sharp: IntervalPrior = { mean: Math.log(10), strength: 1e9, shape: 1e9, scale: 1e7 };
    const p = predictNextOrder({ orderDays: [0, 10, 20], asOfDay: 25, horizonWeeks: 3, intervalPrior: sharp, churnPrior: noLapse });
    // e = 5; week 1 = days 25..31 = intervals 5..11 → P(X < 11.5) = Φ(ln 1.15 / 0.1) = Φ(1.3976).
    expect(p.daysSinceLastOrder).toBe(5);
    expect(p.probabilityActive).toBeCloseTo(1, 6);
    expect(p.weekProbabilities[0]).toBeCloseTo(normalCdf(Math.log(1.15) / 0.1), 5);
    expect(p.weekProbabilities[1]).toBeCloseTo(normalCdf(Math.log(1.85) / 0.1) - normalCdf(Math.log(1.15) / 0.1), 5);
    expect(p.probabilityWithinHorizon).toBeCloseTo(1, 6);
    // Median interval 10 → day 30; 80% range exp(ln 10 ± 1.2816·0.1) = 8.80..11.37 → days 29..31.
    expect(p.nextOrderDay).toBe(30);
    expect(p.nextOrderDayLow).toBe(29);
    expect(p.nextOrderDayHigh).toBe(31);
    expect(p.typicalIntervalDays).toBeCloseTo(10, 6);
    // Nearly all of the mass is inside the horizon, so the within-horizon median is the same day.
    expect(p.likelyOrderDay).toBe(30);
    expect(p.overdueProbability).toBeCloseTo(0, 6);
  });

  it('week probabilities are non-negative and sum to the horizon probability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 26 }),
        (intervals, gap, weeks) => {
          const orderDays = [0];
          for (const d of intervals) orderDays.push(orderDays[orderDays.length - 1]! + d);
          const asOfDay = orderDays[orderDays.length - 1]! + gap;
          const p = predictNextOrder({ orderDays, asOfDay, horizonWeeks: weeks, intervalPrior: shopPrior, churnPrior: lapsing });
          expect(p.weekProbabilities).toHaveLength(weeks);
          let cumulative = 0;
          for (const w of p.weekProbabilities) {
            expect(w).toBeGreaterThanOrEqual(0);
            cumulative += w;
          }
          expect(cumulative).toBeCloseTo(p.probabilityWithinHorizon, 10);
          expect(p.probabilityWithinHorizon).toBeLessThanOrEqual(1);
          for (const v of [p.probabilityActive, p.overdueProbability]) expect(v >= 0 && v <= 1).toBe(true);
          expect(p.nextOrderDayLow).toBeLessThanOrEqual(p.nextOrderDay);
          expect(p.nextOrderDay).toBeLessThanOrEqual(p.nextOrderDayHigh);
          expect(p.nextOrderDayLow).toBeGreaterThanOrEqual(asOfDay);
          if (p.likelyOrderDay !== null) {
            expect(p.likelyOrderDay).toBeGreaterThanOrEqual(asOfDay);
            expect(p.likelyOrderDay).toBeLessThan(asOfDay + 7 * weeks);
          }
        },
      ),
    );
  });

  it('a longer horizon never lowers the probability of ordering within it', () => {
    const input = { orderDays: [0, 12, 30, 41], asOfDay: 60, intervalPrior: shopPrior, churnPrior: lapsing };
    let previous = 0;
    for (let weeks = 1; weeks <= 30; weeks++) {
      const p = predictNextOrder({ ...input, horizonWeeks: weeks }).probabilityWithinHorizon;
      expect(p).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = p;
    }
  });

  it('the longer the silence, the more overdue and the less likely still in rhythm', () => {
    const orderDays = [0, 14, 28, 42, 56];
    let overdue = -1;
    let active = 2;
    for (const asOfDay of [60, 70, 90, 120, 200]) {
      const p = predictNextOrder({ orderDays, asOfDay, horizonWeeks: 12, intervalPrior: shopPrior, churnPrior: lapsing });
      expect(p.overdueProbability).toBeGreaterThan(overdue);
      expect(p.probabilityActive).toBeLessThan(active);
      overdue = p.overdueProbability;
      active = p.probabilityActive;
    }
  });

  it('a regular customer gets a sharp date, an irregular one and a two-order one wide dates', () => {
    // A prior that lets customers differ in regularity (inverse-gamma shape 2).
    const prior: IntervalPrior = { mean: Math.log(30), strength: 1, shape: 2, scale: 0.5 };
    const width = (orderDays: number[]) => {
      const last = orderDays[orderDays.length - 1]!;
      const p = predictNextOrder({ orderDays, asOfDay: last + 1, horizonWeeks: 12, intervalPrior: prior, churnPrior: noLapse });
      return p.nextOrderDayHigh - p.nextOrderDayLow;
    };
    const regular = width([0, 20, 40, 60, 80, 100, 120, 140]);
    const irregular = width([0, 5, 40, 48, 80, 90, 135, 140]);
    const twoOrders = width([0, 20]);
    expect(regular).toBeLessThan(irregular / 2);
    expect(regular).toBeLessThan(0.75 * twoOrders);
  });

  it('refuses a history that does not end before the as-of day', () => {
    expect(() => predictNextOrder({ orderDays: [0, 10], asOfDay: 10, horizonWeeks: 4, intervalPrior: shopPrior, churnPrior: lapsing })).toThrow(/not before/);
    expect(() => predictNextOrder({ orderDays: [], asOfDay: 10, horizonWeeks: 4, intervalPrior: shopPrior, churnPrior: lapsing })).toThrow();
  });
});
