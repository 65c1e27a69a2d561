/**
 * Day-by-day simulation of the shop: deliveries arrive, perishables expire, wholesale
 * orders ship, retail customers buy what is on the shelf, and the owner reorders. Every
 * sale comes out of simulated stock, so the stock file, the open purchase orders and the
 * sales history agree with each other, and stockouts show as real gaps in sales.
 */
import { compactDate, isOpen, nextOpenDay, weekdayOf } from './calendar';
import type { ShopCalendar } from './calendar';
import type { B2BOrder } from './customers';
import { dailyShocks, drawRetailDemand, eventSurprise, expectedRetailRates } from './demand';
import type { CategoryYear } from './demand';
import { disruptedDays, eventApplies, knownDelayDays, shelfPriceCents, tradePriceOnDay } from './events';
import { OwnerPlanner } from './ordering';
import { compareText, SeededRandom } from './random';
import { ProductStock } from './stock';
import type { Category, OpenPurchaseOrderLine, Product, SaleLine, ShopEvent, SupplierSpec } from './types';

/** Days after the end of the history that the owner's plans look into. */
const PLANNING_TAIL_DAYS = 60;

export interface ProductLedger {
  /** Stock at the start of the first day. */
  openingOnHand: number;
  /** Per day of the history (index 0 = first day). */
  received: Int32Array;
  retailSold: Int32Array;
  b2bShipped: Int32Array;
  wasted: Int32Array;
  closingOnHand: Int32Array;
}

export interface StockSnapshot {
  day: number;
  sku: string;
  onHand: number;
}

export interface SimulationResult {
  saleLines: SaleLine[];
  openPurchaseOrders: OpenPurchaseOrderLine[];
  ledgers: ProductLedger[];
  weeklySnapshots: StockSnapshot[];
  stats: { purchaseOrders: number; shortShippedLines: number; lostRetailUnits: number; b2bShortUnits: number; wastedUnits: number };
}

interface PipelineLine {
  poNumber: string;
  supplier: string;
  productIndex: number;
  quantity: number;
  expectedDay: number;
  arrivalDay: number;
  unitCostCents: number;
  shortShipped: boolean;
}

export interface SimulationInput {
  masterSeed: number;
  products: Product[];
  suppliers: SupplierSpec[];
  calendar: ShopCalendar;
  events: ShopEvent[];
  categoryYear: Record<Category, CategoryYear>;
  b2bOrders: B2BOrder[];
}

