import { isoFromDay } from '../../dates';
import type { PurchaseOrderHead } from '../../db/repos/purchase-orders-import';
import { purchaseOrderStatements } from '../../db/repos/purchase-orders-import';
import type { RecordWriter, WriteContext } from '../context';
import { resolveProduct, storedWhere } from '../context';
import type { PurchaseOrderRecord } from '../records';

/**
 * Open purchase orders, stored as sent (on order). Natural key: PO number and SKU. Lines
 * without a PO number are grouped into one order per supplier and expected date. A PO
 * number stored before (by another import or in Shelfcast) is never changed: its lines
 * in the file are duplicates when identical, otherwise rejected.
 */
export class PurchaseOrderWriter implements RecordWriter<PurchaseOrderRecord> {
  private readonly statements;
  private readonly heads = new Map<string, PurchaseOrderHead>();

  constructor(
    private readonly ctx: WriteContext,
    private readonly today: number,
  ) {
    this.statements = purchaseOrderStatements(ctx.db);
  }

  write(record: PurchaseOrderRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const number = record.poNumber ?? `${record.supplier ?? 'Supplier'} ${isoFromDay(record.expectedDay ?? this.today)}`;
    const supplierId = ctx.refs.supplierId(record.supplier, ctx.importId, ctx.counts);
    let head = this.heads.get(number) ?? this.statements.byNumber(number);
    if (head && head.import_id !== ctx.importId) {
      const productId = ctx.refs.productId(record.sku);
      const lines = productId === undefined ? [] : this.statements.linesOf(head.id, productId);
      if (lines.some((l) => l.quantity === record.quantity && (record.unitCostCents === null || l.unit_cost_cents === record.unitCostCents))) {
        ctx.duplicate(line, `this line of PO ${number} is already stored ${storedWhere(ctx, head.import_id)}`);
      } else {
        ctx.reject(
          line,
          [{ column: ctx.column(record.poNumber === null ? 'supplier' : 'poNumber'), reason: `purchase order ${number} is already stored ${ctx.refs.importName(head.import_id)} without this line; undo that import to replace it` }],
          row,
        );
      }
      return;
    }
    const productId = resolveProduct(ctx, record.sku, null, line, row);
    if (productId === undefined) return;
    if (!head) {
      const id = this.statements.insertHead(number, supplierId, ctx.now, record.expectedDay, ctx.importId);
      head = { id, number, supplier_id: supplierId, import_id: ctx.importId };
      this.heads.set(number, head);
    } else if (record.expectedDay !== null) {
      this.statements.noteExpected(head.id, record.expectedDay);
    }
    this.statements.insertLine(head.id, productId, record.quantity, record.unitCostCents, record.expectedDay);
    ctx.counts.imported++;
  }

  flush(): void {}
}
