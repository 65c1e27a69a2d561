import { describe, expect, it } from 'vitest';
import type { StockItem } from '../../../core/inventory/slow-stock';
import fc from 'fast-check';
import { WEEKS_PER_YEAR, assessStock, rankStockHealth, seasonReturnDays, stockBeyondCover } from '../../../core/inventory/slow-stock';

const item = (over: Partial<StockItem>): StockItem => ({
  key: 'x',
  onHand: 10,
  unitCostCents: 100,
  unitsSold: 520,
  windowDays: 364,
  daysSinceLastSale: 1,
  forecastWeeklyDemand: 10,
  orderUpToLevel: null,
  historyDays: 730,
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
  it('slow without a forecast: 30 sold in half a year against 50 on hand turns (30·365/182)/50 = 1.2 times a year', () => {
    const a = assessStock(item({ onHand: 50, unitsSold: 30, windowDays: 182, forecastWeeklyDemand: null }))!;
    expect(a.health).toBe('slow');
    expect(a.paceSource).toBe('sales');
    expect(a.turnoverPerYear).toBeCloseTo((30 * 365) / 182 / 50, 9);
    // 30/26 = 1.154 a week: 50/1.154 = 43.3 weeks of cover; 50 − 13·1.154 = 35 units beyond 13 weeks.
    expect(a.weeksOfCover).toBeCloseTo(50 / ((30 / 182) * 7), 9);
    expect(a.excessUnits).toBeCloseTo(50 - 13 * (30 / 182) * 7, 9);
    expect(a.excessValueCents).toBe(Math.round((50 - 13 * (30 / 182) * 7) * 100));
    expect(a.reason).toBe('Slow-moving: 50 on hand at the 1.2 a week sold over the past 26 weeks turns over 1.2 times a year; 35 are beyond 13 weeks of cover.');
  });
  it('slow with a forecast: turnover and cover both use the forecast pace (1 a week, 50 on hand)', () => {
    const a = assessStock(item({ onHand: 50, unitsSold: 30, windowDays: 182, forecastWeeklyDemand: 1 }))!;
    expect(a.health).toBe('slow');
    expect(a.turnoverPerYear).toBeCloseTo(WEEKS_PER_YEAR / 50, 9);
    expect(a.weeksOfCover).toBeCloseTo(50, 9);
    expect(a.excessUnits).toBeCloseTo(37, 9);
  });
  it('QA: a dead Easter bunny that sold 82 last year but is forecast 0.003 a week turns 0.006 times, not 3.3', () => {
    const a = assessStock(item({ onHand: 25, unitsSold: 82, windowDays: 364, daysSinceLastSale: 217, forecastWeeklyDemand: 0.0027 }))!;
    expect(a.health).toBe('dead');
    expect(a.turnoverPerYear! * a.weeksOfCover!).toBeCloseTo(WEEKS_PER_YEAR, 9);
    expect(a.excessValueCents).toBe(a.moneyTiedUpCents);
  });
  it('cover is always weeks-a-year ÷ turnover, and the excess never exceeds the stock', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1e4, noNaN: true }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 7, max: 364 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
        fc.option(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 500, noNaN: true }))),
        (onHand, unitsSold, windowDays, daysSinceLastSale, forecastWeeklyDemand) => {
          const a = assessStock(item({ onHand, unitsSold, windowDays, daysSinceLastSale, forecastWeeklyDemand }));
          if (a === null) return;
          if (a.weeksOfCover !== null) expect(a.turnoverPerYear! * a.weeksOfCover).toBeCloseTo(WEEKS_PER_YEAR, 6);
          expect(a.excessUnits).toBeGreaterThanOrEqual(0);
          expect(a.excessUnits).toBeLessThanOrEqual(onHand + 1e-9);
          expect(a.excessValueCents!).toBeLessThanOrEqual(a.moneyTiedUpCents!);
        },
      ),
    );
  });
  it('overstock: 200 on hand at 10 a week is 20 weeks of cover, 70 above 13 weeks', () => {
    const a = assessStock(item({ onHand: 200 }))!;
    expect(a.health).toBe('overstock');
    expect(a.weeksOfCover).toBeCloseTo(20, 9);
    expect(a.excessUnits).toBeCloseTo(70, 9);
    expect(a.excessValueCents).toBe(7000);
  });
});

