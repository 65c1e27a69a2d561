import { describe, expect, it } from 'vitest';
import type { ChurnPrior } from '../../../core/customers/churn-model';
import type { IntervalPrior } from '../../../core/customers/interval-model';
import { predictNextOrder } from '../../../core/customers/next-order';
import { quantityModel } from '../../../core/customers/quantity-model';
import { createRng } from '../../../core/customers/random';
import { simulateCustomer } from '../../../core/customers/simulate';

const churn: ChurnPrior = { alpha: 1.5, beta: 3, returnLogMean: Math.log(250), returnLogSd: 1, covariateEffects: [0.4], covariateCentres: [2] };
const prior: IntervalPrior = { mean: Math.log(25), strength: 2, shape: 4, scale: 2 };

function setup(orderDays: number[], asOfDay: number, weeks: number) {
  const covariates = [2.7];
  const next = predictNextOrder({ orderDays, asOfDay, horizonWeeks: weeks, intervalPrior: prior, churnPrior: churn, lapseCovariates: covariates });
  const input = {
    lastOrderDay: orderDays[orderDays.length - 1]!,
    asOfDay,
    orderCount: orderDays.length,
    posterior: next.posterior,
    churnPrior: churn,
    lapseCovariates: covariates,
    probabilityActive: next.probabilityActive,
    quantity: quantityModel([10, 12, 10], [5, 50]),
  };
  return { next, input };
}

describe('simulateCustomer', () => {
  const cases: [string, number[], number][] = [
    ['regular, due soon', [0, 14, 28, 42, 56, 70], 80],
    ['two orders, long silence', [0, 30], 150],
    ['irregular, overdue', [0, 3, 40, 45, 90], 160],
  ];
  for (const [name, orderDays, asOfDay] of cases) {
    it(`agrees with the analytic next-order probabilities (${name})`, () => {
      const weeks = 8;
      const { next, input } = setup(orderDays, asOfDay, weeks);
      const summary = simulateCustomer(input, weeks, 20000, createRng(5));
      // The first order lands in week 1 exactly when some order does; within the horizon likewise.
      // 20,000 paths: standard error ≤ 0.0035; the 64-draw parameter pool adds a little more.
      expect(Math.abs(summary.probabilityWithinHorizon - next.probabilityWithinHorizon)).toBeLessThan(0.02);
      expect(Math.abs(summary.probabilityOfOrder[0]! - next.weekProbabilities[0]!)).toBeLessThan(0.02);
    });
  }

  it('is deterministic for a seed and adds exactly its units into the paths buffer', () => {
    const weeks = 6;
    const paths = 500;
    const { input } = setup([0, 10, 21, 30], 35, weeks);
    const bufferA = new Float64Array(paths * weeks);
    const a = simulateCustomer(input, weeks, paths, createRng(9), bufferA);
    const b = simulateCustomer(input, weeks, paths, createRng(9));
    expect(Array.from(a.expectedUnits)).toEqual(Array.from(b.expectedUnits));
    for (let w = 0; w < weeks; w++) {
      let sum = 0;
      for (let p = 0; p < paths; p++) sum += bufferA[p * weeks + w]!;
      expect(sum / paths).toBeCloseTo(a.expectedUnits[w]!, 9);
      expect(a.probabilityOfOrder[w]).toBeLessThanOrEqual(a.expectedOrders[w]! + 1e-12);
    }
    // Weekly units are sums of whole urn sizes (10, 12, 5, 50): whole and non-negative.
    for (const v of bufferA) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(v)).toBe(true);
    }
  });

  it('a customer certain to have lapsed with a very long return time orders nothing', () => {
    const { input } = setup([0, 7, 14], 400, 12);
    const summary = simulateCustomer({ ...input, probabilityActive: 0, churnPrior: { ...churn, returnLogMean: Math.log(1e6), returnLogSd: 0.01 } }, 12, 300, createRng(1));
    expect(summary.probabilityWithinHorizon).toBe(0);
    expect(summary.expectedUnits.every((u) => u === 0)).toBe(true);
  });
});
