import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../core/forecast/global/features/calendar';
import { joinTrainTest, periodsBetween } from '../../../core/inventory/replay-engine';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('periodsBetween', () => {
  it('counts whole periods between the end of a history and the start of its test window (hand-worked)', () => {
    // Daily: 10 days from 1 March 2024 end on the 10th; a test from the 11th follows at once, from the 14th after 3 days.
    expect(periodsBetween(day(2024, 3, 1), 10, day(2024, 3, 11), 'D')).toBe(0);
    expect(periodsBetween(day(2024, 3, 1), 10, day(2024, 3, 14), 'D')).toBe(3);
    // Weekly on Fridays: 4 weeks from Fri 5 Jan 2024; the next week is Fri 2 Feb, a test from Fri 16 Feb skips 2.
    expect(periodsBetween(day(2024, 1, 5), 4, day(2024, 2, 2), 'W')).toBe(0);
    expect(periodsBetween(day(2024, 1, 5), 4, day(2024, 2, 16), 'W')).toBe(2);
    // Monthly: 3 months from 15 Jan end in March; April follows, June skips April and May (the day does not matter).
    expect(periodsBetween(day(2024, 1, 15), 3, day(2024, 4, 1), 'M')).toBe(0);
    expect(periodsBetween(day(2024, 1, 15), 3, day(2024, 6, 30), 'M')).toBe(2);
    // Quarterly across a year end: 4 quarters from Q1 2023; Q1 2024 follows, Q3 2024 skips 2.
    expect(periodsBetween(day(2023, 1, 1), 4, day(2024, 1, 1), 'Q')).toBe(0);
    expect(periodsBetween(day(2023, 1, 1), 4, day(2024, 7, 1), 'Q')).toBe(2);
  });
});

describe('joinTrainTest', () => {
  const train = [
    { id: 'a', values: Float64Array.of(1, 2, 3), startDay: day(2024, 3, 1) },
    { id: 'b', values: Float64Array.of(4, 5), startDay: day(2024, 3, 1) },
    { id: 'only-train', values: Float64Array.of(1), startDay: day(2024, 3, 1) },
  ];
  const test = [
    { id: 'a', values: Float64Array.of(7, 8), startDay: day(2024, 3, 4) },
    // b's history ends on 2 March; its test starts on the 5th: the 3rd and 4th have no rows.
    { id: 'b', values: Float64Array.of(9), startDay: day(2024, 3, 5) },
    { id: 'only-test', values: Float64Array.of(1), startDay: day(2024, 3, 4) },
  ];

  it('replays each test value on its own date: periods between the files are filled with 0', () => {
    const joined = joinTrainTest(train, test, 100, 2, 'D');
    expect(joined.series.map((s) => [s.id, [...s.values], s.testStart, s.leadTimePeriods])).toEqual([
      ['a', [1, 2, 3, 7, 8], 3, 2],
      ['b', [4, 5, 0, 0, 9], 2, 2],
    ]);
    expect(joined).toMatchObject({ skipped: 2, filledPeriods: 2, filledSeries: 1 });
  });

  it('without dates, puts the test window right after the history', () => {
    const joined = joinTrainTest(train.map(({ id, values }) => ({ id, values })), test.map(({ id, values }) => ({ id, values })), 100);
    expect(joined.series.map((s) => [...s.values])).toEqual([
      [1, 2, 3, 7, 8],
      [4, 5, 9],
    ]);
    expect(joined.filledPeriods).toBe(0);
  });
});
