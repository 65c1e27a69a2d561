/**
 * Recommendations of reorder plans and the owner's decisions on them.
 * pending → accepted | edited | rejected (the owner may change a decision while the line is
 * not on a purchase order); a new plan expires the pending ones of earlier plans.
 * Every change is written to the audit log in the same transaction.
 */
import { writeTransaction } from '../transaction';
import { AppError } from '../../contract/errors';
import { roundOrderQuantity } from '../../inventory/order-quantity';
import type { Db } from '../connection';
import { audit } from './audit';

export type RecommendationStatus = 'pending' | 'accepted' | 'edited' | 'rejected' | 'expired';
export type Priority = 'urgent' | 'high' | 'medium' | 'low';

export interface NewRecommendation {
  productId: number;
  locationId: number;
  supplierId: number | null;
  inputs: Record<string, unknown>;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  safetyStock: number;
  suggestedQty: number;
  unitCostCents: number | null;
  priority: Priority;
  reasoning: string;
  outputs: Record<string, unknown>;
}

export interface PlanRow {
  id: number;
  createdAt: string;
  asOfDay: number;
  forecastRunId: number | null;
  options: Record<string, unknown>;
  summary: Record<string, unknown>;
}

export interface RecommendationRow {
  id: number;
  planId: number | null;
  productId: number;
  sku: string;
  productName: string;
  locationId: number;
  locationName: string;
  supplierId: number | null;
  supplierName: string | null;
  casePack: number;
  moq: number;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  safetyStock: number;
  suggestedQty: number;
  finalQty: number | null;
  unitCostCents: number | null;
  priority: Priority;
  reasoning: string;
  status: RecommendationStatus;
  decidedAt: string | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Purchase order that holds this line, when there is one. */
  poId: number | null;
  poNumber: string | null;
}

/** Stores a new plan and its recommendations; pending lines of earlier plans expire. */
export function savePlan(
  db: Db,
  plan: { asOfDay: number; forecastRunId: number | null; options: Record<string, unknown>; summary: Record<string, unknown> },
  lines: readonly NewRecommendation[],
  now = new Date(),
): { planId: number; expired: number } {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    const expired = db.prepare("UPDATE recommendations SET status = 'expired', decided_at = ? WHERE status = 'pending'").run(at).changes;
    const planId = Number(
      db
        .prepare('INSERT INTO plans (created_at, as_of_day, forecast_run_id, options, summary) VALUES (?, ?, ?, ?, ?)')
        .run(at, plan.asOfDay, plan.forecastRunId, JSON.stringify(plan.options), JSON.stringify(plan.summary)).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO recommendations (plan_id, run_id, product_id, location_id, supplier_id, created_at, inputs, on_hand, on_order,
         reorder_point, order_up_to, safety_stock, suggested_qty, unit_cost_cents, priority, reasoning, outputs, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
    );
    for (const line of lines) {
      insert.run(
        planId,
        plan.forecastRunId,
        line.productId,
        line.locationId,
        line.supplierId,
        at,
        JSON.stringify(line.inputs),
        line.onHand,
        line.onOrder,
        line.reorderPoint,
        line.orderUpTo,
        line.safetyStock,
        line.suggestedQty,
        line.unitCostCents,
        line.priority,
        line.reasoning,
        JSON.stringify(line.outputs),
      );
    }
    if (expired > 0) audit(db, { action: 'plan.expire', entity: 'recommendation', before: { status: 'pending' }, after: { status: 'expired', count: expired } }, now);
    audit(db, { action: 'plan.create', entity: 'plan', entityId: planId, after: { ...plan.summary, lines: lines.length } }, now);
    return { planId, expired };
  });
}

export function latestPlan(db: Db): PlanRow | null {
  const row = db.prepare('SELECT id, created_at AS createdAt, as_of_day AS asOfDay, forecast_run_id AS forecastRunId, options, summary FROM plans ORDER BY id DESC LIMIT 1').get() as
    | (Omit<PlanRow, 'options' | 'summary'> & { options: string; summary: string })
    | undefined;
  if (!row) return null;
  return { ...row, options: JSON.parse(row.options) as Record<string, unknown>, summary: JSON.parse(row.summary) as Record<string, unknown> };
}

