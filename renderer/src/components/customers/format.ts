import type { CustomerPrediction } from '../../../../core/contract/commands/customers';
import { num, pct } from '../../format';

/** "every ~21 days (± 5)" or "twice, 21 days apart". */
export function rhythmText(p: Pick<CustomerPrediction, 'orderCount' | 'typicalIntervalDays' | 'intervalSpreadDays' | 'meanIntervalDays'>): string {
  if (p.orderCount === 2 && p.meanIntervalDays !== null) return `twice, ${num(p.meanIntervalDays)} days apart`;
  const spread = p.intervalSpreadDays !== null ? ` ± ${num(p.intervalSpreadDays)}` : '';
  return `every ~${num(Math.max(1, p.typicalIntervalDays))} days${spread}`;
}

export function overdueText(p: Pick<CustomerPrediction, 'atRisk' | 'overdueProbability'>): string {
  return p.atRisk ? `Overdue (${pct(p.overdueProbability)})` : '';
}
