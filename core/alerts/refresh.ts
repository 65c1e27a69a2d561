/**
 * Recomputes every alert and this week's summary from the workspace and stores them.
 * Runs in the alerts job's worker thread (or inline in tests and the CLI); one transaction
 * for the alert rows, so the screens never see half a refresh.
 */
import { dayFromIso, weekStartOfDay } from '../dates';
import type { Db } from '../db/connection';
import type { ProductBase } from '../db/repos/alert-facts';
import { actualsForRun, chosenBacktests, costOfGoodsSold, forecastMeansByLocation, latestForecastMeans, latestRecommendationLines, locationNames, productBases, productPositions, stockCountsSince, weeklySales } from '../db/repos/alert-facts';
import type { StockPosition } from '../db/repos/stock-position';
import { positionKey, stockPositions } from '../db/repos/stock-position';
import type { UpsertOutcome } from '../db/repos/alerts';
import { applyAlertDrafts, dataFingerprint, oneOffDays, writeRefreshState } from '../db/repos/alerts';
import { listEvents } from '../db/repos/events';
import { readSettings } from '../db/repos/settings';
import { asOfDay as findAsOfDay } from '../db/repos/stock-facts';
import { publicHolidays } from '../calendar/holidays';
import { makeTextFormat } from './format';
import type { WeeklyNarrative } from './narrative';
import { weeklyNarrative } from './narrative';
import { narrativeFacts } from './narrative-facts';
import type { AlertDraft, ProductFacts } from './rules';
import { accuracyAlerts, stockAlerts, stockHealthAlerts, stockLevelAlerts } from './rules';
import { seriesAlerts } from './series';
import type { DayRange } from './weeks';
import { buildWeekPoints, lastCompleteWeekStart } from './weeks';
import { storeWeeklySummary } from './summary-store';
import { statsRow } from './stats';
import type { ProductStatsRow } from '../db/repos/product-stats';
import { recentSales, writeProductStats } from '../db/repos/product-stats';
import { accuracyRows } from '../db/repos/dashboard';
import { accuracyGroups } from '../dashboard/accuracy';
import type { StockHealthLine } from '../inventory/slow-stock-workspace';
import { workspaceStockHealth } from '../inventory/slow-stock-workspace';

/** Weeks of history the anomaly check reads: 26 to judge the spread, 8 for the level, and room. */
export const SERIES_WEEKS = 60;

export interface RefreshResult extends UpsertOutcome {
  asOfDay: number | null;
  products: number;
  narrative: WeeklyNarrative | null;
}

/** Mean absolute one-period change of a series: the scale of MASE (Hyndman & Koehler 2006). */
export function naiveScale(values: readonly number[]): number {
  let total = 0;
  let count = 0;
  for (let i = 1; i < values.length; i++) {
    total += Math.abs(values[i]! - values[i - 1]!);
    count++;
  }
  return count > 0 ? total / count : NaN;
}

function forecastFacts(
  base: ProductBase,
  forecast: ReturnType<typeof latestForecastMeans>,
  nowDay: number,
  entry = forecast?.byProduct.get(base.id),
): Pick<ProductFacts, 'forecastMeans' | 'forecastPeriodDays' | 'forecastElapsedDays'> {
  if (!forecast || !entry) return { forecastMeans: null, forecastPeriodDays: 7, forecastElapsedDays: 0 };
  const first = entry.starts.findIndex((start) => start + forecast.periodDays > nowDay);
  if (first < 0) return { forecastMeans: null, forecastPeriodDays: forecast.periodDays, forecastElapsedDays: 0 };
  return { forecastMeans: entry.means.slice(first), forecastPeriodDays: forecast.periodDays, forecastElapsedDays: Math.max(0, nowDay - entry.starts[first]!) };
}

