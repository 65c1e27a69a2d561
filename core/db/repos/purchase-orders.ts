/**
 * Purchase orders: draft → sent (its open lines count as on order) → received (the goods
 * go on the shelf and the order closes) or cancelled (from draft or sent).
 * Accepted and edited recommendations become draft orders grouped by supplier; an order
 * below the supplier's minimum order value is flagged. Every change is audited.
 *
 * Dates follow one rule, on every screen and report: "today" is the workspace's business
 * day, the day after its last data (the day the plan is made for; see businessToday), not
 * the computer's clock. A draft has no order date; it is expected its lead time after
 * today, i.e. if it were sent today. Sending stamps today as the order day and moves the
 * expected days to order day + lead time. A sent order is late by today − expected day.
 */
import { writeTransaction } from '../transaction';
import { AppError } from '../../contract/errors';
import { isoFromDay, todayDay } from '../../dates';
import { roundOrderQuantity } from '../../inventory/order-quantity';
import type { Db } from '../connection';
import { audit } from './audit';
import { lastDataDay } from './stock-position';

export type PoStatus = 'draft' | 'sent' | 'received' | 'cancelled';

export interface PoLineRow {
  id: number;
  productId: number;
  sku: string;
  productName: string;
  locationId: number;
  /** Where the line is delivered, named when the order has a line for another location than the main one; null otherwise. */
  deliverTo: string | null;
  quantity: number;
  receivedQuantity: number;
  casePack: number;
  cases: number;
  unitCostCents: number | null;
  lineCostCents: number | null;
  expectedDay: number | null;
  recommendationId: number | null;
  /** Lead time of the recommendation the line came from (null for imported lines). */
  leadTimeDays: number | null;
}

export interface PurchaseOrderRow {
  id: number;
  number: string;
  supplierId: number | null;
  supplierName: string | null;
  supplierEmail: string | null;
  supplierContact: string | null;
  status: PoStatus;
  createdAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  /** Sent orders: when the goods are due. Drafts: when they would be, if sent today. */
  expectedDay: number | null;
  /** The business day the order was sent; null for a draft (and for imported orders that gave none). */
  orderDay: number | null;
  /** Whole days a sent order is past its expected day, judged against businessToday; else 0. */
  lateDays: number;
  notes: string | null;
  lines: PoLineRow[];
  totalCents: number;
  /** Lines whose unit cost is unknown are not in the total. */
  linesWithoutCost: number;
  minOrderValueCents: number | null;
  belowMinimum: boolean;
}

/** The order's own columns, as the header query returns them (lines and totals are added after). */
type HeaderRow = Omit<PurchaseOrderRow, 'lines' | 'totalCents' | 'linesWithoutCost' | 'belowMinimum' | 'lateDays'>;

/**
 * The workspace's "today": the day after its last sale or stock count, the day plans and
 * reports are made for (a shop's export runs to yesterday, so on a real shop this is the
 * calendar day; the demo and old imports keep their own date). The clock only when there is no data.
 */
export function businessToday(db: Db, now = new Date()): number {
  const last = lastDataDay(db);
  return last === null ? todayDay(now) : last + 1;
}

const HEADER = `
  SELECT po.id, po.number, po.supplier_id AS supplierId, s.name AS supplierName, s.email AS supplierEmail, s.contact AS supplierContact,
         po.status, po.created_at AS createdAt, po.sent_at AS sentAt, po.received_at AS receivedAt, po.expected_day AS expectedDay,
         po.order_day AS orderDay, po.notes, s.min_order_value_cents AS minOrderValueCents
    FROM purchase_orders po LEFT JOIN suppliers s ON s.id = po.supplier_id`;

/** The location every workspace starts with (migration 0001: 'main', "Main shop"). */
const MAIN_LOCATION_ID = 1;

