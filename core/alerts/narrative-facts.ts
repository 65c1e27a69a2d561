/**
 * Gathers the facts of the weekly summary from what the alerts refresh already holds
 * (products, weekly series, alert drafts) plus two small queries: the week's revenue and
 * the forecast that was made for the week before it began.
 *
 * "Above / below forecast" compares the week's actual with the forecast's 80% range
 * (q10–q90) of the latest run made before the week started; for products that run did not
 * cover, with the 95% band of the one-step-ahead forecast the anomaly check uses.
 */
import type { Db } from '../db/connection';
import type { ProductBase } from '../db/repos/alert-facts';
import { latestRecommendationLines } from '../db/repos/alert-facts';
import { oneStepBands } from './anomalies';
import type { NarrativeFacts, ProductSurprise } from './narrative';
import { countLocated } from '../inventory/located-counts';
import { stockBeyondCover } from '../inventory/slow-stock';
import type { StockHealthLine } from '../inventory/slow-stock-workspace';
import { stockLineLabel, workspaceStockHealth } from '../inventory/slow-stock-workspace';
import type { AlertDraft } from './rules';
import type { WeekPoint } from './series';
import { seriesValues } from './series';

function weekRevenue(db: Db, fromDay: number, toDay: number): number | null {
  const row = db
    .prepare(
      `SELECT sum(coalesce(s.revenue_cents, s.quantity * coalesce(s.unit_price_cents, p.unit_price_cents))) AS cents,
              count(coalesce(s.revenue_cents, s.unit_price_cents, p.unit_price_cents)) AS priced
       FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.product_id IN (SELECT id FROM products) AND s.location_id IN (SELECT id FROM locations) AND s.day BETWEEN @from AND @to`,
    )
    .get({ from: fromDay, to: toDay }) as { cents: number | null; priced: number };
  return row.priced > 0 && row.cents !== null ? Math.round(row.cents) : null;
}

function forecastForWeek(db: Db, weekStart: number): Map<number, { mean: number; q10: number; q90: number }> {
  const run = db.prepare("SELECT id FROM forecast_runs WHERE status = 'done' AND as_of_day < ? ORDER BY id DESC LIMIT 1").get(weekStart) as { id: number } | undefined;
  const out = new Map<number, { mean: number; q10: number; q90: number }>();
  if (!run) return out;
  const rows = db
    .prepare("SELECT product_id AS productId, sum(mean) AS mean, sum(q10) AS q10, sum(q90) AS q90 FROM forecasts WHERE run_id = ? AND period_start = ? GROUP BY product_id")
    .all(run.id, weekStart) as Array<{ productId: number; mean: number; q10: number; q90: number }>;
  for (const r of rows) out.set(r.productId, { mean: r.mean, q10: r.q10, q90: r.q90 });
  return out;
}

