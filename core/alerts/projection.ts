/**
 * When does the shelf empty if sales follow the forecast's average? Demand inside a
 * forecast period is spread evenly over its days (cumulative demand is piecewise linear),
 * deliveries arrive at the start of their due day, and beyond the horizon the last period
 * repeats. Returns days after `now` (fractional), or null when stock lasts past maxDays
 * or nothing is expected to sell.
 */
export interface Receipt {
  quantity: number;
  /** Days after now; ≤ 0 counts as already arrived. */
  dueInDays: number;
}

export function daysUntilStockout(
  onHand: number,
  receipts: readonly Receipt[],
  periodMeans: readonly number[],
  periodDays: number,
  /** Days from the start of period 0 to now. */
  elapsedDays: number,
  maxDays = 365,
): number | null {
  if (periodMeans.length === 0 || !(periodDays > 0)) return null;
  const sorted = [...receipts].filter((r) => r.quantity > 0).sort((a, b) => a.dueInDays - b.dueInDays);
  let available = Math.max(0, onHand);
  let next = 0;
  while (next < sorted.length && sorted[next]!.dueInDays <= 0) available += sorted[next++]!.quantity;
  let t = 0;
  let sold = 0;
  const last = periodMeans.length - 1;
  while (t < maxDays) {
    const absolute = elapsedDays + t;
    const period = Math.floor(absolute / periodDays + 1e-9);
    const periodEnd = (period + 1) * periodDays - elapsedDays;
    const receiptAt = next < sorted.length ? sorted[next]!.dueInDays : Infinity;
    const end = Math.min(periodEnd, receiptAt, maxDays);
    const rate = Math.max(0, periodMeans[Math.min(period, last)] ?? 0) / periodDays;
    if (sold + rate * (end - t) >= available && rate > 0) return t + (available - sold) / rate;
    sold += rate * (end - t);
    t = end;
    while (next < sorted.length && sorted[next]!.dueInDays <= t) available += sorted[next++]!.quantity;
  }
  return null;
}
