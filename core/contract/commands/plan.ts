import { z } from 'zod';
import { Empty, Id, JobStarted } from '../common';
import { command } from '../spec';
import { PurchaseOrder } from './purchase-orders';

export const Priority = z.enum(['urgent', 'high', 'medium', 'low']);
export const RecommendationStatus = z.enum(['pending', 'accepted', 'edited', 'rejected', 'expired']);

export const Recommendation = z.object({
  id: Id,
  productId: Id,
  sku: z.string(),
  productName: z.string(),
  locationId: Id,
  locationName: z.string(),
  supplierId: Id.nullable(),
  supplierName: z.string().nullable(),
  abc: z.enum(['A', 'B', 'C']).nullable(),
  casePack: z.number(),
  moq: z.number(),
  onHand: z.number(),
  onOrder: z.number(),
  reorderPoint: z.number(),
  orderUpTo: z.number(),
  safetyStock: z.number(),
  serviceLevel: z.number().nullable(),
  leadTimeDays: z.number().nullable(),
  suggestedQty: z.number(),
  finalQty: z.number().nullable(),
  /** The quantity the line stands for: the owner's when decided, else the suggestion (0 when rejected). */
  quantity: z.number(),
  unitCostCents: z.number().int().nullable(),
  costCents: z.number().int().nullable(),
  priority: Priority,
  reasoning: z.string(),
  status: RecommendationStatus,
  decidedAt: z.string().nullable(),
  daysOfCover: z.number().nullable(),
  expectedStockoutDate: z.string().nullable(),
  stockoutProbabilityBeforeDelivery: z.number().nullable(),
  poId: Id.nullable(),
  poNumber: z.string().nullable(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const SupplierTotal = z.object({
  supplierId: Id.nullable(),
  name: z.string(),
  lines: z.number().int(),
  units: z.number(),
  /** Sum over the lines with a known unit cost. */
  costCents: z.number().int(),
  /** Lines whose product has no unit cost: not in costCents. */
  linesWithoutCost: z.number().int(),
  minOrderValueCents: z.number().int().nullable(),
  /** Below the supplier's minimum order value; never claimed while some line's cost is unknown. */
  belowMinimum: z.boolean(),
});
export type SupplierTotal = z.infer<typeof SupplierTotal>;

export const PlanInfo = z.object({
  id: Id,
  createdAt: z.string(),
  asOfDate: z.string(),
  forecastRunId: Id.nullable(),
  /** Distinct products planned (a product planned for two locations counts once). */
  products: z.number().int(),
  /** Lines of the plan: one per product and location. */
  lines: z.number().int(),
  /** Locations the plan's lines are for. */
  locations: z.number().int(),
  /** Lines with something to order as they stand now (after the owner’s decisions). */
  toOrder: z.number().int(),
  skipped: z.number().int(),
  /** Lines planned without any stock count at their location (their on hand is received minus sold). */
  withoutStockCount: z.number().int(),
});

export const PlanView = z.object({
  plan: PlanInfo.nullable(),
  lines: z.array(Recommendation),
  suppliers: z.array(SupplierTotal),
  totalCostCents: z.number().int(),
  linesWithoutCost: z.number().int(),
  /** Urgent products with nothing new to order (stock on order covers them, but the shelf empties first). */
  urgentWithoutOrder: z.array(z.object({ productId: Id, sku: z.string(), productName: z.string(), locationId: Id, locationName: z.string(), onOrder: z.number() })),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanStartInput = z
  .object({
    eoqFloor: z.boolean().default(false),
    budgetCents: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const PlanResult = z.object({
  planId: Id,
  asOfDate: z.string(),
  products: z.number().int(),
  toOrder: z.number().int(),
  byPriority: z.record(Priority, z.number().int()),
  totalCostCents: z.number().int(),
  expired: z.number().int(),
  skipped: z.array(z.object({ sku: z.string(), reason: z.string() })),
  withoutStockCount: z.number().int(),
});
export type PlanResult = z.infer<typeof PlanResult>;

export const Decision = z.discriminatedUnion('action', [
  z.object({ id: Id, action: z.literal('accept') }).strict(),
  z.object({ id: Id, action: z.literal('reject') }).strict(),
  z.object({ id: Id, action: z.literal('reset') }).strict(),
  z.object({ id: Id, action: z.literal('edit'), quantity: z.number().positive().max(1e9) }).strict(),
]);

export const planCommands = {
  'plan.start': command('Makes a reorder plan (forecasting first when the forecast is missing or stale); a job.', PlanStartInput, JobStarted),
  'plan.view': command('The latest plan: every line with its reason and decision, totals by supplier.', z.object({ onlyToOrder: z.boolean().default(false) }).strict(), PlanView),
  'plan.decide': command('Accepts, edits, rejects or resets one recommendation (audited).', Decision, Recommendation),
  'plan.decideMany': command(
    'Accepts or rejects several pending recommendations at once (audited per line).',
    z.object({ ids: z.array(Id).min(1).max(100_000), action: z.enum(['accept', 'reject']) }).strict(),
    z.object({ changed: z.number().int(), skipped: z.number().int() }),
  ),
  'plan.createPurchaseOrders': command('Turns accepted and edited lines into draft purchase orders, one per supplier.', Empty, z.array(PurchaseOrder)),
};
