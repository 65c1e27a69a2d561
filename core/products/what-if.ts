/**
 * What-if for one product: the reorder numbers recomputed live, without saving anything,
 * under a different service level, lead time, or a promotion multiplier on chosen weeks.
 *
 * It runs the reorder plan's own kernel (core/inventory/policy.ts `decide`) on the same
 * inputs the plan reads (the product's supplier terms, the settings, the stock position
 * and the latest stored forecast drawn into sample paths with the plan's seed), with the
 * owner's active overrides applied. "Base" is those inputs unchanged; "what-if" is them
 * with the owner's changes, so the difference is only what the owner changed.
 */
import { latestForecastRun, salesValueByKey } from '../db/repos/plan-inputs';
import type { Db } from '../db/connection';
import { activeOverrides, rulesForLocation } from '../db/repos/overrides';
import { abcAt, effectiveLeadTime, forecastRows, productPaths, productPositionAt, productRow, salesByLocation } from '../db/repos/product-detail';
import { readSettings } from '../db/repos/settings';
import { asOfDay as lastDataDay } from '../db/repos/stock-facts';
import { AppError } from '../contract/errors';
import type { WhatIfInput, WhatIfNumbers, WhatIfResult } from '../contract/commands/product-detail';
import { isoFromDay, dayFromIso } from '../dates';
import { QUANTILE_LEVELS } from '../forecast/types';
import { abcClasses } from '../inventory/abc';
import { PLAN_DEFAULTS } from '../inventory/plan';
import type { PolicyDecision, PolicyParams, StockState } from '../inventory/policy';
import { decide } from '../inventory/policy';
import { pathsFromQuantiles } from '../inventory/quantile-paths';
import { explain } from '../inventory/reasoning';
import { makeScenarios } from '../inventory/scenarios';
import { seededRng } from '../inventory/stats';
import { applyOverridesToPaths } from '../overrides/apply';

function numbers(d: PolicyDecision, params: PolicyParams, asOfDay: number): WhatIfNumbers {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    serviceLevel: params.serviceLevel,
    leadTimeDays: params.leadTimeDays,
    reviewPeriodDays: params.reviewPeriodDays,
    reorderPoint: round(d.reorderPoint),
    orderUpToLevel: round(d.orderUpToLevel),
    safetyStock: round(d.safetyStock),
    meanLeadTimeDemand: round(d.meanLeadTimeDemand),
    meanCycleDemand: round(d.meanCycleDemand),
    inventoryPosition: round(d.inventoryPosition),
    suggestedQuantity: d.suggestedQuantity,
    cases: d.cases,
    costCents: params.unitCostCents === null ? null : Math.round(d.suggestedQuantity * params.unitCostCents),
    daysOfCover: d.daysOfCover === null ? null : round(d.daysOfCover),
    expectedStockoutDay: d.expectedStockoutDays === null ? null : isoFromDay(asOfDay + Math.floor(d.expectedStockoutDays)),
    stockoutProbabilityBeforeDelivery: round(d.stockoutProbabilityBeforeDelivery),
    priority: d.priority,
  };
}

