/**
 * The owner's manual forecast overrides (table forecast_overrides, migration 0050).
 * Every change is audited. The reorder plan reads the active ones with `activeOverrides`
 * and applies them with core/overrides/apply.ts.
 */
import { writeTransaction } from '../transaction';
import type { ForecastOverride, NewOverride } from '../../contract/commands/products';
import { NewOverride as NewOverrideSchema } from '../../contract/commands/products';
import { AppError } from '../../contract/errors';
import { dayFromIso, isoFromDay } from '../../dates';
import type { OverrideRule } from '../../overrides/apply';
import type { Db } from '../connection';
import { audit } from './audit';

interface OverrideRaw {
  id: number;
  product_id: number;
  location_id: number | null;
  kind: 'percent' | 'units';
  value: number;
  start_day: number | null;
  end_day: number | null;
  reason: string;
  created_at: string;
  removed_at: string | null;
}

function toOverride(r: OverrideRaw): ForecastOverride {
  return {
    id: r.id,
    productId: r.product_id,
    locationId: r.location_id,
    kind: r.kind,
    value: r.value,
    startDay: r.start_day === null ? null : isoFromDay(r.start_day),
    endDay: r.end_day === null ? null : isoFromDay(r.end_day),
    reason: r.reason,
    createdAt: r.created_at,
    removedAt: r.removed_at,
  };
}

export function listOverrides(db: Db, productId: number): ForecastOverride[] {
  const rows = db.prepare('SELECT * FROM forecast_overrides WHERE product_id = ? ORDER BY removed_at IS NOT NULL, id DESC').all(productId) as OverrideRaw[];
  return rows.map(toOverride);
}

export function addOverride(db: Db, input: NewOverride, now = new Date()): ForecastOverride {
  const o = NewOverrideSchema.parse(input);
  const product = db.prepare('SELECT id, sku FROM products WHERE id = ?').get(o.productId) as { id: number; sku: string } | undefined;
  if (!product) throw new AppError('not_found', `There is no product with id ${o.productId}.`);
  if (o.locationId !== null && !db.prepare('SELECT 1 FROM locations WHERE id = ?').get(o.locationId)) {
    throw new AppError('not_found', `There is no location with id ${o.locationId}.`);
  }
  return writeTransaction(db, () => {
    const result = db
      .prepare('INSERT INTO forecast_overrides (product_id, location_id, kind, value, start_day, end_day, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(o.productId, o.locationId, o.kind, o.value, o.startDay === null ? null : dayFromIso(o.startDay), o.endDay === null ? null : dayFromIso(o.endDay), o.reason, now.toISOString());
    const row = toOverride(db.prepare('SELECT * FROM forecast_overrides WHERE id = ?').get(result.lastInsertRowid) as OverrideRaw);
    audit(db, { action: 'override.add', entity: 'forecast_override', entityId: row.id, after: { ...row, sku: product.sku } }, now);
    return row;
  });
}

export function removeOverride(db: Db, id: number, now = new Date()): void {
  const raw = db.prepare('SELECT * FROM forecast_overrides WHERE id = ?').get(id) as OverrideRaw | undefined;
  if (!raw) throw new AppError('not_found', `There is no forecast override with id ${id}.`);
  if (raw.removed_at !== null) throw new AppError('conflict', 'This override was already removed.');
  writeTransaction(db, () => {
    db.prepare('UPDATE forecast_overrides SET removed_at = ? WHERE id = ?').run(now.toISOString(), id);
    audit(db, { action: 'override.remove', entity: 'forecast_override', entityId: id, before: toOverride(raw), after: { removedAt: now.toISOString() } }, now);
  });
}

/**
 * The active overrides of every product (or of one), as rules for applyOverrides.
 * Keyed by product id; an override for all locations has locationId null.
 * This is what the reorder plan reads.
 */
export function activeOverrides(db: Db, productId?: number): Map<number, Array<OverrideRule & { locationId: number | null }>> {
  const rows = (
    productId === undefined
      ? db.prepare('SELECT * FROM forecast_overrides WHERE removed_at IS NULL ORDER BY id').all()
      : db.prepare('SELECT * FROM forecast_overrides WHERE removed_at IS NULL AND product_id = ? ORDER BY id').all(productId)
  ) as OverrideRaw[];
  const byProduct = new Map<number, Array<OverrideRule & { locationId: number | null }>>();
  for (const r of rows) {
    const list = byProduct.get(r.product_id) ?? [];
    list.push({ id: r.id, kind: r.kind, value: r.value, startDay: r.start_day, endDay: r.end_day, order: r.id, locationId: r.location_id });
    byProduct.set(r.product_id, list);
  }
  return byProduct;
}

/** The rules that apply at one location (overrides for all locations plus that location's). */
export function rulesForLocation(rules: ReadonlyArray<OverrideRule & { locationId: number | null }>, locationId: number): OverrideRule[] {
  return rules.filter((r) => r.locationId === null || r.locationId === locationId);
}
