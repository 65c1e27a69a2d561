import type { DashboardSummary } from '../../../../core/contract/commands/dashboard';
import { num } from '../../format';

type Risk = DashboardSummary['atRisk'];

/**
 * The "At risk of running out" tile's hint and link. With a plan the figures are the plan's
 * (the weekly summary's "urgent" is the same count), and products whose shelf the plan took
 * as empty for want of a stock count are said to be so.
 */
export function atRiskTile(risk: Risk): { hint: string; link: string } {
  if (risk.source === 'alerts') {
    return { hint: `${num(risk.beforeDelivery)} before a delivery could arrive`, link: '/alerts?kind=stockout_lead_time,stockout_7d' };
  }
  const later = risk.products - risk.beforeDelivery;
  const parts = [`${num(risk.beforeDelivery)} before a delivery could arrive`];
  if (later > 0) parts.push(`${num(later)} before the next review`);
  if (risk.withoutStockCount > 0) parts.push(`${num(risk.withoutStockCount)} with no stock count, taken as empty`);
  return { hint: `From the reorder plan: ${parts.join('; ')}`, link: '/reorder' };
}
