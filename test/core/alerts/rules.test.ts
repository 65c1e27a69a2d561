import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import type { ProductFacts, RuleContext } from '../../../core/alerts/rules';
import { stockAlerts, weeklyPace } from '../../../core/alerts/rules';
import type { StockItem } from '../../../core/inventory/slow-stock';
import { assessStock } from '../../../core/inventory/slow-stock';

const fmt = makeTextFormat('en-GB', 'GBP');
const ctx: RuleContext = { asOfDay: 1000, format: fmt };

/** The product's stock-health lines as the refresh passes them: the shared assessment of one item. */
function health(over: Partial<StockItem>): ProductFacts['stockHealth'] {
  const a = assessStock({ key: '7:1', onHand: 50, unitCostCents: 120, unitsSold: 14 * 52, windowDays: 364, daysSinceLastSale: 1, forecastWeeklyDemand: 14, orderUpToLevel: null, historyDays: 500, ...over });
  return a === null ? [] : [{ ...a, locationId: null }];
}

function facts(overrides: Partial<ProductFacts> = {}): ProductFacts {
  return {
    productId: 7,
    sku: 'OAT-1',
    name: 'Oat milk',
    onHand: 50,
    receipts: [],
    unitCostCents: 120,
    leadTimeDays: 7,
    forecastMeans: [14, 14, 14, 14],
    forecastPeriodDays: 7,
    forecastElapsedDays: 0,
    reorderPoint: null,
    stockHealth: [],
    accuracy: null,
    ...overrides,
  };
}

const kinds = (f: ProductFacts, c: RuleContext = ctx) => stockAlerts(f, c).map((a) => a.kind);