const SELECT = `
  SELECT r.id, r.plan_id AS planId, r.product_id AS productId, p.sku, p.name AS productName, r.location_id AS locationId,
         loc.name AS locationName, r.supplier_id AS supplierId, s.name AS supplierName, COALESCE(p.case_pack, 1) AS casePack,
         COALESCE(p.moq, 0) AS moq, r.on_hand AS onHand, r.on_order AS onOrder, r.reorder_point AS reorderPoint,
         r.order_up_to AS orderUpTo, r.safety_stock AS safetyStock, r.suggested_qty AS suggestedQty, r.final_qty AS finalQty,
         r.unit_cost_cents AS unitCostCents, r.priority, r.reasoning, r.status, r.decided_at AS decidedAt, r.inputs, r.outputs,
         po.id AS poId, po.number AS poNumber
    FROM recommendations r
    JOIN products p ON p.id = r.product_id
    JOIN locations loc ON loc.id = r.location_id
    LEFT JOIN suppliers s ON s.id = r.supplier_id
    LEFT JOIN (SELECT pl.recommendation_id AS recommendationId, max(o.id) AS poId
                 FROM po_lines pl JOIN purchase_orders o ON o.id = pl.po_id
                WHERE o.status <> 'cancelled' AND pl.recommendation_id IS NOT NULL
                GROUP BY pl.recommendation_id) held ON held.recommendationId = r.id
    LEFT JOIN purchase_orders po ON po.id = held.poId`;

type RawRow = Omit<RecommendationRow, 'inputs' | 'outputs'> & { inputs: string; outputs: string };

function parse(row: RawRow): RecommendationRow {
  return { ...row, inputs: JSON.parse(row.inputs) as Record<string, unknown>, outputs: JSON.parse(row.outputs) as Record<string, unknown> };
}

const PRIORITY_ORDER = "CASE r.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

/** The recommendations of one plan (default: the latest), by supplier, then priority. */
export function listRecommendations(db: Db, options: { planId?: number; status?: RecommendationStatus[] } = {}): RecommendationRow[] {
  const planId = options.planId ?? latestPlan(db)?.id;
  if (planId === undefined) return [];
  const statuses = options.status ?? [];
  const filter = statuses.length > 0 ? `AND r.status IN (${statuses.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(`${SELECT} WHERE r.plan_id = ? ${filter} ORDER BY s.name IS NULL, s.name COLLATE NOCASE, ${PRIORITY_ORDER}, p.sku`)
    .all(planId, ...statuses) as RawRow[];
  return rows.map(parse);
}

export function getRecommendation(db: Db, id: number): RecommendationRow {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RawRow | undefined;
  if (!row) throw new AppError('not_found', `There is no recommendation ${id}.`, { id });
  return parse(row);
}

export type Decision = { action: 'accept' } | { action: 'reject' } | { action: 'edit'; quantity: number } | { action: 'reset' };

/** Applies the owner's decision on one line, with an audit entry. */
export function decideRecommendation(db: Db, id: number, decision: Decision, now = new Date()): RecommendationRow {
  return writeTransaction(db, () => {
    const before = getRecommendation(db, id);
    if (before.status === 'expired') {
      throw new AppError('plan.invalid_transition', `This recommendation for ${before.sku} has expired: a newer plan replaced it.`, { id, status: before.status });
    }
    if (before.poId !== null) {
      throw new AppError('plan.invalid_transition', `${before.sku} is already on purchase order ${before.poNumber}; change it there.`, { id, poId: before.poId });
    }
    let status: RecommendationStatus;
    let finalQty: number | null;
    switch (decision.action) {
      case 'accept':
        status = 'accepted';
        finalQty = before.suggestedQty;
        if (!(finalQty > 0)) throw new AppError('plan.invalid_transition', `There is nothing to order for ${before.sku}; edit the quantity to order some anyway.`, { id });
        break;
      case 'edit':
        if (!(decision.quantity > 0) || !Number.isFinite(decision.quantity)) {
          throw new AppError('input.invalid', `The quantity for ${before.sku} must be more than 0 (reject the line to order none).`, { id, quantity: decision.quantity });
        }
        status = 'edited';
        // A supplier ships whole cases: the owner's figure goes up to the next case and to
        // at least the MOQ, as the plan's own suggestions do (the screen shows this before saving).
        finalQty = roundOrderQuantity(decision.quantity, before.casePack, before.moq);
        break;
      case 'reject':
        status = 'rejected';
        finalQty = 0;
        break;
      case 'reset':
        status = 'pending';
        finalQty = null;
        break;
    }
    db.prepare('UPDATE recommendations SET status = ?, final_qty = ?, decided_at = ? WHERE id = ?').run(status, finalQty, status === 'pending' ? null : now.toISOString(), id);
    const requested = decision.action === 'edit' && decision.quantity !== finalQty ? { requested: decision.quantity } : {};
    audit(
      db,
      { action: `recommendation.${decision.action}`, entity: 'recommendation', entityId: id, before: { status: before.status, finalQty: before.finalQty }, after: { status, finalQty, sku: before.sku, ...requested } },
      now,
    );
    return getRecommendation(db, id);
  });
}
