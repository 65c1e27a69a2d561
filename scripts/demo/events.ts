/**
 * The shop's own calendar of promotions, local events and closures (events.csv), its
 * price history, and the supply problems it ran into. Events after the end of the
 * history are planned ones the app should apply to future periods.
 */
import { dayFromIso } from './calendar';
import type { ShopCalendar } from './calendar';
import { roundToFivePence } from './catalog';
import type { EventScope, EventType, Product, ShopEvent } from './types';
import { compareText } from './random';

interface EventEntry {
  name: string;
  type: EventType;
  start: string;
  end: string;
  /** 'all', a category name, or a product name (written to the CSV as its SKU). */
  scope: EventScope;
  target?: string;
  multiplier: number | null;
  discount?: number;
}

const YEARLY_PROMOTIONS = (year: number): EventEntry[] => {
  const byYear: Record<number, Partial<Record<string, [string, string]>>> = {
    2024: { drinks: ['07-15', '07-28'], regatta: ['08-17', '08-18'], beans: ['09-30', '10-13'], cheese: ['12-16', '12-22'] },
    2025: { marmalade: ['01-20', '02-02'], fairtrade: ['02-24', '03-09'], drinks: ['07-14', '07-27'], regatta: ['08-16', '08-17'],
      crisps: ['09-01', '09-14'], beans: ['10-06', '10-19'], cheese: ['12-15', '12-21'] },
    2026: { marmalade: ['01-19', '02-01'], fairtrade: ['02-23', '03-08'], drinks: ['07-13', '07-26'], regatta: ['08-15', '08-16'],
      crisps: ['08-31', '09-13'], beans: ['10-05', '10-18'], cheese: ['12-14', '12-20'] },
  };
  const dates = byYear[year] ?? {};
  const entries: EventEntry[] = [];
  const add = (key: string, entry: Omit<EventEntry, 'start' | 'end'>): void => {
    const range = dates[key];
    if (range) entries.push({ ...entry, start: `${year}-${range[0]}`, end: `${year}-${range[1]}` });
  };
  add('marmalade', { name: 'Marmalade fortnight', type: 'promo', scope: 'sku', target: 'Seville Orange Marmalade 340g', multiplier: 2.5, discount: 0.15 });
  add('fairtrade', { name: 'Fairtrade Fortnight: tea and coffee 10% off', type: 'promo', scope: 'category', target: 'Coffee & Tea', multiplier: 1.25, discount: 0.1 });
  add('drinks', { name: 'Summer cold drinks offer', type: 'promo', scope: 'category', target: 'Drinks', multiplier: 1.35, discount: 0.1 });
  add('regatta', { name: 'Harbour Regatta weekend', type: 'other', scope: 'all', multiplier: 1.45 });
  add('crisps', { name: 'Crisps 3 for £3', type: 'promo', scope: 'category', target: 'Snacks', multiplier: 1.4, discount: 0.15 });
  add('beans', { name: 'House Blend beans 20% off', type: 'promo', scope: 'sku', target: 'House Blend Coffee Beans 250g', multiplier: 2.2, discount: 0.2 });
  add('cheese', { name: 'Christmas cheese week', type: 'promo', scope: 'category', target: 'Dairy & Chilled', multiplier: 1.3, discount: 0.1 });
  return entries;
};

const ONE_OFF_EVENTS: EventEntry[] = [
  { name: 'Kombucha tasting weekend', type: 'promo', start: '2025-05-09', end: '2025-05-11', scope: 'sku', target: 'Ginger Kombucha 330ml', multiplier: 2.2 },
  { name: 'Hamper pre-order offer', type: 'promo', start: '2026-11-20', end: '2026-11-30', scope: 'category', target: 'Gifts', multiplier: 1.5, discount: 0.1 },
  { name: 'Late-night Christmas shopping', type: 'other', start: '2026-12-10', end: '2026-12-10', scope: 'all', multiplier: 1.3 },
];

/** Extra closures besides the holidays the shop always closes on. */
export const REFIT_CLOSURE = { name: 'Closed for refit', start: '2025-01-13', end: '2025-01-15' };

export function refitClosedDays(): number[] {
  const days: number[] = [];
  for (let day = dayFromIso(REFIT_CLOSURE.start); day <= dayFromIso(REFIT_CLOSURE.end); day++) days.push(day);
  return days;
}

/**
 * All events: promotions and local events (with the owner's expected multiplier), and one
 * closure event per run of closed days, so the app knows those zeros are not lack of demand.
 * `discount` and the actual uplift stay hidden in the simulation.
 */
export function buildEvents(products: Product[], calendar: ShopCalendar, planningEndDay: number): ShopEvent[] {
  const skuByName = new Map(products.map((product) => [product.name, product.sku]));
  const categories = new Set<string>(products.map((product) => product.category));
  const entries = [...YEARLY_PROMOTIONS(2024), ...YEARLY_PROMOTIONS(2025), ...YEARLY_PROMOTIONS(2026), ...ONE_OFF_EVENTS];
  const events: ShopEvent[] = entries.map((entry) => {
    let scopeValue: string | null = null;
    if (entry.scope === 'sku') {
      scopeValue = skuByName.get(entry.target ?? '') ?? null;
      if (scopeValue === null) throw new Error(`event ${entry.name}: unknown product ${entry.target}`);
    } else if (entry.scope === 'category') {
      if (!entry.target || !categories.has(entry.target)) throw new Error(`event ${entry.name}: unknown category ${entry.target}`);
      scopeValue = entry.target;
    }
    return { name: entry.name, type: entry.type, startDay: dayFromIso(entry.start), endDay: dayFromIso(entry.end),
      scope: entry.scope, scopeValue, multiplier: entry.multiplier, discount: entry.discount ?? 0 };
  });
  events.push(...closureEvents(calendar, planningEndDay));
  return events
    .filter((event) => event.endDay >= calendar.startDay && event.startDay <= planningEndDay)
    .sort((a, b) => a.startDay - b.startDay || compareText(a.name, b.name));
}

