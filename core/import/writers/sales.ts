import { isoFromDay } from '../../dates';
import type { SalesParams, StoredSale } from '../../db/repos/sales';
import { SALES_PARAM_COUNT, SalesStatements } from '../../db/repos/sales';
import type { RecordWriter, WriteContext } from '../context';
import { resolveProduct } from '../context';
import { KeyHasher } from '../natural-key';
import type { SaleRecord } from '../records';

export const SALES_BATCH_ROWS = 64;

// Positions in a row's parameters (see SalesParams).
const PRODUCT = 0;
const LOCATION = 1;
const CUSTOMER = 2;
const DAY = 3;
const QUANTITY = 4;
const UNIT_PRICE = 5;
const REVENUE = 6;
const ORDER = 7;
const IS_TOTAL = 8;
const PERIOD = 9;
const KEY = 11;

function sameLine(stored: StoredSale, p: SalesParams): boolean {
  return (
    stored.product_id === p[PRODUCT] &&
    stored.location_id === p[LOCATION] &&
    stored.customer_id === p[CUSTOMER] &&
    stored.day === p[DAY] &&
    stored.quantity === p[QUANTITY] &&
    stored.unit_price_cents === p[UNIT_PRICE] &&
    stored.revenue_cents === p[REVENUE] &&
    stored.order_ref === p[ORDER] &&
    stored.is_total === 0
  );
}

function sameSlot(stored: StoredSale, p: SalesParams): boolean {
  return stored.product_id === p[PRODUCT] && stored.location_id === p[LOCATION] && stored.day === p[DAY] && stored.is_total === 1 && stored.period === p[PERIOD];
}

/**
 * Stores sales lines and totals. Natural keys (core/import/README.md):
 * - a line is everything it says: product, location, day, time of day, order, customer,
 *   quantity, unit price and revenue. The same line again, from another file or repeated in
 *   the same one, is a duplicate and counts once (an export that must list two identical
 *   sales needs an order number or a time of day to tell them apart);
 * - a total is its product, location, day and period: a second, different total for the
 *   same slot is rejected with the stored value in the reason, never overwritten.
 *
 * Rows are buffered and inserted SALES_BATCH_ROWS at a time with INSERT OR IGNORE; the rare
 * rows whose key is taken are then looked at one by one.
 */
export class SalesWriter implements RecordWriter<SaleRecord> {
  private readonly statements: SalesStatements;
  private readonly hasher = new KeyHasher();
  private readonly flat: Array<number | string | null> = new Array<number | string | null>(SALES_BATCH_ROWS * SALES_PARAM_COUNT).fill(null);
  private readonly times: number[] = new Array<number>(SALES_BATCH_ROWS).fill(0);
  private readonly lines: number[] = new Array<number>(SALES_BATCH_ROWS).fill(0);
  private readonly rows: Array<readonly string[]> = new Array<readonly string[]>(SALES_BATCH_ROWS).fill([]);
  private readonly skus: string[] = new Array<string>(SALES_BATCH_ROWS).fill('');
  private count = 0;
  private lastId: number;

  constructor(private readonly ctx: WriteContext) {
    this.statements = new SalesStatements(ctx.db, SALES_BATCH_ROWS);
    this.lastId = this.statements.maxId();
  }

  write(record: SaleRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const productId = resolveProduct(ctx, record.sku, record.productName, line, row);
    if (productId === undefined) return;
    const locationId = ctx.refs.locationId(record.location, ctx.importId, ctx.counts);
    const customerId = ctx.refs.customerId(record.customerId, record.customerName, ctx.importId, ctx.counts);
    const i = this.count;
    const at = i * SALES_PARAM_COUNT;
    const flat = this.flat;
    flat[at] = productId;
    flat[at + 1] = locationId;
    flat[at + 2] = customerId;
    flat[at + 3] = record.day;
    flat[at + 4] = record.quantity;
    flat[at + 5] = record.unitPriceCents;
    flat[at + 6] = record.revenueCents;
    flat[at + 7] = record.orderRef;
    flat[at + 8] = record.isTotal ? 1 : 0;
    flat[at + 9] = record.period;
    flat[at + 10] = ctx.importId;
    this.times[i] = record.timeSeconds;
    this.lines[i] = line;
    this.rows[i] = row;
    this.skus[i] = record.sku;
    flat[at + 11] = this.keyAt(flat, at, record.timeSeconds, 1);
    this.count++;
    if (this.count === SALES_BATCH_ROWS) this.flushBatch();
  }

