import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';

const TWO_SEASON_MODELS = ['stl_theta', 'stl_damped', 'stl_ses', 'fourier_ets', 'fourier_theta', 'fourier_damped', 'fourier_ses'];

/** Monthly sales from `firstMonth` (0 = January) with a yearly shape (a December peak, a summer low), growth and noise. */
function monthly(length: number, base: number, rng: () => number, firstMonth = 0, growth = 0): Float64Array {
  const shape = [0.9, 0.8, 0.9, 1, 1, 0.8, 0.7, 0.8, 1, 1.1, 1.3, 1.9];
  return Float64Array.from({ length }, (_, t) => Math.round(base * (1 + growth * t) * shape[(firstMonth + t) % 12]! * (1 + 0.05 * (rng() - 0.5))));
}

describe('a yearly season with just over two years of history', () => {
  const options = { horizon: 3, season: 12, frequency: 'M' as const };

  it('gets the two-season models once its latest backtest origin has more than two seasons', () => {
    const rng = seededRng(11);
    // 29 months, h = 3: origins 24, 25, 26. The first has exactly two seasons, the last more.
    const longer = prepareSeries({ id: 'a', values: monthly(29, 200, rng) }, 0, options, defaultCandidates());
    expect(longer.origins.slice(-3)).toEqual([24, 25, 26]);
    for (const name of TWO_SEASON_MODELS) expect(longer.local).toContain(name);
    // 27 months: the latest origin is 24, two seasons exactly, which STL cannot decompose.
    const shorter = prepareSeries({ id: 'b', values: monthly(27, 200, rng) }, 0, options, defaultCandidates());
    expect(shorter.origins.at(-1)).toBe(24);
    for (const name of TWO_SEASON_MODELS) expect(shorter.local).not.toContain(name);
    expect(shorter.local).toContain('snaive');
  });

  it('forecasts the coming peak from the models that could run on the later windows', async () => {
    const rng = seededRng(12);
    // 29 months from May to September two years later, growing 2% a month: the horizon is
    // October to December; the two-season models forecast from origins 25 and 26 only.
    const inputs: SeriesInput[] = Array.from({ length: 30 }, (_, s) => ({ id: `s${s}`, values: monthly(29, 100 + 10 * s, rng, 4, 0.02) }));
    const result = await forecastMany(inputs, options);
    const twoSeason = result.series.filter((s) => s.models.some((m) => TWO_SEASON_MODELS.includes(m)));
    expect(twoSeason.length).toBeGreaterThan(0);
    for (const s of result.series) {
      expect(s.fallback).toBeUndefined();
      // December (step 3) is the peak, well above October (step 1).
      expect(s.mean[2]!).toBeGreaterThan(1.4 * s.mean[0]!);
    }
  });
});
