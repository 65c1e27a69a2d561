import { z } from 'zod';
import { Id } from '../common';
import { command } from '../spec';

export const PoStatus = z.enum(['draft', 'sent', 'received', 'cancelled']);

export const PoLine = z.object({
  id: Id,
  productId: Id,
  sku: z.string(),
  productName: z.string(),
  /** Where the line is delivered, when the order has a line for another location than the main shop. */
  deliverTo: z.string().nullable(),
  quantity: z.number(),
  receivedQuantity: z.number(),
  casePack: z.number(),
  cases: z.number(),
  unitCostCents: z.number().int().nullable(),
  lineCostCents: z.number().int().nullable(),
  expectedDate: z.string().nullable(),
});

export const PurchaseOrder = z.object({
  id: Id,
  number: z.string(),
  supplierId: Id.nullable(),
  supplierName: z.string().nullable(),
  status: PoStatus,
  /** The business day it was sent; null for a draft (and an imported order that gave none). */
  orderDate: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** Sent: when the goods are due (order day + lead time). Draft: when they would be if sent today. */
  expectedDate: z.string().nullable(),
  /** Days a sent order is past its expected date, against the workspace's today (the day after its last data). */
  lateDays: z.number().int(),
  lines: z.array(PoLine),
  totalCents: z.number().int(),
  linesWithoutCost: z.number().int(),
  minOrderValueCents: z.number().int().nullable(),
  belowMinimum: z.boolean(),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const purchaseOrderCommands = {
  'po.list': command('Purchase orders, open ones first.', z.object({ status: z.array(PoStatus).optional() }).strict(), z.array(PurchaseOrder)),
  'po.get': command('One purchase order with its lines.', z.object({ id: Id }).strict(), PurchaseOrder),
  'po.transition': command(
    'Sends (counts as on order), receives (adds the stock) or cancels a purchase order (audited).',
    z.object({ id: Id, to: z.enum(['sent', 'received', 'cancelled']) }).strict(),
    PurchaseOrder,
  ),
  'po.updateLine': command('Changes a draft line’s quantity; 0 removes the line (audited).', z.object({ lineId: Id, quantity: z.number().min(0).max(1e9) }).strict(), PurchaseOrder),
};