  flush(): void {
    if (this.count > 0) this.flushBatch();
  }

  private params(i: number): SalesParams {
    return this.flat.slice(i * SALES_PARAM_COUNT, (i + 1) * SALES_PARAM_COUNT) as SalesParams;
  }

  /**
   * The natural key of a row (see the class comment). `probe` > 1 gives the next candidate
   * key when the first is taken by a different row (a hash collision).
   */
  private keyAt(values: ReadonlyArray<number | string | null>, at: number, timeSeconds: number, probe: number): number {
    const h = this.hasher.reset();
    const isTotal = values[at + IS_TOTAL] as number;
    h.number(values[at + PRODUCT] as number).number(values[at + LOCATION] as number).number(isTotal);
    if (isTotal === 1) h.text(values[at + PERIOD] as string);
    else {
      h.number(timeSeconds).text(values[at + ORDER] as string | null).number(values[at + CUSTOMER] as number | null);
      h.number(values[at + QUANTITY] as number).number(values[at + UNIT_PRICE] as number | null).number(values[at + REVENUE] as number | null);
    }
    if (probe > 1) h.number(probe);
    return h.key(values[at + DAY] as number);
  }

  private keyFor(p: SalesParams, timeSeconds: number, probe: number): number {
    return this.keyAt(p, 0, timeSeconds, probe);
  }

  private flushBatch(): void {
    const n = this.count;
    this.count = 0;
    const before = this.lastId;
    let inserted = 0;
    if (n === SALES_BATCH_ROWS) inserted = this.statements.insertBatch(this.flat);
    else for (let i = 0; i < n; i++) if (this.statements.insertOne(this.params(i))) inserted++;
    this.lastId += inserted;
    this.ctx.counts.imported += inserted;
    if (inserted === n) return;
    // Some keys were taken: find the rows that did not go in and look at each.
    const last = this.lastId;
    const placed = new Set<number>();
    for (let i = 0; i < n; i++) {
      const params = this.params(i);
      const key = params[KEY];
      const stored = this.statements.byNaturalKey(key);
      if (stored && stored.id > before && stored.id <= last && !placed.has(key)) {
        placed.add(key);
        continue;
      }
      if (params[IS_TOTAL] === 1) this.resolveTotal(params, i);
      else this.resolveLine(params, i);
    }
  }

  private insertWithKey(params: SalesParams, key: number): void {
    params[KEY] = key;
    if (!this.statements.insertOne(params)) throw new Error(`natural key ${key} was free and then taken`);
    this.lastId++;
    this.ctx.counts.imported++;
  }

  private resolveLine(params: SalesParams, i: number): void {
    for (let probe = 1; ; probe++) {
      const key = this.keyFor(params, this.times[i] ?? -1, probe);
      const stored = this.statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(params, key);
      if (!sameLine(stored, params)) continue; // a different row under a colliding hash
      this.ctx.counts.duplicates++;
      return;
    }
  }

  private resolveTotal(params: SalesParams, i: number): void {
    const line = this.lines[i] ?? 0;
    const row = this.rows[i] ?? [];
    for (let probe = 1; ; probe++) {
      const key = this.keyFor(params, -1, probe);
      const stored = this.statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(params, key);
      if (!sameSlot(stored, params)) continue;
      const where = `SKU ${this.skus[i] ?? ''} on ${isoFromDay(params[DAY])}`;
      if (stored.import_id === this.ctx.importId) {
        this.ctx.reject(line, [{ column: this.ctx.column('date'), reason: `a total for ${where} appears earlier in this file (${stored.quantity})` }], row);
        return;
      }
      if (stored.quantity === params[QUANTITY] && stored.revenue_cents === params[REVENUE]) {
        this.ctx.counts.duplicates++;
        return;
      }
      this.ctx.reject(
        line,
        [{ column: this.ctx.column('quantity'), reason: `a different total for ${where} is already stored ${this.ctx.refs.importName(stored.import_id)} (${stored.quantity}); undo that import to replace it` }],
        row,
      );
      return;
    }
  }
}
