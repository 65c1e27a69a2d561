/**
 * Descriptive ordering rhythm of one customer for one product: what the owner sees next to
 * the prediction ("orders about every 21 days, ± 5, usually 24 units, last on 3 Aug").
 */
import type { CustomerHistory } from './orders';

export interface Rhythm {
  orderCount: number;
  firstOrderDay: number;
  lastOrderDay: number;
  /** asOfDay − lastOrderDay. */
  daysSinceLastOrder: number;
  /** Days between consecutive orders. */
  intervalDays: number[];
  /** Arithmetic mean interval, null with fewer than 2 orders. */
  meanIntervalDays: number | null;
  /** Sample standard deviation of the intervals (n − 1 denominator), null with fewer than 3 orders. */
  intervalSpreadDays: number | null;
  /** Spread / mean, null when the spread is. */
  coefficientOfVariation: number | null;
  /** Median order quantity. */
  typicalQuantity: number;
  meanQuantity: number;
  totalQuantity: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function analyzeRhythm(history: CustomerHistory, asOfDay: number): Rhythm {
  const days = history.orderDays;
  if (days.length === 0) throw new Error(`Customer ${history.customerKey} has no orders`);
  const intervalDays: number[] = [];
  for (let i = 1; i < days.length; i++) intervalDays.push(days[i]! - days[i - 1]!);
  const meanIntervalDays = intervalDays.length > 0 ? intervalDays.reduce((s, v) => s + v, 0) / intervalDays.length : null;
  let intervalSpreadDays: number | null = null;
  if (intervalDays.length >= 2 && meanIntervalDays !== null) {
    const squares = intervalDays.reduce((s, v) => s + (v - meanIntervalDays) ** 2, 0);
    intervalSpreadDays = Math.sqrt(squares / (intervalDays.length - 1));
  }
  const totalQuantity = history.quantities.reduce((s, v) => s + v, 0);
  const lastOrderDay = days[days.length - 1]!;
  return {
    orderCount: days.length,
    firstOrderDay: days[0]!,
    lastOrderDay,
    daysSinceLastOrder: asOfDay - lastOrderDay,
    intervalDays,
    meanIntervalDays,
    intervalSpreadDays,
    coefficientOfVariation: intervalSpreadDays !== null && meanIntervalDays ? intervalSpreadDays / meanIntervalDays : null,
    typicalQuantity: median(history.quantities),
    meanQuantity: totalQuantity / history.quantities.length,
    totalQuantity,
  };
}
