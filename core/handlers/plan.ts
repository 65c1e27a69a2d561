import { writeTransaction } from '../db/transaction';
import type { PlanView, Recommendation } from '../contract/commands/plan';
import { isoFromDay } from '../dates';
import { createDraftOrders } from '../db/repos/purchase-orders';
import type { RecommendationRow } from '../db/repos/recommendations';
import { decideRecommendation, getRecommendation, latestPlan, listRecommendations } from '../db/repos/recommendations';
import { AppError } from '../contract/errors';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';
import { toPurchaseOrder } from './purchase-orders';

function numberOr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function toRecommendation(row: RecommendationRow): Recommendation {
  const quantity = row.status === 'rejected' || row.status === 'expired' ? 0 : (row.finalQty ?? row.suggestedQty);
  const abc = row.inputs.abc;
  const stockoutDay = numberOr(row.outputs.expectedStockoutDay);
  return {
    id: row.id,
    productId: row.productId,
    sku: row.sku,
    productName: row.productName,
    locationId: row.locationId,
    locationName: row.locationName,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    abc: abc === 'A' || abc === 'B' || abc === 'C' ? abc : null,
    casePack: row.casePack,
    moq: row.moq,
    onHand: row.onHand,
    onOrder: row.onOrder,
    reorderPoint: row.reorderPoint,
    orderUpTo: row.orderUpTo,
    safetyStock: row.safetyStock,
    serviceLevel: numberOr(row.inputs.serviceLevel),
    leadTimeDays: numberOr(row.inputs.leadTimeDays),
    suggestedQty: row.suggestedQty,
    finalQty: row.finalQty,
    quantity,
    unitCostCents: row.unitCostCents,
    costCents: row.unitCostCents === null ? null : Math.round(quantity * row.unitCostCents),
    priority: row.priority,
    reasoning: row.reasoning,
    status: row.status,
    decidedAt: row.decidedAt,
    daysOfCover: numberOr(row.outputs.daysOfCover),
    expectedStockoutDate: stockoutDay === null ? null : isoFromDay(stockoutDay),
    stockoutProbabilityBeforeDelivery: numberOr(row.outputs.stockoutProbabilityBeforeDelivery),
    poId: row.poId,
    poNumber: row.poNumber,
  };
}

function supplierMinimums(db: HandlerContext['app']['db']): Map<number, number | null> {
  const rows = db.prepare('SELECT id, min_order_value_cents AS v FROM suppliers').all() as Array<{ id: number; v: number | null }>;
  return new Map(rows.map((r) => [r.id, r.v]));
}

export const planHandlers = defineHandlers<HandlerContext>('plan', {
  'plan.start': (input, { app }) => ({ jobId: app.startJob({ kind: 'plan', title: 'Making the reorder plan', input }) }),
  'plan.view': (input, { app }) => {
    const plan = latestPlan(app.db);
    if (!plan) return { plan: null, lines: [], suppliers: [], totalCostCents: 0, linesWithoutCost: 0, urgentWithoutOrder: [] } satisfies PlanView;
    const lines = listRecommendations(app.db, { planId: plan.id }).map(toRecommendation);
    const minimums = supplierMinimums(app.db);
    const totals = new Map<string, PlanView['suppliers'][number]>();
    for (const line of lines) {
      if (line.quantity <= 0) continue;
      const key = String(line.supplierId);
      const min = line.supplierId === null ? null : (minimums.get(line.supplierId) ?? null);
      const entry = totals.get(key) ?? { supplierId: line.supplierId, name: line.supplierName ?? 'No supplier', lines: 0, units: 0, costCents: 0, linesWithoutCost: 0, minOrderValueCents: min, belowMinimum: false };
      entry.lines++;
      entry.units += line.quantity;
      if (line.costCents === null) entry.linesWithoutCost++;
      else entry.costCents += line.costCents;
      totals.set(key, entry);
    }
    const suppliers = [...totals.values()].map((s) => ({ ...s, belowMinimum: s.minOrderValueCents !== null && s.linesWithoutCost === 0 && s.costCents < s.minOrderValueCents }));
    const summary = plan.summary;
    return {
      plan: {
        id: plan.id,
        createdAt: plan.createdAt,
        asOfDate: isoFromDay(plan.asOfDay),
        forecastRunId: plan.forecastRunId,
        // Counted from the lines: the stored summary's `products` counts lines (one per product and location).
        products: lines.length > 0 ? new Set(lines.map((l) => l.productId)).size : (numberOr(summary.products) ?? 0),
        lines: lines.length > 0 ? lines.length : (numberOr(summary.products) ?? 0),
        locations: new Set(lines.map((l) => l.locationId)).size,
        // Counted from the lines as they stand, so a rejected or edited line changes it at once
        // (the plan's stored summary counts the suggestions as they were made).
        toOrder: suppliers.reduce((sum, s) => sum + s.lines, 0),
        skipped: numberOr(summary.skipped) ?? 0,
        withoutStockCount: numberOr(summary.withoutStockCount) ?? 0,
      },
      lines: input.onlyToOrder ? lines.filter((l) => l.suggestedQty > 0 || l.status !== 'pending') : lines,
      suppliers: suppliers.sort((a, b) => a.name.localeCompare(b.name)),
      totalCostCents: suppliers.reduce((s, x) => s + x.costCents, 0),
      linesWithoutCost: suppliers.reduce((s, x) => s + x.linesWithoutCost, 0),
      urgentWithoutOrder: lines
        .filter((l) => l.priority === 'urgent' && l.suggestedQty <= 0 && l.status === 'pending')
        .map((l) => ({ productId: l.productId, sku: l.sku, productName: l.productName, locationId: l.locationId, locationName: l.locationName, onOrder: l.onOrder })),
    };
  },
  'plan.decide': (input, { app }) => {
    const decision = input.action === 'edit' ? { action: 'edit' as const, quantity: input.quantity } : { action: input.action };
    const row = decideRecommendation(app.db, input.id, decision);
    app.emit('workspace.changed', { reason: 'plan.decide' });
    return toRecommendation(row);
  },
  'plan.decideMany': (input, { app }) => {
    let changed = 0;
    let skipped = 0;
    writeTransaction(app.db, () => {
      for (const id of input.ids) {
        const row = getRecommendation(app.db, id);
        if (row.status !== 'pending' || (input.action === 'accept' && row.suggestedQty <= 0)) {
          skipped++;
          continue;
        }
        decideRecommendation(app.db, id, { action: input.action });
        changed++;
      }
    });
    app.emit('workspace.changed', { reason: 'plan.decide' });
    return { changed, skipped };
  },
  'plan.createPurchaseOrders': (_input, { app }) => {
    const plan = latestPlan(app.db);
    if (!plan) throw new AppError('plan.no_recommendations', 'There is no reorder plan yet. Make a plan first.');
    const orders = createDraftOrders(app.db, plan.asOfDay).map(toPurchaseOrder);
    app.emit('workspace.changed', { reason: 'po.create' });
    return orders;
  },
});
