import { customerById, setCustomerName } from '../../db/repos/customers';
import { insertCustomer } from '../../db/repos/customers';
import { recordChange } from '../../db/repos/imports';
import type { ChangeEntity } from '../../db/repos/imports';
import type { ProductValues } from '../../db/repos/products';
import { insertProduct, productById, updateProduct } from '../../db/repos/products';
import type { SupplierValues } from '../../db/repos/suppliers';
import { insertSupplier, supplierById, updateSupplier } from '../../db/repos/suppliers';
import type { RecordWriter, WriteContext } from '../context';
import type { CustomerRecord, ProductRecord, SupplierRecord } from '../records';

/** The columns whose value in the file differs from the stored one (empty cells change nothing). */
function differences<K extends string>(stored: Record<K, string | number | null>, given: Partial<Record<K, string | number | null>>): K[] {
  return (Object.keys(given) as K[]).filter((column) => given[column] !== undefined && given[column] !== null && given[column] !== stored[column]);
}

function noteUpdate<K extends string>(
  ctx: WriteContext,
  entity: ChangeEntity,
  id: number,
  stored: Record<K, string | number | null>,
  given: Partial<Record<K, string | number | null>>,
  columns: K[],
  createdByThisImport: boolean,
): void {
  // Rows this import created need no record: undo deletes them.
  if (!createdByThisImport) {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const column of columns) {
      before[column] = stored[column];
      after[column] = given[column];
    }
    recordChange(ctx.db, { importId: ctx.importId, entity, entityId: id, action: 'update', before, after });
  }
  ctx.counts.imported++;
  ctx.counts.updated++;
}

/** Products by SKU: new SKUs are added, known ones get the values the file gives (undo puts the old ones back). */
export class ProductWriter implements RecordWriter<ProductRecord> {
  constructor(private readonly ctx: WriteContext) {}

  write(record: ProductRecord, line: number): void {
    const { ctx } = this;
    const values: ProductValues = {
      name: record.name,
      category: record.category,
      unit_cost_cents: record.unitCostCents,
      unit_price_cents: record.unitPriceCents,
      supplier_id: ctx.refs.supplierId(record.supplier, ctx.importId, ctx.counts),
      lead_time_days: record.leadTimeDays,
      moq: record.moq,
      case_pack: record.casePack,
      shelf_life_days: record.shelfLifeDays,
      active: record.active,
    };
    const id = ctx.refs.productId(record.sku);
    if (id === undefined) {
      ctx.refs.rememberProduct(record.sku, insertProduct(ctx.db, record.sku, { ...values, name: record.name }, ctx.importId));
      ctx.counts.created.products++;
      ctx.counts.imported++;
      return;
    }
    const stored = productById(ctx.db, id);
    if (!stored) throw new Error(`product ${id} vanished during the import`);
    const columns = differences(stored, values);
    // A price the list gives is the owner's from now on: later sales files no longer update it.
    if (record.unitPriceCents !== null && stored.price_sale_day !== null) {
      values.price_sale_day = null;
      columns.push('price_sale_day');
    }
    if (columns.length === 0) {
      ctx.duplicate(line, 'every value is already stored');
      return;
    }
    const changes: ProductValues = {};
    for (const column of columns) changes[column] = values[column];
    noteUpdate(ctx, 'products', id, stored, changes, columns, stored.created_by_import === ctx.importId);
    updateProduct(ctx.db, id, changes, ctx.importId);
  }

  flush(): void {}
}

/** Suppliers by name (case does not matter). */
export class SupplierWriter implements RecordWriter<SupplierRecord> {
  constructor(private readonly ctx: WriteContext) {}

  write(record: SupplierRecord, line: number): void {
    const { ctx } = this;
    const values: SupplierValues = {
      default_lead_time_days: record.leadTimeDays,
      min_order_value_cents: record.minOrderValueCents,
      email: record.email,
      phone: record.phone,
      contact: record.contact,
    };
    const id = ctx.refs.knownSupplier(record.name);
    if (id === undefined) {
      ctx.refs.rememberSupplier(record.name, insertSupplier(ctx.db, record.name, values, ctx.importId));
      ctx.counts.created.suppliers++;
      ctx.counts.imported++;
      return;
    }
    const stored = supplierById(ctx.db, id);
    if (!stored) throw new Error(`supplier ${id} vanished during the import`);
    const columns = differences(stored, values);
    if (columns.length === 0) {
      ctx.duplicate(line, 'every value is already stored');
      return;
    }
    const changes: SupplierValues = {};
    for (const column of columns) changes[column] = values[column];
    noteUpdate(ctx, 'suppliers', id, stored, changes, columns, stored.import_id === ctx.importId);
    updateSupplier(ctx.db, id, changes);
  }

  flush(): void {}
}

/** Customers by the id the shop's system gives them. */
export class CustomerWriter implements RecordWriter<CustomerRecord> {
  constructor(private readonly ctx: WriteContext) {}

  write(record: CustomerRecord, line: number): void {
    const { ctx } = this;
    const id = ctx.refs.knownCustomer(record.customerId);
    if (id === undefined) {
      ctx.refs.rememberCustomer(record.customerId, insertCustomer(ctx.db, record.customerId, record.name, ctx.importId));
      ctx.counts.created.customers++;
      ctx.counts.imported++;
      return;
    }
    const stored = customerById(ctx.db, id);
    if (!stored) throw new Error(`customer ${id} vanished during the import`);
    if (record.name === null || record.name === stored.name) {
      ctx.duplicate(line, 'this customer is already stored with this name');
      return;
    }
    noteUpdate(ctx, 'customers', id, { name: stored.name }, { name: record.name }, ['name'], stored.import_id === ctx.importId);
    setCustomerName(ctx.db, id, record.name);
  }

  flush(): void {}
}
