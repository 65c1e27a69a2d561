import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedQuantity, quantityModel, sampleQuantity } from '../../../core/customers/quantity-model';
import { createRng } from '../../../core/customers/random';

describe('quantity urn', () => {
  it('hand-worked expectation: own [10, 20], pool mean 20, c = 1 → (30 + 20) / 3', () => {
    expect(expectedQuantity(quantityModel([10, 20], [5, 5, 50], 1))).toBeCloseTo(50 / 3, 12);
    expect(expectedQuantity(quantityModel([10, 20], [5, 5, 50], 0))).toBe(15);
    expect(expectedQuantity(quantityModel([], [4, 6], 1))).toBe(5);
  });

  it('samples only sizes seen, with the urn weights', () => {
    const model = quantityModel([10, 20], [5, 50], 2);
    const rng = createRng(4);
    const n = 40000;
    let pool = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const q = sampleQuantity(model, rng);
      expect([10, 20, 5, 50]).toContain(q);
      if (q === 5 || q === 50) pool++;
      sum += q;
    }
    // P(pool) = c / (n + c) = 2 / 4; the sample mean converges to the expectation.
    expect(pool / n).toBeCloseTo(0.5, 1);
    expect(sum / n).toBeCloseTo(expectedQuantity(model), 0);
  });

  it('the expectation lies between the customer mean and the pool mean', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }), (own, pool) => {
        const e = expectedQuantity(quantityModel(own, pool));
        const a = own.reduce((s, v) => s + v, 0) / own.length;
        const b = pool.reduce((s, v) => s + v, 0) / pool.length;
        expect(e).toBeGreaterThanOrEqual(Math.min(a, b) - 1e-9);
        expect(e).toBeLessThanOrEqual(Math.max(a, b) + 1e-9);
      }),
    );
  });

  it('ignores non-positive and non-finite sizes and never has an empty pool', () => {
    const model = quantityModel([0, -1, Number.NaN], []);
    expect(model.own.length).toBe(0);
    expect(sampleQuantity(model, createRng(1))).toBe(1);
  });
});
