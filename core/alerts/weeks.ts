/**
 * Building the weekly points the anomaly detector reads: zero-filled weeks from a
 * product's first sale, censored weeks (stock counted at zero and nothing sold) excluded,
 * weeks marked as one-offs excluded, and weeks overlapping a holiday or an event named.
 */
import type { WeekPoint } from './series';

export interface DayRange {
  startDay: number;
  endDay: number;
  name?: string;
}

/** The last complete week before or at `asOfDay`: its first day. */
export function lastCompleteWeekStart(asOfDay: number, weekStartOf: (day: number) => number): number {
  const current = weekStartOf(asOfDay);
  return current + 6 <= asOfDay ? current : current - 7;
}

function overlaps(range: DayRange, start: number, end: number): boolean {
  return range.startDay <= end && range.endDay >= start;
}

/**
 * Weekly points from `firstWeek` to `lastWeek` (both week starts). Weeks before the
 * product's first sale are left out; `counts` are stock counts in day order.
 */
export function buildWeekPoints(options: {
  firstWeek: number;
  lastWeek: number;
  firstSaleDay: number | null;
  sales: ReadonlyMap<number, number> | undefined;
  counts: ReadonlyArray<{ day: number; onHand: number }> | undefined;
  oneOffs: readonly DayRange[];
  explanations: readonly DayRange[];
}): WeekPoint[] {
  const { firstWeek, lastWeek, firstSaleDay, sales, counts, oneOffs, explanations } = options;
  const points: WeekPoint[] = [];
  let countIndex = 0;
  let latestCount: number | null = null;
  let latestCountDay = -Infinity;
  for (let start = firstWeek; start <= lastWeek; start += 7) {
    const end = start + 6;
    if (firstSaleDay === null || end < firstSaleDay) continue;
    if (counts) {
      while (countIndex < counts.length && counts[countIndex]!.day <= end) {
        latestCount = counts[countIndex]!.onHand;
        latestCountDay = counts[countIndex++]!.day;
      }
    }
    const actual = sales?.get(start) ?? 0;
    const stockedOut = latestCount !== null && latestCount <= 0;
    const oneOff = oneOffs.some((r) => overlaps(r, start, end));
    const explained = explanations.find((r) => overlaps(r, start, end));
    points.push({
      start,
      actual,
      excluded: oneOff || (stockedOut && actual === 0),
      explainedBy: stockedOut ? 'a stockout' : (explained?.name ?? null),
    });
    // Sales in a week after the zero count mean the shelf was refilled: the stockout ended.
    // (Sales in the count's own week may have come before it.)
    if (stockedOut && actual > 0 && latestCountDay < start) latestCount = null;
  }
  return points;
}
