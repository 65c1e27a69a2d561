import type { Db } from '../connection';

export interface PurchaseOrderHead {
  id: number;
  number: string;
  supplier_id: number | null;
  import_id: number | null;
}

export function purchaseOrderStatements(db: Db) {
  const byNumber = db.prepare('SELECT id, number, supplier_id, import_id FROM purchase_orders WHERE number = ?');
  const insertHead = db.prepare("INSERT INTO purchase_orders (number, supplier_id, status, created_at, sent_at, expected_day, notes, import_id) VALUES (?, ?, 'sent', ?, ?, ?, ?, ?)");
  const insertLine = db.prepare('INSERT INTO po_lines (po_id, product_id, quantity, unit_cost_cents, expected_day) VALUES (?, ?, ?, ?, ?)');
  const findLine = db.prepare('SELECT id, quantity, unit_cost_cents, expected_day FROM po_lines WHERE po_id = ? AND product_id = ? ORDER BY id');
  const setExpected = db.prepare('UPDATE purchase_orders SET expected_day = min(coalesce(expected_day, @day), @day) WHERE id = @po');
  return {
    byNumber: (number: string) => byNumber.get(number) as PurchaseOrderHead | undefined,
    /** An imported open order counts as sent: it is on order. */
    insertHead: (number: string, supplierId: number | null, at: string, expectedDay: number | null, importId: number): number =>
      Number(insertHead.run(number, supplierId, at, at, expectedDay, 'Imported', importId).lastInsertRowid),
    insertLine: (poId: number, productId: number, quantity: number, unitCostCents: number | null, expectedDay: number | null): void => {
      insertLine.run(poId, productId, quantity, unitCostCents, expectedDay);
    },
    linesOf: (poId: number, productId: number) =>
      findLine.all(poId, productId) as Array<{ id: number; quantity: number; unit_cost_cents: number | null; expected_day: number | null }>,
    noteExpected: (poId: number, expectedDay: number): void => {
      setExpected.run({ day: expectedDay, po: poId });
    },
  };
}

export function deletePurchaseOrdersOfImport(db: Db, importId: number): number {
  return db.prepare('DELETE FROM purchase_orders WHERE import_id = ?').run(importId).changes;
}
