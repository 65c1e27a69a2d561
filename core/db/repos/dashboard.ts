/**
 * Aggregates for the dashboard tiles, each one SQL query over indexed tables; the heavy
 * ones (alerts, cost of goods sold, the weekly summary) come from the last alerts refresh.
 */
import type { Db } from '../connection';
import { readRefreshState } from './alerts';

/** Stock value at cost from the product_stats cache (as of the last refresh). */
export function stockValue(db: Db): { valueCents: number; countedProducts: number; uncostedProducts: number } {
  const row = db
    .prepare(
      `SELECT total(ps.stock_value_cents) AS value, count(ps.on_hand) AS counted, count(ps.on_hand) - count(ps.stock_value_cents) AS uncosted
       FROM product_stats ps JOIN products p ON p.id = ps.product_id WHERE p.active = 1`,
    )
    .get() as { value: number; counted: number; uncosted: number };
  return { valueCents: Math.round(row.value), countedProducts: row.counted, uncostedProducts: row.uncosted };
}

/**
 * Open alert facts that do not depend on acknowledgement: acknowledging a risk does not remove it.
 * Products are distinct; `riskLines` are the stockout alerts (one per product and location
 * where a shop decides them per location) and `riskLocations` the locations they name.
 */
export function riskFigures(db: Db): { atRisk: number; beforeDelivery: number; riskLines: number; riskLocations: number; deadProducts: number; deadValueCents: number } {
  const row = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN kind IN ('stockout_lead_time', 'stockout_7d') THEN product_id END) AS atRisk,
              count(DISTINCT CASE WHEN kind = 'stockout_lead_time' THEN product_id END) AS beforeDelivery,
              count(CASE WHEN kind IN ('stockout_lead_time', 'stockout_7d') THEN 1 END) AS riskLines,
              count(DISTINCT CASE WHEN kind IN ('stockout_lead_time', 'stockout_7d') THEN json_extract(details, '$.locationName') END) AS riskLocations,
              count(DISTINCT CASE WHEN kind = 'dead_stock' THEN product_id END) AS deadProducts,
              total(CASE WHEN kind = 'dead_stock' THEN json_extract(details, '$.valueCents') END) AS deadValue
       FROM alerts WHERE resolved_at IS NULL`,
    )
    .get() as { atRisk: number; beforeDelivery: number; riskLines: number; riskLocations: number; deadProducts: number; deadValue: number };
  return { atRisk: row.atRisk, beforeDelivery: row.beforeDelivery, riskLines: row.riskLines, riskLocations: row.riskLocations, deadProducts: row.deadProducts, deadValueCents: Math.round(row.deadValue) };
}

/**
 * Running-out risk from the reorder plan: each active product's latest recommendation at each
 * location, still pending with something to order (the same lines the weekly summary's "needs
 * ordering" counts), urgent (empties before an order placed now arrives) or high (before the
 * next review). Counts are of distinct products (a product at risk at two locations is one);
 * `lines` and `locations` say how many product-location lines and locations they are.
 * `withoutStockCount` are those whose shelf was taken as empty for want of a count.
 */
export function planRiskFigures(db: Db): { atRisk: number; beforeDelivery: number; withoutStockCount: number; lines: number; locations: number } {
  const row = db
    .prepare(
      `WITH due AS (
         SELECT rec.product_id, rec.location_id, rec.priority, json_extract(rec.inputs, '$.onHandKnown') AS onHandKnown
         FROM recommendations rec JOIN products p ON p.id = rec.product_id
         WHERE rec.id IN (SELECT max(id) FROM recommendations GROUP BY product_id, location_id)
           AND p.active = 1 AND rec.status = 'pending' AND rec.suggested_qty > 0
       )
       SELECT count(DISTINCT CASE WHEN priority IN ('urgent', 'high') THEN product_id END) AS atRisk,
              count(DISTINCT CASE WHEN priority = 'urgent' THEN product_id END) AS beforeDelivery,
              count(DISTINCT CASE WHEN priority IN ('urgent', 'high') AND onHandKnown = 0 THEN product_id END) AS withoutCount,
              count(CASE WHEN priority IN ('urgent', 'high') THEN 1 END) AS lines,
              count(DISTINCT CASE WHEN priority IN ('urgent', 'high') THEN location_id END) AS locations
       FROM due`,
    )
    .get() as { atRisk: number; beforeDelivery: number; withoutCount: number; lines: number; locations: number };
  return { atRisk: row.atRisk, beforeDelivery: row.beforeDelivery, withoutStockCount: row.withoutCount, lines: row.lines, locations: row.locations };
}

export interface DeliveryRow {
  poId: number;
  number: string;
  supplierName: string | null;
  expectedDay: number | null;
  lines: number;
  units: number;
  valueCents: number | null;
}

/** Sent purchase orders still to arrive, soonest first (unknown dates last). */
export function nextDeliveries(db: Db, limit: number): { rows: DeliveryRow[]; total: number } {
  const rows = db
    .prepare(
      `SELECT po.id AS poId, po.number, s.name AS supplierName,
              coalesce(po.expected_day, (SELECT min(pl.expected_day) FROM po_lines pl WHERE pl.po_id = po.id)) AS expectedDay,
              (SELECT count(*) FROM po_lines pl WHERE pl.po_id = po.id AND pl.quantity > pl.received_quantity) AS lines,
              (SELECT total(pl.quantity - pl.received_quantity) FROM po_lines pl WHERE pl.po_id = po.id AND pl.quantity > pl.received_quantity) AS units,
              (SELECT CASE WHEN count(pl.unit_cost_cents) = 0 THEN NULL ELSE total((pl.quantity - pl.received_quantity) * pl.unit_cost_cents) END
                 FROM po_lines pl WHERE pl.po_id = po.id AND pl.quantity > pl.received_quantity) AS valueCents
       FROM purchase_orders po LEFT JOIN suppliers s ON s.id = po.supplier_id
       WHERE po.status = 'sent'
       ORDER BY expectedDay IS NULL, expectedDay, po.id LIMIT ?`,
    )
    .all(limit) as DeliveryRow[];
  const total = (db.prepare("SELECT count(*) AS n FROM purchase_orders WHERE status = 'sent'").get() as { n: number }).n;
  return { rows: rows.map((r) => ({ ...r, valueCents: r.valueCents === null ? null : Math.round(r.valueCents) })), total };
}

/**
 * Per product: the chosen model's MASE (the run's registered champion, else the lowest
 * MASE), the naive MASE on the same origins, and the ABC class. Two scans, joined here.
 */
export function accuracyRows(db: Db, runId: number): Array<{ productId: number; mase: number; naiveMase: number | null; abc: string | null }> {
  const champions = new Map(
    (db.prepare('SELECT product_id AS productId, model FROM model_registry WHERE run_id = ? AND champion = 1 AND product_id IS NOT NULL').all(runId) as Array<{ productId: number; model: string }>).map((r) => [r.productId, r.model]),
  );
  const classes = new Map((db.prepare('SELECT product_id AS productId, abc FROM product_classes ORDER BY location_id DESC').all() as Array<{ productId: number; abc: string | null }>).map((r) => [r.productId, r.abc]));
  const rows = db.prepare('SELECT product_id AS productId, model, mase, naive_mase AS naiveMase FROM backtests WHERE run_id = ? AND mase IS NOT NULL').all(runId) as Array<{ productId: number; model: string; mase: number; naiveMase: number | null }>;
  const chosen = new Map<number, { mase: number; naiveMase: number | null; champion: boolean }>();
  const naiveModel = new Map<number, number>();
  for (const r of rows) {
    if (r.model === 'naive') naiveModel.set(r.productId, r.mase);
    const isChampion = champions.get(r.productId) === r.model;
    const current = chosen.get(r.productId);
    if (!current || (isChampion && !current.champion) || (!current.champion && r.mase < current.mase)) chosen.set(r.productId, { mase: r.mase, naiveMase: r.naiveMase, champion: isChampion });
  }
  return [...chosen.entries()].map(([productId, c]) => ({ productId, mase: c.mase, naiveMase: c.naiveMase ?? naiveModel.get(productId) ?? null, abc: classes.get(productId) ?? null }));
}

export function activeProductCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM products WHERE active = 1').get() as { n: number }).n;
}

/** The as-of day of the last refresh and the first sale day it saw. */
export function statsSpan(db: Db): { asOfDay: number | null; firstSaleDay: number | null } {
  const stored = readRefreshState(db);
  const row = db.prepare('SELECT min(first_sale_day) AS first FROM product_stats').get() as { first: number | null };
  return { asOfDay: stored?.asOfDay ?? null, firstSaleDay: row.first };
}
