/**
 * Read-side queries of the products screens: one page of the product table, filter
 * options and remembered column choice. Everything is filtered, sorted and paged in SQL,
 * so a 10,000-product workspace answers in milliseconds.
 */
import type { ColumnChoice, FilterOptions, ProductList, ProductListQuery, ProductRow, ProductSortField } from '../../contract/commands/products';
import { isoFromDay } from '../../dates';
import type { Db } from '../connection';
import { readRefreshState } from './alerts';
import { hasPlan, latestForecastRun } from './stock-facts';

const SORT_SQL: Record<ProductSortField, string> = {
  sku: 'p.sku',
  name: 'p.name COLLATE NOCASE',
  category: 'p.category COLLATE NOCASE',
  supplierName: 'sup.name COLLATE NOCASE',
  abc: 'pc.abc',
  xyz: 'pc.xyz',
  pattern: 'pc.pattern',
  onHand: 'ps.on_hand',
  onOrder: 'ps.on_order',
  unitCostCents: 'p.unit_cost_cents',
  unitPriceCents: 'p.unit_price_cents',
  stockValueCents: 'ps.stock_value_cents',
  soldLast28Days: 'ps.sold_28d',
  forecastNext28Days: 'ps.forecast_28d',
  weeksOfCover: 'ps.weeks_of_cover',
  suggestedQuantity: 'rec.suggested_qty',
  alertSeverity: 'al.severity_rank',
  lastSaleDay: 'ps.last_sale_day',
};

interface RawRow {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  supplier_id: number | null;
  supplier_name: string | null;
  active: number;
  abc: 'A' | 'B' | 'C' | null;
  xyz: 'X' | 'Y' | 'Z' | null;
  pattern: 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | null;
  is_new: number | null;
  is_dead: number | null;
  on_hand: number | null;
  count_day: number | null;
  on_order: number;
  unit_cost_cents: number | null;
  unit_price_cents: number | null;
  stock_value_cents: number | null;
  sold28: number;
  next28: number | null;
  weeks_of_cover: number | null;
  suggested_qty: number | null;
  priority: 'urgent' | 'high' | 'medium' | 'low' | null;
  severity_rank: number | null;
  alert_count: number | null;
  last_sale_day: number | null;
  stock_locations: number;
  order_locations: number;
}

const SEVERITY_BY_RANK = ['info', 'warning', 'critical'] as const;

