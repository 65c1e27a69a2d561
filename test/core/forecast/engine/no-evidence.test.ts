import { describe, expect, it } from 'vitest';
import type { CandidateRuns } from '../../../../core/forecast/backtest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { noEvidenceChoice } from '../../../../core/forecast/engine/choose';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';

const options = { horizon: 13, season: 52, frequency: 'W' as const };

/** Runs with the given candidates, each with (or without) a final forecast. */
function runsOf(names: string[], finalValid: boolean[] = names.map(() => true)): CandidateRuns {
  return {
    names,
    originCount: 1,
    horizon: 13,
    mean: new Float64Array(names.length * 13),
    sd: new Float64Array(names.length * 13),
    valid: Uint8Array.from(finalValid, (v) => (v ? 1 : 0)),
    errors: names.map(() => null),
    descriptions: names.map(() => null),
  };
}

describe('the models of a series no backtest window could judge', () => {
  const newSmooth = prepareSeries({ id: 'new', values: Float64Array.from([0, 0, 18, 22, 19]) }, 0, options, defaultCandidates());
  const newSparse = prepareSeries({ id: 'sparse', values: Float64Array.from([0, 0, 2, 0, 0, 1, 0]) }, 1, options, defaultCandidates());
  const shortSmooth = prepareSeries({ id: 'short', values: Float64Array.from({ length: 10 }, (_, t) => 20 + (t % 3)) }, 2, options, defaultCandidates());

  it('combine naive with cold start for a new product, with the moving average otherwise', () => {
    expect(newSmooth.profile.isNew).toBe(true);
    expect(newSmooth.origins).toEqual([]);
    expect(noEvidenceChoice(newSmooth, runsOf(['naive', 'ma', 'cold_start']))).toEqual([0, 2]);
    expect(shortSmooth.profile.isNew).toBe(false);
    expect(noEvidenceChoice(shortSmooth, runsOf(['naive', 'ma', 'cold_start']))).toEqual([0, 1]);
    // A new product whose cold start has no forecast takes the moving average instead.
    expect(noEvidenceChoice(newSmooth, runsOf(['naive', 'ma', 'cold_start'], [true, true, false]))).toEqual([0, 1]);
  });

  it('use the level model alone for intermittent demand, and nothing without a level model', () => {
    expect(newSparse.profile.pattern).toMatch(/intermittent|lumpy/);
    expect(noEvidenceChoice(newSparse, runsOf(['naive', 'ma', 'cold_start']))).toEqual([2]);
    expect(noEvidenceChoice(shortSmooth, runsOf(['naive', 'snaive']))).toEqual([]);
  });

  it('reach the forecast: a product three weeks after launch, among products with two years of sales', async () => {
    const rng = seededRng(8);
    const inputs: SeriesInput[] = Array.from({ length: 30 }, (_, s) => ({
      id: `old-${s}`,
      values: Float64Array.from({ length: 104 }, (_, t) => (t < 10 + (s % 5) ? 0 : Math.round(15 + 10 * rng()))),
    }));
    inputs.push({ id: 'launch', values: Float64Array.from([0, 0, 0, 0, 24, 18, 21]) });
    const result = await forecastMany(inputs, options);
    const launch = result.series.find((s) => s.id === 'launch')!;
    expect(launch.isNew).toBe(true);
    expect(launch.models).toEqual(['naive', 'cold_start']);
    expect(launch.fallback).toBeUndefined();
    // Half the last week (21) and half cold start's early level (21 scaled by its peers'
    // launch curves, which hold steady here): near 21, not the last week alone.
    for (const m of launch.mean) expect(m).toBeGreaterThan(15);
    for (const m of launch.mean) expect(m).toBeLessThan(27);
  });
});
