import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { calibrate, spread80 } from '../../../../core/forecast/engine/calibration';
import { defaultCandidates, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('spread80', () => {
  it('is the 10%-90% range by nearest rank', () => {
    // 0..10: ranks round(0.1 * 10) = 1 and round(0.9 * 10) = 9.
    expect(spread80([10, 3, 0, 7, 1, 9, 2, 8, 4, 6, 5])).toBe(8);
  });
});

describe('interval widening for the optimism of model choice', () => {
  it('widens continuous intervals on a heterogeneous panel', async () => {
    const rng = seededRng(21);
    const inputs: SeriesInput[] = [];
    for (let s = 0; s < 40; s++) {
      // Random walks and noisy levels: which model wins a series' backtest is partly luck.
      let level = 200;
      inputs.push({
        id: `s${s}`,
        values: Float64Array.from({ length: 120 }, () => (s % 2 === 0 ? (level += 8 * gaussian(rng)) : 200 + 20 * gaussian(rng))),
      });
    }
    const result = await forecastMany(inputs, { horizon: 8, season: 52, frequency: 'W' });
    expect(result.intervalWidening).toBeGreaterThan(1);
    expect(result.intervalWidening).toBeLessThanOrEqual(1.5);
  });
});

describe('calibrate', () => {
  it('multiplies the continuous standardised quantiles by the widening and leaves count calibration alone', () => {
    const rng = seededRng(5);
    const options = { horizon: 4, season: 52, frequency: 'W' as const };
    const inputs: SeriesInput[] = [
      ...Array.from({ length: 6 }, (_, s) => ({ id: `c${s}`, values: Float64Array.from({ length: 80 }, () => 100 + 10 * gaussian(rng)) })),
      ...Array.from({ length: 6 }, (_, s) => ({ id: `n${s}`, values: Float64Array.from({ length: 80 }, () => (rng() < 0.3 ? 1 : 0)) })),
    ];
    const series = inputs.map((input, i) => prepareSeries(input, i, options, defaultCandidates()));
    // A flat forecast of the series' mean with sd 10 at every origin (and the final one).
    const combined = series.map((s) => {
      const n = (s.origins.length + 1) * options.horizon;
      const level = s.distribution === 'count' ? 0.3 : 100;
      return { mean: new Float64Array(n).fill(level), sd: new Float64Array(n).fill(s.distribution === 'count' ? 0.5 : 10), valid: new Uint8Array(s.origins.length + 1).fill(1) };
    });
    expect(series.some((s) => s.distribution === 'count')).toBe(true);
    const plain = calibrate(series, combined, options.horizon);
    const wide = calibrate(series, combined, options.horizon, 1.25);
    wide.continuous.z.forEach((z, step) => z.forEach((v, k) => expect(v).toBeCloseTo(1.25 * plain.continuous.z[step]![k]!, 12)));
    expect(wide.count).toEqual(plain.count);
  });
});