/** WHERE clause and parameters for the search and filters (shared by the page and the count). */
function whereClause(query: ProductListQuery): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const f = query.filters;
  if (!f.includeInactive) parts.push('p.active = 1');
  const search = query.search.trim();
  if (search !== '') {
    // LIKE with an escape so that % and _ typed by the owner match themselves.
    params.search = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push("(p.sku LIKE @search ESCAPE '\\' OR p.name LIKE @search ESCAPE '\\' OR p.category LIKE @search ESCAPE '\\')");
  }
  const inList = (column: string, values: readonly (string | number)[], prefix: string, noneValue: string | number) => {
    if (values.length === 0) return;
    const alternatives: string[] = [];
    const named = values.filter((v) => v !== noneValue);
    if (named.length > 0) {
      const names = named.map((v, i) => {
        params[`${prefix}${i}`] = v;
        return `@${prefix}${i}`;
      });
      alternatives.push(`${column} IN (${names.join(', ')})`);
    }
    if (values.includes(noneValue)) alternatives.push(`${column} IS NULL`);
    parts.push(`(${alternatives.join(' OR ')})`);
  };
  inList('pc.abc', f.abc, 'abc', 'none');
  inList('pc.xyz', f.xyz, 'xyz', 'none');
  inList('p.supplier_id', f.supplierIds, 'sup', 0);
  inList("nullif(p.category, '')", f.categories, 'cat', '');
  if (f.pattern.length > 0) {
    const alternatives: string[] = [];
    const patterns = f.pattern.filter((v) => !['new', 'dead', 'unclassified'].includes(v));
    if (patterns.length > 0) {
      alternatives.push(`pc.pattern IN (${patterns.map((v, i) => ((params[`pat${i}`] = v), `@pat${i}`)).join(', ')})`);
    }
    if (f.pattern.includes('new')) alternatives.push('pc.is_new = 1');
    if (f.pattern.includes('dead')) alternatives.push('pc.is_dead = 1');
    if (f.pattern.includes('unclassified')) alternatives.push('pc.product_id IS NULL');
    parts.push(`(${alternatives.join(' OR ')})`);
  }
  if (f.alert === 'any') parts.push('al.alert_count > 0');
  else if (f.alert) {
    params.alertKind = f.alert;
    parts.push('EXISTS (SELECT 1 FROM alerts a WHERE a.product_id = p.id AND a.kind = @alertKind AND a.resolved_at IS NULL AND a.acknowledged_at IS NULL)');
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * Open alerts per product (severity rank and count), the classes of the first location
 * with classes and the plan's latest lines per product (summed over its locations), as CTEs; the per-product figures come from the product_stats cache that
 * the alerts refresh writes, so sorting 10,000 rows by any of them is an in-memory sort.
 */
const PRIORITY_RANK = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

const CTES = `WITH
cls AS (
  -- SQLite takes bare columns from the row holding min(): the first location's classes.
  SELECT product_id, min(location_id) AS location_id, abc, xyz, pattern, is_new, is_dead
  FROM product_classes GROUP BY product_id
),
rec AS (
  -- The latest line at each location, summed: what to order across the shop's locations. The
  -- priority is the most pressing of the lines with something to order (else of all lines).
  SELECT product_id, sum(suggested_qty) AS suggested_qty,
         count(CASE WHEN suggested_qty > 0 THEN 1 END) AS order_locations,
         CASE coalesce(min(CASE WHEN suggested_qty > 0 THEN ${PRIORITY_RANK} END), min(${PRIORITY_RANK}))
           WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' WHEN 3 THEN 'low' END AS priority
  FROM recommendations
  WHERE id IN (SELECT max(id) FROM recommendations GROUP BY product_id, location_id)
  GROUP BY product_id
),
al AS (
  SELECT product_id, max(CASE severity WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END) AS severity_rank, count(*) AS alert_count
  FROM alerts WHERE resolved_at IS NULL AND acknowledged_at IS NULL AND product_id IS NOT NULL
  GROUP BY product_id
)`;

const SELECT_COLUMNS = `
  p.id, p.sku, p.name, p.category, p.supplier_id, sup.name AS supplier_name, p.active,
  pc.abc, pc.xyz, pc.pattern, pc.is_new, pc.is_dead,
  ps.on_hand, ps.count_day, coalesce(ps.on_order, 0) AS on_order,
  p.unit_cost_cents, p.unit_price_cents, ps.stock_value_cents,
  coalesce(ps.sold_28d, 0) AS sold28, ps.forecast_28d AS next28, ps.weeks_of_cover,
  rec.suggested_qty, rec.priority, coalesce(rec.order_locations, 0) AS order_locations,
  al.severity_rank, coalesce(al.alert_count, 0) AS alert_count, ps.last_sale_day,
  (SELECT count(DISTINCT ss.location_id) FROM stock_snapshots ss WHERE ss.product_id = p.id) AS stock_locations`;

const JOINS = {
  sup: 'LEFT JOIN suppliers sup ON sup.id = p.supplier_id',
  pc: 'LEFT JOIN cls pc ON pc.product_id = p.id',
  ps: 'LEFT JOIN product_stats ps ON ps.product_id = p.id',
  rec: 'LEFT JOIN rec ON rec.product_id = p.id',
  al: 'LEFT JOIN al ON al.product_id = p.id',
} as const;

/** The joins an SQL fragment reads (by alias), so the paging query does no more work than it needs. */
function joinsFor(...fragments: string[]): string {
  const text = fragments.join(' ');
  return (Object.keys(JOINS) as Array<keyof typeof JOINS>)
    .filter((alias) => new RegExp(`\\b${alias}\\.`).test(text))
    .map((alias) => JOINS[alias])
    .join('\n  ');
}

const FROM_JOINS = `FROM products p\n  ${Object.values(JOINS).join('\n  ')}`;

function toRow(r: RawRow): ProductRow {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    category: r.category,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    active: r.active === 1,
    abc: r.abc,
    xyz: r.xyz,
    pattern: r.pattern,
    isNew: r.is_new === 1,
    isDead: r.is_dead === 1,
    onHand: round(r.on_hand),
    stockLocations: r.stock_locations,
    stockCountDay: r.count_day === null ? null : isoFromDay(r.count_day),
    onOrder: round(r.on_order) ?? 0,
    unitCostCents: r.unit_cost_cents,
    unitPriceCents: r.unit_price_cents,
    stockValueCents: r.stock_value_cents,
    soldLast28Days: round(r.sold28) ?? 0,
    forecastNext28Days: round(r.next28),
    weeksOfCover: round(r.weeks_of_cover),
    suggestedQuantity: round(r.suggested_qty),
    priority: r.priority,
    orderLocations: r.order_locations,
    alertSeverity: r.severity_rank === null ? null : (SEVERITY_BY_RANK[r.severity_rank] ?? null),
    alertCount: r.alert_count ?? 0,
    lastSaleDay: r.last_sale_day === null ? null : isoFromDay(r.last_sale_day),
  };
}

