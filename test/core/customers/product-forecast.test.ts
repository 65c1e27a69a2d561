import { describe, expect, it } from 'vitest';
import { forecastShopCustomers } from '../../../core/customers/batch';
import type { ProductCustomerResult } from '../../../core/customers/product-forecast';
import { latestUnitPriceCents } from '../../../core/customers/product-forecast';
import { AS_OF_DAY, shopFixture, unreadableProduct } from './shop-fixture';

const names = new Map([['weekly', 'Corner Bakery'], ['lapsed', 'Old Mill Café']]);

function run(extra: { minConfidence?: number; seed?: number } = {}) {
  return forecastShopCustomers({
    products: [...shopFixture(), unreadableProduct()],
    customerNames: names,
    model: { asOfDay: AS_OF_DAY, horizonWeeks: 8 },
    forecast: { paths: 400, seed: extra.seed ?? 1, minConfidence: extra.minConfidence },
  });
}

function ok(result: ProductCustomerResult | undefined) {
  if (!result || result.status !== 'ok') throw new Error(`expected an ok result, got ${result?.status}`);
  return result.forecast;
}

describe('latestUnitPriceCents', () => {
  it('takes the latest priced purchase before the as-of day, else the catalogue price', () => {
    const product = {
      productKey: 'P',
      lines: [
        { customerKey: 'a', day: 5, quantity: 1, unitPriceCents: 100 },
        { customerKey: '', day: 9, quantity: 1, unitPriceCents: 120 },
        { customerKey: 'b', day: 9, quantity: -1, unitPriceCents: 50 }, // a return: not a price
        { customerKey: 'c', day: 12, quantity: 1, unitPriceCents: 140 }, // after the as-of day
        { customerKey: 'd', day: 8, quantity: 1, unitPriceCents: null },
      ],
    };
    expect(latestUnitPriceCents(product, 10)).toBe(120);
    expect(latestUnitPriceCents({ ...product, catalogUnitPriceCents: 99 }, 3)).toBe(99);
    expect(latestUnitPriceCents(product, 3)).toBeNull();
  });
});