function closureEvents(calendar: ShopCalendar, planningEndDay: number): ShopEvent[] {
  const refit = new Set(refitClosedDays());
  const closed = [...calendar.closedDays].filter((day) => day >= calendar.startDay && day <= planningEndDay).sort((a, b) => a - b);
  const events: ShopEvent[] = [];
  let runStart: number | null = null;
  for (let i = 0; i < closed.length; i++) {
    const day = closed[i] as number;
    if (runStart === null) runStart = day;
    const next = closed[i + 1];
    if (next === day + 1) continue;
    const holidayNames: string[] = [];
    let refitInRun = false;
    for (let d = runStart; d <= day; d++) {
      if (refit.has(d)) refitInRun = true;
      else holidayNames.push(calendar.publicHolidays.get(d) ?? 'holiday');
    }
    const parts = holidayNames.length > 0 ? [`Closed: ${holidayNames.join(' and ')}`] : [];
    if (refitInRun) parts.push(REFIT_CLOSURE.name);
    events.push({ name: parts.join('; '), type: 'closure', startDay: runStart, endDay: day,
      scope: 'all', scopeValue: null, multiplier: null, discount: 0 });
    runStart = null;
  }
  return events;
}

export function eventApplies(event: ShopEvent, product: Product, day: number): boolean {
  if (day < event.startDay || day > event.endDay) return false;
  if (event.scope === 'all') return true;
  if (event.scope === 'category') return event.scopeValue === product.category;
  return event.scopeValue === product.sku;
}

/** Shelf price changes: each listed price is the price after the change. */
const PRICE_CHANGES: { day: string; factor: number; applies: (product: Product) => boolean }[] = [
  // Green coffee prices rose sharply in 2024–25; the roaster passed it on.
  { day: '2025-04-01', factor: 1.08, applies: (product) => product.supplier === 'Tidewater Coffee Roasters' },
  // The shop's January price review.
  { day: '2026-01-05', factor: 1.04, applies: (product) => product.supplier !== 'Tidewater Coffee Roasters' },
];

/** The regular (non-promotional) price on a day, derived back from today's price. */
export function regularPriceCents(product: Product, day: number, currentPriceCents: number): number {
  let divisor = 1;
  for (const change of PRICE_CHANGES) {
    if (day < dayFromIso(change.day) && change.applies(product)) divisor *= change.factor;
  }
  return divisor === 1 ? currentPriceCents : roundToFivePence(currentPriceCents / divisor);
}

/** Shelf price on a day, with any promotional discount applied. */
export function shelfPriceCents(product: Product, day: number, events: ShopEvent[]): number {
  const regular = regularPriceCents(product, day, product.unitPriceCents);
  let discount = 0;
  for (const event of events) if (event.discount > 0 && eventApplies(event, product, day)) discount = Math.max(discount, event.discount);
  return discount === 0 ? regular : roundToFivePence(regular * (1 - discount));
}

export function tradePriceOnDay(product: Product, day: number): number {
  return regularPriceCents(product, day, product.tradePriceCents);
}

/** Lines delivered in these windows arrive short (supplier out of stock): real stockouts. */
export const SUPPLY_DISRUPTIONS: { product: string; from: string; to: string; reason: string }[] = [
  { product: 'Barista Oat Drink 1L', from: '2024-11-04', to: '2024-11-24', reason: 'national shortage' },
  { product: 'Free-Range Eggs x6', from: '2025-01-20', to: '2025-02-16', reason: 'avian flu housing order' },
  { product: 'Ethiopia Yirgacheffe Single Origin 250g', from: '2025-03-03', to: '2025-04-13', reason: 'between harvests' },
  { product: 'Elderflower Pressé 275ml', from: '2025-07-14', to: '2025-08-10', reason: 'bottling line failure' },
  { product: 'Sea Salt Crisps 40g', from: '2026-02-02', to: '2026-02-22', reason: 'factory recall' },
  { product: 'Mature Cheddar 200g', from: '2026-06-08', to: '2026-06-21', reason: 'creamery strike' },
  { product: 'Smoked Paprika 50g', from: '2026-10-14', to: '2026-11-12', reason: 'discontinued pack size, replacement late' },
];

/** Deliveries known to have come late (the rest are late at random, per supplier reliability). */
export const LATE_DELIVERIES: { supplier: string; orderDate: string; delayDays: number; reason: string }[] = [
  // Still on its way at the end of the history: an overdue purchase order for the app to flag.
  { supplier: 'Tidewater Coffee Roasters', orderDate: '2026-11-10', delayDays: 4, reason: 'roaster breakdown' },
];

export function knownDelayDays(supplier: string, orderDay: number): number | null {
  const late = LATE_DELIVERIES.find((entry) => entry.supplier === supplier && dayFromIso(entry.orderDate) === orderDay);
  return late ? late.delayDays : null;
}

export function disruptedDays(product: Product): [number, number][] {
  return SUPPLY_DISRUPTIONS.filter((entry) => entry.product === product.name).map((entry) => [dayFromIso(entry.from), dayFromIso(entry.to)]);
}

