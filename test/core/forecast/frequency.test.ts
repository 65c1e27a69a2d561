import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES, averagePeriodDays, calendarPeriod, monthsPerPeriod, periodsPerYear, recentTrainingPeriods } from '../../../core/forecast/frequency';

const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

describe('frequency helpers', () => {
  it('give period lengths and periods per year for every frequency', () => {
    expect(FREQUENCIES.map(monthsPerPeriod)).toEqual([0, 0, 1, 3, 12]);
    expect(FREQUENCIES.map(periodsPerYear)).toEqual([365, 52, 12, 4, 1]);
    // 365.25 / 12 exactly as the inventory code always used for months.
    expect(FREQUENCIES.map(averagePeriodDays)).toEqual([1, 7, 365.25 / 12, 91.3125, 365.25]);
  });

  it('count calendar periods since 1970 (hand-worked dates)', () => {
    const may15 = dayOf(2024, 5, 15);
    expect(calendarPeriod(may15, 'D')).toBe(may15);
    // 2024-05-15 is a Wednesday; its Monday-based week starts 2024-05-13 = day 19856, week (19856 + 3) / 7.
    expect(calendarPeriod(may15, 'W')).toBe((dayOf(2024, 5, 13) + 3) / 7);
    expect(calendarPeriod(may15, 'M')).toBe(54 * 12 + 4);
    expect(calendarPeriod(may15, 'Q')).toBe(54 * 4 + 1);
    expect(calendarPeriod(may15, 'Y')).toBe(54);
    // Both ends of a quarter are the same quarter; the next day is the next one.
    expect(calendarPeriod(dayOf(2024, 1, 1), 'Q')).toBe(calendarPeriod(dayOf(2024, 3, 31), 'Q'));
    expect(calendarPeriod(dayOf(2024, 4, 1), 'Q')).toBe(calendarPeriod(dayOf(2024, 3, 31), 'Q') + 1);
    // Before 1970 the count goes negative, still by calendar period.
    for (const f of ['M', 'Q', 'Y'] as const) expect(calendarPeriod(dayOf(1969, 12, 31), f)).toBe(-1);
  });

  it('quarters and years are whole groups of calendar months (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 80_000 }), (day) => {
        const month = calendarPeriod(day, 'M');
        expect(calendarPeriod(day, 'Q')).toBe(Math.floor(month / 3));
        expect(calendarPeriod(day, 'Y')).toBe(Math.floor(month / 12));
        for (const f of FREQUENCIES) {
          const step = calendarPeriod(day + 1, f) - calendarPeriod(day, f);
          expect(step === 0 || step === 1, f).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('recent training periods of the global models', () => {
  it('are 2 years of days, the given years of weeks, 10 years of months or quarters, 30 years', () => {
    expect(FREQUENCIES.map((f) => recentTrainingPeriods(f, 3))).toEqual([730, 156, 120, 40, 30]);
    expect(recentTrainingPeriods('W', 5)).toBe(260);
  });
});
