import type { Statement } from 'better-sqlite3';
import { isoFromDay } from '../../dates';
import type { SalesParams, StoredSale } from '../../db/repos/sales';
import { SalesStatements } from '../../db/repos/sales';
import { claimStatement } from '../../db/repos/claims';
import type { RecordWriter, WriteContext } from '../context';
import { resolveProduct } from '../context';
import { naturalKey } from '../natural-key';
import type { SaleRecord } from '../records';

export const SALES_BATCH_ROWS = 64;

interface Pending {
  params: SalesParams;
  material: string;
  line: number;
  row: readonly string[];
  sku: string;
}

const KEY = 11;

function sameLine(stored: StoredSale, p: SalesParams): boolean {
  return (
    stored.product_id === p[0] &&
    stored.location_id === p[1] &&
    stored.customer_id === p[2] &&
    stored.day === p[3] &&
    stored.quantity === p[4] &&
    stored.unit_price_cents === p[5] &&
    stored.revenue_cents === p[6] &&
    stored.order_ref === p[7] &&
    stored.is_total === p[8]
  );
}

function sameSlot(stored: StoredSale, p: SalesParams): boolean {
  return stored.product_id === p[0] && stored.location_id === p[1] && stored.day === p[3] && stored.is_total === 1 && stored.period === p[9];
}

/**
 * Stores sales lines and totals. Natural keys (core/import/README.md):
 * - a line is its product, location, day, time of day, order, customer, quantity, unit
 *   price and revenue, plus its occurrence: the n-th identical line of a file is the same
 *   sale as the n-th identical line of any other file, so overlapping exports are not
 *   counted twice while two genuinely identical lines of one file both count;
 * - a total is its product, location, day and period: a second, different total for the
 *   same slot is rejected with the stored value in the reason, never overwritten.
 */
export class SalesWriter implements RecordWriter<SaleRecord> {
  private readonly statements: SalesStatements;
  private readonly claim: Statement;
  private pending: Pending[] = [];
  private flat: Array<number | string | null> = [];
  private lastId: number;

  constructor(private readonly ctx: WriteContext) {
    this.statements = new SalesStatements(ctx.db, SALES_BATCH_ROWS);
    this.claim = claimStatement(ctx.db);
    this.lastId = this.statements.maxId();
  }

  write(record: SaleRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const productId = resolveProduct(ctx, record.sku, record.productName, line, row);
    if (productId === undefined) return;
    const locationId = ctx.refs.locationId(record.location, ctx.importId, ctx.counts);
    const customerId = ctx.refs.customerId(record.customerId, record.customerName, ctx.importId, ctx.counts);
    const material = record.isTotal
      ? `T|${productId}|${locationId}|${record.period}`
      : `L|${productId}|${locationId}|${record.timeSeconds}|${record.orderRef ?? ''}|${customerId ?? ''}|${record.quantity}|${record.unitPriceCents ?? ''}|${record.revenueCents ?? ''}`;
    const params: SalesParams = [
      productId,
      locationId,
      customerId,
      record.day,
      record.quantity,
      record.unitPriceCents,
      record.revenueCents,
      record.orderRef,
      record.isTotal ? 1 : 0,
      record.period,
      ctx.importId,
      naturalKey(record.day, material),
    ];
    this.pending.push({ params, material, line, row, sku: record.sku });
    for (const value of params) this.flat.push(value);
    if (this.pending.length === SALES_BATCH_ROWS) this.flushBatch();
  }

  flush(): void {
    if (this.pending.length > 0) this.flushBatch();
  }

  private flushBatch(): void {
    const batch = this.pending;
    const before = this.lastId;
    let inserted = 0;
    if (batch.length === SALES_BATCH_ROWS) inserted = this.statements.insertBatch(this.flat);
    else for (const p of batch) if (this.statements.insertOne(p.params)) inserted++;
    this.pending = [];
    this.flat = [];
    this.lastId += inserted;
    this.ctx.counts.imported += inserted;
    if (inserted === batch.length) return;
    // Some keys were taken: find the rows that did not go in and look at each.
    const last = this.lastId;
    const placed = new Set<number>();
    for (const p of batch) {
      const key = p.params[KEY];
      const stored = this.statements.byNaturalKey(key);
      if (stored && stored.id > before && stored.id <= last && !placed.has(key)) {
        placed.add(key);
        continue;
      }
      if (p.params[8] === 1) this.resolveTotal(p);
      else this.resolveLine(p);
    }
  }

  private insertWithKey(p: Pending, key: number): void {
    p.params[KEY] = key;
    if (!this.statements.insertOne(p.params)) throw new Error(`natural key ${key} was free and then taken`);
    this.lastId++;
    this.ctx.counts.imported++;
  }

  private keyFor(p: Pending, occurrence: number): number {
    return occurrence === 1 ? naturalKey(p.params[3], p.material) : naturalKey(p.params[3], `${p.material}#${occurrence}`);
  }

  private resolveLine(p: Pending): void {
    for (let occurrence = 1; ; occurrence++) {
      const key = this.keyFor(p, occurrence);
      const stored = this.statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(p, key);
      if (!sameLine(stored, p.params)) continue; // a different row under a colliding hash
      if (stored.import_id === this.ctx.importId) continue; // an identical earlier line of this file
      if (this.claim.run(key).changes === 0) continue; // already matched by an earlier line of this file
      this.ctx.counts.duplicates++;
      return;
    }
  }

  private resolveTotal(p: Pending): void {
    for (let occurrence = 1; ; occurrence++) {
      const key = this.keyFor(p, occurrence);
      const stored = this.statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(p, key);
      if (!sameSlot(stored, p.params)) continue;
      const where = `SKU ${p.sku} on ${isoFromDay(p.params[3])}`;
      if (stored.import_id === this.ctx.importId) {
        this.ctx.reject(p.line, [{ column: this.ctx.column('date'), reason: `a total for ${where} appears earlier in this file (${stored.quantity})` }], p.row);
        return;
      }
      if (stored.quantity === p.params[4] && stored.revenue_cents === p.params[6]) {
        this.ctx.counts.duplicates++;
        return;
      }
      this.ctx.reject(
        p.line,
        [{ column: this.ctx.column('quantity'), reason: `a different total for ${where} is already stored ${this.ctx.refs.importName(stored.import_id)} (${stored.quantity}); undo that import to replace it` }],
        p.row,
      );
      return;
    }
  }
}
