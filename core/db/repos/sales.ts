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

function rowPlaceholders({ isTotal, period, importId }: SalesFileConstants): string {
  // Literals, not parameters: checked here so that nothing else can reach the SQL text.
  if ((isTotal !== 0 && isTotal !== 1) || !PERIODS.has(period) || !Number.isSafeInteger(importId)) {
    throw new Error(`invalid sales constants ${JSON.stringify({ isTotal, period, importId })}`);
  }
  return `(?, ?, ?, ?, ?, ?, ?, ?, ?, ${isTotal}, '${period}', ${importId})`;
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

  constructor(
    db: Db,
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
    return this.batchInsert.run(flatParams).changes;
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
