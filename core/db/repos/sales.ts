import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

/**
 * Parameters of one sales row, in SALES_INSERT_COLUMNS order. What is the same for every
 * row of a file (total or line, period, import) is written into the statement instead:
 * binding three fewer values a row saves about a tenth of a bulk load's insert time.
 */
export type SalesParams = [
  productId: number,
  locationId: number,
  customerId: number | null,
  day: number,
  quantity: number,
  unitPriceCents: number | null,
  revenueCents: number | null,
  orderRef: string | null,
  naturalKey: number,
];

export const SALES_PARAM_COUNT = 9;

const SALES_INSERT_COLUMNS = 'product_id, location_id, customer_id, day, quantity, unit_price_cents, revenue_cents, order_ref, natural_key, is_total, period, import_id';

/** What every row inserted by one SalesStatements has in common. */
export interface SalesFileConstants {
  isTotal: 0 | 1;
  period: 'day' | 'week' | 'month';
  importId: number;
}

const PERIODS: ReadonlySet<string> = new Set(['day', 'week', 'month']);

/** A value written into a batch statement instead of bound: NULL or an integer, nothing else. */
type Literal = number | null;

function literalSql(value: Literal): string {
  if (value === null) return 'NULL';
  if (!Number.isSafeInteger(value)) throw new Error(`invalid sales literal ${String(value)}`);
  return String(value);
}

function rowPlaceholders({ isTotal, period, importId }: SalesFileConstants, literals: ReadonlyMap<number, Literal> = new Map()): string {
  // Literals, not parameters: checked here so that nothing else can reach the SQL text.
  if ((isTotal !== 0 && isTotal !== 1) || !PERIODS.has(period) || !Number.isSafeInteger(importId)) {
    throw new Error(`invalid sales constants ${JSON.stringify({ isTotal, period, importId })}`);
  }
  const cells = Array.from({ length: SALES_PARAM_COUNT }, (_, position) => (literals.has(position) ? literalSql(literals.get(position) ?? null) : '?'));
  return `(${cells.join(', ')}, ${isTotal}, '${period}', ${importId})`;
}

/**
 * Positions in SalesParams that are often the same on every row of a file: the location (a
 * shop with one), the customer, unit price and revenue (files without such a column).
 */
const LITERAL_CANDIDATES = [1, 2, 5, 6] as const;

/**
 * A batch statement with the values every row of the file's first batch shared written in
 * as literals, for the later batches that share them too: binding a value costs about as
 * much as SQLite storing it, so two fewer a row (a file without location and revenue columns)
 * saved ~0.1 s a million rows.
 */
class LiteralBatch {
  private readonly bound: number[];
  private readonly compact: Array<number | string | null>;
  readonly statement: Statement;

  constructor(
    db: Db,
    readonly batchSize: number,
    constants: SalesFileConstants,
    private readonly literals: ReadonlyMap<number, Literal>,
  ) {
    this.bound = Array.from({ length: SALES_PARAM_COUNT }, (_, position) => position).filter((position) => !literals.has(position));
    this.compact = new Array<number | string | null>(batchSize * this.bound.length).fill(null);
    this.statement = db.prepare(`INSERT OR IGNORE INTO sales (${SALES_INSERT_COLUMNS}) VALUES ${Array(batchSize).fill(rowPlaceholders(constants, literals)).join(', ')}`);
  }

  /** The literals shared by every row of this batch (none when a candidate's value is not NULL or an integer). */
  static shared(flatParams: ReadonlyArray<number | string | null>, batchSize: number): Map<number, Literal> {
    const shared = new Map<number, Literal>();
    for (const position of LITERAL_CANDIDATES) {
      const value = flatParams[position];
      if (value !== null && !(typeof value === 'number' && Number.isSafeInteger(value))) continue;
      let same = true;
      for (let row = 1; row < batchSize && same; row++) same = flatParams[row * SALES_PARAM_COUNT + position] === value;
      if (same) shared.set(position, value ?? null);
    }
    return shared;
  }

  /** Inserts the batch when every row has the literals' values; returns the rows inserted, or -1 (not run) when one differs. */
  run(flatParams: ReadonlyArray<number | string | null>): number {
    for (const [position, value] of this.literals) {
      for (let at = position; at < flatParams.length; at += SALES_PARAM_COUNT) if (flatParams[at] !== value) return -1;
    }
    const { bound, compact } = this;
    const width = bound.length;
    for (let row = 0; row < this.batchSize; row++) {
      const from = row * SALES_PARAM_COUNT;
      const to = row * width;
      for (let j = 0; j < width; j++) compact[to + j] = flatParams[from + (bound[j] ?? 0)] ?? null;
    }
    return this.statement.run(compact).changes;
  }
}

