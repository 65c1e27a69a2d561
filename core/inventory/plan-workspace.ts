/**
 * The reorder plan of a workspace: reads products, supplier terms, settings, stock
 * positions and forecasts, runs the policy for every product and location, and stores the
 * recommendations (expiring the pending ones of the previous plan).
 */
import { readSettings } from '../db/repos/settings';
import type { Db } from '../db/connection';
import { savePlan } from '../db/repos/recommendations';
import type { NewRecommendation } from '../db/repos/recommendations';
import { abcByKey, latestForecastRun, planProducts, salesValueByKey, storedForecasts } from '../db/repos/plan-inputs';
import type { ForecastRunRow } from '../db/repos/plan-inputs';
import { lastDataDay, positionKey, stockPositions } from '../db/repos/stock-position';
import { forecastPaths } from '../db/repos/forecast-runs';
import { QUANTILE_LEVELS } from '../forecast/types';
import { abcClasses } from './abc';
import type { AbcClass } from './abc';
import type { LeadTimeSource, PlanItem, PlanOptions, PlannedLine } from './plan';
import { inputsRecord, outputsRecord, planItems } from './plan';
import { pathsFromQuantiles } from './quantile-paths';
import { makeScenarios } from './scenarios';
import { seededRng } from './stats';

export interface ScenarioPaths {
  paths: Float64Array[];
  /** Day on which period 0 of the paths starts. */
  originDay: number;
  periodDays: number;
}

/** Where the plan gets each product's demand scenarios. */
export interface ScenarioSource {
  forecastRunId: number | null;
  keys(): string[];
  get(productId: number, locationId: number): ScenarioPaths | null;
}

/**
 * Scenarios of a stored forecast run: the engine's own sample paths (forecast_paths) where
 * the run kept them, else draws from the stored quantiles (see quantile-paths.ts).
 */
export function storedForecastSource(db: Db, run: ForecastRunRow, count: number, seed: number): ScenarioSource {
  const periodDays = run.period === 'day' ? 1 : 7;
  const byKey = new Map(storedForecasts(db, run.id).map((f) => [positionKey(f.productId, f.locationId), f]));
  const enginePaths = forecastPaths(db, run.id);
  return {
    forecastRunId: run.id,
    keys: () => [...byKey.keys()],
    get(productId, locationId) {
      const key = positionKey(productId, locationId);
      const stored = byKey.get(key);
      if (!stored) return null;
      const own = enginePaths.get(key);
      if (own && own.length > 0) return { paths: own, originDay: stored.firstPeriodStart, periodDays };
      const streamSeed = Math.floor(seededRng(seed + productId * 7919 + locationId)() * 2 ** 31);
      return { paths: pathsFromQuantiles(QUANTILE_LEVELS, stored.quantiles, count, streamSeed), originDay: stored.firstPeriodStart, periodDays };
    },
  };
}

export function defaultScenarioSource(db: Db, options: PlanOptions): ScenarioSource | null {
  const run = latestForecastRun(db);
  return run ? storedForecastSource(db, run, options.paths, options.seed) : null;
}

export interface PlanSummary {
  planId: number;
  asOfDay: number;
  forecastRunId: number | null;
  products: number;
  toOrder: number;
  byPriority: Record<'urgent' | 'high' | 'medium' | 'low', number>;
  totalCostCents: number;
  linesWithoutCost: number;
  /** Products planned without any stock count: on hand is received minus sold, usually 0. */
  withoutStockCount: number;
  suppliers: Array<{ supplierId: number | null; name: string; lines: number; costCents: number }>;
  skipped: Array<{ sku: string; reason: string }>;
  expired: number;
  budget: { capCents: number; spentCents: number; heldBack: number } | null;
}

function resolveLeadTime(row: { productLeadTimeDays: number | null; supplierLeadTimeDays: number | null }, fallback: number): { days: number; source: LeadTimeSource } {
  if (row.productLeadTimeDays !== null) return { days: row.productLeadTimeDays, source: 'product' };
  if (row.supplierLeadTimeDays !== null) return { days: row.supplierLeadTimeDays, source: 'supplier' };
  return { days: fallback, source: 'setting' };
}

