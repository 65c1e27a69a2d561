import { writeTransaction } from '../db/transaction';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { customerById, releaseCustomersOfImport, setCustomerName } from '../db/repos/customers';
import { deleteEventsOfImport } from '../db/repos/events-import';
import { changesOf, deleteImportRow, getImport } from '../db/repos/imports';
import { deleteLocationIfUnused } from '../db/repos/locations';
import type { ProductValues } from '../db/repos/products';
import { productById, releaseProductsOfImport, updateProduct } from '../db/repos/products';
import { deletePurchaseOrdersOfImport } from '../db/repos/purchase-orders-import';
import { deleteSalesOfImport } from '../db/repos/sales';
import { deleteStockOfImport } from '../db/repos/stock';
import type { SupplierValues } from '../db/repos/suppliers';
import { releaseSuppliersOfImport, supplierById, updateSupplier } from '../db/repos/suppliers';

export interface UndoResult {
  importId: number;
  fileName: string;
  removed: { sales: number; stock: number; purchaseOrders: number; events: number };
  restored: number;
}

type Values = Record<string, string | number | null>;

/** Columns an import changed and nobody changed since: those go back to their old values. */
function revertable(current: object, before: Values, after: Values): Values {
  const revert: Values = {};
  const now = current as Values;
  for (const [column, value] of Object.entries(after)) {
    if (now[column] === value) revert[column] = before[column] ?? null;
  }
  return revert;
}

/**
 * Removes one import, inside the caller's transaction: its rows, the products, customers,
 * suppliers and locations it created that nothing else uses (the ones other imports still
 * use stay and are handed over to them), and the values it changed in rows it did not create
 * (unless they were changed again since).
 */
export function undoImportInTransaction(db: Db, importId: number): UndoResult {
  const record = getImport(db, importId);
  if (!record) throw new AppError('import.not_found', `There is no import number ${importId}; it may have been undone already.`);
  let restored = 0;
  const createdLocations: number[] = [];
  for (const change of changesOf(db, importId)) {
    if (change.action === 'insert') {
      if (change.entity === 'locations') createdLocations.push(change.entity_id);
      continue;
    }
    const before = JSON.parse(change.before ?? '{}') as Values;
    const after = JSON.parse(change.after ?? '{}') as Values;
    if (change.entity === 'products') {
      const current = productById(db, change.entity_id);
      if (!current) continue;
      const revert = revertable(current, before, after) as ProductValues;
      if (Object.keys(revert).length > 0) {
        updateProduct(db, change.entity_id, revert);
        restored++;
      }
    } else if (change.entity === 'suppliers') {
      const current = supplierById(db, change.entity_id);
      if (!current) continue;
      const revert = revertable(current, before, after) as SupplierValues;
      if (Object.keys(revert).length > 0) {
        updateSupplier(db, change.entity_id, revert);
        restored++;
      }
    } else if (change.entity === 'customers') {
      const current = customerById(db, change.entity_id);
      if (current && current.name === after['name']) {
        setCustomerName(db, change.entity_id, (before['name'] as string | null | undefined) ?? null);
        restored++;
      }
    }
  }
  const removed = {
    sales: deleteSalesOfImport(db, importId),
    stock: deleteStockOfImport(db, importId),
    purchaseOrders: deletePurchaseOrdersOfImport(db, importId),
    events: deleteEventsOfImport(db, importId),
  };
  releaseProductsOfImport(db, importId);
  releaseCustomersOfImport(db, importId);
  releaseSuppliersOfImport(db, importId);
  for (const id of createdLocations) deleteLocationIfUnused(db, id);
  deleteImportRow(db, importId);
  return { importId, fileName: record.file_name, removed, restored };
}

/** Removes one import as a whole, in one transaction. */
export function undoImport(db: Db, importId: number): UndoResult {
  return writeTransaction(db, () => undoImportInTransaction(db, importId));
}
