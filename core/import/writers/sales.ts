import { isoFromDay } from '../../dates';
import type { SalesFileConstants, SalesParams, StoredSale } from '../../db/repos/sales';
import { SALES_PARAM_COUNT, SalesStatements } from '../../db/repos/sales';
import type { RecordWriter, WriteContext } from '../context';
import { resolveProduct, storedWhere } from '../context';
import { KeyHasher } from '../natural-key';
import type { SaleRecord } from '../records';
import { ProductFill } from './product-fill';

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
const KEY = 8;

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

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function sameSlot(stored: StoredSale, p: SalesParams, period: string): boolean {
  return stored.product_id === p[PRODUCT] && stored.location_id === p[LOCATION] && stored.day === p[DAY] && stored.is_total === 1 && stored.period === period;
}

/**
 * The natural key of a sales row (see the class comment below and natural-key.ts).
 * `occurrence` > 1 is the second, third … identical line of one file (first lines keep the
 * key they always had). `probe` > 1 gives the next candidate key when the first is taken by
 * a different row (a hash collision). The fields are fed in this order since the first
 * import: changing it would change every stored key.
 */
function naturalKey(
  h: KeyHasher,
  { isTotal, period }: SalesFileConstants,
  productId: number,
  locationId: number,
  customerId: number | null,
  day: number,
  timeSeconds: number,
  orderRef: string | null,
  quantity: number,
  unitPriceCents: number | null,
  revenueCents: number | null,
  occurrence: number,
  probe: number,
): number {
  h.reset().number(productId).number(locationId).number(isTotal);
  if (isTotal === 1) h.text(period);
  else h.number(timeSeconds).text(orderRef).number(customerId).number(quantity).number(unitPriceCents).number(revenueCents);
  if (occurrence > 1) h.text('#').number(occurrence);
  if (probe > 1) h.number(probe);
  return h.key(day);
}

/**
 * Stores sales lines and totals. Natural keys (core/import/README.md):
 * - a line is everything it says: product, location, day, time of day, order, customer,
 *   quantity, unit price and revenue, and which occurrence of that line it is in its file.
 *   A till lists the same item scanned twice as two identical lines: both are sales, so
 *   the second identical line of a file is a second sale. Another file (or the same one
 *   again) that lists the line as often adds nothing; one that lists it more often adds
 *   the extra ones. Re-importing a file, or an export that overlaps an earlier one, never
 *   double counts;
 * - a total is its product, location, day and period: a second, different total for the
 *   same slot is rejected with the stored value in the reason, never overwritten.
 *
 * Rows are buffered and inserted SALES_BATCH_ROWS at a time with INSERT OR IGNORE; the rare
 * rows whose key is taken are then looked at one by one.
 */
