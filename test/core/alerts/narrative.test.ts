import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import type { NarrativeFacts } from '../../../core/alerts/narrative';
import { joinNames, narrativeText, weeklyNarrative } from '../../../core/alerts/narrative';
import { dayFromIso } from '../../../core/dates';

const fmt = makeTextFormat('en-GB', 'GBP');
const week = dayFromIso('2025-11-03');

function facts(overrides: Partial<NarrativeFacts> = {}): NarrativeFacts {
  return {
    weekStartDay: week,
    weekEndDay: week + 6,
    units: 1240,
    previousUnits: 1000,
    revenueCents: 567_800,
    forecastUnits: 1150,
    above: [
      { name: 'Oat milk', actual: 48, expected: 30.4, impactCents: 3000 },
      { name: 'Sourdough', actual: 20, expected: 9.6, impactCents: 5000 },
    ],
    below: [],
    ordering: { products: 23, urgent: 5, costCents: 123_400, topSuppliers: [{ name: 'Greenway', costCents: 80_000 }, { name: 'Harbour', costCents: 43_400 }] },
    stockoutRisks: 0,
    dead: { products: 12, valueCents: 234_500, top: [{ name: 'Candles', valueCents: 30_000 }] },
    overstock: { products: 4, excessValueCents: 100_000 },
    worse: { products: 1, names: ['Honey'] },
    hasForecast: true,
    ...overrides,
  };
}

describe('weekly narrative', () => {
  it('writes the five topics from hand-made facts', () => {
    const n = weeklyNarrative(facts(), fmt);
    expect(n.headline).toBe('Week of 3 – 9 Nov 2025');
    expect(n.sections.map((s) => s.topic)).toEqual(['sales', 'surprises', 'ordering', 'money', 'accuracy']);
    expect(n.sections[0]!.text).toBe('You sold 1,240 units for £5,678, 24% more than the week before. That is 8% above the forecast of 1,150.');
    // ranked by money impact: Sourdough first
    expect(n.sections[1]!.text).toBe('Sold more than expected: Sourdough (20 against about 10) and Oat milk (48 against about 30).');
    expect(n.sections[2]!.text).toBe(
      '23 products need ordering for about £1,234, 5 of them urgent (they run out before a new delivery could arrive). Biggest orders: Greenway (£800) and Harbour (£434).',
    );
    expect(n.sections[3]!.text).toBe('£2,345 sits in 12 products that have not sold for 26 weeks (largest: Candles (£300)). £1,000 more is stock beyond 13 weeks of cover in 4 slow-moving or overstocked products.');
    expect(n.sections[4]!.text).toBe('The forecast missed the newest sales by much more than its backtest promised for Honey. Retraining is suggested.');
    expect(narrativeText(n).split('\n')[0]).toBe('Week of 3 – 9 Nov 2025');
  });

  it('says how many dead products look seasonal and when the latest season is back', () => {
    const money = (dead: NarrativeFacts['dead']) => weeklyNarrative(facts({ dead }), fmt).sections.find((s) => s.topic === 'money')!.text;
    expect(money({ products: 12, valueCents: 234_500, top: [], seasonal: { products: 0, backInWeeks: 0 } })).not.toContain('seasonal');
    expect(money({ products: 12, valueCents: 234_500, top: [], seasonal: { products: 1, backInWeeks: 14 } })).toContain('sits in 12 products that have not sold for 26 weeks. 1 of them looks seasonal, back in season within about 14 weeks.');
    expect(money({ products: 2, valueCents: 25_000, top: [], seasonal: { products: 2, backInWeeks: 15 } })).toContain('Both look seasonal, back in season within about 15 weeks.');
    expect(money({ products: 3, valueCents: 25_000, top: [], seasonal: { products: 3, backInWeeks: 15 } })).toContain('All 3 look seasonal, back in season within about 15 weeks.');
    expect(money({ products: 1, valueCents: 20_000, top: [], seasonal: { products: 1, backInWeeks: 1 } })).toContain('has not sold for 26 weeks. It looks seasonal, back in season within about 1 week.');
  });

  it('says plainly when a topic has nothing, or when a plan or forecast is missing', () => {
    const n = weeklyNarrative(
      facts({ above: [], below: [], ordering: null, stockoutRisks: 3, dead: { products: 0, valueCents: 0, top: [] }, overstock: { products: 0, excessValueCents: 0 }, worse: { products: 0, names: [] }, previousUnits: null, forecastUnits: null, hasForecast: false }),
      fmt,
    );
    expect(n.sections[0]!.text).toBe('You sold 1,240 units for £5,678.');
    expect(n.sections[1]!.text).toBe('There is no forecast for this week yet, so nothing could be compared.');
    expect(n.sections[2]!.text).toBe('No reorder plan has been made yet; make one to see what to order. Meanwhile 3 products are at risk of running out within a week.');
    expect(n.sections[3]!.text).toBe('No dead stock and no product with more than 13 weeks of cover.');
    expect(n.sections[4]!.text).toBe('No forecast has been made yet.');
  });

  it('names at most three products and counts the rest', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `P${i}`, actual: 10, expected: 5, impactCents: 100 - i }));
    expect(weeklyNarrative(facts({ below: many, above: [] }), fmt).sections[1]!.text).toBe('Sold less than expected: P0 (10 against about 5), P1 (10 against about 5) and P2 (10 against about 5) and 2 more.');
  });

  it('uses the shop’s locale and currency', () => {
    const de = weeklyNarrative(facts(), makeTextFormat('de-DE', 'EUR'));
    expect(de.sections[0]!.text).toContain('1.240 units for 5.678 €, 24 % more');
  });

  it('joins names in English', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['a'])).toBe('a');
    expect(joinNames(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('never shows raw floats, NaN or undefined (property)', () => {
    const surprise = fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/\d/.test(s)), actual: fc.double({ min: 0, max: 1e5, noNaN: true }), expected: fc.double({ min: 0, max: 1e5, noNaN: true }), impactCents: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(
      fc.property(
        fc.record({
          units: fc.double({ min: 0, max: 1e6, noNaN: true }),
          previousUnits: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
          revenueCents: fc.option(fc.integer({ min: 0, max: 1e10 })),
          forecastUnits: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
          above: fc.array(surprise, { maxLength: 6 }),
          below: fc.array(surprise, { maxLength: 6 }),
        }),
        (r) => {
          const text = narrativeText(weeklyNarrative(facts(r), fmt));
          expect(text).not.toMatch(/NaN|undefined|Infinity/);
          // amounts of money may show pence; nothing else may show more than one decimal
          expect(text.replace(/£[\d,]+(\.\d\d)?/g, '£')).not.toMatch(/\d\.\d{2,}/);
        },
      ),
    );
  });
});
