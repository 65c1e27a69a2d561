/**
 * The workspace's stock health: every product's stock assessed (slow-stock.ts) from its
 * sales over the past year, its stock position, the latest forecast and the reorder plan's
 * order-up-to level. The slow-stock report, the weekly summary and the dead-stock and
 * overstock alerts all read this, so their products and money always agree.
 */
import type { Db } from '../db/connection';
import { latestForecastRun } from '../db/repos/plan-inputs';
import { firstSalesDay } from '../db/repos/alert-facts';
import { forecastMeanByKey, stockHealthRows } from '../db/repos/stock-health';
import { lastDataDay, stockPositions } from '../db/repos/stock-position';
import type { StockAssessment, StockItem } from './slow-stock';
import { rankStockHealth, seasonReturnDays } from './slow-stock';

export interface StockHealthLine extends StockAssessment {
  productId: number;
  locationId: number;
  /** The location's name when the shop's stock sits at more than one location; null otherwise. */
  locationName: string | null;
  sku: string;
  name: string;
  supplierName: string | null;
}

/** "Name" or, in a shop with several locations, "Name at Location". */
export function stockLineLabel(line: { name: string; locationName: string | null }): string {
  return line.locationName === null ? line.name : `${line.name} at ${line.locationName}`;
}

export function workspaceStockHealth(db: Db): { asOfDay: number; lines: StockHealthLine[] } {
  const asOfDay = (lastDataDay(db) ?? Math.floor(Date.now() / 86_400_000)) + 1;
  const positions = stockPositions(db);
  const run = latestForecastRun(db);
  const weeklyFactor = run?.period === 'day' ? 7 : 1;
  // The forecast's pace over the next four weeks from today (as the stockout alerts read it).
  const forecast = run ? forecastMeanByKey(db, run.id, run.period === 'day' ? 28 : 4, asOfDay, run.period === 'day' ? 1 : 7) : new Map<string, number>();
  // "Today" is the day before asOfDay (daysSinceLastSale counts from it); the same day a year ago:
  const yearAgoDay = asOfDay - 1 - 364;
  const rows = stockHealthRows(db, asOfDay - 364, asOfDay - 1, yearAgoDay);
  const firstDay = firstSalesDay(db);
  const historyDays = firstDay === null ? null : asOfDay - 1 - firstDay;
  const meta = new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, r]));
  const severalLocations = new Set(rows.map((r) => r.locationId)).size > 1;
  const items: StockItem[] = rows.map((r) => {
    const key = `${r.productId}:${r.locationId}`;
    const windowStart = Math.max(asOfDay - 364, r.firstSaleDay ?? asOfDay);
    const mean = forecast.get(key);
    return {
      key,
      onHand: positions.get(key)?.onHand ?? 0,
      unitCostCents: r.unitCostCents,
      unitsSold: r.unitsSold,
      windowDays: Math.max(0, asOfDay - windowStart),
      daysSinceLastSale: r.lastSaleDay === null ? null : asOfDay - 1 - r.lastSaleDay,
      forecastWeeklyDemand: mean === undefined ? null : mean * weeklyFactor,
      orderUpToLevel: r.orderUpToLevel,
      historyDays,
      seasonReturnDays: seasonReturnDays(yearAgoDay, r.lastSaleYearAgo, r.resumedAfterYearAgo),
    };
  });
  const lines = rankStockHealth(items).map((a) => {
    const m = meta.get(a.key)!;
    return { ...a, productId: m.productId, locationId: m.locationId, locationName: severalLocations ? m.locationName : null, sku: m.sku, name: m.name, supplierName: m.supplierName };
  });
  return { asOfDay, lines };
}
