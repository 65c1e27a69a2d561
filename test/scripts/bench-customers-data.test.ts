import { describe, expect, it } from 'vitest';
import { naivePrediction, naiveUnits, scorePairs, wape } from '../../scripts/bench-customers-data';

describe('bench-customers baselines and scores', () => {
  it('naive rule: next = last + mean interval, a past date means due now', () => {
    expect(naivePrediction([0, 10, 30], 40, 124)).toEqual({ nextDay: 45, ordersWithin: true });
    expect(naivePrediction([0, 10], 50, 134)).toEqual({ nextDay: 50, ordersWithin: true });
    expect(naivePrediction([0, 100], 101, 185)).toEqual({ nextDay: 200, ordersWithin: false });
    // Every 15 days from day 45 until day 124: 45, 60, 75, 90, 105, 120 → 6 orders of 4.
    expect(naiveUnits([0, 10, 30], 4, 40, 124)).toBe(24);
  });

  it('scores Brier, precision, recall and date error (hand-worked)', () => {
    const { metrics, positives } = scorePairs([
      { probability: 0.8, predictedDay: 10, actualDay: 12 },
      { probability: 0.6, predictedDay: 10, actualDay: null },
      { probability: 0.2, predictedDay: 30, actualDay: 20 },
      { probability: 0.1, predictedDay: 5, actualDay: null },
    ]);
    expect(positives).toBe(2);
    expect(metrics.brier).toBeCloseTo((0.04 + 0.36 + 0.64 + 0.01) / 4, 12);
    expect(metrics.precision).toBe(0.5);
    expect(metrics.recall).toBe(0.5);
    expect(metrics.dateMaeDays).toBe(6);
    expect(wape([[10, 8], [0, 2]])).toBe(0.4);
  });
});
