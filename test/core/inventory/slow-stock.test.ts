import { describe, expect, it } from 'vitest';
import type { StockItem } from '../../../core/inventory/slow-stock';
import { assessStock, rankStockHealth } from '../../../core/inventory/slow-stock';

const item = (over: Partial<StockItem>): StockItem => ({
  key: 'x',
  onHand: 10,
  unitCostCents: 100,
  unitsSold: 520,
  windowDays: 364,
  daysSinceLastSale: 1,
  forecastWeeklyDemand: 10,
  ...over,
});

describe('assessStock', () => {
  it('healthy stock is not listed', () => {
    expect(assessStock(item({}))).toBeNull();
  });
  it('dead: no sale in 26 weeks; all its value is tied up', () => {
    const a = assessStock(item({ key: 'd', onHand: 40, unitCostCents: 250, daysSinceLastSale: 200, unitsSold: 0 }))!;
    expect(a.health).toBe('dead');
    expect(a.moneyTiedUpCents).toBe(10000);
    expect(a.reason).toBe('Dead stock: no sale in 28 weeks, 40 on the shelf.');
  });
  it('slow: 30 sold in half a year against 50 on hand turns (30·365/182)/50 = 1.2 times a year', () => {
    const a = assessStock(item({ onHand: 50, unitsSold: 30, windowDays: 182, forecastWeeklyDemand: 1 }))!;
    expect(a.health).toBe('slow');
    expect(a.turnoverPerYear).toBeCloseTo((30 * 365) / 182 / 50, 9);
  });
  it('overstock: 200 on hand at 10 a week is 20 weeks of cover, 70 above 13 weeks', () => {
    const a = assessStock(item({ onHand: 200 }))!;
    expect(a.health).toBe('overstock');
    expect(a.weeksOfCover).toBeCloseTo(20, 9);
    expect(a.excessUnits).toBeCloseTo(70, 9);
    expect(a.excessValueCents).toBe(7000);
  });
});

describe('rankStockHealth', () => {
  it('dead then slow by money tied up, then overstock by weeks of cover', () => {
    const ranked = rankStockHealth([
      item({ key: 'over20', onHand: 200 }),
      item({ key: 'deadSmall', onHand: 5, daysSinceLastSale: null, unitsSold: 0 }),
      item({ key: 'deadBig', onHand: 50, daysSinceLastSale: 300, unitsSold: 0 }),
      item({ key: 'over30', onHand: 300 }),
      item({ key: 'ok', onHand: 10 }),
    ]);
    expect(ranked.map((a) => a.key)).toEqual(['deadBig', 'deadSmall', 'over30', 'over20']);
  });
});