export function planWorkspace(db: Db, options: PlanOptions, source: ScenarioSource | null, onProgress?: (done: number, total: number) => void): PlanSummary {
  const settings = readSettings(db);
  const last = lastDataDay(db);
  const asOfDay = (last ?? Math.floor(Date.now() / 86_400_000) - 1) + 1;
  const positions = stockPositions(db);
  const classes = abcByKey(db);
  const fallbackClasses = abcClasses(salesValueByKey(db, asOfDay - 364, asOfDay - 1));
  const products = new Map(planProducts(db).map((p) => [p.productId, p]));

  const keys = new Set<string>([...(source?.keys() ?? []), ...positions.keys()]);
  const items: PlanItem[] = [];
  for (const key of [...keys].sort()) {
    const [productId, locationId] = key.split(':').map(Number) as [number, number];
    const product = products.get(productId);
    if (!product) continue; // inactive or removed
    const position = positions.get(key);
    const abc: AbcClass = classes.get(key) ?? fallbackClasses.get(key) ?? 'C';
    const lead = resolveLeadTime(product, settings.defaultLeadTimeDays);
    const found = source?.get(productId, locationId) ?? null;
    items.push({
      productId,
      locationId,
      sku: product.sku,
      name: product.name,
      supplierId: product.supplierId,
      supplierName: product.supplierName,
      abc,
      serviceLevelSource: product.serviceLevel !== null ? 'product' : 'class',
      leadTimeSource: lead.source,
      onHandKnown: position !== undefined && position.countDay !== null,
      stock: {
        onHand: position?.onHand ?? 0,
        backorders: 0,
        onOrder: (position?.onOrder ?? []).map((line) => ({
          quantity: line.quantity,
          // A sent order without a due day is expected one lead time after it was sent.
          dueInDays: (line.expectedDay ?? (line.sentDay ?? asOfDay) + Math.ceil(lead.days)) - asOfDay,
        })),
      },
      params: {
        leadTimeDays: lead.days,
        reviewPeriodDays: settings.reviewPeriodDays,
        serviceLevel: product.serviceLevel ?? settings.serviceLevels[abc],
        serviceMeasure: options.serviceMeasure,
        trigger: options.trigger,
        moq: product.moq ?? 0,
        casePack: product.casePack ?? 1,
        unitCostCents: product.unitCostCents,
        holdingCostRate: settings.holdingCostRate,
        orderingCostCents: settings.orderingCostCents,
        eoqFloor: options.eoqFloor,
      },
      scenarios: found ? makeScenarios(found.paths, found.periodDays, Math.max(0, asOfDay - found.originDay)) : null,
    });
  }

  const result = planItems(items, options, (done) => onProgress?.(done, items.length));
  const lines: NewRecommendation[] = result.lines.map((line) => toRecommendation(line, asOfDay));
  const summary = summarize(result.lines, asOfDay, source?.forecastRunId ?? null);
  const saved = savePlan(
    db,
    { asOfDay, forecastRunId: source?.forecastRunId ?? null, options: { ...options }, summary: { ...summary, skipped: result.skipped.length, budget: result.budget } },
    lines,
  );
  return { ...summary, planId: saved.planId, expired: saved.expired, skipped: result.skipped.map((s) => ({ sku: s.sku, reason: s.reason })), budget: result.budget };
}

function toRecommendation(line: PlannedLine, asOfDay: number): NewRecommendation {
  const d = line.decision;
  return {
    productId: line.item.productId,
    locationId: line.item.locationId,
    supplierId: line.item.supplierId,
    inputs: inputsRecord(line.item, asOfDay),
    onHand: line.item.stock.onHand,
    onOrder: d.onOrder,
    reorderPoint: d.reorderPoint,
    orderUpTo: d.orderUpToLevel,
    safetyStock: d.safetyStock,
    suggestedQty: d.suggestedQuantity,
    unitCostCents: line.item.params.unitCostCents,
    priority: d.priority,
    reasoning: line.reasoning,
    outputs: outputsRecord(line, asOfDay),
  };
}

function summarize(lines: PlannedLine[], asOfDay: number, forecastRunId: number | null): Omit<PlanSummary, 'planId' | 'expired' | 'skipped' | 'budget'> {
  const byPriority = { urgent: 0, high: 0, medium: 0, low: 0 };
  const suppliers = new Map<string, { supplierId: number | null; name: string; lines: number; costCents: number }>();
  let totalCostCents = 0;
  let linesWithoutCost = 0;
  let toOrder = 0;
  for (const line of lines) {
    const q = line.decision.suggestedQuantity;
    if (q <= 0) continue;
    toOrder++;
    byPriority[line.decision.priority]++;
    const cost = line.item.params.unitCostCents === null ? null : Math.round(q * line.item.params.unitCostCents);
    if (cost === null) linesWithoutCost++;
    else totalCostCents += cost;
    const k = String(line.item.supplierId);
    const entry = suppliers.get(k) ?? { supplierId: line.item.supplierId, name: line.item.supplierName ?? 'No supplier', lines: 0, costCents: 0 };
    entry.lines++;
    entry.costCents += cost ?? 0;
    suppliers.set(k, entry);
  }
  return {
    asOfDay,
    forecastRunId,
    products: lines.length,
    toOrder,
    byPriority,
    totalCostCents,
    linesWithoutCost,
    withoutStockCount: lines.filter((l) => !l.item.onHandKnown).length,
    suppliers: [...suppliers.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
