/**
 * A shop with a kiosk besides the main shop (seedShop + addHarbourKiosk), on real workspaces
 * through the router: the running-out alerts are decided per location and name it, the
 * dashboard's at-risk tile and the weekly summary count products (and say the lines at
 * locations). The same shop without the kiosk reads as before.
 *
 * Hand-worked from the fixture (forecasts flat, so the pace is the weekly mean; the plan and the
 * alerts are made for the day after the last data, where the first forecast week starts):
 *   tea, main shop:  8 on hand, 10 a week → empty in 8 ÷ 10/7 = 5.6 days; lead time 14 days
 *   tea, kiosk:      1 on hand,  6 a week → empty in 1 ÷ 6/7 = 1.17 days
 *   soap, main shop: 2 on hand, 14 a week → empty in 2 ÷ 2 = 1 day; lead time 3 days
 *   jam, main shop:  100 on hand, 7 a week → 100 days: no alert, nothing to order
 * Summed over the locations (as before) tea read "9 on hand, selling about 16 a week".
 */
import { describe, expect, it } from 'vitest';
import { refreshAlerts } from '../../../core/alerts/refresh';
import { latestWeeklySummary } from '../../../core/alerts/summary-store';
import { useKioskShops } from './kiosk-shop';

interface AlertRow {
  kind: string;
  productId: number;
  locationId: number | null;
  key: string;
  message: string;
}

describe('running out in a shop with two locations', () => {
  const openShop = useKioskShops();

  async function shop({ kiosk, plan }: { kiosk: boolean; plan: boolean }) {
    const { app, call } = await openShop({ kiosk, plan });
    refreshAlerts(app.db);
    const alerts = () =>
      app.db
        .prepare("SELECT kind, product_id AS productId, location_id AS locationId, dedupe_key AS key, message FROM alerts WHERE resolved_at IS NULL AND kind IN ('stockout_lead_time', 'stockout_7d', 'below_reorder_point') ORDER BY product_id, location_id")
        .all() as AlertRow[];
    const summary = (topic: string) => latestWeeklySummary(app.db)?.narrative?.sections.find((s) => s.topic === topic)?.text;
    return { app, call, alerts, summary };
  }

  it('tea runs out at each location on its own stock and pace, and the alert names the location', async () => {
    const { alerts } = await shop({ kiosk: true, plan: false });
    expect(alerts()).toEqual([
      {
        kind: 'stockout_lead_time',
        productId: 1,
        locationId: 1,
        key: 'stockout_lead_time:1:@1',
        message: 'Breakfast tea (TEA) at Main shop runs out in about 5 days (8 on hand, selling about 10 a week); an order placed today arrives in 14 days.',
      },
      {
        kind: 'stockout_lead_time',
        productId: 1,
        locationId: 2,
        key: 'stockout_lead_time:1:@2',
        message: 'Breakfast tea (TEA) at Harbour kiosk runs out in about 1 day (1 on hand, selling about 6 a week); an order placed today arrives in 14 days.',
      },
      // Soap is only kept at the main shop: one line, keyed by the product as before, the location named.
      { kind: 'stockout_lead_time', productId: 3, locationId: null, key: 'stockout_lead_time:3', message: 'Olive soap (SOAP) at Main shop runs out in about 1 day (2 on hand, selling about 14 a week); an order placed today arrives in 3 days.' },
    ]);
  });

  it('one location: the alerts read as before (no location, keyed by product)', async () => {
    const { alerts } = await shop({ kiosk: false, plan: false });
    expect(alerts()).toEqual([
      { kind: 'stockout_lead_time', productId: 1, locationId: null, key: 'stockout_lead_time:1', message: 'Breakfast tea (TEA) runs out in about 5 days (8 on hand, selling about 10 a week); an order placed today arrives in 14 days.' },
      { kind: 'stockout_lead_time', productId: 3, locationId: null, key: 'stockout_lead_time:3', message: 'Olive soap (SOAP) runs out in about 1 day (2 on hand, selling about 14 a week); an order placed today arrives in 3 days.' },
    ]);
  });

  it('without a plan, the at-risk tile and the summary count products: tea at two locations is one', async () => {
    for (const kiosk of [true, false]) {
      const { call, summary } = await shop({ kiosk, plan: false });
      const risk = (await call('dashboard.summary', {})).atRisk;
      // Tea and soap; with the kiosk on 3 lines (tea at both, soap) at 2 locations.
      expect(risk).toEqual({ products: 2, beforeDelivery: 2, source: 'alerts', withoutStockCount: 0, lines: kiosk ? 3 : 2, locations: kiosk ? 2 : 0 });
      expect(summary('ordering')).toBe('No reorder plan has been made yet; make one to see what to order. Meanwhile 2 products are at risk of running out within a week.');
    }
  });

  it('with a plan, the at-risk tile counts each product once over its lines, and a line decided elsewhere does not hide the other', async () => {
    const { app, call, summary } = await shop({ kiosk: true, plan: true });
    // Tea at both (urgent: 5.6 and 1.2 days against 14), soap (urgent: 1 day against 3).
    expect((await call('dashboard.summary', {})).atRisk).toEqual({ products: 2, beforeDelivery: 2, source: 'plan', withoutStockCount: 0, lines: 3, locations: 2 });
    expect(summary('ordering')).toMatch(/^2 products \(3 lines at 2 locations\) need ordering for about £120, 2 of them urgent at 2 locations \(they run out/);
    // The kiosk's tea is ordered; the main shop's is still to decide. Before, the tile read only
    // each product's newest line (the kiosk's) and tea dropped out while the main shop runs out.
    const kioskTea = app.db.prepare('SELECT id FROM recommendations WHERE product_id = 1 AND location_id = 2 ORDER BY id DESC LIMIT 1').get() as { id: number };
    const mainTea = app.db.prepare('SELECT id FROM recommendations WHERE product_id = 1 AND location_id = 1 ORDER BY id DESC LIMIT 1').get() as { id: number };
    expect(kioskTea.id).toBeGreaterThan(mainTea.id);
    app.db.prepare("UPDATE recommendations SET status = 'accepted' WHERE id = ?").run(kioskTea.id);
    expect((await call('dashboard.summary', {})).atRisk).toEqual({ products: 2, beforeDelivery: 2, source: 'plan', withoutStockCount: 0, lines: 2, locations: 1 });
  });

  it('one location with a plan: the tile and the summary as before', async () => {
    const { call, summary } = await shop({ kiosk: false, plan: true });
    expect((await call('dashboard.summary', {})).atRisk).toEqual({ products: 2, beforeDelivery: 2, source: 'plan', withoutStockCount: 0, lines: 2, locations: 1 });
    expect(summary('ordering')).toMatch(/^2 products need ordering for about £60\.00, 2 of them urgent \(they run out/);
  });
});
