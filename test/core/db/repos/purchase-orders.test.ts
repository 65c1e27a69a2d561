import { describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../../../core/dashboard/summary';
import { isoFromDay } from '../../../../core/dates';
import { businessToday, createDraftOrders, getPurchaseOrder, listPurchaseOrders, transitionPurchaseOrder } from '../../../../core/db/repos/purchase-orders';
import { decideRecommendation, listRecommendations } from '../../../../core/db/repos/recommendations';
import { PLAN_DEFAULTS } from '../../../../core/inventory/plan';
import { defaultScenarioSource, planWorkspace } from '../../../../core/inventory/plan-workspace';
import { useTempDir } from '../../../helpers/tmp';
import { DAY0, seedShop } from '../../inventory/fixtures';

/**
 * One date rule for purchase orders: "today" is the day after the workspace's last data (the
 * seeded shop's last sale is DAY0 + 55, so today is DAY0 + 56), never the computer's clock;
 * a draft has no order date and is due a lead time after today; sending fixes the order day
 * and the due days; a sent order is late by today − expected day, on every screen.
 */
describe('purchase order dates', () => {
  const tempDir = useTempDir();
  const TODAY = DAY0 + 56;

  function shopWithDrafts() {
    const db = seedShop(tempDir());
    planWorkspace(db, { ...PLAN_DEFAULTS, paths: 50 }, defaultScenarioSource(db, PLAN_DEFAULTS));
    for (const rec of listRecommendations(db)) if (rec.suggestedQty > 0) decideRecommendation(db, rec.id, { action: 'accept' });
    // Made on a clock two weeks past the data, as when the demo or an old export is opened later.
    const clock = new Date((TODAY + 14) * 86_400_000 + 3_600_000);
    const drafts = createDraftOrders(db, businessToday(db, clock), clock);
    return { db, leaf: drafts.find((o) => o.supplierName === 'Leaf & Co')!, clock };
  }

  /** Another day of sales moves the workspace's today on by one. */
  function oneMoreDayOfData(db: ReturnType<typeof seedShop>, day: number) {
    db.prepare('INSERT INTO sales (product_id, day, quantity, natural_key) VALUES (1, ?, 1, ?)').run(day, 900_000 + day);
  }

  it('today is the day after the last sale or stock count, whatever the clock says', () => {
    const { db, clock } = shopWithDrafts();
    expect(businessToday(db, clock)).toBe(TODAY);
    db.close();
  });

  it('a draft has no order date and is due its lead time after today, moving with today until sent', () => {
    const { db, leaf } = shopWithDrafts();
    // TEA: lead time 14 days.
    expect(leaf).toMatchObject({ status: 'draft', orderDay: null, expectedDay: TODAY + 14, lateDays: 0 });
    expect(leaf.lines[0]).toMatchObject({ sku: 'TEA', expectedDay: TODAY + 14 });
    oneMoreDayOfData(db, TODAY);
    oneMoreDayOfData(db, TODAY + 1);
    expect(getPurchaseOrder(db, leaf.id)).toMatchObject({ orderDay: null, expectedDay: TODAY + 2 + 14 });
    db.close();
  });

  it('sending stamps today as the order day and fixes the due day at order day + lead time; lateness counts from the same today', () => {
    const { db, leaf, clock } = shopWithDrafts();
    oneMoreDayOfData(db, TODAY);
    const sent = transitionPurchaseOrder(db, leaf.id, 'sent', clock);
    expect(sent).toMatchObject({ status: 'sent', orderDay: TODAY + 1, expectedDay: TODAY + 1 + 14, lateDays: 0 });
    expect(sent.lines[0]!.expectedDay).toBe(TODAY + 1 + 14);
    // New data up to the due day: due today, not late; one day later: one day late.
    oneMoreDayOfData(db, TODAY + 14);
    expect(getPurchaseOrder(db, leaf.id)).toMatchObject({ expectedDay: TODAY + 15, lateDays: 0 });
    expect(dashboardSummary(db).nextDeliveries[0]).toMatchObject({ expectedDay: isoFromDay(TODAY + 15), late: false });
    oneMoreDayOfData(db, TODAY + 15);
    expect(listPurchaseOrders(db, { status: ['sent'] })[0]).toMatchObject({ number: leaf.number, lateDays: 1 });
    // The dashboard's deliveries judge lateness against the same day.
    expect(dashboardSummary(db).nextDeliveries[0]).toMatchObject({ number: leaf.number, late: true });
    db.close();
  });

  it('an order sent without a known order day (imported) keeps its own due date and is never given the import time as order date', () => {
    const db = seedShop(tempDir());
    db.prepare("INSERT INTO purchase_orders (id, number, supplier_id, status, created_at, sent_at, expected_day, notes) VALUES (7, 'PO-7', 1, 'sent', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z', ?, 'Imported')").run(TODAY - 3);
    db.prepare('INSERT INTO po_lines (po_id, product_id, quantity, expected_day) VALUES (7, 1, 12, ?)').run(TODAY - 3);
    expect(getPurchaseOrder(db, 7)).toMatchObject({ orderDay: null, expectedDay: TODAY - 3, lateDays: 3 });
    db.close();
  });
});