export function refreshAlerts(db: Db, now = new Date()): RefreshResult {
  const fingerprint = dataFingerprint(db);
  const settings = readSettings(db);
  const fmt = makeTextFormat(settings.locale, settings.currency);
  const asOf = findAsOfDay(db);
  if (asOf === null) {
    const outcome = applyAlertDrafts(db, [], now);
    writeRefreshState(db, { at: now.toISOString(), fingerprint, asOfDay: null });
    writeProductStats(db, [], now);
    storeWeeklySummary(db, { narrative: null, cogsCents: null, accuracy: null }, now);
    return { ...outcome, asOfDay: null, products: 0, narrative: null };
  }
  const weekStartOf = (day: number) => weekStartOfDay(day, settings.weekStart);
  const lastWeek = lastCompleteWeekStart(asOf, weekStartOf);
  const firstWeek = lastWeek - 7 * (SERIES_WEEKS - 1);
  const nowDay = asOf + 1; // stock counts and sales are as of the end of the as-of day

  const bases = productBases(db, settings.defaultLeadTimeDays);
  const located = stockPositions(db);
  const positions = productPositions(db, located);
  const forecast = latestForecastMeans(db);
  // A shop that keeps stock at several locations: stock-level alerts are decided per location,
  // as stock health is (a kiosk can run out while the main shop has plenty).
  const countedLines = new Map<number, StockPosition[]>();
  for (const p of located.values()) if (p.countDay !== null) countedLines.set(p.productId, [...(countedLines.get(p.productId) ?? []), p]);
  const severalLocations = new Set([...located.values()].filter((p) => p.countDay !== null).map((p) => p.locationId)).size > 1;
  const byLocation = severalLocations
    ? {
        names: locationNames(db),
        forecast: forecast ? forecastMeansByLocation(db, forecast.runId) : new Map<string, { starts: number[]; means: number[] }>(),
        reorderPoints: new Map(latestRecommendationLines(db).map((r) => [positionKey(r.productId, r.locationId), r.reorderPoint])),
      }
    : null;
  const actuals = forecast && forecast.periodDays === 7 ? actualsForRun(db, forecast.runId, 7, asOf) : new Map();
  const backtests = forecast ? chosenBacktests(db, forecast.runId) : new Map();
  const weekly = weeklySales(db, firstWeek, lastWeek + 6, settings.weekStart);
  const counts = stockCountsSince(db, firstWeek);
  const marks = oneOffDays(db);
  const events = listEvents(db, null, null).filter((e) => e.type !== 'other' || e.multiplier !== null);
  const holidays: DayRange[] = publicHolidays(settings.country, firstWeek, lastWeek + 6).map((h) => ({ startDay: h.day, endDay: h.day, name: h.name }));
  // Dead stock and overstock are the slow-stock report's own assessment (rules.ts header).
  const stockLines = workspaceStockHealth(db).lines;
  const healthByProduct = new Map<number, StockHealthLine[]>();
  for (const line of stockLines) healthByProduct.set(line.productId, [...(healthByProduct.get(line.productId) ?? []), line]);

  const recent = recentSales(db, asOf);
  const drafts: AlertDraft[] = [];
  const stats: ProductStatsRow[] = [];
  const seriesByProduct = new Map<number, ReturnType<typeof buildWeekPoints>>();
  for (const base of bases) {
    const label = `${base.name} (${base.sku})`;
    const sales = weekly.get(base.id);
    const explanations: DayRange[] = [
      ...holidays,
      ...events
        .filter((e) => e.scope === 'all' || (e.scope === 'sku' && e.scopeValue === base.sku) || (e.scope === 'category' && base.category !== null && e.scopeValue?.toLowerCase() === base.category.toLowerCase()))
        .map((e) => ({ startDay: dayFromIso(e.startDay), endDay: dayFromIso(e.endDay), name: e.name })),
    ];
    const points = buildWeekPoints({
      firstWeek,
      lastWeek,
      firstSaleDay: base.firstSaleDay,
      sales,
      counts: counts.get(base.id),
      oneOffs: (marks.get(base.id) ?? []).map((m) => ({ startDay: m.startDay, endDay: m.endDay })),
      explanations,
    });
    seriesByProduct.set(base.id, points);

    const productActuals = actuals.get(base.id) as Array<{ actual: number; mean: number }> | undefined;
    let accuracy: ProductFacts['accuracy'] = null;
    if (productActuals && productActuals.length > 0 && forecast) {
      const history = points.filter((p) => p.start < forecast.asOfDay && !p.excluded).map((p) => p.actual).slice(-52);
      const scale = naiveScale(history);
      if (scale > 0) {
        const error = productActuals.reduce((a, r) => a + Math.abs(r.actual - r.mean), 0) / productActuals.length;
        accuracy = { newPeriods: productActuals.length, newMase: error / scale, backtestMase: backtests.get(base.id)?.mase ?? null };
      }
    }
    const position = positions.get(base.id);
    const facts: ProductFacts = {
      productId: base.id,
      sku: base.sku,
      name: base.name,
      onHand: position?.onHand ?? null,
      // A sent order without a due day is expected one lead time after it was sent (as the plan assumes).
      receipts: (position?.onOrder ?? []).map((r) => ({ quantity: r.quantity, dueInDays: (r.expectedDay ?? (r.sentDay ?? nowDay) + Math.ceil(base.leadTimeDays)) - nowDay })),
      unitCostCents: base.unitCostCents,
      leadTimeDays: base.leadTimeDays,
      ...forecastFacts(base, forecast, nowDay),
      reorderPoint: base.reorderPoint,
      stockHealth: (healthByProduct.get(base.id) ?? []).map((line, _i, all) => ({ ...line, locationId: all.length > 1 ? line.locationId : null })),
      accuracy,
    };
    const ctx = { asOfDay: asOf, format: fmt };
    const lines = countedLines.get(base.id) ?? [];
    if (byLocation && lines.length > 0) {
      for (const line of lines) {
        const key = positionKey(base.id, line.locationId);
        const lineFacts: ProductFacts = {
          ...facts,
          onHand: line.onHand,
          receipts: line.onOrder.map((r) => ({ quantity: r.quantity, dueInDays: (r.expectedDay ?? (r.sentDay ?? nowDay) + Math.ceil(base.leadTimeDays)) - nowDay })),
          ...forecastFacts(base, forecast, nowDay, byLocation.forecast.get(key)),
          reorderPoint: byLocation.reorderPoints.get(key) ?? null,
          location: { id: lines.length > 1 ? line.locationId : null, name: byLocation.names.get(line.locationId) ?? null },
        };
        drafts.push(...stockLevelAlerts(lineFacts, ctx));
      }
      drafts.push(...stockHealthAlerts(facts, ctx), ...accuracyAlerts(facts, ctx));
    } else {
      drafts.push(...stockAlerts(facts, ctx));
    }
    const onOrder = facts.receipts.reduce((a, r) => a + r.quantity, 0);
    stats.push(statsRow(base, position ?? null, recent.get(base.id), onOrder, { means: facts.forecastMeans, periodDays: facts.forecastPeriodDays, elapsedDays: facts.forecastElapsedDays }));
    drafts.push(...seriesAlerts(base.id, label, points, fmt));
  }

  const outcome = applyAlertDrafts(db, drafts, now);
  writeProductStats(db, stats, now);
  const facts = narrativeFacts(db, { bases, drafts, series: seriesByProduct, lastWeek, hasForecast: forecast !== null, stockLines });
  const narrative = weeklyNarrative(facts, fmt);
  const accuracy = forecast ? { runId: forecast.runId, runAsOfDay: forecast.asOfDay, groups: accuracyGroups(accuracyRows(db, forecast.runId)) } : null;
  storeWeeklySummary(db, { narrative, cogsCents: costOfGoodsSold(db, asOf - 363, asOf), accuracy }, now);
  writeRefreshState(db, { at: now.toISOString(), fingerprint, asOfDay: asOf });
  return { ...outcome, asOfDay: asOf, products: bases.length, narrative };
}