export interface StoredSale {
  id: number;
  product_id: number;
  location_id: number;
  customer_id: number | null;
  day: number;
  quantity: number;
  unit_price_cents: number | null;
  revenue_cents: number | null;
  order_ref: string | null;
  is_total: number;
  period: string;
  import_id: number | null;
}

/**
 * Prepared statements for bulk-inserting sales. Rows go in batches of `batchSize` with
 * INSERT OR IGNORE: a row whose natural key is taken is skipped by SQLite, and the writer
 * looks at those few rows one by one afterwards.
 */
export class SalesStatements {
  private readonly batchInsert: Statement;
  private readonly singleInsert: Statement;
  private readonly byKey: Statement;
  private readonly maxIdStatement: Statement;
  /** Decided on the first full batch: null when its rows share no literal. */
  private literalBatch: LiteralBatch | null | undefined;

  constructor(
    private readonly db: Db,
    readonly batchSize: number,
    readonly constants: SalesFileConstants,
  ) {
    const row = rowPlaceholders(constants);
    this.batchInsert = db.prepare(`INSERT OR IGNORE INTO sales (${SALES_INSERT_COLUMNS}) VALUES ${Array(batchSize).fill(row).join(', ')}`);
    this.singleInsert = db.prepare(`INSERT OR IGNORE INTO sales (${SALES_INSERT_COLUMNS}) VALUES ${row}`);
    this.byKey = db.prepare('SELECT id, product_id, location_id, customer_id, day, quantity, unit_price_cents, revenue_cents, order_ref, is_total, period, import_id FROM sales WHERE natural_key = ?');
    this.maxIdStatement = db.prepare('SELECT coalesce(max(id), 0) AS id FROM sales');
  }

  /** Inserts a full batch (flattened parameters); returns how many rows went in. */
  insertBatch(flatParams: ReadonlyArray<number | string | null>): number {
    if (this.literalBatch === undefined) {
      const shared = LiteralBatch.shared(flatParams, this.batchSize);
      this.literalBatch = shared.size > 0 ? new LiteralBatch(this.db, this.batchSize, this.constants, shared) : null;
    }
    const inserted = this.literalBatch ? this.literalBatch.run(flatParams) : -1;
    return inserted >= 0 ? inserted : this.batchInsert.run(flatParams).changes;
  }

  insertOne(params: SalesParams): boolean {
    return this.singleInsert.run(params).changes === 1;
  }

  byNaturalKey(key: number): StoredSale | undefined {
    return this.byKey.get(key) as StoredSale | undefined;
  }

  maxId(): number {
    return (this.maxIdStatement.get() as { id: number }).id;
  }
}

export function deleteSalesOfImport(db: Db, importId: number): number {
  return db.prepare('DELETE FROM sales WHERE import_id = ?').run(importId).changes;
}

export function salesCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
}

/** Days from the first to the last sale (inclusive), 0 without sales. */
export function salesHistoryDays(db: Db): number {
  const row = db.prepare('SELECT min(day) AS first, max(day) AS last FROM sales').get() as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? 0 : row.last - row.first + 1;
}

const SECONDARY_INDEXES = [
  ['sales_product_day', 'CREATE INDEX sales_product_day ON sales(product_id, location_id, day)'],
  ['sales_import', 'CREATE INDEX sales_import ON sales(import_id)'],
  ['sales_customer', 'CREATE INDEX sales_customer ON sales(customer_id) WHERE customer_id IS NOT NULL'],
] as const;

/**
 * For a bulk load much larger than what is stored, building the secondary indexes once at
 * the end is faster than updating them row by row. Both steps run inside the import's
 * transaction, so a crash in between leaves the indexes exactly as they were.
 */
export function dropSalesSecondaryIndexes(db: Db): string[] {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales'").all() as Array<{ name: string }>).map((r) => r.name));
  const dropped: string[] = [];
  for (const [name] of SECONDARY_INDEXES) {
    if (!present.has(name)) continue;
    db.exec(`DROP INDEX ${name}`);
    dropped.push(name);
  }
  return dropped;
}

export function recreateSalesSecondaryIndexes(db: Db, names: readonly string[]): void {
  for (const [name, sql] of SECONDARY_INDEXES) if (names.includes(name)) db.exec(sql);
}
