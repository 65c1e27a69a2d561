import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { createDraftOrders, listPurchaseOrders, transitionPurchaseOrder, updateDraftLine } from '../../../core/db/repos/purchase-orders';
import { decideRecommendation, listRecommendations } from '../../../core/db/repos/recommendations';
import { stockPositions } from '../../../core/db/repos/stock-position';
import { PLAN_DEFAULTS } from '../../../core/inventory/plan';
import { defaultScenarioSource, planWorkspace } from '../../../core/inventory/plan-workspace';
import { useTempDir } from '../../helpers/tmp';
import { DAY0, seedShop } from './fixtures';

const options = { ...PLAN_DEFAULTS, paths: 50 };

function bySku<T extends { sku: string }>(rows: T[]): Record<string, T> {
  return Object.fromEntries(rows.map((r) => [r.sku, r]));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return undefined;
}

describe('reorder plan on a workspace', () => {
  const tempDir = useTempDir();

  it('plans every product from stored forecasts and stock counts, worked by hand', () => {
    const db = seedShop(tempDir());
    const positions = stockPositions(db);
    expect(positions.get('1:1')!.onHand).toBeCloseTo(8, 9); // 9.43 counted, 1.43 sold after
    const summary = planWorkspace(db, options, defaultScenarioSource(db, options));
    expect(summary.asOfDay).toBe(DAY0 + 56);
    expect(summary.products).toBe(3);
    const recs = bySku(listRecommendations(db));
    // Every product is class A (98% service). TEA sells exactly 10 a week (flat quantiles):
    // over L 14 + R 7 days 30, over L 20, over R 10. A 98% fill rate allows 0.2 short per
    // cycle: (30 − S) − (20 − S)⁺ = 0.2 → S = 29.8; 29.8 − 8 = 21.8 → 2 cases of 12.
    expect(recs.TEA!.orderUpTo).toBeCloseTo(29.8, 6);
    expect(recs.TEA!.reorderPoint).toBeCloseTo(20, 6);
    expect(recs.TEA!.suggestedQty).toBe(24);
    expect(recs.TEA!.reasoning).toMatch(/^Order 24: 2 cases of 12\. You have 8, none on order, and in the next 3 weeks \(lead time \+ review\) you will sell 30 ± 0 at 9\d% service\./);
    // 8 units at 10/7 a day last 5.6 days, before a 14-day lead time could bring more: urgent.
    expect(recs.TEA!.priority).toBe('urgent');
    expect(recs.TEA!.outputs.expectedStockoutDays).toBeCloseTo(5.6, 6);
    // JAM: 100 on hand against 2 weeks of 7 → nothing.
    expect(recs.JAM!.suggestedQty).toBe(0);
    expect(recs.JAM!.priority).toBe('low');
    // SOAP: supplier lead 3 days + 7 → 10 days of 14/week = 20, R demand 14, 0.28 allowed
    // short → S = 19.72; 19.72 − 2 = 17.72 → 18 (sold singly).
    expect(recs.SOAP!.orderUpTo).toBeCloseTo(19.72, 6);
    expect(recs.SOAP!.suggestedQty).toBe(18);
    expect(recs.SOAP!.inputs.leadTimeSource).toBe('supplier');
    expect(summary.toOrder).toBe(2);
    expect(summary.totalCostCents).toBe(24 * 250);
    expect(summary.linesWithoutCost).toBe(1);
    expect(summary.withoutStockCount).toBe(0);
    db.close();
  });

  it('tops up above the reorder point at a review and says so; the reorder-point trigger waits', () => {
    const db = seedShop(tempDir());
    // JAM sells exactly 1 a day, lead 7 days, review 7: reorder point 7, order-up-to ~14.
    // With 10 on hand the position is above the reorder point but below the order-up-to level.
    db.prepare('UPDATE stock_snapshots SET on_hand = 10 WHERE product_id = 2').run();
    planWorkspace(db, options, defaultScenarioSource(db, options));
    const jam = bySku(listRecommendations(db)).JAM!;
    expect(jam.reorderPoint).toBeCloseTo(7, 6);
    expect(jam.orderUpTo).toBeGreaterThan(10);
    expect(jam.suggestedQty).toBe(12); // its MOQ, 2 cases of 6
    expect(jam.inputs.trigger).toBe('reviewCycle');
    expect(jam.reasoning).toMatch(/Stock is above the reorder point \(7\), so this only tops it up to 1\d(\.\d)? until the next review\.$/);
    planWorkspace(db, { ...options, trigger: 'reorderPoint' }, defaultScenarioSource(db, options));
    expect(bySku(listRecommendations(db)).JAM!.suggestedQty).toBe(0);
    db.close();
  });

  it('counts the products planned without any stock count, and says so on their lines', () => {
    const db = seedShop(tempDir());
    db.prepare("DELETE FROM stock_snapshots WHERE product_id = (SELECT id FROM products WHERE sku = 'SOAP')").run();
    const summary = planWorkspace(db, options, defaultScenarioSource(db, options));
    expect(summary.withoutStockCount).toBe(1);
    expect(bySku(listRecommendations(db)).SOAP!.reasoning).toContain('There is no stock count for this product');
    db.close();
  });

  it('runs the workflow: decide, draft orders by supplier, send (on order), receive (on hand), with audit', () => {
    const db = seedShop(tempDir());
    planWorkspace(db, options, defaultScenarioSource(db, options));
    const recs = bySku(listRecommendations(db));
    decideRecommendation(db, recs.TEA!.id, { action: 'accept' });
    decideRecommendation(db, recs.SOAP!.id, { action: 'edit', quantity: 20 });
    expect(codeOf(() => decideRecommendation(db, recs.JAM!.id, { action: 'accept' }))).toBe('plan.invalid_transition');
    decideRecommendation(db, recs.JAM!.id, { action: 'reject' });

    const orders = createDraftOrders(db, DAY0 + 56);
    expect(orders).toHaveLength(2);
    const leaf = orders.find((o) => o.supplierName === 'Leaf & Co')!;
    expect(leaf.lines.map((l) => [l.sku, l.quantity, l.cases])).toEqual([['TEA', 24, 2]]);
    expect(leaf.totalCents).toBe(6000);
    expect(leaf.belowMinimum).toBe(true); // minimum 100.00
    expect(leaf.lines[0]!.expectedDay).toBe(DAY0 + 56 + 14);
    const suds = orders.find((o) => o.supplierName === 'Suds Ltd')!;
    expect(suds.lines[0]!.quantity).toBe(20);
    expect(suds.linesWithoutCost).toBe(1);
    // A line on an order is changed on the order, not on the plan.
    expect(codeOf(() => decideRecommendation(db, recs.TEA!.id, { action: 'reject' }))).toBe('plan.invalid_transition');
    expect(codeOf(() => createDraftOrders(db, DAY0 + 56))).toBe('plan.no_recommendations');

    // Drafts do not count as on order; sent ones do.
    expect(stockPositions(db).get('1:1')!.onOrder).toHaveLength(0);
    updateDraftLine(db, leaf.lines[0]!.id, 36);
    transitionPurchaseOrder(db, leaf.id, 'sent');
    expect(stockPositions(db).get('1:1')!.onOrder.map((l) => l.quantity)).toEqual([36]);
    expect(codeOf(() => transitionPurchaseOrder(db, leaf.id, 'sent'))).toBe('po.invalid_transition');

    // A new plan sees the 36 on order (position 44 ≥ S = 29.8): no TEA order, and the old pending lines expire.
    const second = planWorkspace(db, options, defaultScenarioSource(db, options));
    const again = bySku(listRecommendations(db));
    expect(again.TEA!.onOrder).toBe(36);
    expect(again.TEA!.suggestedQty).toBe(0);
    expect(second.expired).toBe(0); // every line of the first plan had been decided

    transitionPurchaseOrder(db, leaf.id, 'received');
    const received = stockPositions(db).get('1:1')!;
    expect(received.onOrder).toHaveLength(0);
    expect(received.onHand).toBeCloseTo(8 + 36, 9);
    transitionPurchaseOrder(db, suds.id, 'cancelled');
    expect(listPurchaseOrders(db, { status: ['received', 'cancelled'] })).toHaveLength(2);

    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY id').all() as Array<{ action: string }>).map((r) => r.action);
    for (const action of ['plan.create', 'recommendation.accept', 'recommendation.edit', 'recommendation.reject', 'po.create', 'po.edit_line', 'po.sent', 'po.received', 'po.cancelled']) {
      expect(actions).toContain(action);
    }
    db.close();
  });

  it('a new plan expires the pending lines of the old one', () => {
    const db = seedShop(tempDir());
    planWorkspace(db, options, defaultScenarioSource(db, options));
    const first = listRecommendations(db);
    const second = planWorkspace(db, options, defaultScenarioSource(db, options));
    expect(second.expired).toBe(first.length);
    expect(codeOf(() => decideRecommendation(db, first[0]!.id, { action: 'accept' }))).toBe('plan.invalid_transition');
    db.close();
  });
});

describe('stock position of a product never counted', () => {
  const tempDir = useTempDir();
  it('is what was received minus what sold after the first delivery', () => {
    const db = seedShop(tempDir());
    db.prepare("INSERT INTO products (id, sku, name, supplier_id) VALUES (7, 'NEW', 'New line', 1)").run();
    const po = Number(db.prepare("INSERT INTO purchase_orders (number, supplier_id, status, created_at, received_at) VALUES ('X1', 1, 'received', '2024-05-01T09:00:00.000Z', '2024-05-01T09:00:00.000Z')").run().lastInsertRowid);
    db.prepare('INSERT INTO po_lines (po_id, product_id, quantity, received_quantity) VALUES (?, 7, 30, 30)').run(po);
    // 2024-05-01 is day 19844: a sale on the delivery day is taken as before it; the next day's sale is subtracted.
    db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (7, 19844, 4, 1000001), (7, 19845, 5, 1000002)').run();
    const position = stockPositions(db).get('7:1')!;
    expect(position.countDay).toBeNull();
    expect(position.receivedSinceCount).toBe(30);
    expect(position.onHand).toBe(25);
    db.close();
  });
});
