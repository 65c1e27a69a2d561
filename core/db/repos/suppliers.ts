import type { Db } from '../connection';
import { handOverChangedRows } from './adoption';

export const SUPPLIER_COLUMNS = ['contact', 'email', 'phone', 'default_lead_time_days', 'min_order_value_cents'] as const;
export type SupplierColumn = (typeof SUPPLIER_COLUMNS)[number];
export type SupplierValues = Partial<Record<SupplierColumn, string | number | null>>;

export interface SupplierRow extends Record<SupplierColumn, string | number | null> {
  id: number;
  name: string;
  import_id: number | null;
}

/** Supplier ids by lower-cased name (names are unique without regard to case). */
export function supplierIdsByName(db: Db): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of db.prepare('SELECT id, name FROM suppliers').iterate() as Iterable<{ id: number; name: string }>) map.set(row.name.toLowerCase(), row.id);
  return map;
}

export function supplierById(db: Db, id: number): SupplierRow | undefined {
  return db.prepare('SELECT * FROM suppliers WHERE id = ?').get(id) as SupplierRow | undefined;
}

export function insertSupplier(db: Db, name: string, values: SupplierValues, importId: number): number {
  const columns = SUPPLIER_COLUMNS.filter((c) => values[c] !== undefined && values[c] !== null);
  const names = ['name', ...columns, 'import_id'];
  const info = db
    .prepare(`INSERT INTO suppliers (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(name, ...columns.map((c) => values[c] ?? null), importId);
  return Number(info.lastInsertRowid);
}

export function updateSupplier(db: Db, id: number, values: SupplierValues): void {
  const columns = SUPPLIER_COLUMNS.filter((c) => values[c] !== undefined);
  if (columns.length === 0) return;
  db.prepare(`UPDATE suppliers SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c] ?? null), id);
}

/** Deletes suppliers an import created that nothing uses; keeps (and hands over) the others. */
export function releaseSuppliersOfImport(db: Db, importId: number): void {
  handOverChangedRows(db, 'suppliers', importId);
  db.prepare(
    `DELETE FROM suppliers WHERE import_id = ?
       AND NOT EXISTS (SELECT 1 FROM products WHERE supplier_id = suppliers.id)
       AND NOT EXISTS (SELECT 1 FROM purchase_orders WHERE supplier_id = suppliers.id)`,
  ).run(importId);
  db.prepare(
    `UPDATE suppliers SET import_id = (
       SELECT min(i) FROM (
         SELECT min(coalesce(import_id, created_by_import)) AS i FROM products WHERE supplier_id = suppliers.id
         UNION ALL SELECT min(import_id) FROM purchase_orders WHERE supplier_id = suppliers.id))
     WHERE import_id = ?`,
  ).run(importId);
}
