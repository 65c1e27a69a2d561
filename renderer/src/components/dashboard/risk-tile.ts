import type { DashboardSummary } from '../../../../core/contract/commands/dashboard';
import { num } from '../../format';

type Risk = DashboardSummary['atRisk'];

/**
 * The "At risk of running out" tile's hint and link. With a plan the figures are the plan's
 * (the weekly summary's "urgent" is the same count), and products whose shelf the plan took
 * as empty for want of a stock count are said to be so. The figures count products; where they
 * are at risk at several locations the hint says how many lines at how many locations.
 */
export function atRiskTile(risk: Risk): { hint: string; link: string } {
  // Products at risk at several locations: "3 lines at 2 locations" before the breakdown (in products).
  const located = risk.locations > 1 ? `${num(risk.lines)} ${risk.lines === 1 ? 'line' : 'lines'} at ${num(risk.locations)} locations; ` : '';
  if (risk.source === 'alerts') {
    return { hint: `${located}${num(risk.beforeDelivery)} before a delivery could arrive`, link: '/alerts?kind=stockout_lead_time,stockout_7d' };
  }
  const later = risk.products - risk.beforeDelivery;
  const parts = [`${num(risk.beforeDelivery)} before a delivery could arrive`];
  if (later > 0) parts.push(`${num(later)} before the next review`);
  if (risk.withoutStockCount > 0) parts.push(`${num(risk.withoutStockCount)} with no stock count, taken as empty`);
  return { hint: `From the reorder plan: ${located}${parts.join('; ')}`, link: '/reorder' };
}