/**
 * One page of the product table, in two steps: the page's ids by the sort and filters
 * (only the joins those read), then every column for those ids.
 */
export function listProducts(db: Db, query: ProductListQuery): ProductList {
  const refreshed = readRefreshState(db);
  const where = whereClause(query);
  const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  // Empty values sort last in both directions; the id breaks ties so pages never overlap.
  const sortExpr = SORT_SQL[query.sort.field];
  const orderBy = `ORDER BY (${sortExpr}) IS NULL, ${sortExpr} ${direction}, p.id ${direction}`;
  const pageJoins = joinsFor(sortExpr, where.sql);
  const ids = (
    db.prepare(`${CTES} SELECT p.id FROM products p ${pageJoins} ${where.sql} ${orderBy} LIMIT @limit OFFSET @offset`).all({ ...where.params, limit: query.limit, offset: query.offset }) as Array<{ id: number }>
  ).map((r) => r.id);
  let rows: RawRow[] = [];
  if (ids.length > 0) {
    const byId = new Map(
      (db.prepare(`${CTES} SELECT ${SELECT_COLUMNS} ${FROM_JOINS} WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RawRow[]).map((r) => [r.id, r]),
    );
    rows = ids.map((id) => byId.get(id)).filter((r): r is RawRow => r !== undefined);
  }
  const total = (db.prepare(`${CTES} SELECT count(*) AS n FROM products p ${joinsFor(where.sql)} ${where.sql}`).get(where.params) as { n: number }).n;
  return {
    rows: rows.map(toRow),
    total,
    asOfDay: refreshed?.asOfDay === null || refreshed?.asOfDay === undefined ? null : isoFromDay(refreshed.asOfDay),
    hasForecast: latestForecastRun(db) !== null,
    hasPlan: hasPlan(db),
  };
}

export function productFilterOptions(db: Db): FilterOptions {
  const suppliers = db
    .prepare(
      `SELECT coalesce(s.id, 0) AS id, coalesce(s.name, 'No supplier') AS name, count(*) AS count
       FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id
       WHERE p.active = 1 GROUP BY s.id ORDER BY s.id IS NULL, s.name COLLATE NOCASE`,
    )
    .all() as FilterOptions['suppliers'];
  const categories = db
    .prepare(
      `SELECT coalesce(nullif(category, ''), '') AS name, count(*) AS count FROM products
       WHERE active = 1 GROUP BY 1 ORDER BY name = '', name COLLATE NOCASE`,
    )
    .all() as FilterOptions['categories'];
  const classified = db.prepare('SELECT 1 FROM product_classes LIMIT 1').get() !== undefined;
  return { suppliers, categories, classified };
}

const COLUMNS_KEY = 'ui.products.hiddenColumns';
/** Until the owner chooses, the table starts with the columns that fit 1280 pixels. */
export const DEFAULT_HIDDEN_COLUMNS = ['xyz', 'onOrder', 'unitCostCents', 'unitPriceCents', 'lastSaleDay'];

export function readColumnChoice(db: Db): ColumnChoice {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(COLUMNS_KEY) as { value: string } | undefined;
  if (!row) return { hidden: [...DEFAULT_HIDDEN_COLUMNS] };
  try {
    const parsed: unknown = JSON.parse(row.value);
    return Array.isArray(parsed) ? { hidden: parsed.filter((v): v is string => typeof v === 'string').slice(0, 60) } : { hidden: [] };
  } catch {
    return { hidden: [] };
  }
}

export function writeColumnChoice(db: Db, choice: ColumnChoice): ColumnChoice {
  const hidden = [...new Set(choice.hidden)].sort();
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(COLUMNS_KEY, JSON.stringify(hidden));
  return { hidden };
}
