import type { Db } from '../connection';

export function stockStatements(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO stock_snapshots (product_id, location_id, day, on_hand, import_id) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare('SELECT id, on_hand, import_id FROM stock_snapshots WHERE product_id = ? AND location_id = ? AND day = ?');
  return {
    /** False when a count for that product, location and day is already stored. */
    insert: (productId: number, locationId: number, day: number, onHand: number, importId: number): boolean =>
      insert.run(productId, locationId, day, onHand, importId).changes === 1,
    find: (productId: number, locationId: number, day: number) =>
      find.get(productId, locationId, day) as { id: number; on_hand: number; import_id: number | null } | undefined,
  };
}

export function deleteStockOfImport(db: Db, importId: number): number {
  return db.prepare('DELETE FROM stock_snapshots WHERE import_id = ?').run(importId).changes;
}
