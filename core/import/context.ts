import type { Db } from '../db/connection';
import { customerIdsByExternalId, insertCustomer } from '../db/repos/customers';
import { importFileName, recordChange } from '../db/repos/imports';
import { insertLocation, locationIdsByCode } from '../db/repos/locations';
import { insertProduct, productIdsBySku } from '../db/repos/products';
import { insertSupplier, supplierIdsByName } from '../db/repos/suppliers';
import type { Problem } from './records';
import { StringIds } from './string-ids';

export interface FileCounts {
  read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  updated: number;
  created: { products: number; customers: number; suppliers: number; locations: number };
}

export function emptyCounts(): FileCounts {
  return { read: 0, imported: 0, rejected: 0, duplicates: 0, updated: 0, created: { products: 0, customers: 0, suppliers: 0, locations: 0 } };
}

/**
 * Ids of the rows that imported rows refer to (products by SKU, locations by code,
 * customers by their id in the shop's system, suppliers by name), loaded once per commit
 * and extended as the import creates new ones.
 */
export class References {
  private products: StringIds | undefined;
  private locations: Map<string, number> | undefined;
  private customers: StringIds | undefined;
  private suppliers: Map<string, number> | undefined;
  private readonly fileNames = new Map<number, string>();

  constructor(private readonly db: Db) {}

  productId(sku: string): number | undefined {
    this.products ??= StringIds.from(productIdsBySku(this.db));
    return this.products.get(sku);
  }

  /** Creates a product for an unknown SKU (named by the file, else by its SKU). */
  createProduct(sku: string, name: string | null, importId: number, counts: FileCounts): number {
    const id = insertProduct(this.db, sku, { name: name ?? sku }, importId);
    this.rememberProduct(sku, id);
    counts.created.products++;
    return id;
  }

  rememberProduct(sku: string, id: number): void {
    this.products ??= StringIds.from(productIdsBySku(this.db));
    this.products.set(sku, id);
  }

  /** The location with this code (the default location when the file has none); new codes are added. */
  locationId(code: string | null, importId: number, counts: FileCounts): number {
    if (code === null) return 1;
    this.locations ??= locationIdsByCode(this.db);
    const key = code.toLowerCase();
    let id = this.locations.get(key);
    if (id === undefined) {
      id = insertLocation(this.db, code, /^\d+$/.test(code) ? `Store ${code}` : code);
      recordChange(this.db, { importId, entity: 'locations', entityId: id, action: 'insert' });
      this.locations.set(key, id);
      counts.created.locations++;
    }
    return id;
  }

  customerId(externalId: string | null, name: string | null, importId: number, counts: FileCounts): number | null {
    if (externalId === null) return null;
    this.customers ??= StringIds.from(customerIdsByExternalId(this.db));
    let id = this.customers.get(externalId);
    if (id === undefined) {
      id = insertCustomer(this.db, externalId, name, importId);
      this.customers.set(externalId, id);
      counts.created.customers++;
    }
    return id;
  }

  knownCustomer(externalId: string): number | undefined {
    this.customers ??= StringIds.from(customerIdsByExternalId(this.db));
    return this.customers.get(externalId);
  }

  rememberCustomer(externalId: string, id: number): void {
    this.customers ??= StringIds.from(customerIdsByExternalId(this.db));
    this.customers.set(externalId, id);
  }

  supplierId(name: string | null, importId: number, counts: FileCounts): number | null {
    if (name === null) return null;
    this.suppliers ??= supplierIdsByName(this.db);
    const key = name.toLowerCase();
    let id = this.suppliers.get(key);
    if (id === undefined) {
      id = insertSupplier(this.db, name, {}, importId);
      this.suppliers.set(key, id);
      counts.created.suppliers++;
    }
    return id;
  }

  knownSupplier(name: string): number | undefined {
    this.suppliers ??= supplierIdsByName(this.db);
    return this.suppliers.get(name.toLowerCase());
  }

  rememberSupplier(name: string, id: number): void {
    this.suppliers ??= supplierIdsByName(this.db);
    this.suppliers.set(name.toLowerCase(), id);
  }

  /** "sales.csv" for an import id, for messages about conflicts with earlier imports. */
  importName(importId: number | null): string {
    if (importId === null) return 'entered in Shelfcast';
    let name = this.fileNames.get(importId);
    if (name === undefined) {
      name = importFileName(this.db, importId) ?? `import ${importId}`;
      this.fileNames.set(importId, name);
    }
    return `from ${name}`;
  }
}

/** What a writer needs to store the records of one file. */
export interface WriteContext {
  db: Db;
  importId: number;
  createProducts: boolean;
  /** ISO timestamp of the commit. */
  now: string;
  refs: References;
  counts: FileCounts;
  headers: readonly string[];
  /** The header of a mapped field, for messages. */
  column(field: string): string | null;
  reject(line: number, problems: Problem[], row: readonly string[]): void;
  /** A row already stored: counted as a duplicate, the first few listed with the reason. */
  duplicate(line: number, reason: string): void;
  /** A plain fact for the summary (e.g. what the file filled in besides its rows). */
  note(text: string): void;
}

export interface RecordWriter<R> {
  write(record: R, line: number, row: readonly string[]): void;
  /** Stores anything still buffered; called once at the end of the file. */
  flush(): void;
}

/** Where the stored copy of a row came from: "earlier in this file", "from sales.csv" or "entered in Shelfcast". */
export function storedWhere(ctx: WriteContext, importId: number | null): string {
  return importId === ctx.importId ? 'earlier in this file' : ctx.refs.importName(importId);
}

/** The product id for a SKU, creating the product or rejecting the row as the owner chose. */
export function resolveProduct(ctx: WriteContext, sku: string, name: string | null, line: number, row: readonly string[]): number | undefined {
  const known = ctx.refs.productId(sku);
  if (known !== undefined) return known;
  if (!ctx.createProducts) {
    ctx.reject(line, [{ column: ctx.column('sku'), reason: `unknown SKU "${sku}" (not in your products)` }], row);
    return undefined;
  }
  return ctx.refs.createProduct(sku, name, ctx.importId, ctx.counts);
}