describe('assessStock: the exceptions the alerts share', () => {
  it('stock at or below the plan’s order-up-to level is not slow or overstocked (the plan asks for it)', () => {
    // 200 on hand at 10 a week is 20 weeks of cover: overstock, unless the plan orders up to 200 or more.
    expect(assessStock(item({ onHand: 200, orderUpToLevel: 250 }))).toBeNull();
    expect(assessStock(item({ onHand: 200, orderUpToLevel: 200 }))).toBeNull();
    expect(assessStock(item({ onHand: 200, orderUpToLevel: 199 }))!.health).toBe('overstock');
    // 50 at 1 a week is slow, unless the plan asks for 60.
    expect(assessStock(item({ onHand: 50, forecastWeeklyDemand: 1, orderUpToLevel: 60 }))).toBeNull();
  });
  it('dead stock is dead whatever the plan says', () => {
    expect(assessStock(item({ onHand: 40, daysSinceLastSale: 200, unitsSold: 0, orderUpToLevel: 100 }))!.health).toBe('dead');
  });
  it('dead only when the history spans 26 weeks; never sold in a shorter one is too new to list', () => {
    expect(assessStock(item({ onHand: 30, daysSinceLastSale: null, unitsSold: 0, forecastWeeklyDemand: null, historyDays: 182 }))!.health).toBe('dead');
    expect(assessStock(item({ onHand: 30, daysSinceLastSale: null, unitsSold: 0, forecastWeeklyDemand: null, historyDays: 181 }))).toBeNull();
    expect(assessStock(item({ onHand: 30, daysSinceLastSale: null, unitsSold: 0, forecastWeeklyDemand: null, historyDays: null }))).toBeNull();
  });
});

describe('stockBeyondCover', () => {
  it('totals the per-line excess (the column) and the stock value, overall and per kind', () => {
    const lines = rankStockHealth([item({ key: 'o', onHand: 200 }), item({ key: 'd', onHand: 40, daysSinceLastSale: 200, unitsSold: 0 }), item({ key: 's', onHand: 50, forecastWeeklyDemand: 1 })]);
    const t = stockBeyondCover(lines);
    expect(t.all.count).toBe(3);
    expect(t.all.excessValueCents).toBe(lines.reduce((s, l) => s + l.excessValueCents!, 0));
    // overstock 70 units, dead 40, slow 50 − 13 = 37, at £1 each.
    expect(t.all.excessValueCents).toBe(7000 + 4000 + 3700);
    expect(t.dead.excessValueCents).toBe(4000);
    expect(t.all.stockValueCents).toBe(20000 + 4000 + 5000);
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

describe('seasonal lines among the dead', () => {
  // Today is day 1000; the same day a year ago is 636.
  it('an Easter line: quiet for 30 weeks a year ago, sold again 100 days later, so its season is about 14 weeks away', () => {
    expect(seasonReturnDays(636, 636 - 210, 636 + 100)).toBe(100);
    const a = assessStock(item({ onHand: 54, daysSinceLastSale: 224, unitsSold: 0, seasonReturnDays: 100 }))!;
    expect(a.health).toBe('dead');
    expect(a.seasonReturnDays).toBe(100);
    expect(a.reason).toBe('Dead stock: no sale in 32 weeks, 54 on the shelf. A year ago it was as quiet and sold again about 14 weeks later: probably a seasonal line, back in season in about 14 weeks.');
  });
  it('a line that sold until shortly before the same day last year, or never before it, or not again within 26 weeks, does not look seasonal', () => {
    expect(seasonReturnDays(636, 636 - 20, 636 + 100)).toBeNull();
    expect(seasonReturnDays(636, 636 - 181, 636 + 100)).toBeNull();
    expect(seasonReturnDays(636, null, 636 + 100)).toBeNull();
    expect(seasonReturnDays(636, 636 - 210, null)).toBeNull();
    expect(seasonReturnDays(636, 636 - 182, 636 + 183)).toBeNull();
    expect(seasonReturnDays(636, 636 - 182, 636 + 182)).toBe(182);
  });
  it('the note only changes the reason of dead stock: health and money are the same with or without it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 182 }), (onHand, idle, back) => {
        const plain = assessStock(item({ onHand, daysSinceLastSale: idle, unitsSold: idle >= 182 ? 0 : 52 }));
        const seasonal = assessStock(item({ onHand, daysSinceLastSale: idle, unitsSold: idle >= 182 ? 0 : 52, seasonReturnDays: back }));
        expect(seasonal?.health).toBe(plain?.health);
        expect(seasonal?.excessValueCents).toBe(plain?.excessValueCents);
        if (seasonal?.health === 'dead') expect(seasonal.reason.startsWith(plain!.reason)).toBe(true);
        else expect(seasonal?.reason).toBe(plain?.reason);
      }),
    );
  });
});
