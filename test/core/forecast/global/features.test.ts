import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, dayOfWeek, daysFromCivil, periodDay, weekOfYear } from '../../../../core/forecast/global/features/calendar';
import { buildPanelDataset } from '../../../../core/forecast/global/features/dataset';
import { effectiveTargetLag, levelAt, writeFeatureRow, writeFeatureRows } from '../../../../core/forecast/global/features/rows';
import { SeriesState, demandPattern, PATTERN_CODES } from '../../../../core/forecast/global/features/series-state';
import type { FeatureSpec } from '../../../../core/forecast/global/features/spec';
import { defaultFeatureSpec, featureNames } from '../../../../core/forecast/global/features/spec';
import { seededRng } from '../../../../core/forecast/global/random';

describe('calendar arithmetic', () => {
  it('matches the JavaScript Date for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(civilFromDays(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
        expect(dayOfWeek(day)).toBe((date.getUTCDay() + 6) % 7);
      }),
    );
  });

  it('gives week of year and period dates by hand-worked examples', () => {
    expect(dayOfWeek(0)).toBe(3); // 1970-01-01 was a Thursday
    expect(weekOfYear(daysFromCivil(2012, 1, 7))).toBe(1);
    expect(weekOfYear(daysFromCivil(2012, 1, 8))).toBe(2);
    expect(weekOfYear(daysFromCivil(2012, 12, 25))).toBe(52);
    expect(periodDay(daysFromCivil(2010, 2, 5), 'W', 2)).toBe(daysFromCivil(2010, 2, 19));
    expect(civilFromDays(periodDay(daysFromCivil(2001, 1, 31), 'M', 1))).toEqual({ year: 2001, month: 2, day: 28 });
    expect(civilFromDays(periodDay(daysFromCivil(2001, 11, 1), 'M', 3))).toEqual({ year: 2002, month: 2, day: 1 });
    expect(civilFromDays(periodDay(daysFromCivil(2023, 11, 30), 'Q', 1))).toEqual({ year: 2024, month: 2, day: 28 });
    expect(civilFromDays(periodDay(daysFromCivil(2023, 3, 31), 'Q', 7))).toEqual({ year: 2024, month: 12, day: 28 });
    expect(civilFromDays(periodDay(daysFromCivil(2020, 2, 29), 'Y', 1))).toEqual({ year: 2021, month: 2, day: 28 });
    expect(civilFromDays(periodDay(daysFromCivil(1999, 6, 1), 'Y', 25))).toEqual({ year: 2024, month: 6, day: 1 });
  });

  it('gives quarterly and yearly series a month column but no week of year', () => {
    for (const frequency of ['Q', 'Y'] as const) {
      const names = featureNames(defaultFeatureSpec(frequency, frequency === 'Q' ? 4 : 1));
      expect(names).toContain('month');
      expect(names).not.toContain('week_of_year');
      expect(names).not.toContain('day_of_week');
    }
    expect(defaultFeatureSpec('Q', 4).lags).toEqual([1, 2, 3, 4, 8]);
  });
});

