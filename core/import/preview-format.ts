import type { Mapping, PreviewRow } from '../contract/commands/import';
import { isoFromDay } from '../dates';
import type { Db } from '../db/connection';
import { customerIdsByExternalId } from '../db/repos/customers';
import { locationIdsByCode } from '../db/repos/locations';
import { productIdsBySku } from '../db/repos/products';
import { supplierIdsByName } from '../db/repos/suppliers';
import type { ImportRecordRow, Problem } from './records';
import { formatCents, formatTimeOfDay } from './values';

const text = (value: string | null) => value;
const money = (cents: number | null) => (cents === null ? null : formatCents(cents));
const num = (value: number | null) => (value === null || Number.isNaN(value) ? null : String(value));

/** The stored values of a record, keyed by field name, formatted for reading. */
function storedValues(record: ImportRecordRow): Record<string, string | null> {
  switch (record.type) {
    case 'sale':
      return {
        date: isoFromDay(record.day),
        time: record.timeSeconds > 0 ? formatTimeOfDay(record.timeSeconds) : null,
        sku: record.sku,
        productName: text(record.productName),
        quantity: num(record.quantity),
        unitPrice: money(record.unitPriceCents),
        revenue: money(record.revenueCents),
        customerId: text(record.customerId),
        customerName: text(record.customerName),
        location: text(record.location),
        orderRef: text(record.orderRef),
      };
    case 'product':
      return {
        sku: record.sku,
        name: record.name,
        category: record.category,
        unitCost: money(record.unitCostCents),
        unitPrice: money(record.unitPriceCents),
        supplier: record.supplier,
        leadTimeDays: num(record.leadTimeDays),
        moq: num(record.moq),
        casePack: num(record.casePack),
        shelfLifeDays: num(record.shelfLifeDays),
        active: record.active === null ? null : record.active ? 'yes' : 'no',
      };
    case 'stock':
      return { sku: record.sku, quantity: num(record.onHand), date: isoFromDay(record.day), location: record.location };
    case 'po':
      return {
        poNumber: record.poNumber,
        supplier: record.supplier,
        sku: record.sku,
        quantity: num(record.quantity),
        expectedDate: record.expectedDay === null ? null : isoFromDay(record.expectedDay),
        unitCost: money(record.unitCostCents),
      };
    case 'supplier':
      return {
        name: record.name,
        leadTimeDays: num(record.leadTimeDays),
        minOrderValue: money(record.minOrderValueCents),
        email: record.email,
        phone: record.phone,
        contact: record.contact,
      };
    case 'customer':
      return { customerId: record.customerId, name: record.name };
    case 'event':
      return {
        name: record.name,
        start: isoFromDay(record.startDay),
        end: isoFromDay(record.endDay),
        type: record.eventType,
        scope: record.scope,
        scopeValue: record.scopeValue,
        multiplier: num(record.multiplier),
      };
  }
}

/** A rejected row's mapped cells as the file writes them, so the owner sees which row it is and what is wrong. */
function writtenValues(mapping: Mapping, row: readonly string[]): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [field, index] of Object.entries(mapping.columns)) {
    const cell = (row[index] ?? '').trim();
    values[field] = cell === '' ? null : cell;
  }
  return values;
}

/**
 * Preview rows: each record as it will be stored, with notes on what the import will
 * create (new products, customers, suppliers, locations), or the reasons it is rejected.
 */
export function formatPreviewRows(
  db: Db,
  mapping: Mapping,
  entries: ReadonlyArray<{ line: number; record?: ImportRecordRow; problems?: Problem[]; row?: readonly string[] }>,
): PreviewRow[] {
  const products = productIdsBySku(db);
  const customers = customerIdsByExternalId(db);
  const locations = locationIdsByCode(db);
  const suppliers = supplierIdsByName(db);
  const seen = { products: new Set<string>(), customers: new Set<string>(), locations: new Set<string>(), suppliers: new Set<string>() };
  const isNew = (kind: keyof typeof seen, known: boolean, key: string) => {
    if (known || seen[kind].has(key)) return false;
    seen[kind].add(key);
    return true;
  };
  const firstLineOf = new Map<string, number>();
  return entries.map(({ line, record, problems, row }) => {
    if (!record) return { line, status: 'rejected', values: row ? writtenValues(mapping, row) : {}, problems: problems ?? [], notes: [] };
    const notes: string[] = [];
    if (record.type === 'sale' && !record.isTotal) {
      // The same line twice in a file is two sales (a till lists an item scanned twice so).
      const key = JSON.stringify(record);
      const first = firstLineOf.get(key);
      if (first === undefined) firstLineOf.set(key, line);
      else notes.push(`same as line ${first}: kept as another sale`);
    }
    const sku = 'sku' in record ? record.sku : null;
    if (sku !== null && record.type !== 'product' && isNew('products', products.has(sku), sku)) notes.push('new product');
    if (record.type === 'product' && products.has(record.sku)) notes.push('updates a known product');
    if (record.type === 'sale' && record.customerId !== null && isNew('customers', customers.has(record.customerId), record.customerId)) notes.push('new customer');
    const location = 'location' in record ? record.location : null;
    if (location !== null && isNew('locations', locations.has(location.toLowerCase()), location.toLowerCase())) notes.push('new location');
    const supplier = 'supplier' in record ? record.supplier : null;
    if (supplier !== null && record.type !== 'supplier' && isNew('suppliers', suppliers.has(supplier.toLowerCase()), supplier.toLowerCase())) notes.push('new supplier');
    if (record.type === 'sale' && record.quantity < 0) notes.push('return (netted)');
    const values = storedValues(record);
    if (mapping.kind === 'sales_totals' || mapping.kind === 'sales_wide') values['period'] = mapping.period;
    return { line, status: 'ok', values, problems: [], notes };
  });
}
