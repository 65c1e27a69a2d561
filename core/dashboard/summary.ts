/**
 * The dashboard: live SQL aggregates for stock and deliveries, the alerts the last refresh
 * left open, and the weekly summary and cost of goods sold that refresh stored.
 */
import { latestWeeklySummary } from '../alerts/summary-store';
import type { DashboardSummary, WeeklySummary } from '../contract/commands/dashboard';
import { isoFromDay } from '../dates';
import type { Db } from '../db/connection';
import { alertsState, listAlerts, openAlertCounts } from '../db/repos/alerts';
import { activeProductCount, nextDeliveries, planRiskFigures, riskFigures, statsSpan, stockValue } from '../db/repos/dashboard';
import { businessToday } from '../db/repos/purchase-orders';
import { hasPlan, latestForecastRun } from '../db/repos/stock-facts';

export function weeklySummary(db: Db): WeeklySummary | null {
  const stored = latestWeeklySummary(db);
  if (!stored?.narrative) return null;
  const n = stored.narrative;
  return { weekStartDay: isoFromDay(n.weekStartDay), weekEndDay: isoFromDay(n.weekEndDay), headline: n.headline, sections: n.sections, generatedAt: stored.generatedAt };
}

export function dashboardSummary(db: Db): DashboardSummary {
  const span = statsSpan(db);
  const asOf = span.asOfDay;
  const first = span.firstSaleDay;
  const run = latestForecastRun(db);
  const stock = stockValue(db);
  const risk = riskFigures(db);
  // One source of truth with the weekly summary's "needs ordering … urgent": the plan.
  const planned = hasPlan(db) ? planRiskFigures(db) : null;
  const deliveries = nextDeliveries(db, 5);
  const today = businessToday(db);
  const stored = latestWeeklySummary(db);
  const cogs = stored?.cogsCents ?? null;
  return {
    asOfDay: asOf === null ? null : isoFromDay(asOf),
    historyDays: asOf !== null && first !== null ? asOf - first + 1 : 0,
    products: activeProductCount(db),
    accuracy: stored?.accuracy ? { runId: stored.accuracy.runId, runAsOfDay: isoFromDay(stored.accuracy.runAsOfDay), groups: stored.accuracy.groups } : null,
    stock,
    turnover: cogs === null ? null : { cogsCents: cogs, turnsPerYear: stock.valueCents > 0 ? cogs / stock.valueCents : null },
    atRisk: planned
      ? { products: planned.atRisk, beforeDelivery: planned.beforeDelivery, source: 'plan', withoutStockCount: planned.withoutStockCount, lines: planned.lines, locations: planned.locations }
      : { products: risk.atRisk, beforeDelivery: risk.beforeDelivery, source: 'alerts', withoutStockCount: 0, lines: risk.riskLines, locations: risk.riskLocations },
    deadStock: { products: risk.deadProducts, valueCents: risk.deadValueCents },
    // Late against the same "today" as the purchase orders screen (the day after the last data).
    nextDeliveries: deliveries.rows.map((d) => ({ ...d, expectedDay: d.expectedDay === null ? null : isoFromDay(d.expectedDay), late: d.expectedDay !== null && d.expectedDay < today })),
    openPurchaseOrders: deliveries.total,
    alerts: { counts: openAlertCounts(db), top: listAlerts(db, { view: 'open', kinds: [], severities: [], productId: null, offset: 0, limit: 6 }).rows },
    summary: weeklySummary(db),
    state: alertsState(db, { hasForecast: run !== null, hasPlan: hasPlan(db) }),
  };
}
