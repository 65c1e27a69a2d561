import type { Db } from '../connection';
import { handOverChangedRows } from './adoption';
import { cachedStatement } from './statement-cache';

/** Writable product columns; `price_sale_day` is the day of the sale a sales-derived price came from (NULL: a price list's or none). */
export const PRODUCT_COLUMNS = ['name', 'category', 'unit_cost_cents', 'unit_price_cents', 'price_sale_day', 'supplier_id', 'lead_time_days', 'moq', 'case_pack', 'shelf_life_days', 'active'] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type ProductValues = Partial<Record<ProductColumn, string | number | null>>;

export interface ProductRow extends Record<ProductColumn, string | number | null> {
  id: number;
  sku: string;
  created_by_import: number | null;
  import_id: number | null;
}

export function productIdsBySku(db: Db): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of db.prepare('SELECT id, sku FROM products').iterate() as Iterable<{ id: number; sku: string }>) map.set(row.sku, row.id);
  return map;
}

export function productById(db: Db, id: number): ProductRow | undefined {
  return cachedStatement(db, 'SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
}

export function productBySku(db: Db, sku: string): ProductRow | undefined {
  return db.prepare('SELECT * FROM products WHERE sku = ?').get(sku) as ProductRow | undefined;
}

/** Inserts a product created by an import. */
export function insertProduct(db: Db, sku: string, values: ProductValues & { name: string }, importId: number): number {
  const columns = PRODUCT_COLUMNS.filter((c) => values[c] !== undefined && values[c] !== null);
  const names = ['sku', ...columns, 'created_by_import', 'import_id'];
  const info = cachedStatement(db, `INSERT INTO products (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(sku, ...columns.map((c) => values[c] ?? null), importId, importId);
  return Number(info.lastInsertRowid);
}

/** Sets some columns; `importId` (when given) records which import changed the product last. */
export function updateProduct(db: Db, id: number, values: ProductValues, importId?: number): void {
  const columns = PRODUCT_COLUMNS.filter((c) => values[c] !== undefined);
  if (columns.length === 0) return;
  const assignments = columns.map((c) => `${c} = ?`);
  const params: Array<string | number | null> = columns.map((c) => values[c] ?? null);
  if (importId !== undefined) {
    assignments.push('import_id = ?');
    params.push(importId);
  }
  cachedStatement(db, `UPDATE products SET ${assignments.join(', ')} WHERE id = ?`).run(...params, id);
}

/**
 * After an import's own rows are gone: deletes the products it created that nothing uses
 * any more, and hands the ones other imports still use over to the earliest of them.
 */
export function releaseProductsOfImport(db: Db, importId: number): { deleted: number; kept: number } {
  handOverChangedRows(db, 'products', importId);
  const deleted = db
    .prepare(
      `DELETE FROM products WHERE created_by_import = ?
         AND NOT EXISTS (SELECT 1 FROM sales WHERE product_id = products.id)
         AND NOT EXISTS (SELECT 1 FROM stock_snapshots WHERE product_id = products.id)
         AND NOT EXISTS (SELECT 1 FROM po_lines WHERE product_id = products.id)`,
    )
    .run(importId).changes;
  const kept = db
    .prepare(
      `UPDATE products SET created_by_import = (
         SELECT min(i) FROM (
           SELECT min(import_id) AS i FROM sales WHERE product_id = products.id AND import_id IS NOT NULL
           UNION ALL SELECT min(import_id) FROM stock_snapshots WHERE product_id = products.id AND import_id IS NOT NULL
           UNION ALL SELECT min(p.import_id) FROM po_lines l JOIN purchase_orders p ON p.id = l.po_id WHERE l.product_id = products.id AND p.import_id IS NOT NULL))
       WHERE created_by_import = ?`,
    )
    .run(importId).changes;
  db.prepare('UPDATE products SET import_id = created_by_import WHERE import_id = ?').run(importId);
  return { deleted, kept };
}
