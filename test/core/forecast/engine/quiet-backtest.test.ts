import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { ownBacktestInformative, selectableFor } from '../../../../core/forecast/engine/choose';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';

describe('a count series whose backtest windows hold no sale', () => {
  it('is not informative; any sale, a continuous or a seasonal series is', () => {
    expect(ownBacktestInformative('count', false, [0, 0, 0, NaN])).toBe(false);
    expect(ownBacktestInformative('count', false, [0, 0, 1, 0])).toBe(true);
    expect(ownBacktestInformative('continuous', false, [0, 0, 0, 0])).toBe(true);
    // Seasonal series switch only among seasonal models, tested on the year-ago window.
    expect(ownBacktestInformative('count', true, [0, 0, 0, 0])).toBe(true);
  });

  it("keeps its group's models instead of switching to a model that forecasts zero", async () => {
    // Spare parts, monthly: 40 sell a unit or two in about one month in four; "quiet" sold
    // seven times in its first two years and then not for 14 months, which covers every
    // backtest window (3 origins, 6 months each, 2 months apart). Its own backtest is a
    // perfect 0 for the naive forecast; that is no evidence that it will never sell again.
    const rng = seededRng(3);
    const inputs: SeriesInput[] = [];
    for (let s = 0; s < 40; s++) inputs.push({ id: `part-${s}`, values: Float64Array.from({ length: 48 }, () => (rng() < 0.25 ? 1 + Math.floor(rng() * 2) : 0)) });
    const quiet = new Float64Array(48);
    for (const t of [1, 4, 8, 13, 19, 26, 33]) quiet[t] = 1;
    inputs.push({ id: 'quiet', values: quiet });
    const result = await forecastMany(inputs, { horizon: 6, season: 12, frequency: 'M', origins: 3, originStride: 2 });
    const forecast = result.series.find((s) => s.id === 'quiet')!;
    expect(forecast.distribution).toBe('count');
    expect(forecast.models).not.toEqual(['naive']);
    expect(forecast.mean.every((m) => m > 0)).toBe(true);
    // Count series only: their calibration is not widened.
    expect(result.intervalWidening).toBe(1);
  });

  it('a product that was only ever returned is forecast to sell nothing', async () => {
    const rng = seededRng(4);
    const inputs: SeriesInput[] = Array.from({ length: 10 }, (_, s) => ({ id: `p${s}`, values: Float64Array.from({ length: 30 }, () => 5 + Math.floor(rng() * 5)) }));
    inputs.push({ id: 'refund', values: Float64Array.from([0, 0, -1, 0, 0, -2, 0]) });
    const result = await forecastMany(inputs, { horizon: 4, season: 52, frequency: 'W' });
    const refund = result.series.find((s) => s.id === 'refund')!;
    expect(Array.from(refund.mean)).toEqual([0, 0, 0, 0]);
    for (const q of refund.quantiles) expect(Array.from(q)).toEqual([0, 0, 0, 0]);
  });
});

describe('naive for intermittent demand', () => {
  it('is never selectable for an intermittent series, and stays selectable for a smooth one', () => {
    const options = { horizon: 4, season: 52, frequency: 'W' as const };
    const sparse = prepareSeries({ id: 'sparse', values: Float64Array.from({ length: 60 }, (_, t) => (t % 9 === 0 ? 4 : 0)) }, 0, options, defaultCandidates());
    const smooth = prepareSeries({ id: 'smooth', values: Float64Array.from({ length: 60 }, (_, t) => 20 + (t % 5)) }, 1, options, defaultCandidates());
    expect(sparse.profile.pattern).toMatch(/intermittent|lumpy/);
    const names = ['naive', 'ma', 'tsb'];
    expect(names.map((_, c) => selectableFor(sparse, names)(c))).toEqual([false, true, true]);
    expect(names.map((_, c) => selectableFor(smooth, names)(c))).toEqual([true, true, true]);
    // With naive alone there is nothing else to choose: it stays.
    expect(selectableFor(sparse, ['naive'])(0)).toBe(true);
  });
});

describe('a count series no backtest window tested', () => {
  it("keeps its spread flat over the horizon, at most the history's own, instead of a random walk's", async () => {
    // Ten weeks of history and a 13-week horizon: no backtest origin fits, so nothing measured
    // the models' sd. Naive's sd grows with √h; as a negative binomial around a mean of 5 it put
    // the 95% quantile at 0 from week 12 on. The spread of these ten weeks bounds every step.
    const rng = seededRng(11);
    const inputs: SeriesInput[] = Array.from({ length: 25 }, (_, s) => ({ id: `new-${s}`, values: Float64Array.from({ length: 10 }, () => Math.floor(rng() * 30)) }));
    inputs.push({ id: 'erratic', values: Float64Array.from([14, 18, 5, 3, 1, 3, 22, 0, 29, 5]) });
    const result = await forecastMany(inputs, { horizon: 13, season: 52, frequency: 'W' });
    const erratic = result.series.find((s) => s.id === 'erratic')!;
    expect(erratic.distribution).toBe('count');
    const q95 = erratic.quantiles[6]!;
    const q50 = erratic.quantiles[3]!;
    for (let k = 0; k < 13; k++) {
      expect(q95[k]).toBeGreaterThanOrEqual(erratic.mean[k]!);
      expect(q95[k]).toBeCloseTo(q95[0]!, 6);
      expect(q50[k]).toBeCloseTo(q50[0]!, 6);
    }
    // The cap: the history's sd (about 10 units) at most, so the 95% quantile stays near
    // mean + 2 sd rather than the tens a widening random walk reaches.
    expect(q95[12]).toBeLessThan(35);
    // Every count series of the run has flat quantiles when its forecast mean is flat.
    for (const s of result.series.filter((x) => x.distribution === 'count' && x.mean.every((m) => m === x.mean[0]))) {
      for (const q of s.quantiles) expect(q.every((v) => v === q[0])).toBe(true);
    }
  });
});
