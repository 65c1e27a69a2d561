import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../core/customers/optimize';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const result = nelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + 2 * (y + 1) ** 2 + 5, [0, 0], { tolerance: 1e-14, maxEvaluations: 2000 });
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
    expect(result.value).toBeCloseTo(5, 8);
  });

  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-16, maxEvaluations: 5000 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('treats non-finite values as infinitely bad and stays within the budget', () => {
    const result = nelderMead(([x = 0]) => (x < 0 ? Number.NaN : (x - 2) ** 2), [1], { maxEvaluations: 50 });
    expect(result.evaluations).toBeLessThanOrEqual(52);
    expect(result.x[0]).toBeGreaterThanOrEqual(0);
  });
});
