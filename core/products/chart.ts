/**
 * The product chart's series: sales history per period (zero-filled from the first sale to
 * the last complete period), stock counts and stockout periods, events and holidays,
 * the latest forecast with its bands and with the owner's overrides applied, and the
 * unusual weeks the anomaly check finds.
 */
import { findAnomalies, oneStepBands } from '../alerts/anomalies';
import { lastCompleteWeekStart } from '../alerts/weeks';
import { publicHolidays } from '../calendar/holidays';
import type { ForecastPoint, ProductChart } from '../contract/commands/product-detail';
import { isoFromDay, weekStartOfDay } from '../dates';
import type { Db } from '../db/connection';
import { listOneOffs } from '../db/repos/alerts';
import { eventsForProduct } from '../db/repos/events';
import { backtestWindows } from '../db/repos/forecast-runs';
import { activeOverrides, rulesForLocation } from '../db/repos/overrides';
import type { ForecastRowRaw } from '../db/repos/product-detail';
import { forecastRows, latestRun, periodSales, productRow, saleDays, stockCounts } from '../db/repos/product-detail';
import { readSettings } from '../db/repos/settings';
import { asOfDay as findAsOfDay } from '../db/repos/stock-facts';
import { dayFromIso } from '../dates';
import { applyOverrides } from '../overrides/apply';
import { fittedBacktestLine } from './backtest-line';
import { stockoutPeriods } from './stockouts';

const round = (v: number) => Math.round(v * 1000) / 1000;

function toPoint(start: number, mean: number, q: number[]): ForecastPoint {
  return {
    start: isoFromDay(start),
    mean: round(mean),
    q05: round(q[0]!),
    q10: round(q[1]!),
    q25: round(q[2]!),
    q50: round(q[3]!),
    q75: round(q[4]!),
    q90: round(q[5]!),
    q95: round(q[6]!),
  };
}

const quantilesOf = (f: ForecastRowRaw) => [f.q05, f.q10, f.q25, f.q50, f.q75, f.q90, f.q95];

export function productChart(db: Db, id: number, locationId: number | null): ProductChart {
  const settings = readSettings(db);
  const product = productRow(db, id);
  const run = latestRun(db);
  const periodDays = run?.period === 'day' ? 1 : 7;
  const asOf = findAsOfDay(db);
  const empty: ProductChart = { period: periodDays === 1 ? 'day' : 'week', periodDays, history: [], stockCounts: [], stockouts: [], events: [], forecast: [], adjusted: null, backtest: null, anomalies: [], oneOffs: [] };
  if (asOf === null) return empty;

  const shift = settings.weekStart === 'monday' ? 3 : 4;
  const lastPeriod = periodDays === 7 ? lastCompleteWeekStart(asOf, (d) => weekStartOfDay(d, settings.weekStart)) : asOf;
  const sales = periodSales(db, id, locationId, periodDays, shift, lastPeriod + periodDays - 1);
  // Daily charts show the last 26 weeks; weekly charts the whole history.
  const firstSale = sales[0]?.start ?? null;
  const firstPeriod = firstSale === null ? null : periodDays === 1 ? Math.max(firstSale, asOf - 181) : firstSale;
  const marks = listOneOffs(db, id);
  const byStart = new Map(sales.map((s) => [s.start, s.units]));
  const history: ProductChart['history'] = [];
  if (firstPeriod !== null) {
    for (let start = firstPeriod; start <= lastPeriod; start += periodDays) {
      const excluded = marks.some((m) => dayFromIso(m.startDay) <= start + periodDays - 1 && dayFromIso(m.endDay) >= start);
      history.push({ start: isoFromDay(start), units: round(byStart.get(start) ?? 0), excluded });
    }
  }

  const counts = stockCounts(db, id, locationId);
  const stockouts = stockoutPeriods(counts, saleDays(db, id, locationId), asOf);

  let forecast: ProductChart['forecast'] = [];
  let adjusted: ProductChart['adjusted'] = null;
  let backtest: ProductChart['backtest'] = null;
  if (run) {
    const windows = backtestWindows(db, run.id, id, locationId);
    if (windows.length > 0) backtest = fittedBacktestLine(windows, periodDays);
    const rows = forecastRows(db, run.id, id, locationId);
    forecast = rows.map((f) => toPoint(f.period_start, f.mean, quantilesOf(f)));
    const rules = rulesForLocation(activeOverrides(db, id).get(id) ?? [], locationId ?? 0);
    if (rules.length > 0 && rows.length > 0) {
      const applied = applyOverrides(
        rows.map((f) => ({ periodStart: f.period_start, mean: f.mean, quantiles: quantilesOf(f) })),
        rules,
        periodDays,
      );
      if (applied.overridden.some(Boolean)) adjusted = applied.steps.map((s) => toPoint(s.periodStart, s.mean, s.quantiles));
    }
  }

  const chartStart = firstPeriod ?? asOf;
  const chartEnd = Math.max(asOf, ...forecast.map((f) => dayFromIso(f.start) + periodDays - 1));
  const events: ProductChart['events'] = [
    ...eventsForProduct(db, product, chartStart, chartEnd).map((e) => ({ name: e.name, type: e.type, start: e.startDay, end: e.endDay, multiplier: e.multiplier, source: 'event' as const })),
    ...publicHolidays(settings.country, chartStart, chartEnd).map((h) => ({ name: h.name, type: 'holiday', start: isoFromDay(h.day), end: isoFromDay(h.day), multiplier: null, source: 'holiday' as const })),
  ];

  const values = Float64Array.from(history, (h) => (h.excluded ? NaN : h.units));
  const anomalies = periodDays === 7
    ? findAnomalies(values, oneStepBands(values)).map((a) => ({
        start: history[a.index]!.start,
        actual: a.actual,
        expected: round(a.band.forecast),
        lower: round(a.band.lower),
        upper: round(a.band.upper),
        direction: a.direction,
      }))
    : [];

  return {
    period: periodDays === 1 ? 'day' : 'week',
    periodDays,
    history,
    stockCounts: counts.filter((c) => c.day >= chartStart - periodDays).map((c) => ({ day: isoFromDay(c.day), onHand: round(c.onHand) })),
    stockouts: stockouts.filter((s) => s.end >= chartStart).map((s) => ({ start: isoFromDay(s.start), end: isoFromDay(s.end) })),
    events,
    forecast,
    adjusted,
    backtest,
    anomalies,
    oneOffs: marks.map((m) => ({ id: m.id, start: m.startDay, end: m.endDay, reason: m.reason })),
  };
}
