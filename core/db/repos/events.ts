/**
 * Events: promotions, closures, holidays and other periods the owner knows about
 * (table events, 0001). Changes are audited. The forecast's series builder reads them
 * (scope all / a category / a SKU, optional demand multiplier).
 */
import { writeTransaction } from '../transaction';
import type { NewEvent, ShopEvent } from '../../contract/commands/events';
import { EventUpdate, NewEvent as NewEventSchema } from '../../contract/commands/events';
import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import { dayFromIso, isoFromDay } from '../../dates';
import type { Db } from '../connection';
import { audit } from './audit';

interface EventRaw {
  id: number;
  name: string;
  type: ShopEvent['type'];
  start_day: number;
  end_day: number;
  scope: ShopEvent['scope'];
  scope_value: string | null;
  multiplier: number | null;
  source: 'user' | 'import';
}

function toEvent(r: EventRaw): ShopEvent {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    startDay: isoFromDay(r.start_day),
    endDay: isoFromDay(r.end_day),
    scope: r.scope,
    scopeValue: r.scope_value,
    multiplier: r.multiplier,
    source: r.source,
  };
}

export function listEvents(db: Db, fromDay: number | null = null, toDay: number | null = null): ShopEvent[] {
  const rows = db
    .prepare('SELECT * FROM events WHERE (@to IS NULL OR start_day <= @to) AND (@from IS NULL OR end_day >= @from) ORDER BY start_day DESC, id DESC')
    .all({ from: fromDay, to: toDay }) as EventRaw[];
  return rows.map(toEvent);
}

export function getEvent(db: Db, id: number): ShopEvent {
  const row = db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRaw | undefined;
  if (!row) throw new AppError('not_found', `There is no event with id ${id}.`);
  return toEvent(row);
}

type EventInput = z.output<typeof NewEventSchema>;

function checkScope(db: Db, e: EventInput): void {
  if (e.scope === 'sku' && e.scopeValue && !db.prepare('SELECT 1 FROM products WHERE sku = ?').get(e.scopeValue)) {
    throw new AppError('input.invalid', `There is no product with SKU "${e.scopeValue}".`, [{ path: 'scopeValue', message: 'unknown SKU' }]);
  }
  if (e.scope === 'category' && e.scopeValue && !db.prepare('SELECT 1 FROM products WHERE category = ? COLLATE NOCASE').get(e.scopeValue)) {
    throw new AppError('input.invalid', `No product is in the category "${e.scopeValue}".`, [{ path: 'scopeValue', message: 'unknown category' }]);
  }
}

function columns(e: EventInput) {
  return {
    name: e.name,
    type: e.type,
    start_day: dayFromIso(e.startDay),
    end_day: dayFromIso(e.endDay),
    scope: e.scope,
    scope_value: e.scope === 'all' ? null : e.scopeValue,
    multiplier: e.multiplier,
  };
}

export function createEvent(db: Db, input: NewEvent, now = new Date()): ShopEvent {
  const e = NewEventSchema.parse(input);
  checkScope(db, e);
  return writeTransaction(db, () => {
    const result = db
      .prepare("INSERT INTO events (name, type, start_day, end_day, scope, scope_value, multiplier, source) VALUES (@name, @type, @start_day, @end_day, @scope, @scope_value, @multiplier, 'user')")
      .run(columns(e));
    const created = getEvent(db, Number(result.lastInsertRowid));
    audit(db, { action: 'event.create', entity: 'event', entityId: created.id, after: created }, now);
    return created;
  });
}

export function updateEvent(db: Db, input: z.input<typeof EventUpdate>, now = new Date()): ShopEvent {
  const e = EventUpdate.parse(input);
  const before = getEvent(db, e.id);
  checkScope(db, e);
  return writeTransaction(db, () => {
    db.prepare('UPDATE events SET name = @name, type = @type, start_day = @start_day, end_day = @end_day, scope = @scope, scope_value = @scope_value, multiplier = @multiplier WHERE id = @id').run({ ...columns(e), id: e.id });
    const after = getEvent(db, e.id);
    audit(db, { action: 'event.update', entity: 'event', entityId: e.id, before, after }, now);
    return after;
  });
}

export function deleteEvent(db: Db, id: number, now = new Date()): void {
  const before = getEvent(db, id);
  writeTransaction(db, () => {
    db.prepare('DELETE FROM events WHERE id = ?').run(id);
    audit(db, { action: 'event.delete', entity: 'event', entityId: id, before }, now);
  });
}

/** Events that apply to one product (all-shop, its category, its SKU) and overlap [fromDay, toDay]. */
export function eventsForProduct(db: Db, product: { sku: string; category: string | null }, fromDay: number, toDay: number): ShopEvent[] {
  const rows = db
    .prepare(
      `SELECT * FROM events WHERE start_day <= @to AND end_day >= @from
         AND (scope = 'all' OR (scope = 'sku' AND scope_value = @sku) OR (scope = 'category' AND scope_value = @category COLLATE NOCASE))
       ORDER BY start_day`,
    )
    .all({ from: fromDay, to: toDay, sku: product.sku, category: product.category ?? '\u0000' }) as EventRaw[];
  return rows.map(toEvent);
}

/**
 * The day range of the sales history, for default holiday ranges: each product's first and
 * last sale through the (product, location, day) index, not a scan of every sale.
 */
export function salesSpan(db: Db): { first: number | null; last: number | null } {
  return db
    .prepare(
      `SELECT min(f) AS first, max(l) AS last FROM (
         SELECT (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = lo.id ORDER BY s.day ASC LIMIT 1) AS f,
                (SELECT s.day FROM sales s WHERE s.product_id = p.id AND s.location_id = lo.id ORDER BY s.day DESC LIMIT 1) AS l
         FROM products p CROSS JOIN locations lo)`,
    )
    .get() as { first: number | null; last: number | null };
}
