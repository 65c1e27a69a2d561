import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seasonalNaive } from '../../../../core/forecast/models/simple';
import { seededRng } from '../../../../core/forecast/kernels/rng';

/** Weekly sales with a yearly wave (high at week 0 of the year, low at week 26) and 4% noise. */
function weekly(length: number, base: number, rng: () => number): Float64Array {
  return Float64Array.from({ length }, (_, t) => Math.round(base * (1 + 0.5 * Math.cos((2 * Math.PI * t) / 52)) * (1 + 0.04 * (rng() - 0.5))));
}

describe('a history between one season and one season plus a horizon', () => {
  const options = { horizon: 13, season: 52, frequency: 'W' as const };

  it('gets a backtest origin with exactly one season before it, and seasonal naive', () => {
    // 60 weeks: recent origins 39, 43, 47 (none with a season before it), plus 53.
    const prepared = prepareSeries({ id: 'a', values: weekly(60, 100, seededRng(1)) }, 0, options, defaultCandidates());
    expect(prepared.origins).toEqual([39, 43, 47, 53]);
    expect(prepared.local).toContain('snaive');
  });

  it('does not change a history with a full window after one season, nor an intermittent one', () => {
    // 70 weeks: origins 49, 53, 57; seasonal naive still needs a season before the first one.
    const longer = prepareSeries({ id: 'b', values: weekly(70, 100, seededRng(2)) }, 0, options, defaultCandidates());
    expect(longer.origins).toEqual([49, 53, 57]);
    expect(longer.local).not.toContain('snaive');
    const rng = seededRng(3);
    const sparse = Float64Array.from({ length: 60 }, () => (rng() < 0.2 ? 1 + Math.floor(3 * rng()) : 0));
    sparse[0] = 2;
    const intermittent = prepareSeries({ id: 'c', values: sparse }, 0, options, defaultCandidates());
    expect(intermittent.origins).toEqual([39, 43, 47]);
    expect(intermittent.local).not.toContain('snaive');
  });

  it('seasonal naive forecasts nothing from origins without a season before them when a later one has it', () => {
    const y = weekly(60, 100, seededRng(4));
    const context = { season: 52, frequency: 'W' as const, allowNegative: false };
    const forecasts = seasonalNaive.forecastFromOrigins!(y, context, [39, 47, 53, 60], 13);
    expect(forecasts[0]).toBeUndefined();
    expect(forecasts[1]).toBeUndefined();
    // From 53: step 1 is y[53 - 52] = y[1]; from 60: step 1 is y[8].
    expect(forecasts[2]!.mean[0]).toBe(y[1]);
    expect(forecasts[3]!.mean[0]).toBe(y[8]);
    // With no origin that has a season, it falls back to naive everywhere (unchanged).
    const naiveLike = seasonalNaive.forecastFromOrigins!(y, context, [39, 47], 13);
    expect(naiveLike[0]!.mean[5]).toBe(y[38]);
  });

  it('forecasts the yearly low it saw a year ago', async () => {
    // 60 weeks end at week 7 of the second year, on the wave's way down; the horizon reaches
    // week 20, where the wave is at 0.82 of its mean. Without last year's values every model
    // forecasts near the recent 1.35.
    const rng = seededRng(5);
    const inputs: SeriesInput[] = Array.from({ length: 40 }, (_, s) => ({ id: `s${s}`, values: weekly(60, 100 + 5 * s, rng) }));
    const result = await forecastMany(inputs, options);
    result.series.forEach((s, i) => {
      const base = 100 + 5 * i;
      const truth = base * (1 + 0.5 * Math.cos((2 * Math.PI * 72) / 52));
      expect(s.fallback).toBeUndefined();
      expect(Math.abs(s.mean[12]! - truth)).toBeLessThan(0.1 * truth);
    });
  });
});