export function simulateShop(input: SimulationInput): SimulationResult {
  const { masterSeed, products, suppliers, calendar, events, b2bOrders } = input;
  const { startDay, endDay } = calendar;
  const dayCount = endDay - startDay + 1;
  const lastPlanningDay = endDay + PLANNING_TAIL_DAYS;

  const rates = products.map((product) => expectedRetailRates(product, calendar, events, input.categoryYear[product.category], lastPlanningDay));
  const b2bOrdered = products.map(() => new Float64Array(lastPlanningDay - startDay + 1));
  const ordersByDay = new Map<number, B2BOrder[]>();
  for (const order of b2bOrders) {
    for (const line of order.lines) {
      const perDay = b2bOrdered[line.productIndex];
      if (perDay) perDay[order.day - startDay] = (perDay[order.day - startDay] ?? 0) + line.quantity;
    }
    const sameDay = ordersByDay.get(order.day) ?? [];
    sameDay.push(order);
    ordersByDay.set(order.day, sameDay);
  }
  const planner = new OwnerPlanner(startDay, rates.map(prefixSums), b2bOrdered.map(prefixSums));
  const shocks = dailyShocks(masterSeed, dayCount);
  const stocks = products.map(() => new ProductStock());
  const pipelines: PipelineLine[][] = products.map(() => []);
  const arrivals = new Map<number, PipelineLine[]>();
  const disruptions = products.map(disruptedDays);
  const productEvents = products.map((product) => events
    .filter((event) => event.multiplier !== null && event.type !== 'closure' && eventApplies(event, product, event.startDay))
    .map((event) => ({ event, surpriseFactor: Math.pow(event.multiplier ?? 1, eventSurprise(masterSeed, product, event) - 1) })));
  const retailRngs = products.map((product) => SeededRandom.stream(masterSeed, `retail:${product.sku}`));
  const deliveryRngs = new Map(suppliers.map((supplier) => [supplier.name, SeededRandom.stream(masterSeed, `delivery:${supplier.name}`)]));
  const productsBySupplier = new Map(suppliers.map((supplier) => [supplier.name, products.filter((product) => product.supplier === supplier.name)]));

  const ledgers: ProductLedger[] = products.map(() => ({
    openingOnHand: 0, received: new Int32Array(dayCount), retailSold: new Int32Array(dayCount),
    b2bShipped: new Int32Array(dayCount), wasted: new Int32Array(dayCount), closingOnHand: new Int32Array(dayCount),
  }));
  const saleLines: SaleLine[] = [];
  const weeklySnapshots: StockSnapshot[] = [];
  const stats = { purchaseOrders: 0, shortShippedLines: 0, lostRetailUnits: 0, b2bShortUnits: 0, wastedUnits: 0 };

  // Opening stock: what the owner's policy would hold on the first morning.
  for (const product of products) {
    if (product.lifecycle.launchDay !== null && product.lifecycle.launchDay > startDay) continue;
    const expected = planner.expectedDemand(product, startDay - 1, startDay, startDay + product.leadTimeDays + 6);
    const opening = Math.ceil(expected * (1 + product.policy.safetyFraction)) + product.policy.displayUnits;
    stocks[product.index]?.receive(opening, expiryOf(product, startDay));
    const ledger = ledgers[product.index];
    if (ledger) ledger.openingOnHand = opening;
  }

  const planningState = {
    stocks,
    onOrderArrivingFrom: (productIndex: number, day: number): number =>
      (pipelines[productIndex] ?? []).reduce((sum, line) => (line.arrivalDay >= day ? sum + line.quantity : sum), 0),
  };

  for (let day = startDay; day <= endDay; day++) {
    const i = day - startDay;
    for (const product of products) {
      const wasted = stocks[product.index]?.expire(day) ?? 0;
      must(ledgers[product.index]).wasted[i] = wasted;
      stats.wastedUnits += wasted;
    }
    if (isOpen(calendar, day)) {
      for (const line of arrivals.get(day) ?? []) {
        const product = must(products[line.productIndex]);
        const pipeline = must(pipelines[line.productIndex]);
        pipeline.splice(pipeline.indexOf(line), 1);
        if (line.shortShipped) {
          stats.shortShippedLines++;
          continue;
        }
        stocks[line.productIndex]?.receive(line.quantity, expiryOf(product, day));
        addAt(must(ledgers[line.productIndex]).received, i, line.quantity);
      }
      for (const order of ordersByDay.get(day) ?? []) {
        for (const line of order.lines) {
          const product = must(products[line.productIndex]);
          const shipped = stocks[line.productIndex]?.take(line.quantity) ?? 0;
          stats.b2bShortUnits += line.quantity - shipped;
          if (shipped === 0) continue;
          addAt(must(ledgers[line.productIndex]).b2bShipped, i, shipped);
          saleLines.push({ day, sku: product.sku, quantity: shipped, unitPriceCents: tradePriceOnDay(product, day), customerId: order.customerId, orderId: order.orderId });
        }
      }
      for (const product of products) {
        const expected = rates[product.index]?.[i] ?? 0;
        if (expected <= 0) continue;
        let surprise = 1;
        for (const { event, surpriseFactor } of productEvents[product.index] ?? []) {
          if (day >= event.startDay && day <= event.endDay) surprise *= surpriseFactor;
        }
        const demand = drawRetailDemand(must(retailRngs[product.index]), product, expected, day, i, shocks, surprise);
        if (demand <= 0) continue;
        const sold = stocks[product.index]?.take(demand) ?? 0;
        stats.lostRetailUnits += demand - sold;
        if (sold === 0) continue;
        must(ledgers[product.index]).retailSold[i] = sold;
        saleLines.push({ day, sku: product.sku, quantity: sold, unitPriceCents: shelfPriceCents(product, day, events), customerId: null, orderId: `POS-${compactDate(day)}` });
      }
      for (const supplier of suppliers) {
        if (!planner.isOrderDay(supplier, day)) continue;
        const plan = planner.planOrder(supplier, productsBySupplier.get(supplier.name) ?? [], day, planningState);
        if (plan.length === 0) continue;
        stats.purchaseOrders++;
        const poNumber = `PO-${String(stats.purchaseOrders).padStart(5, '0')}`;
        const rng = must(deliveryRngs.get(supplier.name));
        const randomDelayDays = rng.chance(supplier.lateProbability) ? rng.integer(1, supplier.maxDelayDays) : 0;
        const delayDays = knownDelayDays(supplier.name, day) ?? randomDelayDays;
        for (const planned of plan) {
          const product = must(products[planned.productIndex]);
          const expectedDay = nextOpenDay(calendar, day + product.leadTimeDays);
          const arrivalDay = nextOpenDay(calendar, day + product.leadTimeDays + delayDays);
          const shortShipped = (disruptions[product.index] ?? []).some(([from, to]) => arrivalDay >= from && arrivalDay <= to);
          const line: PipelineLine = { poNumber, supplier: supplier.name, productIndex: product.index, quantity: planned.quantity,
            expectedDay, arrivalDay, unitCostCents: product.unitCostCents, shortShipped };
          pipelines[product.index]?.push(line);
          const sameDay = arrivals.get(arrivalDay) ?? [];
          sameDay.push(line);
          arrivals.set(arrivalDay, sameDay);
        }
      }
    }
    for (const product of products) {
      const onHand = stocks[product.index]?.onHand ?? 0;
      must(ledgers[product.index]).closingOnHand[i] = onHand;
      const launched = product.lifecycle.launchDay === null || product.lifecycle.launchDay <= day;
      if (launched && (weekdayOf(day) === 6 || day === endDay)) weeklySnapshots.push({ day, sku: product.sku, onHand });
    }
  }

  const openPurchaseOrders: OpenPurchaseOrderLine[] = pipelines.flat()
    .map((line) => ({ poNumber: line.poNumber, supplier: line.supplier, sku: must(products[line.productIndex]).sku,
      quantity: line.quantity, expectedDay: line.expectedDay, unitCostCents: line.unitCostCents }))
    .sort((a, b) => compareText(a.poNumber, b.poNumber) || compareText(a.sku, b.sku));

  return { saleLines, openPurchaseOrders, ledgers, weeklySnapshots, stats };
}

/** Indexing helper for arrays the simulation built itself: a miss is a bug, so it throws. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo simulation: missing entry (bug)');
  return value;
}

function addAt(values: Int32Array, index: number, amount: number): void {
  values[index] = (values[index] ?? 0) + amount;
}

function expiryOf(product: Product, receivedDay: number): number {
  return product.shelfLifeDays === null ? Number.MAX_SAFE_INTEGER : receivedDay + product.shelfLifeDays;
}

function prefixSums(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sums[i + 1] = (sums[i] ?? 0) + (values[i] ?? 0);
  return sums;
}
