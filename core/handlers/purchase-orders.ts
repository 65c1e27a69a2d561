import type { PurchaseOrder } from '../contract/commands/purchase-orders';
import { isoFromDay } from '../dates';
import type { PurchaseOrderRow } from '../db/repos/purchase-orders';
import { getPurchaseOrder, listPurchaseOrders, transitionPurchaseOrder, updateDraftLine } from '../db/repos/purchase-orders';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

const iso = (day: number | null) => (day === null ? null : isoFromDay(day));

export function toPurchaseOrder(row: PurchaseOrderRow): PurchaseOrder {
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    status: row.status,
    orderDate: iso(row.orderDay),
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    receivedAt: row.receivedAt,
    expectedDate: iso(row.expectedDay),
    lateDays: row.lateDays,
    lines: row.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      sku: l.sku,
      productName: l.productName,
      deliverTo: l.deliverTo,
      quantity: l.quantity,
      receivedQuantity: l.receivedQuantity,
      casePack: l.casePack,
      cases: l.cases,
      unitCostCents: l.unitCostCents,
      lineCostCents: l.lineCostCents,
      expectedDate: iso(l.expectedDay),
    })),
    totalCents: row.totalCents,
    linesWithoutCost: row.linesWithoutCost,
    minOrderValueCents: row.minOrderValueCents,
    belowMinimum: row.belowMinimum,
  };
}

export const purchaseOrderHandlers = defineHandlers<HandlerContext>('purchase-orders', {
  'po.list': (input, { app }) => listPurchaseOrders(app.db, input.status ? { status: input.status } : {}).map(toPurchaseOrder),
  'po.get': (input, { app }) => toPurchaseOrder(getPurchaseOrder(app.db, input.id)),
  'po.transition': (input, { app }) => {
    const order = toPurchaseOrder(transitionPurchaseOrder(app.db, input.id, input.to));
    app.emit('workspace.changed', { reason: `po.${input.to}` });
    return order;
  },
  'po.updateLine': (input, { app }) => {
    const order = toPurchaseOrder(updateDraftLine(app.db, input.lineId, input.quantity));
    app.emit('workspace.changed', { reason: 'po.edit' });
    return order;
  },
});
