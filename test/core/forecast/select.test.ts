import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateRuns } from '../../../core/forecast/backtest';
import type { BacktestTarget } from '../../../core/forecast/select';
import { GreedyLoss, greedySubset, pooledLoss, subsetLoss } from '../../../core/forecast/select';

/**
 * Two backtest origins plus the final one, horizon 2, actuals all 10. Candidate "a" (seasonal,
 * say) cannot forecast at origin 0; "b" (a global model) can. Means per origin:
 *   a: –, 12, 12 (final)      b: 20, 9, 9 (final)
 */
function target(): BacktestTarget {
  const names = ['a', 'b'];
  const originCount = 3;
  const horizon = 2;
  const mean = Float64Array.from([0, 0, 12, 12, 12, 12, 20, 20, 9, 9, 9, 9]);
  const runs: CandidateRuns = {
    names,
    originCount,
    horizon,
    mean,
    sd: new Float64Array(mean.length).fill(1),
    valid: Uint8Array.from([0, 1, 1, 1, 1, 1]),
    errors: [null, null],
    descriptions: [{}, {}],
  };
  return { runs, actuals: new Float64Array(4).fill(10), scale: 1 };
}

describe('subset loss', () => {
  it('scores a combination on the windows where every member forecast (hand-worked)', () => {
    const t = target();
    expect(subsetLoss(t, [0], 'absolute')).toBe(2); // origin 1 only: |12 - 10|
    expect(subsetLoss(t, [1], 'absolute')).toBe(5.5); // (10 + 10 + 1 + 1) / 4
    // a + b at origin 1: (12 + 9) / 2 = 10.5 → 0.5. Origin 0, where b stands alone, does not count.
    expect(subsetLoss(t, [0, 1], 'absolute')).toBe(0.5);
    expect(subsetLoss(t, [0, 1], 'squared')).toBe(0.25);
  });

  it('falls back to the windows with some members when no window has them all', () => {
    const t = target();
    t.runs.valid[1] = 0; // a fails at origin 1 too (it still has a final forecast)
    expect(subsetLoss(t, [0], 'absolute')).toBeNaN();
    expect(subsetLoss(t, [0, 1], 'absolute')).toBe(5.5);
  });

  it('lets a model that also forecasts a hard extra window join the combination it improves', () => {
    const targets = [target(), target()];
    const chosen = greedySubset((subset) => pooledLoss(targets, subset, 'absolute'), 2, 2);
    expect(chosen.subset).toEqual([0, 1]);
    expect(chosen.loss).toBe(0.5);
  });
});

describe('greedy loss', () => {
  /** Random runs: 4 candidates, 3 backtest origins plus the final one, horizon 3, some windows missing. */
  const runsArbitrary = fc.record({
    mean: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 48, maxLength: 48 }),
    valid: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 16, maxLength: 16 }),
    actuals: fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(NaN)), { minLength: 9, maxLength: 9 }),
  });
  const tries = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

  it('gives exactly subsetLoss for any sequence of subsets, with or without an origin range', () => {
    fc.assert(
      fc.property(runsArbitrary, tries, fc.constantFrom('absolute' as const, 'squared' as const), fc.boolean(), (r, subsets, kind, ranged) => {
        const runs: CandidateRuns = {
          names: ['a', 'b', 'c', 'd'],
          originCount: 4,
          horizon: 3,
          mean: Float64Array.from(r.mean),
          sd: new Float64Array(48).fill(1),
          valid: Uint8Array.from(r.valid),
          errors: [null, null, null, null],
          descriptions: [{}, {}, {}, {}],
        };
        const t: BacktestTarget = { runs, actuals: Float64Array.from(r.actuals), scale: 2 };
        const range = ranged ? { from: 1, to: 3 } : undefined;
        const loss = new GreedyLoss(t, kind, range);
        for (const subset of subsets) expect(Object.is(loss.of(subset), subsetLoss(t, subset, kind, range)), String(subset)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