describe('SeriesState', () => {
  it('computes window statistics over known values (hand-worked)', () => {
    const state = new SeriesState({ id: 'a', values: Float64Array.from([2, NaN, 0, 4, 6]) }, 8);
    expect(state.count(0, 5)).toBe(4);
    expect(state.mean(0, 5)).toBe(3); // (2 + 0 + 4 + 6) / 4
    expect(state.meanAbs(2, 5)).toBeCloseTo(10 / 3, 12);
    expect(state.std(2, 5)).toBeCloseTo(Math.sqrt(((0 - 10 / 3) ** 2 + (4 - 10 / 3) ** 2 + (6 - 10 / 3) ** 2) / 3), 12);
    expect(state.zeroShare(0, 5)).toBe(0.25);
    expect(state.lastSaleBefore(3)).toBe(0);
    expect(state.lastSaleBefore(5)).toBe(4);
    expect(state.firstSale).toBe(0);
    expect(state.mean(1, 2)).toBeNaN();
    state.push(-3);
    expect(state.mean(5, 6)).toBe(-3);
    expect(state.meanAbs(5, 6)).toBe(3);
    state.truncate(5);
    expect(state.length).toBe(5);
  });

  it('builds the same sums at construction as value by value, and a prefix view reads like a state over the prefix', () => {
    const value = fc.oneof(fc.constant(0), fc.constant(NaN), fc.integer({ min: -20, max: 50 }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.nat(), (list, cutSeed) => {
        const values = Float64Array.from(list);
        const built = new SeriesState({ id: 'a', values }, values.length + 3);
        const pushed = new SeriesState({ id: 'a', values: new Float64Array(0) }, values.length + 3);
        for (const v of values) pushed.push(v);
        const cut = cutSeed % (values.length + 1);
        const view = new SeriesState({ id: 'a', values: values.subarray(0, cut) }, cut, built);
        const fresh = new SeriesState({ id: 'a', values: values.slice(0, cut) }, cut);
        const pairs: [SeriesState, SeriesState, number][] = [[built, pushed, values.length], [view, fresh, cut]];
        for (const [a, b, n] of pairs) {
          expect(a.length).toBe(n);
          expect(a.firstSale).toBe(b.firstSale);
          expect(a.pattern).toBe(a.patternBefore(a === view ? cut : values.length));
          for (let to = 0; to <= n; to++) {
            expect(a.lastSaleBefore(to)).toBe(b.lastSaleBefore(to));
            expect(a.patternBefore(to)).toBe(b.patternBefore(to));
            for (let from = 0; from <= to; from++) {
              expect([a.count(from, to), a.mean(from, to), a.meanAbs(from, to), a.std(from, to), a.zeroShare(from, to)]).toEqual([
                b.count(from, to), b.mean(from, to), b.meanAbs(from, to), b.std(from, to), b.zeroShare(from, to),
              ]);
            }
          }
        }
        // The view shares its buffers, so it must not grow into the full state's periods.
        expect(() => view.push(1)).toThrow(RangeError);
      }),
      { numRuns: 200 },
    );
  });

  it('classifies demand patterns by ADI and CV²', () => {
    expect(demandPattern(Float64Array.from([5, 5, 6, 5, 5, 6]))).toBe(PATTERN_CODES.smooth);
    expect(demandPattern(Float64Array.from([1, 9, 1, 12, 1, 9]))).toBe(PATTERN_CODES.erratic);
    expect(demandPattern(Float64Array.from([0, 0, 3, 0, 0, 3, 0, 0, 3]))).toBe(PATTERN_CODES.intermittent);
    expect(demandPattern(Float64Array.from([0, 0, 1, 0, 0, 20, 0, 0, 2]))).toBe(PATTERN_CODES.lumpy);
  });
});

const small: FeatureSpec = {
  frequency: 'W',
  season: 4,
  lags: [1, 2],
  targetLags: [4],
  rollingWindows: [2],
  levelWindow: 2,
  distanceCap: 5,
  calendar: false,
  holidays: true,
  events: false,
  price: false,
  categories: ['store'],
};