export class SalesWriter implements RecordWriter<SaleRecord> {
  private statements: SalesStatements | undefined;
  private readonly hasher = new KeyHasher();
  private readonly flat: Array<number | string | null> = new Array<number | string | null>(SALES_BATCH_ROWS * SALES_PARAM_COUNT).fill(null);
  private readonly times: number[] = new Array<number>(SALES_BATCH_ROWS).fill(0);
  private readonly lines: number[] = new Array<number>(SALES_BATCH_ROWS).fill(0);
  private readonly rows: Array<readonly string[]> = new Array<readonly string[]>(SALES_BATCH_ROWS).fill([]);
  private readonly skus: string[] = new Array<string>(SALES_BATCH_ROWS).fill('');
  private count = 0;
  private lastId = 0;
  private readonly fill = new ProductFill();
  /** How many times this file has given a line (by content) that met a taken key. */
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly ctx: WriteContext) {}

  /** The statements for rows like this record (every record of a file is alike: lines, or totals of one period). */
  private statementsFor(record: SaleRecord): SalesStatements {
    const isTotal = record.isTotal ? 1 : 0;
    const current = this.statements;
    if (current && current.constants.isTotal === isTotal && current.constants.period === record.period) return current;
    if (current && this.count > 0) this.flushBatch();
    const statements = new SalesStatements(this.ctx.db, SALES_BATCH_ROWS, { isTotal, period: record.period, importId: this.ctx.importId });
    if (!current) this.lastId = statements.maxId();
    this.statements = statements;
    return statements;
  }

  write(record: SaleRecord, line: number, row: readonly string[]): void {
    const { ctx } = this;
    const productId = resolveProduct(ctx, record.sku, record.productName, line, row);
    if (productId === undefined) return;
    this.fill.see(productId, record);
    const locationId = ctx.refs.locationId(record.location, ctx.importId, ctx.counts);
    const customerId = ctx.refs.customerId(record.customerId, record.customerName, ctx.importId, ctx.counts);
    const { constants } = this.statementsFor(record);
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
    flat[at + 8] = naturalKey(
      this.hasher,
      constants,
      productId,
      locationId,
      customerId,
      record.day,
      record.timeSeconds,
      record.orderRef,
      record.quantity,
      record.unitPriceCents,
      record.revenueCents,
      1,
      1,
    );
    this.times[i] = record.timeSeconds;
    this.lines[i] = line;
    this.rows[i] = row;
    this.skus[i] = record.sku;
    this.count++;
    if (this.count === SALES_BATCH_ROWS) this.flushBatch();
  }

  /** End of the file: the last rows, then the names and prices the file gives products that lack them. */
  flush(): void {
    if (this.count > 0) this.flushBatch();
    const filled = this.fill.apply(this.ctx);
    const parts = [
      filled.names > 0 ? `${filled.names.toLocaleString('en')} product name${filled.names === 1 ? '' : 's'} (from the first row that names the SKU)` : '',
      filled.prices > 0 ? `${filled.prices.toLocaleString('en')} selling price${filled.prices === 1 ? '' : 's'} (the unit price of the latest sale in this file)` : '',
    ].filter(Boolean);
    if (parts.length > 0) this.ctx.note(`Filled in from the sales, for products that had none: ${parts.join(' and ')}. A product list you import later replaces them.`);
    if (filled.priceUpdates > 0) {
      const n = filled.priceUpdates;
      this.ctx.note(`${n.toLocaleString('en')} selling price${n === 1 ? '' : 's'} taken from earlier sales files ${n === 1 ? 'was' : 'were'} updated to the unit price of the latest sale in this file.`);
    }
  }

  private params(i: number): SalesParams {
    return this.flat.slice(i * SALES_PARAM_COUNT, (i + 1) * SALES_PARAM_COUNT) as SalesParams;
  }

  private keyFor(statements: SalesStatements, p: SalesParams, timeSeconds: number, occurrence: number, probe: number): number {
    return naturalKey(this.hasher, statements.constants, p[PRODUCT], p[LOCATION], p[CUSTOMER], p[DAY], timeSeconds, p[ORDER], p[QUANTITY], p[UNIT_PRICE], p[REVENUE], occurrence, probe);
  }

  /** The stored row equal to this line at its `occurrence`, if any. */
  private storedLine(statements: SalesStatements, params: SalesParams, timeSeconds: number, occurrence: number): StoredSale | undefined {
    for (let probe = 1; ; probe++) {
      const stored = statements.byNaturalKey(this.keyFor(statements, params, timeSeconds, occurrence, probe));
      if (!stored || sameLine(stored, params)) return stored;
    }
  }

  private flushBatch(): void {
    const statements = this.statements;
    if (!statements) return;
    const n = this.count;
    this.count = 0;
    const before = this.lastId;
    let inserted = 0;
    if (n === SALES_BATCH_ROWS) inserted = statements.insertBatch(this.flat);
    else for (let i = 0; i < n; i++) if (statements.insertOne(this.params(i))) inserted++;
    this.lastId += inserted;
    this.ctx.counts.imported += inserted;
    if (inserted === n) return;
    // Some keys were taken: find the rows that did not go in and look at each.
    const last = this.lastId;
    const placed = new Set<number>();
    for (let i = 0; i < n; i++) {
      const params = this.params(i);
      const key = params[KEY];
      const stored = statements.byNaturalKey(key);
      if (stored && stored.id > before && stored.id <= last && !placed.has(key)) {
        placed.add(key);
        continue;
      }
      if (statements.constants.isTotal === 1) this.resolveTotal(statements, params, i);
      else this.resolveLine(statements, params, i);
    }
  }

  private insertWithKey(statements: SalesStatements, params: SalesParams, key: number): void {
    params[KEY] = key;
    if (!statements.insertOne(params)) throw new Error(`natural key ${key} was free and then taken`);
    this.lastId++;
    this.ctx.counts.imported++;
  }

  /**
   * A line whose first key is taken: the same line stored by another import (a duplicate),
   * or a line this file repeats (the next occurrence, a sale of its own). Only such lines
   * are counted in `occurrences`, so a file without repeats or overlaps costs no memory.
   */
  private resolveLine(statements: SalesStatements, params: SalesParams, i: number): void {
    const timeSeconds = this.times[i] ?? -1;
    const content = JSON.stringify([params.slice(0, KEY), timeSeconds]);
    let occurrence = this.occurrences.get(content);
    if (occurrence === undefined) {
      // The first time this line meets a taken key: either this file stored it already (so this
      // is its second occurrence) or an earlier import holds it (this is the file's first).
      occurrence = this.storedLine(statements, params, timeSeconds, 1)?.import_id === this.ctx.importId ? 2 : 1;
    } else occurrence++;
    this.occurrences.set(content, occurrence);
    for (let probe = 1; ; probe++) {
      const key = this.keyFor(statements, params, timeSeconds, occurrence, probe);
      const stored = statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(statements, params, key);
      if (!sameLine(stored, params)) continue; // a different row under a colliding hash
      const repeat = occurrence > 1 ? ` (its ${ordinal(occurrence)} time in this file)` : '';
      this.ctx.duplicate(
        this.lines[i] ?? 0,
        `the same sale of SKU ${this.skus[i] ?? ''} on ${isoFromDay(params[DAY])}${repeat} is already stored ${storedWhere(this.ctx, stored.import_id)}`,
      );
      return;
    }
  }

  private resolveTotal(statements: SalesStatements, params: SalesParams, i: number): void {
    const line = this.lines[i] ?? 0;
    const row = this.rows[i] ?? [];
    for (let probe = 1; ; probe++) {
      const key = this.keyFor(statements, params, -1, 1, probe);
      const stored = statements.byNaturalKey(key);
      if (!stored) return this.insertWithKey(statements, params, key);
      if (!sameSlot(stored, params, statements.constants.period)) continue;
      const where = `SKU ${this.skus[i] ?? ''} on ${isoFromDay(params[DAY])}`;
      if (stored.import_id === this.ctx.importId) {
        this.ctx.reject(line, [{ column: this.ctx.column('date'), reason: `a total for ${where} appears earlier in this file (${stored.quantity})` }], row);
        return;
      }
      if (stored.quantity === params[QUANTITY] && stored.revenue_cents === params[REVENUE]) {
        this.ctx.duplicate(line, `the same total for ${where} is already stored ${storedWhere(this.ctx, stored.import_id)}`);
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
