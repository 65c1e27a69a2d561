import { describe, expect, it } from 'vitest';
import { adidaRate, crostonRate, imapaRate, meanInterval, tsbRate } from '../../../../core/forecast/kernels/intermittent';
import { movingAverage } from '../../../../core/forecast/models/simple';
import type { SeriesContext } from '../../../../core/forecast/types';

const monthly: SeriesContext = { season: 12, frequency: 'M', allowNegative: false };

describe('intermittent rates by hand', () => {
  it('Croston: SES of sizes and intervals started at their first values', () => {
    // Demands 4 (after 2 periods) and 2 (after 3): sizes 4 -> 4 + 0.5 (2 - 4) = 3,
    // intervals 2 -> 2 + 0.5 (3 - 2) = 2.5; rate 3 / 2.5.
    const y = Float64Array.from([0, 4, 0, 0, 2]);
    expect(crostonRate(y, y.length, 0.5, false).rate).toBeCloseTo(1.2, 12);
    expect(crostonRate(y, y.length, 0.5, true).rate).toBeCloseTo(1.2 * 0.75, 12);
  });

  it('TSB forecasts a steady demand exactly and decays after demand stops', () => {
    const steady = new Float64Array(30).fill(3);
    expect(tsbRate(steady, 30).rate).toBeCloseTo(3, 12);
    const stopped = Float64Array.from({ length: 40 }, (_, t) => (t < 20 ? 2 : 0));
    expect(tsbRate(stopped, 40).rate).toBeLessThan(1);
    expect(tsbRate(new Float64Array(5), 5).rate).toBe(0);
  });

  it('ADIDA sums into buckets from the end; a regular pattern gives its exact rate', () => {
    // One sale of 6 every 3 periods: every bucket of 3 totals 6, so the rate is 2 per period.
    const y = Float64Array.from({ length: 30 }, (_, t) => (t % 3 === 1 ? 6 : 0));
    expect(meanInterval(y, 30)).toBeCloseTo(29 / 10, 12);
    expect(adidaRate(y, 30, 3).rate).toBeCloseTo(2, 10);
    expect(imapaRate(y, 30, 1).rate).toBeCloseTo(adidaRate(y, 30, 1).rate, 12);
  });
});

describe('moving average', () => {
  it('uses the window with the smallest one-step error and forecasts its mean', () => {
    // A level shift 12 periods before the end: short windows track it best.
    const y = Float64Array.from({ length: 40 }, (_, t) => (t < 28 ? 10 : 20));
    const fitted = movingAverage().fit(y, monthly);
    const f = fitted.forecast(2);
    expect(fitted.describe().window).toBe(3);
    expect(f.mean[0]).toBe(20);
    expect(movingAverage(4).fit(Float64Array.from([1, 2, 3, 4, 5, 6]), monthly).forecast(1).mean[0]).toBe(4.5);
  });
});
