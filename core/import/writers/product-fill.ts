import { recordChange } from '../../db/repos/imports';
import type { ProductValues } from '../../db/repos/products';
import { productById, updateProduct } from '../../db/repos/products';
import type { WriteContext } from '../context';
import type { SaleRecord } from '../records';

interface LatestPrice {
  day: number;
  timeSeconds: number;
  cents: number;
}

/** The price one unit sold for on a sales row: its unit price, else its revenue over its quantity. */
export function saleUnitPriceCents(record: SaleRecord): number | null {
  if (record.quantity <= 0) return null; // a return's price says nothing new, and a zero quantity has none
  if (record.unitPriceCents !== null) return record.unitPriceCents > 0 ? record.unitPriceCents : null;
  if (record.revenueCents !== null && record.revenueCents > 0) return Math.round(record.revenueCents / record.quantity);
  return null;
}

/**
 * What a sales file says about its products beyond the sales: a name and a selling price.
 * A product the import created from a row without a name is named by its SKU; a later row
 * of the same file that names it fills the name in. A product without a price (no price
 * list imported) takes the price of its latest sale in the file (by day, then time of day;
 * free items and returns do not count), so its revenue forecast can be shown; a later sales
 * file whose latest sale is on a later day updates a price that came from sales (the shop
 * changed its price), an older file never does. Values the owner or a product list gave are
 * never changed; undo puts the old values back.
 */
export class ProductFill {
  private readonly names = new Map<number, string>();
  private readonly prices = new Map<number, LatestPrice>();

  see(productId: number, record: SaleRecord): void {
    if (record.productName !== null && record.productName.trim() !== '' && !this.names.has(productId)) this.names.set(productId, record.productName);
    const cents = saleUnitPriceCents(record);
    if (cents === null) return;
    const latest = this.prices.get(productId);
    if (latest === undefined) {
      this.prices.set(productId, { day: record.day, timeSeconds: record.timeSeconds, cents });
      return;
    }
    if (latest.day > record.day || (latest.day === record.day && latest.timeSeconds > record.timeSeconds)) return;
    // Updated in place: a million-row file would otherwise allocate an object (and a Map write) per row.
    latest.day = record.day;
    latest.timeSeconds = record.timeSeconds;
    latest.cents = cents;
  }

  /** Applies the names and prices to the products missing them (and newer prices to sales-derived ones); returns the counts. */
  apply(ctx: WriteContext): { names: number; prices: number; priceUpdates: number } {
    const filled = { names: 0, prices: 0, priceUpdates: 0 };
    const ids = new Set([...this.names.keys(), ...this.prices.keys()]);
    for (const id of ids) {
      const stored = productById(ctx.db, id);
      if (!stored) continue;
      const changes: ProductValues = {};
      const name = this.names.get(id);
      if (name !== undefined && stored.name === stored.sku && name !== stored.sku) {
        changes.name = name;
        filled.names++;
      }
      const price = this.prices.get(id);
      const fromSales = typeof stored.price_sale_day === 'number' ? stored.price_sale_day : null;
      if (price !== undefined && (stored.unit_price_cents === null || (fromSales !== null && price.day > fromSales))) {
        if (price.cents !== stored.unit_price_cents) {
          changes.unit_price_cents = price.cents;
          if (stored.unit_price_cents === null) filled.prices++;
          else filled.priceUpdates++;
        }
        changes.price_sale_day = price.day;
      }
      const columns = Object.keys(changes) as Array<keyof ProductValues>;
      if (columns.length === 0) continue;
      if (stored.created_by_import !== ctx.importId) {
        const before: Record<string, unknown> = {};
        for (const column of columns) before[column] = stored[column];
        recordChange(ctx.db, { importId: ctx.importId, entity: 'products', entityId: id, action: 'update', before, after: { ...changes } });
      }
      updateProduct(ctx.db, id, changes, ctx.importId);
    }
    return filled;
  }
}
