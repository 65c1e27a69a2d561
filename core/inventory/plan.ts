/**
 * A reorder plan over many products: resolves each product's policy inputs, runs the
 * policy, writes the reason, and applies the optional budget cap. Pure: the workspace side
 * (core/inventory/plan-workspace.ts) reads the inputs and stores the result.
 */
import type { AbcClass } from './abc';
import type { BudgetCandidate } from './order-quantity';
import { applyBudget } from './order-quantity';
import type { OrderTrigger, PolicyDecision, PolicyParams, ServiceMeasure, StockState } from './policy';
import { decide } from './policy';
import { explain } from './reasoning';
import type { DemandScenarios } from './scenarios';

export interface PlanOptions {
  serviceMeasure: ServiceMeasure;
  trigger: OrderTrigger;
  eoqFloor: boolean;
  /** Spend at most this much on the plan's orders; null for no cap. */
  budgetCents: number | null;
  /** Sample paths per product when paths are drawn from stored quantiles. */
  paths: number;
  seed: number;
}

/**
 * Defaults. The service level is read as a fill rate, "the share of demand met from the
 * shelf", which is what a shop owner means by 95% and what the replay measures: the
 * order-up-to level is the quantile of demand over L + R at the level whose expected fill
 * rate on the sample paths meets the target (policy.ts, fillRateLevel), but never above the
 * service-level quantile itself (policy.ts, upToLevel: lumpy items are not stocked for
 * tails hit in fewer than 1 − p of the cycles); the reorder point stays the service-level
 * quantile over L. So the per-product level (A 0.98, B 0.95, C 0.90 by default) is a fill
 * rate wherever meeting it takes no more stock than the same cycle-service level, and a
 * cycle-service level where it would take more. ('cycle' reads the same number as the chance of
 * no stockout between deliveries, which in replays on Walmart data gave 98.6% of demand
 * met at a 95% target, i.e. more stock than asked for.) Orders follow the periodic review:
 * at each review the position is topped up to the order-up-to level whenever it is below it
 * ('reviewCycle'). PRODUCT.md §7 orders only at or below the reorder point (the service
 * quantile over L alone, 'reorderPoint'); under weekly reviews that point does not cover the
 * week until the next chance to order, and replayed on Walmart at a 95% target it met 88.9%
 * of demand with 29% more average stock than the review-cycle trigger (94.7%). The screens
 * and the reasoning say which level an order tops up to and why.
 */
export const PLAN_DEFAULTS: PlanOptions = { serviceMeasure: 'fill', trigger: 'reviewCycle', eoqFloor: false, budgetCents: null, paths: 1000, seed: 20240601 };

export type LeadTimeSource = 'product' | 'supplier' | 'setting';

export interface PlanItem {
  productId: number;
  locationId: number;
  sku: string;
  name: string;
  supplierId: number | null;
  supplierName: string | null;
  abc: AbcClass;
  serviceLevelSource: 'product' | 'class';
  leadTimeSource: LeadTimeSource;
  onHandKnown: boolean;
  stock: StockState;
  params: PolicyParams;
  /** The forecast as scenarios; null when the product has no forecast. */
  scenarios: DemandScenarios | null;
}

export interface PlannedLine {
  item: PlanItem;
  decision: PolicyDecision;
  reasoning: string;
  heldBackByBudget: boolean;
}

export interface PlanResult {
  lines: PlannedLine[];
  skipped: Array<{ productId: number; locationId: number; sku: string; reason: string }>;
  budget: { capCents: number; spentCents: number; heldBack: number } | null;
}

