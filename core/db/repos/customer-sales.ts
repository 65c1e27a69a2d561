import type { ProductSales } from '../../customers/shop-model';
import type { CustomerSaleLine } from '../../customers/orders';
import type { Db } from '../connection';

/**
 * The sales the customer model reads: every line of every product that has at least one
 * sale with a customer (anonymous lines included, for the product's dormancy), summed over
 * locations. Product keys are product ids and customer keys customer ids, as strings.
 */
export interface CustomerSalesData {
  products: ProductSales[];
  productInfo: Map<string, { id: number; sku: string; name: string }>;
  customerNames: Map<string, string>;
  customerInfo: Map<string, { id: number; externalId: string; name: string | null }>;
  lastSaleDay: number | null;
}

interface SaleRow {
  productId: number;
  customerId: number | null;
  day: number;
  quantity: number;
  unitPriceCents: number | null;
  revenueCents: number | null;
}

export function loadCustomerSales(db: Db): CustomerSalesData {
  const productRows = db
    .prepare(
      `SELECT p.id, p.sku, p.name, p.unit_price_cents AS unitPriceCents FROM products p
        WHERE EXISTS (SELECT 1 FROM sales s WHERE s.product_id = p.id AND s.customer_id IS NOT NULL)
        ORDER BY p.id`,
    )
    .all() as Array<{ id: number; sku: string; name: string; unitPriceCents: number | null }>;
  const lines = new Map<number, CustomerSaleLine[]>();
  for (const p of productRows) lines.set(p.id, []);
  const rows = db
    .prepare(
      `SELECT product_id AS productId, customer_id AS customerId, day, quantity,
              unit_price_cents AS unitPriceCents, revenue_cents AS revenueCents
         FROM sales
        WHERE product_id IN (SELECT DISTINCT product_id FROM sales WHERE customer_id IS NOT NULL)`,
    )
    .iterate() as IterableIterator<SaleRow>;
  for (const row of rows) {
    const list = lines.get(row.productId);
    if (!list) continue;
    const price = row.unitPriceCents ?? (row.revenueCents !== null && row.quantity !== 0 ? Math.round(row.revenueCents / row.quantity) : null);
    list.push({ customerKey: row.customerId === null ? '' : String(row.customerId), day: row.day, quantity: row.quantity, unitPriceCents: price });
  }
  const customerRows = db
    .prepare('SELECT id, external_id AS externalId, name FROM customers')
    .all() as Array<{ id: number; externalId: string; name: string | null }>;
  const customerNames = new Map<string, string>();
  const customerInfo = new Map<string, { id: number; externalId: string; name: string | null }>();
  for (const c of customerRows) {
    customerNames.set(String(c.id), c.name && c.name.trim() !== '' ? c.name : `Customer ${c.externalId}`);
    customerInfo.set(String(c.id), c);
  }
  const last = db.prepare('SELECT max(day) AS last FROM sales').get() as { last: number | null };
  return {
    products: productRows.map((p) => ({
      productKey: String(p.id),
      productName: p.name,
      catalogUnitPriceCents: p.unitPriceCents,
      lines: lines.get(p.id) ?? [],
    })),
    productInfo: new Map(productRows.map((p) => [String(p.id), { id: p.id, sku: p.sku, name: p.name }])),
    customerNames,
    customerInfo,
    lastSaleDay: last.last,
  };
}

export interface SalesFingerprint {
  count: number;
  maxId: number;
}

/** What identifies the sales a run saw: a changed count or a newer row means new data. */
export function salesFingerprint(db: Db): SalesFingerprint {
  const row = db.prepare('SELECT count(*) AS count, coalesce(max(id), 0) AS maxId FROM sales').get() as SalesFingerprint;
  return row;
}

export function productIdBySku(db: Db, sku: string): number | null {
  const row = db.prepare('SELECT id FROM products WHERE sku = ?').get(sku) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Customers with at least one purchase, and the latest sale day of the workspace. */
export function customerSalesOverview(db: Db): { customersWithSales: number; lastSaleDay: number | null } {
  const customers = db.prepare('SELECT count(DISTINCT customer_id) AS n FROM sales WHERE customer_id IS NOT NULL AND quantity > 0').get() as { n: number };
  const last = db.prepare('SELECT max(day) AS last FROM sales').get() as { last: number | null };
  return { customersWithSales: customers.n, lastSaleDay: last.last };
}
