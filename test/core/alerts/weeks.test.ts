import { describe, expect, it } from 'vitest';
import { demandOver } from '../../../core/alerts/stats';
import { buildWeekPoints, lastCompleteWeekStart } from '../../../core/alerts/weeks';
import { dayFromIso, weekStartOfDay } from '../../../core/dates';

describe('weekly points for the anomaly check', () => {
  it('the last complete week ends on or before the as-of day', () => {
    const monday = (d: number) => weekStartOfDay(d, 'monday');
    // Sunday 2025-11-16 completes the week from Monday 2025-11-10; Saturday does not
    expect(lastCompleteWeekStart(dayFromIso('2025-11-16'), monday)).toBe(dayFromIso('2025-11-10'));
    expect(lastCompleteWeekStart(dayFromIso('2025-11-15'), monday)).toBe(dayFromIso('2025-11-03'));
    expect(lastCompleteWeekStart(dayFromIso('2025-11-15'), (d) => weekStartOfDay(d, 'sunday'))).toBe(dayFromIso('2025-11-09'));
  });

  it('zero-fills from the first sale, censors out-of-stock zero weeks, excludes one-offs, names events', () => {
    const sales = new Map([
      [14, 5],
      [28, 3],
    ]);
    const points = buildWeekPoints({
      firstWeek: 0,
      lastWeek: 42,
      firstSaleDay: 10,
      sales,
      counts: [{ day: 20, onHand: 0 }],
      oneOffs: [{ startDay: 36, endDay: 36 }],
      explanations: [{ startDay: 42, endDay: 43, name: 'Easter' }],
    });
    expect(points.map((p) => p.start)).toEqual([7, 14, 21, 28, 35, 42]);
    expect(points.map((p) => p.actual)).toEqual([0, 5, 0, 3, 0, 0]);
    // counted at 0 at the end of week 14 (which sold 5 before); week 21 sold nothing → censored;
    // week 28 sold → the stockout ended; week 35 holds a one-off; week 42 overlaps Easter
    expect(points.map((p) => p.excluded)).toEqual([false, false, true, false, true, false]);
    expect(points.map((p) => p.explainedBy)).toEqual([null, 'a stockout', 'a stockout', 'a stockout', null, 'Easter']);
  });
});

describe('expected demand over the next days', () => {
  it('spreads each period evenly and repeats the last', () => {
    expect(demandOver([7, 14], 7, 0, 7)).toBeCloseTo(7, 10);
    expect(demandOver([7, 14], 7, 3.5, 7)).toBeCloseTo(3.5 + 7, 10);
    expect(demandOver([7], 7, 0, 28)).toBeCloseTo(28, 10);
    expect(demandOver([], 7, 0, 28)).toBe(0);
  });
});
