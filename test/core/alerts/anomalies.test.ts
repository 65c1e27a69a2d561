import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAnomalies, findLevelShift, oneStepBands, sparseCountBand } from '../../../core/alerts/anomalies';
import { median, robustSd } from '../../../core/alerts/robust';

describe('robust statistics', () => {
  it('median and IQR-based sd by hand', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
    // quartiles 2 and 4 → IQR 2 → 2 / 1.349
    expect(robustSd([1, 2, 3, 4, 5])).toBeCloseTo(2 / 1.349, 10);
    // one wild value does not move it
    expect(robustSd([1, 2, 3, 4, 500])).toBeCloseTo(2 / 1.349, 10);
    // bimodal errors (the MAD would be 0 here): quartiles −10 and 10
    expect(robustSd([-10, 10, -10, 10, -10, 10, -10, 10, -10])).toBeCloseTo(20 / 1.349, 10);
    expect(robustSd([7])).toBeNaN();
  });
});

describe('one-step-ahead 95% bands', () => {
  it('needs 8 earlier valid weeks before it judges a week', () => {
    const bands = oneStepBands([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(bands.slice(0, 8).every((b) => b === null)).toBe(true);
    expect(bands[8]).not.toBeNull();
  });

  it('a flat series of 10 a week: the band is Poisson(10)’s central 95%, 4 to 17', () => {
    // P(X ≤ 3) = 0.0103 < 0.025 ≤ P(X ≤ 4) = 0.0293; P(X ≤ 16) = 0.9730 < 0.975 ≤ P(X ≤ 17) = 0.9857.
    const y = [...Array<number>(20).fill(10), 40];
    const band = oneStepBands(y)[20]!;
    expect(band.forecast).toBe(10);
    expect(band.lower).toBe(4);
    expect(band.upper).toBe(17);
    const found = findAnomalies(y);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ index: 20, actual: 40, direction: 'above' });
  });

  it('an ordinary week is not unusual, a collapse is', () => {
    expect(findAnomalies([...Array<number>(20).fill(10), 12])).toEqual([]);
    const drop = findAnomalies([...Array<number>(20).fill(10), 1]);
    expect(drop).toHaveLength(1);
    expect(drop[0]!.direction).toBe('below');
  });

  it('wide swings widen the band: 0/20 alternating sales never alarm', () => {
    const y = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0 : 20));
    expect(findAnomalies(y)).toEqual([]);
  });

  it('a part that sells a few now and then: its ordinary sales are not unusual, a crate is', () => {
    // 26 weeks with a sale of 4, 6 or 8 every fourth week (mean 1.5, variance ~7.4), then 6, then 40.
    const sizes = [4, 6, 8];
    const y = Array.from({ length: 26 }, (_, i) => (i % 4 === 3 ? sizes[(i >> 2) % 3]! : 0));
    y.push(6, 40);
    // (Early on, with two sales seen, the first 8 is itself a surprise: weeks from 12 on are judged.)
    const found = findAnomalies(y).filter((a) => a.index >= 12);
    expect(found.map((a) => a.index)).toEqual([27]);
    // Hand check of the band's count part: negative binomial, mean 1.5, size r = mean² / (var − mean).
    const [lower, upper] = sparseCountBand(y.slice(0, 26));
    expect(lower).toBe(0);
    expect(upper).toBeGreaterThanOrEqual(8);
    expect(upper).toBeLessThan(40);
  });

  it('a Christmas run-up that repeats last year is the season, not a surprise; a new spike still is', () => {
    // 10 a week with a 40 in week 30 and, a year on, 45 in week 83 (one week later in the
    // calendar); a one-off 40 in week 60 has no counterpart a year before.
    const y = Array.from({ length: 90 }, () => 10);
    y[30] = 40;
    y[60] = 40;
    y[83] = 45;
    expect(findAnomalies(y).map((a) => a.index)).toEqual([30, 60]);
  });

  it('excluded (NaN) weeks are neither judged nor used as history', () => {
    const y = [...Array<number>(8).fill(10), NaN, 10, 40];
    const bands = oneStepBands(y);
    expect(bands[8]).not.toBeNull(); // a band exists, but there is no actual to judge
    expect(findAnomalies(y).map((a) => a.index)).toEqual([10]);
  });

  it('bands are ordered and non-negative on any series (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(NaN)), { minLength: 0, maxLength: 80 }), (values) => {
        const bands = oneStepBands(values);
        for (const band of bands) {
          if (!band) continue;
          expect(band.lower).toBeGreaterThanOrEqual(0);
          expect(band.lower).toBeLessThanOrEqual(band.upper);
          expect(Number.isFinite(band.upper)).toBe(true);
        }
        for (const a of findAnomalies(values, bands)) expect(a.actual > a.band.upper || a.actual < a.band.lower).toBe(true);
      }),
    );
  });
});

describe('level shifts', () => {
  const base = Array.from({ length: 30 }, (_, i) => 20 + ((i * 7) % 5) - 2); // 18..22

  it('finds a doubling six weeks ago and where it began', () => {
    const y = [...base, 40, 41, 39, 42, 40, 38];
    const shift = findLevelShift(y);
    expect(shift).not.toBeNull();
    expect(shift!.index).toBe(30);
    expect(shift!.before).toBe(20);
    expect(shift!.after).toBe(40);
    expect(shift!.change).toBeCloseTo(1, 10);
  });

  it('finds a drop', () => {
    const shift = findLevelShift([...base, 8, 9, 7, 8, 10]);
    expect(shift).not.toBeNull();
    expect(shift!.after).toBeLessThan(shift!.before);
  });

  it('ignores a single spike and ordinary noise', () => {
    expect(findLevelShift([...base, 20, 60, 21, 19, 20])).toBeNull();
    expect(findLevelShift(base)).toBeNull();
  });

  it('needs 26 weeks of earlier history', () => {
    expect(findLevelShift([...base.slice(0, 10), 40, 40, 40, 40, 40])).toBeNull();
  });
});
