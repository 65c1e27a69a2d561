/**
 * Generates the built-in demo shop, Harbour Lane Provisions, into assets/demo/.
 *
 *   npx tsx scripts/generate-demo.ts [--out <dir>]      (or: npm run demo:generate)
 *
 * Deterministic: a fixed seed and a fixed end date, no clock and no Math.random, so the
 * committed CSVs are byte-identical to a fresh run (test/assets/demo.test.ts checks it).
 * See assets/demo/README.md for what the shop is and what each file holds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCalendar, isOpen, isoFromDay } from './demo/calendar';
import type { ShopCalendar } from './demo/calendar';
import { CATEGORY_SPECS, SUPPLIERS } from './demo/catalog-data';
import { buildProducts } from './demo/catalog';
import { renderCsvFiles } from './demo/csv-files';
import type { CsvFileName } from './demo/csv-files';
import { CUSTOMERS, drawB2BOrders } from './demo/customers';
import type { CategoryYear } from './demo/demand';
import { buildEvents, refitClosedDays } from './demo/events';
import { compareText, SeededRandom } from './demo/random';
import { simulateShop } from './demo/simulate';
import type { SimulationResult } from './demo/simulate';
import type { Category, Product, SaleLine, ShopEvent } from './demo/types';

export const DEMO_SHOP = {
  name: 'Harbour Lane Provisions',
  country: 'GB',
  currency: 'GBP',
  locale: 'en-GB',
  seed: 20261115,
  firstDate: '2024-05-06',
  lastDate: '2026-11-15',
} as const;

/** Events this many days past the end of the history are still written (planned promotions, closures). */
const FUTURE_EVENT_DAYS = 60;

export type DemoFileName = CsvFileName | 'shop.json';

export interface DemoShop {
  files: Record<DemoFileName, string>;
  products: Product[];
  calendar: ShopCalendar;
  events: ShopEvent[];
  simulation: SimulationResult;
}

export function generateDemo(): DemoShop {
  const calendar = buildCalendar(DEMO_SHOP.firstDate, DEMO_SHOP.lastDate, DEMO_SHOP.country, refitClosedDays());
  const products = buildProducts(DEMO_SHOP.seed, calendar.endDay);
  const events = buildEvents(products, calendar, calendar.endDay + FUTURE_EVENT_DAYS);
  const categoryYear = Object.fromEntries(CATEGORY_SPECS.map((spec) => [spec.category, { tourism: spec.tourism, christmasLift: spec.christmasLift }])) as Record<Category, CategoryYear>;
  const b2bOrders = drawB2BOrders(DEMO_SHOP.seed, products, calendar);
  const simulation = simulateShop({ masterSeed: DEMO_SHOP.seed, products, suppliers: SUPPLIERS, calendar, events, categoryYear, b2bOrders });
  const saleLines = [...simulation.saleLines, ...creditNotes(simulation.saleLines, calendar)];
  const lastIndex = calendar.endDay - calendar.startDay;
  const csvFiles = renderCsvFiles({
    products, suppliers: SUPPLIERS, customers: CUSTOMERS, saleLines, endDay: calendar.endDay,
    finalOnHand: simulation.ledgers.map((ledger) => ledger.closingOnHand[lastIndex] ?? 0),
    weeklySnapshots: simulation.weeklySnapshots, openPurchaseOrders: simulation.openPurchaseOrders, events,
  });
  const shop = {
    name: DEMO_SHOP.name, country: DEMO_SHOP.country, currency: DEMO_SHOP.currency, locale: DEMO_SHOP.locale,
    firstDate: DEMO_SHOP.firstDate, lastDate: DEMO_SHOP.lastDate, stockDate: isoFromDay(calendar.endDay),
  };
  return { files: { ...csvFiles, 'shop.json': `${JSON.stringify(shop, null, 2)}\n` }, products, calendar, events, simulation };
}

/**
 * A few wholesale credit notes (damaged or returned goods): negative quantities a few days
 * after the invoice, so the importer's netting of returns has something real to do.
 * The goods are written off, so stock is unaffected.
 */
function creditNotes(saleLines: SaleLine[], calendar: ShopCalendar): SaleLine[] {
  const rng = SeededRandom.stream(DEMO_SHOP.seed, 'credit-notes');
  const notes: SaleLine[] = [];
  for (const line of saleLines) {
    if (line.customerId === null || !rng.chance(0.006)) continue;
    const day = line.day + rng.integer(1, 4);
    if (day > calendar.endDay || !isOpen(calendar, day)) continue;
    notes.push({ ...line, day, quantity: -Math.min(line.quantity, rng.integer(1, 2)), orderId: '' });
  }
  notes.sort((a, b) => a.day - b.day || compareText(a.customerId ?? '', b.customerId ?? '') || compareText(a.sku, b.sku));
  return notes.map((note, position) => ({ ...note, orderId: `CN-${5001 + position}` }));
}

export function writeDemo(outDir: string): DemoShop {
  const demo = generateDemo();
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(demo.files)) writeFileSync(join(outDir, name), text, 'utf8');
  return demo;
}

function main(): void {
  const outFlag = process.argv.indexOf('--out');
  const scriptDir = dirname(fileURLToPath(import.meta.url));
  const outDir = outFlag >= 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1] as string) : join(scriptDir, '..', 'assets', 'demo');
  const demo = writeDemo(outDir);
  let totalBytes = 0;
  for (const [name, text] of Object.entries(demo.files)) {
    const bytes = Buffer.byteLength(text, 'utf8');
    totalBytes += bytes;
    console.log(`${name.padEnd(22)} ${String(text.split('\n').length - 2).padStart(7)} rows ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
  const { stats } = demo.simulation;
  console.log(`total ${(totalBytes / 1024 / 1024).toFixed(2)} MiB in ${outDir}`);
  console.log(`purchase orders ${stats.purchaseOrders}, short-shipped lines ${stats.shortShippedLines}, lost retail units ${stats.lostRetailUnits}, ` +
    `wholesale units short ${stats.b2bShortUnits}, wasted units ${stats.wastedUnits}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