describe('alert rules', () => {
  it('pace is the mean weekly forecast over the next four weeks', () => {
    expect(weeklyPace(facts({ forecastMeans: [7, 14, 21, 28, 1000] }))).toBeCloseTo(17.5, 10);
    expect(weeklyPace(facts({ forecastMeans: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], forecastPeriodDays: 1 }))).toBeCloseTo(14, 10);
    expect(weeklyPace(facts({ forecastMeans: null }))).toBeNull();
  });

  it('critical when the shelf empties before an order placed today could arrive', () => {
    // 4 on hand at 2 a day: empty in 2 days; lead time 7 days
    const alerts = stockAlerts(facts({ onHand: 4 }), ctx);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'stockout_lead_time', severity: 'critical', productId: 7, dedupeKey: 'stockout_lead_time:7' });
    expect(alerts[0]!.message).toBe('Oat milk (OAT-1) runs out in about 2 days (4 on hand, selling about 14 a week); an order placed today arrives in 7 days.');
  });

  it('one location of several: the alert names it, carries its id and keys by product and location', () => {
    const [alert] = stockAlerts(facts({ onHand: 4, location: { id: 2, name: 'Harbour kiosk' } }), ctx);
    expect(alert).toMatchObject({ kind: 'stockout_lead_time', productId: 7, locationId: 2, dedupeKey: 'stockout_lead_time:7:@2' });
    expect(alert!.message).toBe('Oat milk (OAT-1) at Harbour kiosk runs out in about 2 days (4 on hand, selling about 14 a week); an order placed today arrives in 7 days.');
    // Kept at that location only: named, but keyed by the product as in a one-location shop.
    expect(stockAlerts(facts({ onHand: 4, location: { id: null, name: 'Main shop' } }), ctx)[0]).toMatchObject({ locationId: null, dedupeKey: 'stockout_lead_time:7', details: { locationName: 'Main shop' } });
    expect(stockAlerts(facts({ onHand: 30, reorderPoint: 40, location: { id: 1, name: 'Main shop' } }), ctx).map((a) => [a.dedupeKey, a.message])).toEqual([
      ['below_reorder_point:7:@1', 'Oat milk (OAT-1) at Main shop is at or below its reorder point: 30 on hand and on order against a reorder point of 40.'],
    ]);
  });

  it('out of stock now says so', () => {
    expect(stockAlerts(facts({ onHand: 0 }), ctx)[0]!.message).toContain('is out of stock now');
  });

  it('warning when it empties within 7 days but an order is still in time', () => {
    // 10 on hand at 2 a day: 5 days; lead time 3
    const alerts = stockAlerts(facts({ onHand: 10, leadTimeDays: 3 }), ctx);
    expect(alerts.map((a) => [a.kind, a.severity])).toEqual([['stockout_7d', 'warning']]);
    expect(alerts[0]!.message).toContain('order now: delivery takes 3 days');
  });

  it('stock on order that arrives in time removes the risk', () => {
    expect(kinds(facts({ onHand: 4, receipts: [{ quantity: 100, dueInDays: 1 }] }))).toEqual([]);
  });

  it('below the reorder point counts what is on order', () => {
    expect(kinds(facts({ onHand: 30, leadTimeDays: 3, reorderPoint: 40 }))).toEqual(['below_reorder_point']);
    expect(kinds(facts({ onHand: 30, leadTimeDays: 3, reorderPoint: 40, receipts: [{ quantity: 20, dueInDays: 2 }] }))).toEqual([]);
    // a stockout alert already says more
    expect(kinds(facts({ onHand: 4, reorderPoint: 40 }))).toEqual(['stockout_lead_time']);
  });

  it('overstock beyond 13 weeks of cover, with the money tied up in the excess', () => {
    // 300 on hand at 14 a week = 21.4 weeks; excess 300 − 13·14 = 118 units × £1.20 = £141.60, shown whole (£100 or more)
    const alerts = stockAlerts(facts({ onHand: 300, stockHealth: health({ onHand: 300 }) }), ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['overstock']);
    expect(alerts[0]!.details).toMatchObject({ health: 'overstock', excessUnits: 118, excessValueCents: 14160 });
    expect(alerts[0]!.message).toBe('Oat milk (OAT-1) has 21.4 weeks of stock (300 on hand, selling about 14 a week); £142 is tied up beyond 13 weeks of cover.');
    // not overstock when the plan's order-up-to level asks for that stock
    expect(health({ onHand: 300, orderUpToLevel: 400 })).toEqual([]);
    expect(health({ onHand: 300, orderUpToLevel: 300 })).toEqual([]);
    expect(health({ onHand: 300, orderUpToLevel: 299 })[0]!.health).toBe('overstock');
  });

  it('slow-moving stock is overstock on the Alerts screen, and says how slowly it turns', () => {
    // 500 on hand at 14 a week: 35.7 weeks of cover, turns 14·365/7/500 = 1.46 times a year; 500 − 182 = 318 beyond 13 weeks, £381.60
    const alerts = stockAlerts(facts({ onHand: 500, stockHealth: health({ onHand: 500 }) }), ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['overstock']);
    expect(alerts[0]!.details).toMatchObject({ health: 'slow', excessUnits: 318, excessValueCents: 38160 });
    expect(alerts[0]!.message).toBe('Oat milk (OAT-1) has 35.7 weeks of stock (500 on hand, selling about 14 a week), so it turns over only 1.5 times a year; £382 is tied up beyond 13 weeks of cover.');
  });

  it('dead stock: on hand and no sale in 26 weeks, once the history is that long', () => {
    const dead = { onHand: 5, daysSinceLastSale: 200, forecastWeeklyDemand: 0, unitsSold: 0 };
    const alerts = stockAlerts(facts({ onHand: 5, forecastMeans: [0], stockHealth: health(dead) }), ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['dead_stock']);
    // day 800 is 11 Mar 1972 (day 730 is 1 Jan 1972, a leap year)
    expect(alerts[0]!.details).toMatchObject({ valueCents: 600, lastSaleDay: 800 });
    expect(alerts[0]!.message).toBe('Oat milk (OAT-1) has not sold since 11 Mar 1972; 5 in stock worth £6.00.');
    // 100 days of history cannot show 26 weeks without a sale
    expect(health({ ...dead, daysSinceLastSale: 90, historyDays: 100 }).map((l) => l.health)).not.toContain('dead');
    expect(health({ ...dead, onHand: 0 })).toEqual([]);
    const never = stockAlerts(facts({ onHand: 5, forecastMeans: null, stockHealth: health({ ...dead, daysSinceLastSale: null }) }), ctx);
    expect(never.map((a) => [a.kind, a.message])).toEqual([['dead_stock', 'Oat milk (OAT-1) has never sold; 5 in stock worth £6.00.']]);
    // never sold in a history shorter than 26 weeks: too new to judge, no alert at all
    expect(health({ ...dead, daysSinceLastSale: null, historyDays: 100 })).toEqual([]);
  });

  it('accuracy degraded: error on new actuals well above the backtest’s', () => {
    const degraded = facts({ onHand: 100, accuracy: { newPeriods: 4, newMase: 2, backtestMase: 0.8 } });
    const alerts = stockAlerts(degraded, ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['accuracy_degraded']);
    expect(alerts[0]!.message).toContain('error 2.00 against 0.80 in its backtest (MASE). Retraining is suggested.');
    expect(kinds(facts({ onHand: 100, accuracy: { newPeriods: 4, newMase: 1.1, backtestMase: 0.8 } }))).toEqual([]);
    expect(kinds(facts({ onHand: 100, accuracy: { newPeriods: 2, newMase: 5, backtestMase: 0.8 } }))).toEqual([]);
    // without a backtest the naive forecast (MASE 1) is the reference
    expect(kinds(facts({ onHand: 100, accuracy: { newPeriods: 3, newMase: 1.6, backtestMase: null } }))).toEqual(['accuracy_degraded']);
  });

  it('without a stock count or a forecast the stock rules stay silent', () => {
    expect(kinds(facts({ onHand: null }))).toEqual([]);
    // dead stock and overstock come from the stock-health lines, which need no count of their own
    expect(kinds(facts({ onHand: null, stockHealth: health({ onHand: 300 }) }))).toEqual(['overstock']);
    expect(kinds(facts({ onHand: 1, forecastMeans: null }))).toEqual([]);
  });
});
