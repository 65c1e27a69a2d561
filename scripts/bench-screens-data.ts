/**
 * Builds the 10,000-product workspace the screens benchmark measures: 300 suppliers,
 * 40 categories, two years of daily sales (Poisson draws around a per-product rate with
 * weekly and yearly seasonality; some new, some dead products), stock counts, purchase
 * orders and events. Deterministic (seeded).
 *
 * Forecast runs, backtests, classes and recommendations are FILLED SYNTHETICALLY here
 * (plausible shapes, not the output of the forecast engine or the reorder plan), because
 * the benchmark measures how fast the screens read those tables, not how good the numbers
 * are. The alerts and the weekly summary are computed by the real alerts refresh.
 */
import { openWorkspace } from '../core/db/connection';
import type { Db } from '../core/db/connection';
import { dayFromIso, weekStartOfDay } from '../core/dates';

export const BENCH_AS_OF = '2026-11-15';
export const GENERATOR_VERSION = 3;

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function poisson(rate: number, u: () => number): number {
  if (rate <= 0) return 0;
  if (rate > 30) return Math.max(0, Math.round(rate + Math.sqrt(rate) * gaussian(u)));
  const limit = Math.exp(-rate);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

const CATEGORIES = ['Bakery', 'Dairy', 'Beverages', 'Snacks', 'Produce', 'Frozen', 'Household', 'Personal care', 'Pet', 'Baby', 'Stationery', 'Toys', 'Garden', 'Hardware', 'Kitchen', 'Electrical', 'Coffee', 'Tea', 'Confectionery', 'Spices', 'Canned', 'Pasta', 'Rice', 'Sauces', 'Cereal', 'Oils', 'Wine', 'Beer', 'Spirits', 'Soft drinks', 'Cheese', 'Meat', 'Fish', 'Deli', 'Health', 'Cleaning', 'Paper', 'Batteries', 'Gifts', 'Seasonal'];
const ADJECTIVES = ['Organic', 'Classic', 'Fresh', 'Premium', 'Everyday', 'Rustic', 'Golden', 'Smoky', 'Sweet', 'Crunchy', 'Mild', 'Bold', 'Little', 'Family', 'Fair-trade', 'Wild', 'Garden', 'Farmhouse', 'Coastal', 'Northern'];
const NOUNS = ['Oat milk', 'Sourdough', 'Granola', 'Espresso beans', 'Green tea', 'Olive oil', 'Dark chocolate', 'Crisps', 'Lemonade', 'Dish soap', 'Notebook', 'AA batteries', 'Basmati rice', 'Penne', 'Tomato sauce', 'Cheddar', 'Dog biscuits', 'Baby wipes', 'Candles', 'Honey', 'Peanut butter', 'Muesli', 'Sparkling water', 'Ginger beer', 'Hand cream', 'Paper towels', 'Chili flakes', 'Tuna', 'Salami', 'Plant food'];
const SIZES = ['250 g', '500 g', '1 kg', '330 ml', '1 l', 'pack of 4', 'pack of 12', 'single', '75 cl', '100 g'];
const SUPPLIER_WORDS = ['Northfield', 'Greenway', 'Harbour', 'Oakridge', 'Riverside', 'Summit', 'Meadow', 'Kingsley', 'Bluebell', 'Thistle', 'Ashford', 'Copper', 'Willow', 'Stonegate', 'Fernhill'];
const SUPPLIER_KINDS = ['Foods', 'Wholesale', 'Trading', 'Supplies', 'Distribution', 'Imports', 'Brands', 'Provisions'];

export interface BenchOptions {
  products: number;
  days: number;
  seed: number;
}

interface ProductPlan {
  id: number;
  rate: number;
  priceCents: number;
  costCents: number;
  launchIndex: number;
  deadIndex: number;
  category: number;
  seasonAmplitude: number;
  seasonPhase: number;
  dead: boolean;
}

export function buildBenchWorkspace(path: string, options: BenchOptions, log: (line: string) => void = () => {}): Db {
  const u = rng(options.seed);
  const db = openWorkspace(path, { create: true });
  const asOf = dayFromIso(BENCH_AS_OF);
  const firstDay = asOf - options.days + 1;
  db.pragma('synchronous = OFF');

  db.transaction(() => {
    const insertSupplier = db.prepare('INSERT INTO suppliers (id, name, default_lead_time_days, min_order_value_cents) VALUES (?, ?, ?, ?)');
    for (let s = 1; s <= 300; s++) {
      const name = `${SUPPLIER_WORDS[s % SUPPLIER_WORDS.length]} ${SUPPLIER_KINDS[Math.floor(s / SUPPLIER_WORDS.length) % SUPPLIER_KINDS.length]} ${s}`;
      insertSupplier.run(s, name, 2 + Math.floor(u() * 20), u() < 0.3 ? 10000 : null);
    }
  })();

  const plans: ProductPlan[] = [];
  db.transaction(() => {
    const insert = db.prepare(
      'INSERT INTO products (id, sku, name, category, unit_cost_cents, unit_price_cents, supplier_id, lead_time_days, moq, case_pack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let id = 1; id <= options.products; id++) {
      const category = Math.floor(u() * CATEGORIES.length);
      const name = `${ADJECTIVES[Math.floor(u() * ADJECTIVES.length)]} ${NOUNS[Math.floor(u() * NOUNS.length)]} ${SIZES[Math.floor(u() * SIZES.length)]}`;
      const costCents = Math.round(30 + Math.exp(4 + 1.2 * gaussian(u)));
      const priceCents = Math.round(costCents * (1.3 + u() * 1.2));
      const casePack = [1, 1, 6, 12, 24][Math.floor(u() * 5)]!;
      insert.run(id, `SC-${String(id).padStart(6, '0')}`, name, CATEGORIES[category]!, costCents, priceCents, 1 + Math.floor(u() * 300), u() < 0.4 ? 2 + Math.floor(u() * 14) : null, u() < 0.2 ? casePack * 2 : null, casePack);
      const launchIndex = u() < 0.06 ? options.days - Math.floor(u() * 50) : 0;
      const deadIndex = u() < 0.05 ? options.days - 200 - Math.floor(u() * 200) : options.days;
      plans.push({ id, rate: Math.exp(-0.6 + 1.5 * gaussian(u)), priceCents, costCents, launchIndex, deadIndex, category, seasonAmplitude: u() * 0.5, seasonPhase: u() * 2 * Math.PI, dead: deadIndex < options.days });
    }
  })();
  log(`  products and suppliers: ${options.products} / 300`);

  const weekday = [1.0, 0.9, 0.95, 1.0, 1.15, 1.35, 0.65];
  let rows = 0;
  const insertSale = db.prepare('INSERT INTO sales (product_id, day, quantity, unit_price_cents, revenue_cents, is_total, natural_key) VALUES (?, ?, ?, ?, ?, 1, ?)');
  const batch = 500;
  for (let start = 0; start < plans.length; start += batch) {
    db.transaction(() => {
      for (const p of plans.slice(start, start + batch)) {
        for (let i = Math.max(0, p.launchIndex); i < Math.min(options.days, p.deadIndex); i++) {
          const day = firstDay + i;
          const season = 1 + p.seasonAmplitude * Math.sin((2 * Math.PI * day) / 365.25 + p.seasonPhase);
          const q = poisson(p.rate * season * weekday[(((day + 3) % 7) + 7) % 7]!, u);
          if (q === 0) continue;
          insertSale.run(p.id, day, q, p.priceCents, q * p.priceCents, p.id * 100_000 + i);
          rows++;
        }
      }
    })();
  }
  log(`  sales rows: ${rows}`);

  db.transaction(() => {
    const insertCount = db.prepare('INSERT INTO stock_snapshots (product_id, day, on_hand) VALUES (?, ?, ?)');
    for (const p of plans) {
      for (let m = 6; m >= 1; m--) insertCount.run(p.id, asOf - m * 30 - Math.floor(u() * 5), Math.max(0, Math.round(p.rate * (10 + u() * 40))));
      const roll = u();
      const onHand = roll < 0.04 ? 0 : roll < 0.1 ? Math.round(p.rate * (1 + u() * 4)) : roll < 0.16 ? Math.round(p.rate * (150 + u() * 200) + 5) : Math.round(p.rate * (10 + u() * 50));
      insertCount.run(p.id, asOf - Math.floor(u() * 10), onHand);
    }
  })();

  db.transaction(() => {
    const insertPo = db.prepare("INSERT INTO purchase_orders (id, number, supplier_id, status, created_at, sent_at, expected_day) VALUES (?, ?, ?, ?, '2026-11-01T09:00:00.000Z', ?, ?)");
    const insertLine = db.prepare('INSERT INTO po_lines (po_id, product_id, quantity, received_quantity, unit_cost_cents) VALUES (?, ?, ?, ?, ?)');
    for (let po = 1; po <= 550; po++) {
      const status = po <= 300 ? 'sent' : po <= 500 ? 'received' : 'draft';
      insertPo.run(po, `PO-${String(po).padStart(5, '0')}`, 1 + Math.floor(u() * 300), status, status === 'draft' ? null : '2026-11-02T09:00:00.000Z', status === 'sent' ? asOf - 3 + Math.floor(u() * 20) : null);
      const lines = 3 + Math.floor(u() * 6);
      for (let l = 0; l < lines; l++) {
        const p = plans[Math.floor(u() * plans.length)]!;
        const quantity = Math.max(1, Math.round(p.rate * 14));
        insertLine.run(po, p.id, quantity, status === 'received' ? quantity : 0, p.costCents);
      }
    }
    const insertEvent = db.prepare("INSERT INTO events (name, type, start_day, end_day, scope, scope_value, multiplier) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (let e = 0; e < 24; e++) {
      const start = firstDay + Math.floor(u() * (options.days + 60));
      const scope = e % 3 === 0 ? 'all' : 'category';
      insertEvent.run(`${e % 2 === 0 ? 'Promotion' : 'Tasting week'} ${e + 1}`, e % 5 === 0 ? 'closure' : 'promo', start, start + 3 + Math.floor(u() * 10), scope, scope === 'all' ? null : CATEGORIES[e % CATEGORIES.length]!, e % 5 === 0 ? 0 : 1.2 + u());
    }
  })();
  log('  stock counts, purchase orders and events');

  fillSyntheticForecasts(db, plans, asOf, u);
  log('  synthetic forecast runs, backtests, classes and recommendations');
  db.pragma('synchronous = NORMAL');
  db.prepare("INSERT INTO settings (key, value) VALUES ('bench.generator', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ version: GENERATOR_VERSION, ...options }));
  return db;
}

/** Forecast runs, backtests, classes and recommendations with plausible shapes (see the file comment). */
function fillSyntheticForecasts(db: Db, plans: readonly ProductPlan[], asOf: number, u: () => number): void {
  const z = [-1.645, -1.2816, -0.6745, 0, 0.6745, 1.2816, 1.645];
  db.transaction(() => {
    const insertRun = db.prepare("INSERT INTO forecast_runs (id, created_at, as_of_day, period, horizon, status, n_series) VALUES (?, ?, ?, 'week', 13, 'done', ?)");
    const insertForecast = db.prepare('INSERT INTO forecasts (run_id, product_id, step, period_start, mean, q05, q10, q25, q50, q75, q90, q95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertBacktest = db.prepare('INSERT INTO backtests (run_id, product_id, model, origins, mase, spl, wape, bias, coverage80, naive_mase) VALUES (?, ?, ?, 6, ?, ?, ?, ?, ?, ?)');
    const insertRegistry = db.prepare("INSERT INTO model_registry (product_id, model, params, version, champion, run_id, created_at) VALUES (?, ?, '{\"alpha\":0.2}', 1, 1, ?, '2026-11-15T08:00:00.000Z')");
    const insertClass = db.prepare("INSERT INTO product_classes (product_id, abc, xyz, pattern, is_new, is_dead, adi, cv2, history_periods, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-15T08:00:00.000Z')");
    const insertRec = db.prepare(
      "INSERT INTO recommendations (run_id, product_id, created_at, inputs, on_hand, on_order, reorder_point, order_up_to, safety_stock, suggested_qty, unit_cost_cents, priority, reasoning, outputs) VALUES (2, ?, '2026-11-15T08:00:00.000Z', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const runs = [
      { id: 1, asOf: asOf - 28 },
      { id: 2, asOf },
    ];
    const sortedByValue = [...plans].sort((a, b) => b.rate * b.priceCents - a.rate * a.priceCents);
    const total = sortedByValue.reduce((a, p) => a + p.rate * p.priceCents, 0);
    const abc = new Map<number, string>();
    let cumulative = 0;
    for (const p of sortedByValue) {
      cumulative += p.rate * p.priceCents;
      abc.set(p.id, cumulative / total <= 0.8 ? 'A' : cumulative / total <= 0.95 ? 'B' : 'C');
    }
    for (const run of runs) {
      insertRun.run(run.id, run.id === 1 ? '2026-10-18T08:00:00.000Z' : '2026-11-15T08:00:00.000Z', run.asOf, plans.length);
      const firstWeek = weekStartOfDay(run.asOf + 1, 'monday');
      for (const p of plans) {
        const dead = p.dead;
        const weekly = dead ? 0 : p.rate * 7;
        for (let step = 1; step <= 13; step++) {
          const mean = weekly * (1 + 0.1 * Math.sin(step / 2));
          const sd = Math.sqrt(mean + 0.1 * mean * mean);
          const q = z.map((zz) => Math.max(0, mean + zz * sd));
          insertForecast.run(run.id, p.id, step, firstWeek + 7 * (step - 1), mean, ...q);
        }
        const intermittent = p.rate < 0.3;
        const models = intermittent ? ['naive', 'croston', 'tsb', 'sba'] : ['naive', 'ses', 'ets', 'theta'];
        const naive = 0.8 + u() * 0.6;
        const champion = models[1 + Math.floor(u() * 3)]!;
        for (const model of models) {
          const mase = model === 'naive' ? naive : naive * (0.65 + u() * 0.45) * (model === champion ? 0.9 : 1);
          insertBacktest.run(run.id, p.id, model, mase, mase * 0.8, 0.2 + u() * 0.6, (u() - 0.5) * 0.2, 0.7 + u() * 0.2, naive);
        }
        insertRegistry.run(p.id, champion, run.id);
      }
    }
    for (const p of plans) {
      const intermittent = p.rate < 0.3;
      const pattern = intermittent ? (u() < 0.5 ? 'intermittent' : 'lumpy') : u() < 0.8 ? 'smooth' : 'erratic';
      const xyz = p.rate > 3 ? 'X' : p.rate > 0.5 ? 'Y' : 'Z';
      insertClass.run(p.id, abc.get(p.id)!, xyz, pattern, p.launchIndex > 0 ? 1 : 0, p.dead ? 1 : 0, intermittent ? 1.5 + u() : 1 + u() * 0.2, u() * 0.8, p.launchIndex > 0 ? 6 : 104);
      const weekly = p.rate * 7;
      const leadWeeks = 1;
      const reorderPoint = weekly * leadWeeks + 1.64 * Math.sqrt(weekly * leadWeeks);
      const orderUpTo = weekly * (leadWeeks + 1) + 1.64 * Math.sqrt(weekly * (leadWeeks + 1));
      const onHand = Math.round(weekly * u() * 3);
      const suggested = onHand <= reorderPoint ? Math.ceil(orderUpTo - onHand) : 0;
      const priority = onHand < weekly * 0.5 ? 'urgent' : onHand < weekly ? 'high' : suggested > 0 ? 'medium' : 'low';
      insertRec.run(
        p.id,
        JSON.stringify({ serviceLevel: 0.95, leadTimeDays: 7, reviewPeriodDays: 7 }),
        onHand,
        reorderPoint,
        orderUpTo,
        orderUpTo - weekly * 2,
        suggested,
        p.costCents,
        priority,
        suggested > 0 ? `Order ${suggested}. (synthetic benchmark recommendation)` : 'No order needed. (synthetic benchmark recommendation)',
        JSON.stringify({ daysOfCover: weekly > 0 ? (onHand / weekly) * 7 : null }),
      );
    }
  })();
}
