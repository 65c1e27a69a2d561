/**
 * Demand scenarios: the forecast's sample paths placed on a time line that starts "now".
 *
 * Paths hold demand per forecast period (a week, a day or a month). Lead times and review
 * periods are in days and need not be whole periods, so demand is taken as spread evenly
 * inside a period: the cumulative demand of a path is piecewise linear, and a span that
 * covers 40% of a period takes 40% of that period's demand. "Now" may fall inside period 0
 * (the plan is made mid-week); the part of period 0 already gone is skipped, because the
 * sales of those days have already left the shelf (on hand is adjusted by sales since the
 * last stock count). Beyond the forecast horizon a path repeats its last period.
 */
import { averagePeriodDays } from '../forecast/frequency';
import type { Frequency } from '../forecast/types';

export interface DemandScenarios {
  /** Sample paths; paths[i][k] is the demand of period k in scenario i. Never negative. */
  paths: readonly Float64Array[];
  /** Length of one period in days: 7 weekly, 1 daily, 365.25 / 12 monthly (see periodDaysOf). */
  periodDays: number;
  /** Days from the start of period 0 to now, in [0, periodDays·horizon). */
  elapsedDays: number;
}

/** Period length in days of a forecast frequency (a month, quarter or year at its average length). */
export function periodDaysOf(frequency: Frequency): number {
  return averagePeriodDays(frequency);
}

/**
 * Builds scenarios from raw paths: negative or non-finite values (returns, markdowns,
 * model noise) become 0, since future demand to be stocked cannot be negative.
 */
export function makeScenarios(paths: readonly Float64Array[], periodDays: number, elapsedDays = 0): DemandScenarios {
  if (!(periodDays > 0)) throw new RangeError(`periodDays must be positive, got ${periodDays}`);
  if (paths.length === 0) throw new RangeError('at least one sample path is needed');
  const horizon = paths[0]!.length;
  if (horizon === 0) throw new RangeError('sample paths are empty');
  const clean = paths.map((path) => {
    if (path.length !== horizon) throw new RangeError('sample paths differ in length');
    const out = new Float64Array(horizon);
    for (let k = 0; k < horizon; k++) {
      const v = path[k]!;
      out[k] = Number.isFinite(v) && v > 0 ? v : 0;
    }
    return out;
  });
  return { paths: clean, periodDays, elapsedDays: Math.max(0, elapsedDays) };
}

/** Cumulative demand of one path from the start of period 0 to `days` (piecewise linear). */
export function cumulativeFromOrigin(path: Float64Array, periodDays: number, days: number): number {
  if (days <= 0) return 0;
  const position = days / periodDays;
  const whole = Math.floor(position);
  const fraction = position - whole;
  const last = path.length - 1;
  let total = 0;
  const inHorizon = Math.min(whole, path.length);
  for (let k = 0; k < inHorizon; k++) total += path[k]!;
  if (whole > path.length) total += (whole - path.length) * path[last]!;
  if (fraction > 0) total += fraction * path[Math.min(whole, last)]!;
  return total;
}

/** Demand of one path between `fromDays` and `toDays` after now. */
export function pathDemandBetween(scenarios: DemandScenarios, pathIndex: number, fromDays: number, toDays: number): number {
  const path = scenarios.paths[pathIndex]!;
  const { periodDays, elapsedDays } = scenarios;
  return cumulativeFromOrigin(path, periodDays, elapsedDays + toDays) - cumulativeFromOrigin(path, periodDays, elapsedDays + fromDays);
}

/** Demand over [fromDays, toDays) after now, one value per scenario. */
export function demandBetween(scenarios: DemandScenarios, fromDays: number, toDays: number): Float64Array {
  const out = new Float64Array(scenarios.paths.length);
  for (let i = 0; i < out.length; i++) out[i] = pathDemandBetween(scenarios, i, fromDays, toDays);
  return out;
}

/** A delivery expected `dueInDays` after now (≤ 0: due today or late, counted as arriving now). */
export interface ScheduledReceipt {
  quantity: number;
  dueInDays: number;
}

/**
 * The first moment (days after now) at which a path's demand exceeds the stock available,
 * with scheduled receipts added on their due days; Infinity when it does not happen within
 * `maxDays`. Demand between receipts is linear inside each period, so the crossing inside
 * a period is found exactly by interpolation.
 */
export function firstStockoutDay(
  scenarios: DemandScenarios,
  pathIndex: number,
  startingStock: number,
  receipts: readonly ScheduledReceipt[],
  maxDays: number,
): number {
  const path = scenarios.paths[pathIndex]!;
  const { periodDays, elapsedDays } = scenarios;
  const sorted = [...receipts].sort((a, b) => a.dueInDays - b.dueInDays);
  let available = startingStock;
  let nextReceipt = 0;
  while (nextReceipt < sorted.length && sorted[nextReceipt]!.dueInDays <= 0) available += sorted[nextReceipt++]!.quantity;
  if (available < 0) return 0;
  let t = 0;
  let demandSoFar = 0;
  const last = path.length - 1;
  while (t < maxDays) {
    const absolute = elapsedDays + t;
    const period = Math.floor(absolute / periodDays + 1e-12);
    const periodEnd = (period + 1) * periodDays - elapsedDays;
    const receiptAt = nextReceipt < sorted.length ? sorted[nextReceipt]!.dueInDays : Infinity;
    const segmentEnd = Math.min(periodEnd, receiptAt, maxDays);
    const rate = path[Math.min(period, last)]! / periodDays;
    const segmentDemand = rate * (segmentEnd - t);
    if (demandSoFar + segmentDemand > available) {
      return rate > 0 ? t + (available - demandSoFar) / rate : t;
    }
    demandSoFar += segmentDemand;
    t = segmentEnd;
    while (nextReceipt < sorted.length && sorted[nextReceipt]!.dueInDays <= t) available += sorted[nextReceipt++]!.quantity;
  }
  return Infinity;
}