function linesOf(db: Db, poId: number): PoLineRow[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.product_id AS productId, p.sku, p.name AS productName, l.location_id AS locationId, loc.name AS locationName, l.quantity,
              l.received_quantity AS receivedQuantity, COALESCE(p.case_pack, 1) AS casePack, l.unit_cost_cents AS unitCostCents,
              l.expected_day AS expectedDay, l.recommendation_id AS recommendationId,
              json_extract(r.inputs, '$.leadTimeDays') AS leadTimeDays
         FROM po_lines l JOIN products p ON p.id = l.product_id JOIN locations loc ON loc.id = l.location_id
         LEFT JOIN recommendations r ON r.id = l.recommendation_id
        WHERE l.po_id = ? ORDER BY p.sku, l.location_id`,
    )
    .all(poId) as Array<Omit<PoLineRow, 'cases' | 'lineCostCents' | 'deliverTo'> & { locationName: string }>;
  // A supplier delivers to the shop the order comes from unless told otherwise: name every line's location once any goes elsewhere.
  const elsewhere = rows.some((r) => r.locationId !== MAIN_LOCATION_ID);
  return rows.map(({ locationName, ...r }) => ({
    ...r,
    deliverTo: elsewhere ? locationName : null,
    cases: r.quantity / r.casePack,
    lineCostCents: r.unitCostCents === null ? null : Math.round(r.quantity * r.unitCostCents),
  }));
}

/** Whole days of lead time (a fraction of a day still takes the day). */
function leadDays(lead: number | null): number | null {
  return typeof lead === 'number' && Number.isFinite(lead) ? Math.ceil(Math.max(0, lead)) : null;
}

function withLines(db: Db, stored: HeaderRow, today: number): PurchaseOrderRow {
  let header = stored;
  let lines = linesOf(db, stored.id);
  if (stored.status === 'draft') {
    // Not sent yet: no order day, and the goods would come a lead time after today.
    lines = lines.map((l) => {
      const lead = leadDays(l.leadTimeDays);
      return lead === null ? l : { ...l, expectedDay: today + lead };
    });
    const days = lines.map((l) => l.expectedDay).filter((d): d is number => d !== null);
    header = { ...stored, orderDay: null, expectedDay: days.length > 0 ? Math.max(...days) : stored.expectedDay };
  }
  const totalCents = lines.reduce((sum, l) => sum + (l.lineCostCents ?? 0), 0);
  const linesWithoutCost = lines.filter((l) => l.lineCostCents === null).length;
  // Unknown costs are not zero: an order is only called below the minimum when every line's cost is known.
  const belowMinimum = header.minOrderValueCents !== null && header.status !== 'cancelled' && linesWithoutCost === 0 && totalCents < header.minOrderValueCents;
  const lateDays = header.status === 'sent' && header.expectedDay !== null ? Math.max(0, today - header.expectedDay) : 0;
  return { ...header, lines, totalCents, linesWithoutCost, belowMinimum, lateDays };
}

export function getPurchaseOrder(db: Db, id: number, today = businessToday(db)): PurchaseOrderRow {
  const header = db.prepare(`${HEADER} WHERE po.id = ?`).get(id) as HeaderRow | undefined;
  if (!header) throw new AppError('not_found', `There is no purchase order ${id}.`, { id });
  return withLines(db, header, today);
}

export function listPurchaseOrders(db: Db, options: { status?: PoStatus[]; supplierId?: number } = {}): PurchaseOrderRow[] {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (options.status && options.status.length > 0) {
    where.push(`po.status IN (${options.status.map(() => '?').join(', ')})`);
    params.push(...options.status);
  }
  if (options.supplierId !== undefined) {
    where.push('po.supplier_id = ?');
    params.push(options.supplierId);
  }
  const headers = db
    .prepare(`${HEADER} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY CASE po.status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END, po.id DESC`)
    .all(...params) as HeaderRow[];
  const today = businessToday(db);
  return headers.map((h) => withLines(db, h, today));
}

function nextNumber(db: Db, day: number): string {
  const row = db.prepare('SELECT count(*) AS n FROM purchase_orders').get() as { n: number };
  const stamp = isoFromDay(day).replace(/-/g, '');
  let n = row.n + 1;
  let number = `PO-${stamp}-${String(n).padStart(3, '0')}`;
  const exists = db.prepare('SELECT 1 FROM purchase_orders WHERE number = ?');
  while (exists.get(number)) number = `PO-${stamp}-${String(++n).padStart(3, '0')}`;
  return number;
}

/**
 * Turns the accepted and edited recommendations that are not on an order yet into draft
 * purchase orders, one per supplier (added to that supplier's existing draft if there is
 * one). Each line is expected after its lead time from `today`. Returns the orders touched.
 */
export function createDraftOrders(db: Db, today: number, now = new Date()): PurchaseOrderRow[] {
  return writeTransaction(db, () => {
    const accepted = db
      .prepare(
        `SELECT r.id, r.product_id AS productId, r.location_id AS locationId, r.supplier_id AS supplierId, r.final_qty AS quantity,
                r.unit_cost_cents AS unitCostCents, r.inputs
           FROM recommendations r
          WHERE r.status IN ('accepted', 'edited') AND r.final_qty > 0
            AND NOT EXISTS (SELECT 1 FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id
                             WHERE l.recommendation_id = r.id AND po.status <> 'cancelled')
          ORDER BY r.supplier_id, r.id`,
      )
      .all() as Array<{ id: number; productId: number; locationId: number; supplierId: number | null; quantity: number; unitCostCents: number | null; inputs: string }>;
    if (accepted.length === 0) {
      throw new AppError('plan.no_recommendations', 'There are no accepted lines to put on purchase orders. Accept or edit some lines first.');
    }
    const bySupplier = new Map<number | null, typeof accepted>();
    for (const line of accepted) bySupplier.set(line.supplierId, [...(bySupplier.get(line.supplierId) ?? []), line]);
    const findDraft = db.prepare("SELECT id FROM purchase_orders WHERE status = 'draft' AND supplier_id IS ? ORDER BY id LIMIT 1");
    const insertPo = db.prepare("INSERT INTO purchase_orders (number, supplier_id, status, created_at, expected_day) VALUES (?, ?, 'draft', ?, ?)");
    const insertLine = db.prepare('INSERT INTO po_lines (po_id, product_id, location_id, quantity, unit_cost_cents, expected_day, recommendation_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const touched: number[] = [];
    for (const [supplierId, lines] of bySupplier) {
      const leadDays = lines.map((l) => Number((JSON.parse(l.inputs) as { leadTimeDays?: number }).leadTimeDays ?? 0));
      const expected = today + Math.ceil(Math.max(0, ...leadDays));
      let poId = (findDraft.get(supplierId) as { id: number } | undefined)?.id;
      if (poId === undefined) {
        poId = Number(insertPo.run(nextNumber(db, today), supplierId, now.toISOString(), expected).lastInsertRowid);
        audit(db, { action: 'po.create', entity: 'purchase_order', entityId: poId, after: { supplierId, status: 'draft' } }, now);
      }
      lines.forEach((line, i) => {
        insertLine.run(poId, line.productId, line.locationId, line.quantity, line.unitCostCents, today + Math.ceil(leadDays[i] ?? 0), line.id);
      });
      audit(db, { action: 'po.add_lines', entity: 'purchase_order', entityId: poId, after: { recommendations: lines.map((l) => l.id) } }, now);
      touched.push(poId);
    }
    return touched.map((id) => getPurchaseOrder(db, id, today));
  });
}

const TRANSITIONS: Record<PoStatus, PoStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['received', 'cancelled'],
  received: [],
  cancelled: [],
};

/**
 * Moves an order to its next status. Sending makes `today` (default: businessToday) the
 * order day and each line due its lead time after it; receiving books every open line as
 * received in full (the stock moves on), cancelling frees its recommendations to be ordered again.
 */
export function transitionPurchaseOrder(db: Db, id: number, to: PoStatus, now = new Date(), today = businessToday(db, now)): PurchaseOrderRow {
  return writeTransaction(db, () => {
    const before = getPurchaseOrder(db, id, today);
    if (!TRANSITIONS[before.status].includes(to)) {
      throw new AppError('po.invalid_transition', `Purchase order ${before.number} is ${before.status}; it cannot be marked ${to}.`, { id, from: before.status, to });
    }
    if (to === 'sent' && before.lines.length === 0) throw new AppError('po.invalid_transition', `Purchase order ${before.number} has no lines to send.`, { id });
    const at = now.toISOString();
    if (to === 'sent') {
      // The draft's expected days were worked "if sent today" on read; now they are fixed.
      const setLine = db.prepare('UPDATE po_lines SET expected_day = ? WHERE id = ?');
      for (const line of before.lines) setLine.run(line.expectedDay, line.id);
      db.prepare("UPDATE purchase_orders SET status = 'sent', sent_at = ?, order_day = ?, expected_day = ? WHERE id = ?").run(at, today, before.expectedDay, id);
    }
    if (to === 'cancelled') db.prepare("UPDATE purchase_orders SET status = 'cancelled' WHERE id = ?").run(id);
    if (to === 'received') {
      db.prepare('UPDATE po_lines SET received_quantity = quantity WHERE po_id = ?').run(id);
      db.prepare("UPDATE purchase_orders SET status = 'received', received_at = ? WHERE id = ?").run(at, id);
    }
    audit(db, { action: `po.${to}`, entity: 'purchase_order', entityId: id, before: { status: before.status }, after: { status: to, number: before.number, totalCents: before.totalCents } }, now);
    return getPurchaseOrder(db, id, today);
  });
}

/**
 * Changes a draft line's quantity, or removes it with quantity 0. A supplier ships whole
 * cases, so any other quantity goes up to the next case and to at least the product's MOQ.
 */
export function updateDraftLine(db: Db, lineId: number, requested: number, now = new Date()): PurchaseOrderRow {
  return writeTransaction(db, () => {
    const line = db
      .prepare(
        `SELECT l.po_id AS poId, l.quantity, po.status, po.number, COALESCE(p.case_pack, 1) AS casePack, COALESCE(p.moq, 0) AS moq
           FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id JOIN products p ON p.id = l.product_id WHERE l.id = ?`,
      )
      .get(lineId) as { poId: number; quantity: number; status: PoStatus; number: string; casePack: number; moq: number } | undefined;
    if (!line) throw new AppError('not_found', `There is no purchase order line ${lineId}.`, { lineId });
    if (line.status !== 'draft') throw new AppError('po.invalid_transition', `Purchase order ${line.number} is ${line.status}; only drafts can be changed.`, { lineId });
    if (!(requested >= 0) || !Number.isFinite(requested)) throw new AppError('input.invalid', 'A quantity must be 0 (remove the line) or more.', { lineId, quantity: requested });
    const quantity = roundOrderQuantity(requested, line.casePack, line.moq);
    if (quantity === 0) db.prepare('DELETE FROM po_lines WHERE id = ?').run(lineId);
    else db.prepare('UPDATE po_lines SET quantity = ? WHERE id = ?').run(quantity, lineId);
    const asked = requested !== quantity ? { requested } : {};
    audit(db, { action: quantity === 0 ? 'po.remove_line' : 'po.edit_line', entity: 'po_line', entityId: lineId, before: { quantity: line.quantity }, after: { quantity, ...asked } }, now);
    return getPurchaseOrder(db, line.poId);
  });
}
