import { holidayDaySet } from '../calendar/holidays';
import { weekStartOfDay } from '../dates';
import type { Db } from '../db/connection';
import type { EventRow, OneOffMark, SeriesMeta, StockPoint } from '../db/repos/demand';
import { activeOneOffMarks, allEvents, periodTotals, saleDays, salesDayBounds, seriesWithSales, stockPoints } from '../db/repos/demand';

export interface DemandSeries extends SeriesMeta {
  /** Day number where period 0 of `values` starts (the week of the first sale). */
  startDay: number;
  periodDays: number;
  /** Demand per period; NaN marks a censored period (out of stock and nothing sold). */
  values: Float64Array;
  /** Sales value in cents per period (for ABC by value). */
  valueCents: Float64Array;
  censoredPeriods: number;
  /** Calendar over history + horizon: 1 where the period holds a public holiday. */
  holiday: Uint8Array;
  /** Calendar over history + horizon: expected multiplier from user events (1 = none). */
  eventMultiplier: Float64Array;
  /** Any negative value in the history (returns larger than sales in a period). */
  hasNegative: boolean;
}

export interface BuildOptions {
  weekStart: 'monday' | 'sunday';
  country: string;
  horizon: number;
  /** Ignore sales after this day (backtests, replay). Defaults to the last sale. */
  asOfDay?: number;
}

export interface SeriesSet {
  series: DemandSeries[];
  /** First day of the first forecast period (the period after the last complete one). */
  forecastStartDay: number;
  periodDays: number;
  lastSaleDay: number;
}

/**
 * Builds weekly demand series per product and location from the sales table:
 * complete weeks only (a partial last week would look like a drop in demand), leading
 * zeros before the first sale dropped, weeks that were out of stock with no sale censored,
 * public holidays and user events marked over history and horizon.
 */
export function buildWeeklySeries(db: Db, options: BuildOptions): SeriesSet {
  const periodDays = 7;
  const bounds = salesDayBounds(db);
  if (!bounds) return { series: [], forecastStartDay: 0, periodDays, lastSaleDay: 0 };
  const lastDay = Math.min(options.asOfDay ?? bounds.last, bounds.last);
  const anchor = weekStartOfDay(bounds.first, options.weekStart);
  const completePeriods = Math.max(0, Math.floor((lastDay - anchor + 1) / periodDays));
  const forecastStartDay = anchor + completePeriods * periodDays;
  const totalsByKey = groupTotals(periodTotals(db, anchor, periodDays, forecastStartDay - 1));
  const stockByKey = groupBy(stockPoints(db), (p) => key(p.productId, p.locationId));
  const saleDaysByKey = groupBy(saleDays(db, anchor), (p) => key(p.productId, p.locationId));
  const events = allEvents(db);
  const marks = activeOneOffMarks(db);
  const holidays = holidayDaySet(options.country, anchor, forecastStartDay + options.horizon * periodDays);

  const series: DemandSeries[] = [];
  for (const meta of seriesWithSales(db)) {
    const k = key(meta.productId, meta.locationId);
    const totals = totalsByKey.get(k) ?? [];
    const firstPeriod = totals.find((t) => t.quantity !== 0)?.period ?? completePeriods;
    const length = completePeriods - firstPeriod;
    const values = new Float64Array(length);
    const valueCents = new Float64Array(length);
    for (const t of totals) {
      if (t.period < firstPeriod || t.period >= completePeriods) continue;
      values[t.period - firstPeriod] = t.quantity;
      valueCents[t.period - firstPeriod] = t.valueCents;
    }
    const startDay = anchor + firstPeriod * periodDays;
    const censoredPeriods = censor(values, startDay, periodDays, stockByKey.get(k) ?? [], (saleDaysByKey.get(k) ?? []).map((s) => s.day), forecastStartDay);
    markOneOffs(values, startDay, periodDays, marks.filter((m) => m.productId === meta.productId && (m.locationId === null || m.locationId === meta.locationId)));
    const calendarLength = length + options.horizon;
    series.push({
      ...meta,
      startDay,
      periodDays,
      values,
      valueCents,
      censoredPeriods,
      holiday: holidayFlags(holidays, startDay, periodDays, calendarLength),
      eventMultiplier: eventMultipliers(events, meta, startDay, periodDays, calendarLength),
      hasNegative: values.some((v) => v < 0),
    });
  }
  return { series, forecastStartDay, periodDays, lastSaleDay: lastDay };
}

