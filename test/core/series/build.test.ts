import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import { openWorkspace } from '../../../core/db/connection';
import type { Db } from '../../../core/db/connection';
import { buildWeeklySeries } from '../../../core/series/build';
import { useTempDir } from '../../helpers/tmp';

let key = 0;
function isoPlus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function sale(db: Db, productId: number, iso: string, quantity: number, unitPriceCents = 250) {
  db.prepare('INSERT INTO sales (product_id, day, quantity, unit_price_cents, natural_key) VALUES (?, ?, ?, ?, ?)').run(productId, dayFromIso(iso), quantity, unitPriceCents, ++key);
}

describe('weekly demand series', () => {
  const tempDir = useTempDir();

  function workspace(): Db {
    const db = openWorkspace(join(tempDir(), 'w.shelfcast'), { create: true });
    db.prepare("INSERT INTO products (id, sku, name, category) VALUES (1, 'TEA', 'Tea', 'Drinks'), (2, 'JAM', 'Jam', 'Pantry')").run();
    return db;
  }

  it('sums days into Monday weeks, keeps complete weeks only and drops leading zeros', () => {
    const db = workspace();
    // 2025-01-06 is a Monday. Tea sells from week 0; jam starts in week 2.
    sale(db, 1, '2025-01-06', 2);
    sale(db, 1, '2025-01-12', 3); // Sunday, same week
    sale(db, 1, '2025-01-13', 4);
    sale(db, 1, '2025-01-14', -1); // a return is netted
    sale(db, 2, '2025-01-20', 5);
    sale(db, 1, '2025-01-27', 1); // Monday of an incomplete week: left out
    const set = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 4 });
    expect(set.forecastStartDay).toBe(dayFromIso('2025-01-27'));
    const tea = set.series.find((s) => s.sku === 'TEA');
    const jam = set.series.find((s) => s.sku === 'JAM');
    expect(Array.from(tea?.values ?? [])).toEqual([5, 3, 0]);
    expect(tea?.startDay).toBe(dayFromIso('2025-01-06'));
    expect(Array.from(jam?.values ?? [])).toEqual([5]);
    expect(jam?.startDay).toBe(dayFromIso('2025-01-20'));
    expect(Array.from(tea?.valueCents ?? [])).toEqual([1250, 750, 0]);
    expect(tea?.holiday.length).toBe(3 + 4);
  });

  it('starts weeks on Sunday when asked', () => {
    const db = workspace();
    sale(db, 1, '2025-01-05', 1); // Sunday
    sale(db, 1, '2025-01-11', 1); // Saturday, same Sunday-week
    sale(db, 1, '2025-01-12', 1);
    sale(db, 1, '2025-01-19', 1);
    const set = buildWeeklySeries(db, { weekStart: 'sunday', country: 'GB', horizon: 1 });
    expect(Array.from(set.series[0]?.values ?? [])).toEqual([2, 1]);
  });

  it('censors weeks that were out of stock and sold nothing, not weeks that sold', () => {
    const db = workspace();
    for (let w = 0; w < 6; w++) if (w !== 2 && w !== 3) sale(db, 1, `2025-01-${String(6 + w * 7).padStart(2, '0')}`, 4);
    // Stock hit zero on Friday of week 1 and came back on Tuesday of week 4 (a sale that day).
    db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (1, ?, 0)').run(dayFromIso('2025-01-17'));
    sale(db, 1, '2025-02-04', 2);
    sale(db, 1, '2025-02-17', 1);
    const set = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 1 });
    const values = Array.from(set.series[0]?.values ?? []);
    expect(values.slice(0, 5).map((v) => (Number.isNaN(v) ? 'out' : v))).toEqual([4, 4, 'out', 'out', 6]);
    expect(set.series[0]?.censoredPeriods).toBe(2);
  });

  it('reads a shelf empty for more than 8 weeks as a product not stocked: its zeros are demand', () => {
    const db = workspace();
    // An Easter line: sells 6 weeks from 2025-03-03, counted 0 every Monday from 2025-04-14 on
    // (weekly counts continue one stockout), back with a sale on 2026-02-23.
    for (let w = 0; w < 6; w++) sale(db, 1, isoPlus('2025-03-03', 7 * w), 10);
    const count = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (1, ?, 0)');
    for (let w = 0; w < 44; w++) count.run(dayFromIso('2025-04-14') + 7 * w);
    sale(db, 1, '2026-02-23', 3);
    sale(db, 1, '2026-03-02', 9); // Monday of an incomplete week: left out
    const set = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 1 });
    const values = Array.from(set.series[0]!.values);
    expect(set.series[0]!.censoredPeriods).toBe(0);
    expect(values.slice(0, 6)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(values.length).toBe(52);
    expect(values.slice(6, -1).every((v) => v === 0)).toBe(true);
    expect(values.at(-1)).toBe(3);
    db.close();
  });

  it('marks public holidays and scales event weeks by the average daily multiplier', () => {
    const db = workspace();
    sale(db, 1, '2025-12-01', 1);
    sale(db, 2, '2025-12-01', 1);
    sale(db, 1, '2025-12-14', 1);
    // A two-day promotion on drinks at ×2.5 in the week of 8 December.
    db.prepare("INSERT INTO events (name, type, start_day, end_day, scope, scope_value, multiplier) VALUES ('Tea fest', 'promo', ?, ?, 'category', 'Drinks', 2.5)").run(dayFromIso('2025-12-08'), dayFromIso('2025-12-09'));
    // Closed on Christmas Day for everything.
    db.prepare("INSERT INTO events (name, type, start_day, end_day, scope) VALUES ('Closed', 'closure', ?, ?, 'all')").run(dayFromIso('2025-12-25'), dayFromIso('2025-12-25'));
    const set = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 4 });
    const tea = set.series.find((s) => s.sku === 'TEA');
    const jam = set.series.find((s) => s.sku === 'JAM');
    // Weeks from 1 Dec: [1 Dec, 8 Dec] history, then 15, 22, 29 Dec, 5 Jan.
    expect(Array.from(tea?.eventMultiplier ?? []).map((m) => Number(m.toFixed(4)))).toEqual([1, Number(((5 + 2 * 2.5) / 7).toFixed(4)), 1, Number((6 / 7).toFixed(4)), 1, 1]);
    expect(jam?.eventMultiplier[1]).toBe(1);
    expect(Array.from(tea?.holiday ?? [])).toEqual([0, 0, 0, 1, 1, 0]);
  });
});

