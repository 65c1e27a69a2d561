/** Writes a synthetic shop (shop-fixture.ts) into a workspace the way an import would store it. */
import type { Db } from '../../../core/db/connection';
import type { ProductSales } from '../../../core/customers/shop-model';

export function seedWorkspace(db: Db, products: readonly ProductSales[], options: { withImport?: boolean } = {}): void {
  const insertProduct = db.prepare('INSERT INTO products (sku, name) VALUES (?, ?)');
  const insertCustomer = db.prepare('INSERT INTO customers (external_id, name) VALUES (?, ?)');
  const insertSale = db.prepare(
    'INSERT INTO sales (product_id, customer_id, day, quantity, unit_price_cents, natural_key, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const customerIds = new Map<string, number>();
  let key = Number((db.prepare('SELECT coalesce(max(natural_key), 0) AS k FROM sales').get() as { k: number }).k);
  db.transaction(() => {
    const importId = options.withImport
      ? Number(db.prepare("INSERT INTO imports (file_name, content_hash, kind, created_at) VALUES ('seed.csv', 'x', 'sales', '2026-01-01T00:00:00.000Z')").run().lastInsertRowid)
      : null;
    for (const product of products) {
      const productId = Number(insertProduct.run(product.productKey, product.productName ?? product.productKey).lastInsertRowid);
      for (const line of product.lines) {
        if (!Number.isInteger(line.day) || !Number.isFinite(line.quantity)) continue; // a database cannot hold these
        let customerId: number | null = null;
        if (line.customerKey !== '') {
          customerId = customerIds.get(line.customerKey) ?? null;
          if (customerId === null) {
            const name = line.customerKey === 'weekly' ? 'Corner Bakery' : null;
            customerId = Number(insertCustomer.run(line.customerKey, name).lastInsertRowid);
            customerIds.set(line.customerKey, customerId);
          }
        }
        insertSale.run(productId, customerId, line.day, line.quantity, line.unitPriceCents ?? null, ++key, importId);
      }
    }
  })();
}