function moneyText(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function planItems(items: readonly PlanItem[], options: PlanOptions, onItem?: (done: number) => void): PlanResult {
  const lines: PlannedLine[] = [];
  const skipped: PlanResult['skipped'] = [];
  items.forEach((item, index) => {
    if (item.scenarios === null) {
      skipped.push({ productId: item.productId, locationId: item.locationId, sku: item.sku, reason: 'no forecast' });
    } else {
      const decision = decide(item.scenarios, item.stock, item.params);
      let reasoning = explain(decision, item.params, item.stock.onOrder);
      if (!item.onHandKnown) reasoning += ' There is no stock count for this product, so on hand is taken as received minus sold.';
      lines.push({ item, decision, reasoning, heldBackByBudget: false });
    }
    onItem?.(index + 1);
  });

  let budget: PlanResult['budget'] = null;
  if (options.budgetCents !== null) {
    const candidates: BudgetCandidate[] = lines
      .filter((l) => l.decision.suggestedQuantity > 0)
      .map((l) => ({
        key: `${l.item.productId}:${l.item.locationId}`,
        quantity: l.decision.suggestedQuantity,
        costCents: l.item.params.unitCostCents === null ? null : Math.round(l.decision.suggestedQuantity * l.item.params.unitCostCents),
        expectedShortageAvoided: l.decision.expectedShortageWithoutOrder - l.decision.expectedShortageWithOrder,
      }));
    const outcome = applyBudget(candidates, options.budgetCents);
    const dropped = new Set(outcome.dropped);
    for (const line of lines) {
      if (!dropped.has(`${line.item.productId}:${line.item.locationId}`)) continue;
      line.heldBackByBudget = true;
      line.reasoning = `Held back by the budget of ${moneyText(options.budgetCents)}: other lines avoid more shortage per unit of money. Without the cap: ${line.reasoning}`;
      line.decision = { ...line.decision, suggestedQuantity: 0, cases: 0, quantityDrivenBy: 'none' };
    }
    budget = { capCents: options.budgetCents, spentCents: outcome.spentCents, heldBack: dropped.size };
  }
  return { lines, skipped, budget };
}

/** The policy inputs as stored with a recommendation (every input, for the audit trail). */
export function inputsRecord(item: PlanItem, asOfDay: number): Record<string, unknown> {
  return {
    asOfDay,
    abc: item.abc,
    serviceLevel: item.params.serviceLevel,
    serviceLevelSource: item.serviceLevelSource,
    serviceMeasure: item.params.serviceMeasure,
    trigger: item.params.trigger,
    leadTimeDays: item.params.leadTimeDays,
    leadTimeSource: item.leadTimeSource,
    reviewPeriodDays: item.params.reviewPeriodDays,
    moq: item.params.moq,
    casePack: item.params.casePack,
    unitCostCents: item.params.unitCostCents,
    holdingCostRate: item.params.holdingCostRate,
    orderingCostCents: item.params.orderingCostCents,
    eoqFloor: item.params.eoqFloor,
    onHand: item.stock.onHand,
    onHandKnown: item.onHandKnown,
    backorders: item.stock.backorders,
    onOrderLines: item.stock.onOrder,
    paths: item.scenarios?.paths.length ?? 0,
    periodDays: item.scenarios?.periodDays ?? null,
    elapsedDays: item.scenarios?.elapsedDays ?? null,
  };
}

export function outputsRecord(line: PlannedLine, asOfDay: number): Record<string, unknown> {
  const d = line.decision;
  return {
    inventoryPosition: d.inventoryPosition,
    meanLeadTimeDemand: d.meanLeadTimeDemand,
    meanCycleDemand: d.meanCycleDemand,
    sdCycleDemand: d.sdCycleDemand,
    orderUpToQuantileLevel: d.orderUpToQuantileLevel,
    rawQuantity: d.rawQuantity,
    cases: d.cases,
    quantityDrivenBy: d.quantityDrivenBy,
    eoq: d.eoq,
    meanDailyDemand: d.meanDailyDemand,
    daysOfCover: d.daysOfCover,
    expectedStockoutDays: d.expectedStockoutDays,
    expectedStockoutDay: d.expectedStockoutDays === null ? null : asOfDay + Math.floor(d.expectedStockoutDays),
    stockoutProbabilityBeforeDelivery: d.stockoutProbabilityBeforeDelivery,
    stockoutProbabilityBeforeReview: d.stockoutProbabilityBeforeReview,
    expectedShortageWithoutOrder: d.expectedShortageWithoutOrder,
    expectedShortageWithOrder: d.expectedShortageWithOrder,
    heldBackByBudget: line.heldBackByBudget,
  };
}
