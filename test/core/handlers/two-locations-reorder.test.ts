/**
 * The reorder numbers of a shop with a kiosk besides the main shop (seedShop + addHarbourKiosk),
 * planned on a real workspace through the router: the product page has each location's line, the
 * products list's Order column their total, the what-if works on the location chosen (the same
 * numbers as that location's plan line). The same shop without the kiosk reads as before.
 *
 * Hand-worked: tea sells 10 a week at the main shop (8 on hand) and 6 at the kiosk (1 on hand);
 * lead time 14 days, review 7, so each location covers 3 weeks: 30 − 8 and 18 − 1 round up to
 * 2 cases of 12 each. Jam (100 on hand, 7 a week) orders nothing.
 */
import { describe, expect, it } from 'vitest';
import { useKioskShops } from './kiosk-shop';

describe('reorder numbers in a shop with two locations', () => {
  const openShop = useKioskShops();
  const plannedShop = (kiosk: boolean) => openShop({ kiosk, plan: true });

  it('the product page has each location’s reorder numbers, the list the total to order, the what-if the location chosen', async () => {
    const { call } = await plannedShop(true);
    const tea = await call('products.detail', { id: 1 });
    // Each location orders 2 cases of 12: 24 for the main shop (8 on hand), 24 for the kiosk (1 on hand).
    expect(tea.recommendationsByLocation.map((r) => [r.locationName, r.onHand, r.suggestedQuantity, r.priority])).toEqual([
      ['Main shop', 8, 24, 'urgent'],
      ['Harbour kiosk', 1, 24, 'urgent'],
    ]);
    expect(tea.recommendationsByLocation.map((r) => r.reasoning.split(', none')[0])).toEqual(['Order 24: 2 cases of 12. You have 8', 'Order 24: 2 cases of 12. You have 1']);
    // Soap was planned for the main shop only.
    expect((await call('products.detail', { id: 3 })).recommendationsByLocation.map((r) => r.locationName)).toEqual(['Main shop']);

    const rows = Object.fromEntries((await call('products.list', {})).rows.map((r) => [r.sku, [r.suggestedQuantity, r.orderLocations, r.priority]]));
    expect(rows).toEqual({ TEA: [48, 2, 'urgent'], JAM: [0, 0, 'low'], SOAP: [expect.any(Number), 1, 'urgent'] });

    // The what-if on its own picks the location with the most sales (the main shop: 80 against 48);
    // asked for the kiosk it works on the kiosk's stock, like the kiosk's plan line.
    const main = await call('products.whatIf', { productId: 1 });
    expect([main.locationId, main.base.inventoryPosition, main.base.suggestedQuantity]).toEqual([1, 8, 24]);
    const kiosk = await call('products.whatIf', { productId: 1, locationId: 2 });
    expect([kiosk.locationId, kiosk.base.inventoryPosition, kiosk.base.suggestedQuantity]).toEqual([2, 1, 24]);
    expect(kiosk.baseReasoning).toBe(tea.recommendationsByLocation[1]!.reasoning);
    expect(main.baseReasoning).toBe(tea.recommendationsByLocation[0]!.reasoning);
    // Soap never sold at the kiosk, so it has no forecast there: the message says where.
    await expect(call('products.whatIf', { productId: 3, locationId: 2 })).rejects.toMatchObject({
      code: 'forecast.no_run',
      message: 'The latest forecast has no figures for Olive soap at Harbour kiosk, so the reorder numbers cannot be worked out.',
    });
  });

  it('one location: no per-location reorder numbers, the list as before', async () => {
    const { call } = await plannedShop(false);
    const tea = await call('products.detail', { id: 1 });
    expect(tea.recommendationsByLocation).toEqual([]);
    expect(tea.recommendation?.suggestedQuantity).toBe(24);
    const rows = Object.fromEntries((await call('products.list', {})).rows.map((r) => [r.sku, [r.suggestedQuantity, r.orderLocations]]));
    expect(rows).toEqual({ TEA: [24, 1], JAM: [0, 0], SOAP: [expect.any(Number), 1] });
  });
});
