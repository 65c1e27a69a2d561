import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { defaultCandidates, defaultMaxHistory, prepareSeries } from '../../../../core/forecast/engine/prepare';
import { calendarPeriod } from '../../../../core/forecast/frequency';
import { seededRng } from '../../../../core/forecast/kernels/rng';
import type { Frequency } from '../../../../core/forecast/types';

const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** Trend and noise, with a quarterly pattern when season is 4 (M4-like, strictly positive). */
function synthetic(count: number, length: number, season: number, seed: number): SeriesInput[] {
  const rng = seededRng(seed);
  const pattern = [0.85, 1.0, 1.05, 1.1];
  return Array.from({ length: count }, (_, s) => {
    const level = 200 + 50 * s;
    const slope = level * (0.005 + 0.02 * rng());
    const values = Float64Array.from({ length }, (_, t) => {
      const seasonal = season === 4 ? pattern[t % 4]! : 1;
      return Math.round((level + slope * t) * seasonal * (1 + 0.04 * (rng() - 0.5)));
    });
    return { id: `s${s}`, values, startDay: dayOf(1990, 1, 1) };
  });
}

function expectSound(result: Awaited<ReturnType<typeof forecastMany>>, horizon: number): void {
  for (const s of result.series) {
    expect(s.mean).toHaveLength(horizon);
    for (let step = 0; step < horizon; step++) {
      expect(Number.isFinite(s.mean[step]!) && s.mean[step]! >= 0, s.id).toBe(true);
      for (let k = 0; k < 7; k++) {
        const q = s.quantiles[k]![step]!;
        expect(Number.isFinite(q) && q >= 0, s.id).toBe(true);
        if (k > 0) expect(q, s.id).toBeGreaterThanOrEqual(s.quantiles[k - 1]![step]!);
      }
    }
  }
}

describe('the engine by frequency (quarterly and yearly especially)', () => {
  it('caps the history at 40 years of quarters or years', () => {
    expect(defaultMaxHistory('Q')).toBe(160);
    expect(defaultMaxHistory('Y')).toBe(40);
  });

  it('keeps the trimmed history dated in its own calendar period (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Frequency>('D', 'W', 'M', 'Q', 'Y'),
        fc.integer({ min: dayOf(1960, 1, 1), max: dayOf(2030, 12, 31) }),
        fc.integer({ min: 0, max: 60 }),
        (frequency, startDay, leadingZeros) => {
          const values = Float64Array.from({ length: leadingZeros + 12 }, (_, t) => (t < leadingZeros ? 0 : 1 + (t % 3)));
          const prepared = prepareSeries({ id: 'a', values, startDay }, 0, { horizon: 4, season: 4, frequency }, []);
          const trimmed = values.length - prepared.y.length;
          expect(trimmed).toBe(leadingZeros);
          const step = frequency === 'W' ? 7 : 1;
          // Weeks are counted from the first date (any weekday), the others by the calendar.
          const expected = frequency === 'W' ? startDay + step * trimmed : undefined;
          if (expected !== undefined) expect(prepared.context.startDay).toBe(expected);
          else expect(calendarPeriod(prepared.context.startDay!, frequency)).toBe(calendarPeriod(startDay, frequency) + trimmed);
          expect(prepared.startPeriod).toBe(calendarPeriod(startDay, frequency) + trimmed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forecasts quarterly series with their season and sound quantiles (all default candidates)', async () => {
    const horizon = 8;
    const inputs = synthetic(24, 60, 4, 3);
    const result = await forecastMany(inputs, { horizon, season: 4, frequency: 'Q', candidates: defaultCandidates() });
    expect(result.series).toHaveLength(24);
    expectSound(result, horizon);
    // History ends in Q4 (60 quarters from Q1): step 1 is a Q1 (factor 0.85), step 4 a Q4 (1.1).
    const lowerFirst = result.series.filter((s) => s.mean[0]! < s.mean[3]!).length;
    expect(lowerFirst).toBeGreaterThanOrEqual(22);
    // Close to the truth without the noise: within 10% of trend x season on average.
    let error = 0;
    let count = 0;
    inputs.forEach((input, s) => {
      const v = input.values;
      const last = v.length;
      // Trend per quarter from the deseasonalised last two years.
      const pattern = [0.85, 1.0, 1.05, 1.1];
      const yearMean = (from: number) => [0, 1, 2, 3].reduce((sum, k) => sum + v[from + k]! / pattern[(from + k) % 4]!, 0) / 4;
      const slope = (yearMean(last - 4) - yearMean(last - 8)) / 4;
      for (let step = 0; step < horizon; step++) {
        const truth = (yearMean(last - 4) + slope * (2.5 + step)) * pattern[(last + step) % 4]!;
        error += Math.abs(result.series[s]!.mean[step]! / truth - 1);
        count++;
      }
    });
    expect(error / count).toBeLessThan(0.1);
  }, 60_000);

  it('forecasts yearly series (season 1) following their trend', async () => {
    const horizon = 6;
    const inputs = synthetic(22, 30, 1, 5);
    const result = await forecastMany(inputs, { horizon, season: 1, frequency: 'Y', candidates: defaultCandidates() });
    expectSound(result, horizon);
    // Every series grows: the forecasts continue above the last year's level on average.
    const rising = result.series.filter((s, i) => s.mean[horizon - 1]! > inputs[i]!.values.at(-3)!).length;
    expect(rising).toBeGreaterThanOrEqual(18);
  }, 60_000);
});