export function narrativeFacts(
  db: Db,
  input: {
    bases: readonly ProductBase[];
    drafts: readonly AlertDraft[];
    series: ReadonlyMap<number, WeekPoint[]>;
    lastWeek: number;
    hasForecast: boolean;
    /** The workspace's stock health when the caller has it already (the alerts refresh does). */
    stockLines?: readonly StockHealthLine[];
  },
): NarrativeFacts {
  const { bases, drafts, series, lastWeek } = input;
  const stored = forecastForWeek(db, lastWeek);
  let units = 0;
  let previousUnits = 0;
  let forecastUnits = 0;
  let anyForecast = false;
  const above: ProductSurprise[] = [];
  const below: ProductSurprise[] = [];
  for (const base of bases) {
    const points = series.get(base.id);
    if (!points || points.length === 0) continue;
    const last = points.at(-1)!;
    const previous = points.at(-2);
    if (previous && previous.start === lastWeek - 7) previousUnits += previous.actual;
    if (last.start !== lastWeek) continue;
    units += last.actual;
    let range: { mean: number; lower: number; upper: number } | null = null;
    const fromRun = stored.get(base.id);
    if (fromRun) range = { mean: fromRun.mean, lower: fromRun.q10, upper: fromRun.q90 };
    else {
      const band = oneStepBands(seriesValues(points)).at(-1);
      if (band) range = { mean: band.forecast, lower: band.lower, upper: band.upper };
    }
    if (!range) continue;
    anyForecast = true;
    forecastUnits += range.mean;
    if (last.excluded) continue;
    const impact = Math.round(Math.abs(last.actual - range.mean) * (base.unitPriceCents ?? 100));
    const surprise = { name: base.name, actual: last.actual, expected: range.mean, impactCents: impact };
    if (last.actual > range.upper && last.actual > range.mean) above.push(surprise);
    else if (last.actual < range.lower && range.lower > 0) below.push(surprise);
  }

  const hasPlan = bases.some((b) => b.recommendationStatus !== null);
  let ordering: NarrativeFacts['ordering'] = null;
  if (hasPlan) {
    // Every location's pending line: a product ordered for two locations is two lines, each with its cost
    // (a product's base carries one line only). In product order, as the bases were.
    const baseOf = new Map(bases.map((b) => [b.id, b]));
    const due = latestRecommendationLines(db)
      .filter((r) => r.status === 'pending' && r.suggestedQty > 0 && baseOf.has(r.productId))
      .map((r) => ({ ...baseOf.get(r.productId)!, suggestedQty: r.suggestedQty, priority: r.priority, locationId: r.locationId }));
    const bySupplier = new Map<string, number>();
    let cost = 0;
    let priced = 0;
    for (const b of due) {
      if (b.unitCostCents === null) continue;
      const c = b.suggestedQty * b.unitCostCents;
      cost += c;
      priced++;
      const name = b.supplierName ?? 'no supplier';
      bySupplier.set(name, (bySupplier.get(name) ?? 0) + c);
    }
    const counted = countLocated(due, (b) => b.id, (b) => b.locationId);
    ordering = {
      ...(counted.locations > 1 ? counted : { products: counted.products }),
      // Urgent products, and where their urgent lines are at several locations how many.
      ...urgentCounts(due),
      costCents: priced > 0 ? Math.round(cost) : null,
      topSuppliers: [...bySupplier.entries()].map(([name, c]) => ({ name, costCents: Math.round(c) })).sort((a, b) => b.costCents - a.costCents),
    };
  }

  const names = new Map(bases.map((b) => [b.id, b.name]));
  // Money tied up comes from the same assessment as the slow-stock report and the dead-stock
  // and overstock alerts, so the summary's products and pounds add up to the report's heading.
  const stockLines = input.stockLines ?? workspaceStockHealth(db).lines;
  const dead = stockLines.filter((l) => l.health === 'dead');
  const beyond = stockBeyondCover(stockLines.filter((l) => l.health !== 'dead')).all;
  const worse = drafts.filter((d) => d.kind === 'accuracy_degraded');
  return {
    weekStartDay: lastWeek,
    weekEndDay: lastWeek + 6,
    units,
    previousUnits: previousUnits > 0 ? previousUnits : null,
    revenueCents: weekRevenue(db, lastWeek, lastWeek + 6),
    forecastUnits: anyForecast ? forecastUnits : null,
    above,
    below,
    ordering,
    // Products: a shop with several locations raises one alert per location.
    stockoutRisks: new Set(drafts.filter((d) => d.kind === 'stockout_lead_time' || d.kind === 'stockout_7d').map((d) => d.productId)).size,
    dead: {
      ...locatedCounts(dead),
      valueCents: dead.reduce((a, l) => a + (l.excessValueCents ?? 0), 0),
      top: dead
        .map((l) => ({ name: stockLineLabel(l), valueCents: l.excessValueCents ?? 0 }))
        .filter((t) => t.valueCents > 0)
        .sort((a, b) => b.valueCents - a.valueCents)
        .slice(0, 3),
      seasonal: seasonalDead(dead),
    },
    overstock: { ...locatedCounts(stockLines.filter((l) => l.health !== 'dead')), excessValueCents: beyond.excessValueCents },
    worse: { products: worse.length, names: worse.map((d) => names.get(d.productId ?? -1) ?? '').filter((n) => n !== '') },
    hasForecast: input.hasForecast,
  };
}

/** Distinct urgent products of the due lines; `urgentLocations` where their urgent lines span several locations. */
function urgentCounts(due: ReadonlyArray<{ id: number; locationId: number; priority: string }>): { urgent: number; urgentLocations?: number } {
  const count = countLocated(due.filter((b) => b.priority === 'urgent'), (b) => b.id, (b) => b.locationId);
  return count.locations > 1 ? { urgent: count.products, urgentLocations: count.locations } : { urgent: count.products };
}

/** Distinct products of stock-health lines, and where they span several locations the lines and locations too. */
function locatedCounts(lines: readonly StockHealthLine[]): { products: number; lines?: number; locations?: number } {
  const count = countLocated(lines, (l) => l.productId, (l) => l.locationName);
  return count.locations > 1 ? count : { products: count.products };
}

/** How many dead lines look seasonal, and the latest of their seasons' return in weeks (as the report's reason rounds it). */
function seasonalDead(dead: readonly StockHealthLine[]): { products: number; backInWeeks: number } {
  const days = dead.map((l) => l.seasonReturnDays).filter((d): d is number => d !== null);
  return { products: days.length, backInWeeks: days.length > 0 ? Math.max(1, Math.round(Math.max(...days) / 7)) : 0 };
}