function key(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function groupTotals<T extends { productId: number; locationId: number }>(rows: T[]): Map<string, T[]> {
  return groupBy(rows, (r) => key(r.productId, r.locationId));
}

/**
 * Longest stockout read as lost demand. A shelf empty for longer than this with nothing sold
 * is a product not stocked for now (an Easter line between Easters, a discontinued one),
 * not customers turned away: its zeros are demand, or seasonal and retired products would
 * be forecast to sell through their off-season.
 */
export const MAX_CENSORED_STOCKOUT_DAYS = 56;

/**
 * A stockout starts on a count of zero (or less) and lasts until the next sale or positive
 * count (later zero counts continue it). A period that overlaps a stockout of at most
 * MAX_CENSORED_STOCKOUT_DAYS and sold nothing is censored: the zero says nothing about
 * demand. Returns the number of censored periods.
 */
export function censor(values: Float64Array, startDay: number, periodDays: number, stock: StockPoint[], sales: number[], endDay: number): number {
  if (stock.length === 0) return 0;
  const outDays = new Uint8Array(values.length);
  const saleSet = new Set(sales);
  const positiveCounts = new Set(stock.filter((s) => s.onHand > 0).map((s) => s.day));
  let coveredUntil = -Infinity;
  for (const point of [...stock].sort((a, b) => a.day - b.day)) {
    if (point.onHand > 0 || point.day < coveredUntil) continue;
    let end = point.day + 1;
    while (end < endDay && !saleSet.has(end) && !positiveCounts.has(end)) end++;
    coveredUntil = end;
    if (end - point.day > MAX_CENSORED_STOCKOUT_DAYS) continue;
    for (let day = point.day; day < end; day++) {
      const period = Math.floor((day - startDay) / periodDays);
      if (period >= 0 && period < values.length) outDays[period] = 1;
    }
  }
  let censored = 0;
  for (let i = 0; i < values.length; i++) {
    if (outDays[i] === 1 && values[i] === 0) {
      values[i] = Number.NaN;
      censored++;
    }
  }
  return censored;
}

/** Periods that hold a day the owner marked as a one-off become missing (NaN). */
export function markOneOffs(values: Float64Array, startDay: number, periodDays: number, marks: OneOffMark[]): void {
  for (const mark of marks) {
    const first = Math.max(0, Math.floor((mark.startDay - startDay) / periodDays));
    const last = Math.min(values.length - 1, Math.floor((mark.endDay - startDay) / periodDays));
    for (let i = first; i <= last; i++) values[i] = Number.NaN;
  }
}

function holidayFlags(holidays: Set<number>, startDay: number, periodDays: number, length: number): Uint8Array {
  const flags = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    for (let d = 0; d < periodDays; d++) {
      if (holidays.has(startDay + i * periodDays + d)) {
        flags[i] = 1;
        break;
      }
    }
  }
  return flags;
}

function applies(event: EventRow, meta: SeriesMeta): boolean {
  if (event.scope === 'all') return true;
  if (event.scope === 'category') return meta.category !== null && meta.category.toLowerCase() === (event.scopeValue ?? '').toLowerCase();
  return meta.sku === event.scopeValue;
}

/**
 * The average over a period's days of the product of the multipliers of the events in
 * force that day. A closure without a multiplier means no sales (0); other events without
 * one are marked but not scaled (1).
 */
export function eventMultipliers(events: EventRow[], meta: SeriesMeta, startDay: number, periodDays: number, length: number): Float64Array {
  const out = new Float64Array(length).fill(1);
  const relevant = events.filter((e) => applies(e, meta) && e.type !== 'holiday');
  if (relevant.length === 0) return out;
  const endDay = startDay + length * periodDays;
  const dayFactor = new Float64Array(length * periodDays).fill(1);
  for (const event of relevant) {
    const factor = event.multiplier ?? (event.type === 'closure' ? 0 : 1);
    for (let day = Math.max(event.startDay, startDay); day <= Math.min(event.endDay, endDay - 1); day++) {
      dayFactor[day - startDay] = (dayFactor[day - startDay] ?? 1) * factor;
    }
  }
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (let d = 0; d < periodDays; d++) sum += dayFactor[i * periodDays + d] ?? 1;
    out[i] = sum / periodDays;
  }
  return out;
}