describe('feature rows', () => {
  it('writes a hand-worked row', () => {
    // values 1..10; origin 8 (values 1..8 known), step h = 2 → target period 9.
    const series = { id: 's', values: Float64Array.from({ length: 10 }, (_, t) => t + 1), holiday: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]), categories: [3] };
    const state = new SeriesState(series, 12);
    const out = new Float32Array(featureNames(small).length);
    const level = writeFeatureRow(small, state, 8, 2, out, 0);
    expect(level).toBe(7.5); // mean |y| of periods 6, 7 (values 7, 8)
    const row = Object.fromEntries(featureNames(small).map((name, i) => [name, out[i]]));
    expect(row.horizon).toBe(2);
    expect(row.lag_1).toBeCloseTo(8 / 7.5, 6);
    expect(row.lag_2).toBeCloseTo(7 / 7.5, 6);
    expect(row.target_lag_4).toBeCloseTo(6 / 7.5, 6); // period 9 - 4 = 5 holds 6
    expect(row.mean_2).toBeCloseTo(1, 6);
    expect(row.std_2).toBeCloseTo(0.5 / 7.5, 6);
    expect(row.zero_share).toBe(0);
    expect(row.periods_since_sale).toBe(1);
    expect(row.log_level).toBeCloseTo(Math.log1p(7.5), 6);
    expect(row.holiday).toBe(1); // period 9
    expect(row.holiday_next).toBe(0);
    expect(row.periods_to_holiday).toBe(0);
    expect(row.periods_since_holiday).toBe(5); // none within the cap
    expect(row.cat_store).toBe(3);
  });

  it('moves target lags back by whole seasons until they are known', () => {
    expect(effectiveTargetLag(52, 3, 52)).toBe(52);
    expect(effectiveTargetLag(7, 10, 7)).toBe(14);
    expect(effectiveTargetLag(7, 7, 7)).toBe(7);
    expect(effectiveTargetLag(364, 28, 7)).toBe(364);
    expect(effectiveTargetLag(4, 5, 1)).toBe(5);
  });

  it('never reads a value at or after the origin', () => {
    const spec = defaultFeatureSpec('D', 7, { holidays: false });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 40, maxLength: 120 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 39 }),
        (values, h, originSeed) => {
          const y = Float64Array.from(values);
          const origin = 1 + (originSeed % (y.length - 1));
          const changed = y.slice();
          for (let t = origin; t < y.length; t++) changed[t] = 1e6 + t;
          const n = featureNames(spec).length;
          const a = new Float32Array(n);
          const b = new Float32Array(n);
          writeFeatureRow(spec, new SeriesState({ id: 'a', values: y, startDay: 15000 }, y.length + h), origin, h, a, 0);
          writeFeatureRow(spec, new SeriesState({ id: 'a', values: changed, startDay: 15000 }, y.length + h), origin, h, b, 0);
          expect(Array.from(b)).toEqual(Array.from(a));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('writes all steps of an origin at once exactly as row by row', () => {
    const specs: FeatureSpec[] = [
      defaultFeatureSpec('W', 52, { holidays: true, events: true, price: true, categories: ['store', 'dept'] }),
      defaultFeatureSpec('D', 7, { holidays: true }),
      defaultFeatureSpec('M', 12, { calendar: false, price: true }),
      defaultFeatureSpec('Q', 4, { holidays: true }),
      defaultFeatureSpec('Y', 1, { events: true }),
      small,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(0), fc.constant(NaN)), { minLength: 30, maxLength: 150 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (spec, values, steps, originSeed, dated) => {
          const y = Float64Array.from(values);
          const n = y.length + steps;
          const series = {
            id: 'a',
            values: y,
            ...(dated ? { startDay: 15_000 } : {}),
            holiday: Uint8Array.from({ length: n }, (_, t) => (t % 9 === 0 ? 1 : 0)),
            eventMultiplier: Float64Array.from({ length: n }, (_, t) => 1 + (t % 5) / 10),
            price: Float64Array.from({ length: n }, (_, t) => (t % 7 === 3 ? NaN : 2 + (t % 4))),
            categories: [4, 7],
            abc: 1,
          };
          const state = new SeriesState(series, n);
          const origin = 1 + (originSeed % y.length);
          const width = featureNames(spec).length;
          const together = new Float32Array((steps + 1) * width).fill(-1);
          writeFeatureRows(spec, state, origin, steps, together, width, width);
          const single = new Float32Array(width);
          expect(Array.from(together.subarray(0, width)).every((v) => v === -1)).toBe(true);
          for (let h = 1; h <= steps; h++) {
            writeFeatureRow(spec, state, origin, h, single, 0);
            expect(Array.from(together.subarray(h * width, (h + 1) * width))).toEqual(Array.from(single));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps the level positive and floors it after a quiet spell', () => {
    const state = new SeriesState({ id: 'q', values: Float64Array.from([10, 10, 10, 10, 10, 10, 0, 0]) }, 8);
    // Recent window (2) is all zero; a fifth of the 8-period mean |y| (60/8) applies.
    expect(levelAt(small, state, 8)).toBeCloseTo(0.2 * 7.5, 12);
    expect(levelAt(small, new SeriesState({ id: 'z', values: new Float64Array(4) }, 4), 4)).toBe(1);
  });
});

describe('panel dataset', () => {
  it('holds out the final window in time order and clips targets', () => {
    const rng = seededRng(3);
    const states = [30, 25].map(
      (n, i) => new SeriesState({ id: `s${i}`, values: Float64Array.from({ length: n }, (_, t) => (t === 20 ? 500 : 5 + rng())) }, n + 3),
    );
    const H = 3;
    const data = buildPanelDataset(small, states, { horizon: H, holdOut: true, stepsPerTarget: 2, minContext: 4, maxTargetsPerSeries: 1000, targetClip: 10, rng: seededRng(1) });
    for (let r = 0; r < data.train.nRows; r++) {
      const s = data.train.seriesIndex[r]!;
      const target = data.train.origin[r]! + data.train.step[r]! - 1;
      expect(target).toBeLessThan(states[s]!.length - H);
      expect(data.train.origin[r]).toBeGreaterThanOrEqual(4);
      expect(Math.abs(data.train.y[r]!)).toBeLessThanOrEqual(10);
    }
    expect(data.valid!.nRows).toBe(2 * H);
    expect(Array.from(data.valid!.origin)).toEqual([27, 27, 27, 22, 22, 22]);
    expect(Array.from(data.valid!.step)).toEqual([1, 2, 3, 1, 2, 3]);
    // Every target before the hold-out gets two steps (when their origins have enough context).
    expect(data.train.nRows).toBeGreaterThan(2 * (27 - 4 - 1) + 2 * (22 - 4 - 1) - 4);
  });

  it('draws at most about maxRows training rows and maxValidSeries validation series, reproducibly', () => {
    const rng = seededRng(5);
    const states = Array.from({ length: 200 }, (_, i) => new SeriesState({ id: `s${i}`, values: Float64Array.from({ length: 60 }, () => 1 + 10 * rng()) }, 63));
    const options = { horizon: 3, holdOut: true, stepsPerTarget: 2, minContext: 4, maxTargetsPerSeries: 1000, targetClip: 10 };
    const full = buildPanelDataset(small, states, { ...options, rng: seededRng(1) });
    const capped = buildPanelDataset(small, states, { ...options, maxRows: 2_000, maxValidSeries: 50, rng: seededRng(1) });
    const again = buildPanelDataset(small, states, { ...options, maxRows: 2_000, maxValidSeries: 50, rng: seededRng(1) });
    expect(full.train.nRows).toBeGreaterThan(15_000);
    // Binomial(≈20,000, 0.1): within 5 sd of 2,000.
    expect(Math.abs(capped.train.nRows - 2_000)).toBeLessThan(5 * Math.sqrt(2_000));
    const validSeries = new Set(capped.valid!.seriesIndex).size;
    expect(Math.abs(validSeries - 50)).toBeLessThan(5 * Math.sqrt(50));
    expect(capped.valid!.nRows).toBe(3 * validSeries);
    // Rows still come from every part of the panel, and the draw is seeded.
    expect(new Set(capped.train.seriesIndex).size).toBeGreaterThan(150);
    expect(Array.from(again.train.y)).toEqual(Array.from(capped.train.y));
    // A cap above the row count changes nothing.
    const loose = buildPanelDataset(small, states, { ...options, maxRows: 10 ** 9, maxValidSeries: 10 ** 6, rng: seededRng(1) });
    expect(Array.from(loose.train.X)).toEqual(Array.from(full.train.X));
    expect(loose.valid!.nRows).toBe(full.valid!.nRows);
  });
});