export function whatIf(db: Db, input: WhatIfInput): WhatIfResult {
  const settings = readSettings(db);
  const product = productRow(db, input.productId);
  const run = latestForecastRun(db);
  if (!run) throw new AppError('forecast.no_run', 'There is no forecast yet, so the reorder numbers cannot be worked out. Run the forecast first.');
  // The owner's choice of location, else the one with the most sales (most shops have one).
  const locationId = input.locationId ?? salesByLocation(db, product.id)[0]?.id ?? 1;
  const rows = forecastRows(db, run.id, product.id, locationId);
  if (rows.length === 0) {
    // Where the shop has several locations, say which one has no forecast (the owner may have picked it).
    const located = (db.prepare('SELECT count(*) AS n FROM locations').get() as { n: number }).n > 1;
    const name = located ? (db.prepare('SELECT name FROM locations WHERE id = ?').get(locationId) as { name: string } | undefined)?.name : undefined;
    throw new AppError('forecast.no_run', `The latest forecast has no figures for ${product.name}${name ? ` at ${name}` : ''}, so the reorder numbers cannot be worked out.`);
  }
  const asOfDay = (lastDataDay(db) ?? run.asOfDay) + 1;
  const periodDays = run.period === 'day' ? 1 : 7;
  const lead = effectiveLeadTime(product, settings);
  // The class the plan uses (plan-workspace.ts): the stored one, else from the last year's sales value.
  const abc = abcAt(db, product.id, locationId) ?? abcClasses(salesValueByKey(db, asOfDay - 364, asOfDay - 1)).get(`${product.id}:${locationId}`) ?? 'C';
  const position = productPositionAt(db, product.id, locationId);
  const stored = {
    firstPeriodStart: rows[0]!.period_start,
    mean: Float64Array.from(rows, (r) => r.mean),
    quantiles: [
      Float64Array.from(rows, (r) => r.q05),
      Float64Array.from(rows, (r) => r.q10),
      Float64Array.from(rows, (r) => r.q25),
      Float64Array.from(rows, (r) => r.q50),
      Float64Array.from(rows, (r) => r.q75),
      Float64Array.from(rows, (r) => r.q90),
      Float64Array.from(rows, (r) => r.q95),
    ],
  };

  const stock: StockState = {
    onHand: position.onHand,
    backorders: 0,
    onOrder: position.onOrder.map((line) => ({ quantity: line.quantity, dueInDays: (line.expectedDay ?? (line.sentDay ?? asOfDay) + Math.ceil(lead.days)) - asOfDay })),
  };
  const baseParams: PolicyParams = {
    leadTimeDays: lead.days,
    reviewPeriodDays: settings.reviewPeriodDays,
    serviceLevel: product.service_level ?? settings.serviceLevels[abc],
    serviceMeasure: PLAN_DEFAULTS.serviceMeasure,
    trigger: PLAN_DEFAULTS.trigger,
    moq: product.moq ?? 0,
    casePack: product.case_pack ?? 1,
    unitCostCents: product.unit_cost_cents,
    holdingCostRate: settings.holdingCostRate,
    orderingCostCents: settings.orderingCostCents,
    eoqFloor: PLAN_DEFAULTS.eoqFloor,
  };

  // The same paths the plan uses for this product: the engine's own when it stored them,
  // else drawn from the stored quantiles with the plan's seed stream; then the overrides.
  const streamSeed = Math.floor(seededRng(PLAN_DEFAULTS.seed + product.id * 7919 + locationId)() * 2 ** 31);
  const starts = Array.from(stored.mean, (_, k) => stored.firstPeriodStart + k * periodDays);
  const rules = rulesForLocation(activeOverrides(db, product.id).get(product.id) ?? [], locationId);
  const enginePaths = productPaths(db, run.id, product.id, locationId);
  let paths = enginePaths && enginePaths.length > 0 ? enginePaths : pathsFromQuantiles(QUANTILE_LEVELS, stored.quantiles, PLAN_DEFAULTS.paths, streamSeed);
  if (rules.length > 0) {
    // As withOverrides (core/overrides/integrate.ts) does for the plan: path means, same seed.
    const means = starts.map((_, k) => paths.reduce((a, p) => a + p[k]!, 0) / paths.length);
    paths = applyOverridesToPaths(paths, starts, means, rules, periodDays, product.id * 7919 + locationId);
  }
  const elapsed = Math.max(0, asOfDay - stored.firstPeriodStart);
  const base = decide(makeScenarios(paths, periodDays, elapsed), stock, baseParams);

  const promoWeeks = new Set((input.promotion?.weeks ?? []).map(dayFromIso));
  const multiplier = input.promotion?.multiplier ?? 1;
  const promoted = promoWeeks.size > 0 && multiplier !== 1 ? paths.map((path) => path.map((v, k) => (promoWeeks.has(starts[k]!) ? v * multiplier : v))) : paths;
  const changedParams: PolicyParams = {
    ...baseParams,
    ...(input.serviceLevel !== null ? { serviceLevel: input.serviceLevel } : {}),
    ...(input.leadTimeDays !== null ? { leadTimeDays: input.leadTimeDays } : {}),
  };
  const changed = decide(makeScenarios(promoted, periodDays, elapsed), stock, changedParams);
  return {
    locationId,
    asOfDay: isoFromDay(asOfDay),
    overridesApplied: rules.length,
    periods: starts.map((start, k) => ({ start: isoFromDay(start), mean: Math.round(stored.mean[k]! * 100) / 100, promoted: promoWeeks.has(start) })),
    base: numbers(base, baseParams, asOfDay),
    whatIf: numbers(changed, changedParams, asOfDay),
    baseReasoning: explain(base, baseParams, stock.onOrder),
    reasoning: explain(changed, changedParams, stock.onOrder),
  };
}
