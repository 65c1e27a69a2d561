import type { CustomerPrediction } from '../../../../core/contract/commands/customers';
import { date, dateRange, num, pct } from '../../format';

function days(n: number): string {
  const text = num(n);
  return text === '1' ? '1 day' : `${text} days`;
}

/** "every ~21 days (± 5)" or "twice, 21 days apart" ("1 day apart" in the singular). */
export function rhythmText(p: Pick<CustomerPrediction, 'orderCount' | 'typicalIntervalDays' | 'intervalSpreadDays' | 'meanIntervalDays'>): string {
  if (p.orderCount === 2 && p.meanIntervalDays !== null) return `twice, ${days(p.meanIntervalDays)} apart`;
  const spread = p.intervalSpreadDays !== null ? ` ± ${num(p.intervalSpreadDays)}` : '';
  return `every ~${days(Math.max(1, p.typicalIntervalDays))}${spread}`;
}

export function overdueText(p: Pick<CustomerPrediction, 'atRisk' | 'overdueProbability'>): string {
  return p.atRisk ? `Overdue (${pct(p.overdueProbability)})` : '';
}

/**
 * The "next expected" cell. An overdue customer's rhythm date has passed, so it is shown as
 * "was due" (before the as-of day, like the overdue flag); the later in-rhythm range is
 * labelled as conditional on them still buying, so the two never read as a contradiction.
 */
export function nextExpectedText(p: Pick<CustomerPrediction, 'atRisk' | 'dueOrder' | 'nextOrder' | 'nextOrderLow' | 'nextOrderHigh'>): { prefix: string; day: string; main: string; detail: string } {
  if (p.atRisk) return { prefix: 'Was due', day: date(p.dueOrder), main: `Was due ${date(p.dueOrder)}`, detail: `if still buying: ${dateRange(p.nextOrderLow, p.nextOrderHigh)}` };
  return { prefix: '', day: date(p.nextOrder), main: date(p.nextOrder), detail: dateRange(p.nextOrderLow, p.nextOrderHigh) };
}

/** Caption under revenue at stake: the units it prices, so it reconciles with the row (short; the cell's title says more). */
export function unitsAtStakeText(p: Pick<CustomerPrediction, 'unitsAtStake'>): string {
  return `${num(p.unitsAtStake, p.unitsAtStake < 10 ? 1 : 0)} units`;
}

/** The revenue-at-stake cell's title: what the money and the units are. */
export function unitsAtStakeTitle(p: Pick<CustomerPrediction, 'unitsAtStake' | 'typicalIntervalDays' | 'expectedQuantity'>, horizonWeeks: number): string {
  return `${num(p.unitsAtStake, p.unitsAtStake < 10 ? 1 : 0)} units: what they would buy in ${horizonWeeks} weeks ordering every ~${days(Math.max(1, p.typicalIntervalDays))}, about ${num(p.expectedQuantity, p.expectedQuantity < 10 ? 1 : 0)} a time, at the latest price. Not discounted for the chance they have stopped.`;
}

export const EXPECTED_UNITS_HELP =
  'Units expected from this customer over the horizon, allowing for the chance they have stopped buying (simulated).';
export const REVENUE_AT_STAKE_HELP =
  'For overdue customers: what they would buy over the horizon if they kept their usual rhythm and order size (units shown under it) at the latest price. It is larger than the expected units because it does not discount the chance they have stopped.';