describe('one-off marks', () => {
  const tempDir = useTempDir();
  it('turn the weeks holding a marked day into missing values, until the mark is removed', () => {
    const db = openWorkspace(join(tempDir(), 'w.shelfcast'), { create: true });
    db.prepare("INSERT INTO products (id, sku, name) VALUES (1, 'TEA', 'Tea')").run();
    for (const [iso, q] of [['2025-01-06', 3], ['2025-01-14', 90], ['2025-01-20', 4], ['2025-01-27', 2]] as const) sale(db, 1, iso, q);
    db.prepare("INSERT INTO anomaly_marks (product_id, start_day, end_day, reason, created_at) VALUES (1, ?, ?, 'bulk order', 'now')").run(dayFromIso('2025-01-14'), dayFromIso('2025-01-14'));
    const marked = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 1 }).series[0];
    expect(Array.from(marked?.values ?? []).map((v) => (Number.isNaN(v) ? 'one-off' : v))).toEqual([3, 'one-off', 4]);
    db.prepare("UPDATE anomaly_marks SET removed_at = 'later'").run();
    const unmarked = buildWeeklySeries(db, { weekStart: 'monday', country: 'GB', horizon: 1 }).series[0];
    expect(Array.from(unmarked?.values ?? [])).toEqual([3, 90, 4]);
  });
});
