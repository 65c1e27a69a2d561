import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';

/** Weekly sales with noise around a level: enough for the backtest origins to be laid out. */
function weekly(length: number, rng: () => number): Float64Array {
  return Float64Array.from({ length }, () => Math.round(100 + 20 * (rng() - 0.5)));
}

describe('the year-ago backtest origin', () => {
  const options = { horizon: 13, season: 52, frequency: 'W' as const };

  it('is added when its models get at least half the history of the earliest recent origin', () => {
    // 130 weeks, h = 13, stride 4: recent origins 109, 113, 117; a year before the end is 78 >= 54.5.
    const prepared = prepareSeries({ id: 'a', values: weekly(130, seededRng(1)) }, 0, options, defaultCandidates());
    expect(prepared.origins).toEqual([78, 109, 113, 117]);
  });

  it('is left out of a short history, where it would fit on a few periods', () => {
    // 60 weeks: recent origins 39, 43, 47 (and 53, with one season before it); a year before
    // the end is 8, fewer than 39 / 2.
    const prepared = prepareSeries({ id: 'b', values: weekly(60, seededRng(2)) }, 0, options, defaultCandidates());
    expect(prepared.origins).toEqual([39, 43, 47, 53]);
    // 80 weeks: 28 >= 59 / 2 = 29.5 fails; 82 weeks: 30 >= 30.5 fails; 84 weeks: 32 >= 31.5 holds.
    expect(prepareSeries({ id: 'c', values: weekly(80, seededRng(3)) }, 0, options, []).origins).toEqual([59, 63, 67]);
    expect(prepareSeries({ id: 'd', values: weekly(84, seededRng(4)) }, 0, options, []).origins).toEqual([32, 63, 67, 71]);
  });

  it('when present, is a year before the end and has at least half the history of every later origin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 }), (length, horizon, seed) => {
        const prepared = prepareSeries({ id: 'p', values: weekly(length, seededRng(seed)) }, 0, { ...options, horizon }, []);
        const origins = prepared.origins;
        for (let k = 1; k < origins.length; k++) expect(origins[k]!).toBeGreaterThan(origins[k - 1]!);
        if (origins.length > 1 && origins[1]! - origins[0]! > Math.max(1, Math.round(horizon / 3))) {
          expect(origins[0]).toBe(prepared.y.length - 52);
          expect(origins[0]!).toBeGreaterThanOrEqual(origins[1]! / 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