describe('forecastShopCustomers', () => {
  const shop = run();
  const byKey = new Map(shop.results.map((r) => [r.productKey, r]));

  it('forecasts the product from its repeat customers and leaves out only the broken customer', () => {
    const flour = ok(byKey.get('FLOUR'));
    const keys = flour.customers.map((c) => c.customerKey);
    expect(keys).toContain('weekly');
    expect(keys).toContain('monthly');
    expect(keys).toContain('twice');
    expect(keys).not.toContain('once'); // one order: below min orders
    expect(keys).not.toContain('broken');
    expect(flour.issues).toHaveLength(1);
    expect(flour.issues[0]!.message).toMatch(/broken left out: .*invalid date/);
    expect(flour.summary.customersFound).toBe(keys.length + 2); // + once + broken
    expect(flour.unitPriceCents).toBe(latestUnitPriceCents(shopFixture()[0]!, AS_OF_DAY));
  });

  it('sees nothing after the as-of day', () => {
    const weekly = ok(byKey.get('FLOUR')).customers.find((c) => c.customerKey === 'weekly')!;
    expect(weekly.rhythm.lastOrderDay).toBe(393);
    expect(weekly.expectedQuantity).toBeLessThan(100); // the 1000-unit orders are in the future
  });

  it('predicts the weekly customer sharply and lists them by name', () => {
    const flour = ok(byKey.get('FLOUR'));
    const weekly = flour.customers.find((c) => c.customerKey === 'weekly')!;
    expect(weekly.customerName).toBe('Corner Bakery');
    expect(weekly.confidence).toBeGreaterThan(0.9);
    expect(weekly.typicalIntervalDays).toBeGreaterThan(5);
    expect(weekly.typicalIntervalDays).toBeLessThan(10);
    expect(weekly.nextOrderDay).toBeGreaterThanOrEqual(AS_OF_DAY);
    expect(weekly.nextOrderDay).toBeLessThan(AS_OF_DAY + 10);
    expect(weekly.atRisk).toBe(false);
    expect(flour.topCustomers[0]!.customerKey).toBe('weekly');
    // A weekly customer is expected every week, with the week's own probability.
    for (const [w, week] of flour.weeks.entries()) {
      const listed = week.expectedCustomers.find((c) => c.customerKey === 'weekly');
      expect(listed).toBeDefined();
      expect(listed!.probability).toBeCloseTo(weekly.orderProbabilityByWeek[w]!, 12);
      expect(listed!.probability).toBeGreaterThan(0.5);
      for (const c of week.expectedCustomers) expect(c.probability).toBeGreaterThanOrEqual(0.2);
    }
    expect(weekly.reason).toMatch(/chance of an order in the next 8 weeks/);
  });

  it('flags the customer who stopped against their own rhythm, with the reason and revenue at stake', () => {
    const flour = ok(byKey.get('FLOUR'));
    const lapsed = flour.atRisk.find((c) => c.customerKey === 'lapsed');
    expect(lapsed).toBeDefined();
    expect(lapsed!.customerName).toBe('Old Mill Café');
    expect(lapsed!.overdueProbability).toBeGreaterThan(0.99);
    expect(lapsed!.reason).toMatch(/would have ordered by now with \d+% probability/);
    expect(lapsed!.revenueAtStakeCents).toBeGreaterThan(0);
    const stakes = flour.atRisk.map((c) => c.revenueAtStakeCents ?? 0);
    expect([...stakes].sort((a, b) => b - a)).toEqual(stakes);
    expect(flour.atRisk.some((c) => c.customerKey === 'weekly')).toBe(false);
  });

  it('weekly totals add up, quantiles do not cross, revenue = units × price', () => {
    const flour = ok(byKey.get('FLOUR'));
    expect(flour.weeks).toHaveLength(8);
    const sum = flour.weeks.reduce((s, w) => s + w.expectedUnits, 0);
    expect(flour.summary.expectedUnits).toBeCloseTo(sum, 9);
    const perCustomer = flour.customers.reduce((s, c) => s + c.expectedUnits, 0);
    expect(perCustomer).toBeCloseTo(sum, 6);
    for (const w of flour.weeks) {
      for (let i = 1; i < w.unitsQuantiles.length; i++) expect(w.unitsQuantiles[i]!).toBeGreaterThanOrEqual(w.unitsQuantiles[i - 1]!);
      expect(w.unitsQuantiles[0]!).toBeGreaterThanOrEqual(0);
      expect(w.expectedRevenueCents).toBe(Math.round(w.expectedUnits * flour.unitPriceCents!));
      expect(w.endDay - w.startDay).toBe(6);
    }
    expect(flour.summary.endDay).toBe(AS_OF_DAY + 55);
  });

  it('keeps "no predictable customers" apart from a failure', () => {
    const rare = byKey.get('RARE')!;
    expect(rare.status).toBe('no_predictable_customers');
    if (rare.status === 'no_predictable_customers') expect(rare.reason).toMatch(/at least 2 times/);
    const broken = byKey.get('BROKEN')!;
    expect(broken.status).toBe('failed');
    if (broken.status === 'failed') expect(broken.message).toMatch(/truncated/);
    expect(byKey.get('SUGAR')!.status).not.toBe('failed');
  });

  it('the confidence filter changes who is listed, never the totals', () => {
    const strict = run({ minConfidence: 0.95 });
    const a = ok(byKey.get('FLOUR'));
    const b = ok(strict.results.find((r) => r.productKey === 'FLOUR'));
    expect(b.summary.customersListed).toBeLessThan(a.summary.customersListed);
    expect(b.summary.expectedUnits).toBeCloseTo(a.summary.expectedUnits, 9);
    for (const c of b.topCustomers) expect(c.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(run().results)).toEqual(JSON.stringify(shop.results));
  });

  it('reports progress and stops when cancelled', () => {
    const events: string[] = [];
    forecastShopCustomers(
      { products: shopFixture(), model: { asOfDay: AS_OF_DAY, horizonWeeks: 4 }, forecast: { paths: 50 } },
      { onProgress: (p) => events.push(`${p.step}/${p.steps}:${p.current}/${p.total}`) },
    );
    expect(events[0]).toBe('1/2:0/1');
    expect(events[events.length - 1]).toBe('2/2:4/4');
    const controller = new AbortController();
    controller.abort();
    expect(() => forecastShopCustomers({ products: shopFixture(), model: { asOfDay: AS_OF_DAY, horizonWeeks: 4 } }, { signal: controller.signal })).toThrow(/cancelled/);
  });
});
