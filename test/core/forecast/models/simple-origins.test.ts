import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movingAverage, naive, seasonalNaive } from '../../../../core/forecast/models/simple';
import type { Forecaster, SeriesContext } from '../../../../core/forecast/types';

/**
 * The benchmarks' backtest fast path reads running residual sums off at each origin; it must
 * give exactly what a fit on that prefix gives (same additions in the same order), including
 * short prefixes, negative values and histories with gaps (which go origin by origin).
 */

const models: Forecaster[] = [naive, seasonalNaive, movingAverage(), movingAverage(4)];

function expectSameAsPrefixFits(model: Forecaster, y: Float64Array, context: SeriesContext, origins: number[], h: number): void {
  const fast = model.forecastFromOrigins!(y, context, origins, h);
  const m = context.season;
  origins.forEach((origin, o) => {
    // Seasonal naive forecasts nothing from an origin without a full season before it when a
    // later origin has one (instead of the naive fallback a fit on that prefix gives).
    const skipped = model === seasonalNaive && m >= 2 && origin < m + 1 && origins[origins.length - 1]! >= m + 1;
    expect(fast[o] === undefined, `${model.name} at ${origin}`).toBe(skipped);
    if (skipped) return;
    const slow = model.fit(y.subarray(0, origin), context).forecast(h);
    expect(Array.from(fast[o]!.mean), `${model.name} at ${origin}`).toEqual(Array.from(slow.mean));
    expect(Array.from(fast[o]!.sd), `${model.name} at ${origin}`).toEqual(Array.from(slow.sd!));
  });
}

describe('benchmark forecasts from several origins', () => {
  it('equal the fits on each prefix', () => {
    const series = fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 14 }), fc.boolean(), (values, season, allowNegative) => {
        const y = Float64Array.from(values);
        const origins = [...new Set([1, Math.ceil(y.length / 3), Math.ceil(y.length / 2), y.length])].sort((a, b) => a - b);
        for (const model of models) expectSameAsPrefixFits(model, y, { season, frequency: 'W', allowNegative }, origins, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('equal the fits on each prefix when the history has gaps', () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => (t % 7 === 3 || t === 59 ? NaN : 20 + 5 * Math.sin(t / 3)));
    for (const model of models) expectSameAsPrefixFits(model, y, { season: 12, frequency: 'M', allowNegative: false }, [20, 40, 59, 60], 6);
  });

  it('match hand-worked residual statistics at each origin', () => {
    const context: SeriesContext = { season: 2, frequency: 'W', allowNegative: false };
    // Window 2 over [1, 2, 3, 4, 10]: one-step errors 1.5, 1.5, 6.5 (mse 46.75 / 3), level (4 + 10) / 2.
    const [ma4, ma5] = movingAverage(2).forecastFromOrigins!(Float64Array.from([1, 2, 3, 4, 10]), context, [4, 5], 2);
    expect(ma4!.mean[0]).toBeCloseTo(3.5, 12);
    expect(ma4!.sd[0]).toBeCloseTo(1.5 * Math.sqrt(1.5), 12);
    expect(ma5!.mean[0]).toBeCloseTo(7, 12);
    expect(ma5!.sd[1]).toBeCloseTo(Math.sqrt(46.75 / 3) * Math.sqrt(1.5), 12);
    // Naive over [1, 2, 4, 7]: differences 1, 2, 3; seasonal naive (m = 2) over [1, 2, 4, 7, 5]: 3, 5, 1.
    const [random] = naive.forecastFromOrigins!(Float64Array.from([1, 2, 4, 7, 5]), context, [4], 2);
    expect(Array.from(random!.mean)).toEqual([7, 7]);
    expect(random!.sd[1]).toBeCloseTo(Math.sqrt(14 / 3) * Math.SQRT2, 12);
    const [seasonal] = seasonalNaive.forecastFromOrigins!(Float64Array.from([1, 2, 4, 7, 5]), context, [5], 3);
    expect(Array.from(seasonal!.mean)).toEqual([7, 5, 7]);
    expect(seasonal!.sd[2]).toBeCloseTo(Math.sqrt(35 / 3) * Math.SQRT2, 12);
  });

  it('refuse an empty history as fit does', () => {
    expect(() => naive.forecastFromOrigins!(Float64Array.from([1, 2]), { season: 1, frequency: 'D', allowNegative: false }, [0, 2], 3)).toThrow('empty history');
  });
});
