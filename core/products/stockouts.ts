/**
 * Stockout periods from stock counts: a count at or below zero starts one; it ends the day
 * before the next positive count or the next day with a sale (stock was back), whichever
 * comes first, or runs to `asOfDay` when neither happened. Days are day numbers, inclusive.
 */
export function stockoutPeriods(counts: ReadonlyArray<{ day: number; onHand: number }>, saleDays: readonly number[], asOfDay: number): Array<{ start: number; end: number }> {
  const periods: Array<{ start: number; end: number }> = [];
  let saleIndex = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (count.onHand > 0) continue;
    const previous = periods.at(-1);
    if (previous && previous.end >= count.day) continue; // still inside the last period
    const nextPositive = counts.slice(i + 1).find((c) => c.onHand > 0)?.day ?? Infinity;
    while (saleIndex < saleDays.length && saleDays[saleIndex]! <= count.day) saleIndex++;
    const nextSale = saleDays[saleIndex] ?? Infinity;
    const endExclusive = Math.min(nextPositive, nextSale);
    const end = Number.isFinite(endExclusive) ? endExclusive - 1 : asOfDay;
    periods.push({ start: count.day, end: Math.max(count.day, end) });
  }
  return periods;
}
