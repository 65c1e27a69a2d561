/**
 * One-sentence explanations of customer predictions, for a shop owner (PRODUCT.md §1).
 */
import type { Rhythm } from './rhythm';

/** Day number (days since 1970-01-01) → "YYYY-MM-DD". */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → day number, or null when it is not a real calendar date. */
export function isoToDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (!Number.isFinite(ms)) return null;
  const day = Math.round(ms / 86_400_000);
  return dayToIso(day) === text ? day : null;
}

export function percent(probability: number): string {
  return `${Math.round(100 * probability)}%`;
}

function roundDays(days: number): number {
  return Math.max(1, Math.round(days));
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/**
 * "orders about every 21 days (± 5) over 6 orders" or, with one interval, "ordered twice,
 * 9 days apart; with what is usual for this product, about every 21 days".
 */
export function describeRhythm(rhythm: Rhythm, typicalIntervalDays: number): string {
  if (rhythm.intervalDays.length === 1) {
    return `ordered twice, ${days(rhythm.intervalDays[0]!)} apart; with what is usual for this product, about every ${days(roundDays(typicalIntervalDays))}`;
  }
  const spread = rhythm.intervalSpreadDays !== null ? ` (± ${Math.round(rhythm.intervalSpreadDays)})` : '';
  return `orders about every ${days(roundDays(typicalIntervalDays))}${spread} over ${rhythm.orderCount} orders`;
}

export interface AtRiskFacts {
  rhythm: Rhythm;
  typicalIntervalDays: number;
  /** Last order + typical interval: when the rhythm put the next order (before the as-of day). */
  dueDay: number;
  overdueProbability: number;
  probabilityActive: number;
}

export function atRiskReason(facts: AtRiskFacts): string {
  const { rhythm } = facts;
  return (
    `${capitalise(describeRhythm(rhythm, facts.typicalIntervalDays))}. The last order was ${days(rhythm.daysSinceLastOrder)} ago ` +
    `(${dayToIso(rhythm.lastOrderDay)}), so the next was due around ${dayToIso(facts.dueDay)}; keeping that rhythm they would have ordered by now with ${percent(facts.overdueProbability)} ` +
    `probability; the chance they still order this product is ${percent(facts.probabilityActive)}.`
  );
}

export interface ExpectationFacts {
  rhythm: Rhythm;
  typicalIntervalDays: number;
  confidence: number;
  horizonWeeks: number;
  nextOrderDay: number;
  nextOrderDayLow: number;
  nextOrderDayHigh: number;
  expectedQuantity: number;
}

export function expectationReason(facts: ExpectationFacts): string {
  return (
    `${capitalise(describeRhythm(facts.rhythm, facts.typicalIntervalDays))}, last on ${dayToIso(facts.rhythm.lastOrderDay)}: ` +
    `${percent(facts.confidence)} chance of an order in the next ${facts.horizonWeeks} weeks; if they keep their rhythm, ` +
    `around ${dayToIso(facts.nextOrderDay)} (80% between ${dayToIso(facts.nextOrderDayLow)} and ${dayToIso(facts.nextOrderDayHigh)}), ` +
    `about ${formatQuantity(facts.expectedQuantity)} units.`
  );
}

export function formatQuantity(quantity: number): string {
  if (quantity >= 100) return String(Math.round(quantity));
  return String(Math.round(quantity * 10) / 10);
}

function capitalise(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
