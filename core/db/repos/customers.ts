import type { Db } from '../connection';
import { handOverChangedRows } from './adoption';
import { cachedStatement } from './statement-cache';

export function customerIdsByExternalId(db: Db): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of db.prepare('SELECT id, external_id FROM customers').iterate() as Iterable<{ id: number; external_id: string }>) map.set(row.external_id, row.id);
  return map;
}

export function customerById(db: Db, id: number): { id: number; external_id: string; name: string | null; import_id: number | null } | undefined {
  return db.prepare('SELECT id, external_id, name, import_id FROM customers WHERE id = ?').get(id) as
    | { id: number; external_id: string; name: string | null; import_id: number | null }
    | undefined;
}

export function insertCustomer(db: Db, externalId: string, name: string | null, importId: number): number {
  return Number(cachedStatement(db, 'INSERT INTO customers (external_id, name, import_id) VALUES (?, ?, ?)').run(externalId, name, importId).lastInsertRowid);
}

export function setCustomerName(db: Db, id: number, name: string | null): void {
  db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(name, id);
}

/** Deletes customers an import created that no sale refers to; hands the others over. */
export function releaseCustomersOfImport(db: Db, importId: number): void {
  handOverChangedRows(db, 'customers', importId);
  db.prepare('DELETE FROM customers WHERE import_id = ? AND NOT EXISTS (SELECT 1 FROM sales WHERE customer_id = customers.id)').run(importId);
  db.prepare('UPDATE customers SET import_id = (SELECT min(import_id) FROM sales WHERE customer_id = customers.id) WHERE import_id = ?').run(importId);
}
