import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import type { ProductFacts, RuleContext } from '../../../core/alerts/rules';
import { stockAlerts, weeklyPace } from '../../../core/alerts/rules';

const fmt = makeTextFormat('en-GB', 'GBP');
const ctx: RuleContext = { asOfDay: 1000, historyStartDay: 500, format: fmt };

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
    orderUpToLevel: null,
    lastSaleDay: 999,
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
    const alerts = stockAlerts(facts({ onHand: 300 }), ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['overstock']);
    expect(alerts[0]!.details).toMatchObject({ excessUnits: 118, excessValueCents: 14160 });
    expect(alerts[0]!.message).toBe('Oat milk (OAT-1) has 21.4 weeks of stock (300 on hand, selling about 14 a week); £142 is tied up beyond 13 weeks of cover.');
    // not overstock when the plan's order-up-to level is higher
    expect(kinds(facts({ onHand: 300, orderUpToLevel: 400 }))).toEqual([]);
  });

  it('dead stock: on hand and no sale in 26 weeks, once the history is that long', () => {
    const dead = facts({ onHand: 5, lastSaleDay: 1000 - 200, forecastMeans: [0] });
    const alerts = stockAlerts(dead, ctx);
    expect(alerts.map((a) => a.kind)).toEqual(['dead_stock']);
    expect(alerts[0]!.details).toMatchObject({ valueCents: 600 });
    expect(alerts[0]!.message).toMatch(/^Oat milk \(OAT-1\) has not sold since .+; 5 in stock worth £6\.00\.$/);
    expect(kinds(dead, { ...ctx, historyStartDay: 900 })).toEqual([]);
    expect(kinds(facts({ onHand: 0, lastSaleDay: 100, forecastMeans: [0] }))).toEqual([]);
    expect(kinds(facts({ onHand: 5, lastSaleDay: null, forecastMeans: null }))[0]).toBe('dead_stock');
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
    expect(kinds(facts({ onHand: 1, forecastMeans: null }))).toEqual([]);
  });
});
