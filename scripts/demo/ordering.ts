/**
 * How the owner reorders: a periodic review with each supplier on its order days, topping
 * each product up to the demand they expect over lead time + review period plus a margin
 * and a few units for the shelf, in whole cases and at least the MOQ. Orders below the
 * supplier's minimum order value wait for the next review unless something would run out,
 * in which case the order is padded with cases of the best sellers.
 *
 * The owner's expectation is deliberately imperfect (a per-product bias, trailing wholesale
 * averages), so stockouts and overstock happen the way they do in a real shop.
 */
import { weekdayOf } from './calendar';
import type { ProductStock } from './stock';
import type { Product, SupplierSpec } from './types';

/** Products with a shelf life up to this are planned per delivery (stale stock does not count). */
const SHORT_SHELF_LIFE_DAYS = 7;
/** Standing wholesale orders are known this many days ahead. */
const KNOWN_B2B_DAYS = 7;
const B2B_TRAILING_DAYS = 28;

export interface OrderLinePlan {
  productIndex: number;
  quantity: number;
}

export interface PlanningState {
  stocks: ProductStock[];
  /** Units on order that arrive on or after `day`, per product. */
  onOrderArrivingFrom(productIndex: number, day: number): number;
}

export class OwnerPlanner {
  constructor(
    private readonly startDay: number,
    /** Per product: prefix sums of expected retail units, index i = sum over days before startDay + i. */
    private readonly retailPrefix: Float64Array[],
    /** Per product: prefix sums of wholesale units ordered by customers. */
    private readonly b2bPrefix: Float64Array[],
  ) {}

  private windowSum(prefix: Float64Array | undefined, fromDay: number, toDay: number): number {
    if (!prefix) return 0;
    const last = prefix.length - 1;
    const from = Math.max(0, Math.min(last, fromDay - this.startDay));
    const to = Math.max(0, Math.min(last, toDay - this.startDay + 1));
    return to > from ? (prefix[to] ?? 0) - (prefix[from] ?? 0) : 0;
  }

  /** Units the owner expects to sell of a product on days [fromDay, toDay], seen from `today`. */
  expectedDemand(product: Product, today: number, fromDay: number, toDay: number): number {
    if (toDay < fromDay) return 0;
    const retail = this.windowSum(this.retailPrefix[product.index], fromDay, toDay) * product.policy.forecastBias;
    const b2bPrefix = this.b2bPrefix[product.index];
    const knownUntil = Math.min(toDay, today + KNOWN_B2B_DAYS);
    const known = this.windowSum(b2bPrefix, fromDay, knownUntil);
    const trailingRate = this.windowSum(b2bPrefix, today - B2B_TRAILING_DAYS + 1, today) / B2B_TRAILING_DAYS;
    const unknownDays = Math.max(0, toDay - Math.max(knownUntil, fromDay - 1));
    return retail + known + trailingRate * unknownDays;
  }

  isOrderDay(supplier: SupplierSpec, day: number): boolean {
    if (!supplier.orderWeekdays.includes(weekdayOf(day))) return false;
    const weekNumber = Math.floor((day + 3) / 7);
    return weekNumber % supplier.everyNWeeks === 0;
  }

  daysToNextOrder(supplier: SupplierSpec, day: number): number {
    for (let ahead = 1; ahead <= 7 * supplier.everyNWeeks; ahead++) if (this.isOrderDay(supplier, day + ahead)) return ahead;
    return 7 * supplier.everyNWeeks;
  }

  /** The order lines for one supplier on one order day (empty: nothing to order, or waiting to reach the minimum value). */
  planOrder(supplier: SupplierSpec, supplierProducts: Product[], day: number, state: PlanningState): OrderLinePlan[] {
    const reviewDays = this.daysToNextOrder(supplier, day);
    const lines: OrderLinePlan[] = [];
    let urgent = false;
    const needs: { product: Product; coverage: number }[] = [];
    for (const product of supplierProducts) {
      const { stopOrderingDay } = product.lifecycle;
      if (stopOrderingDay !== null && day >= stopOrderingDay) continue;
      const arrivalDay = day + product.leadTimeDays;
      const stock = state.stocks[product.index];
      if (!stock) continue;
      const perishable = product.shelfLifeDays !== null && product.shelfLifeDays <= SHORT_SHELF_LIFE_DAYS;
      let demandToCover: number;
      let position: number;
      if (perishable) {
        const sellableDays = Math.min(reviewDays, product.shelfLifeDays ?? reviewDays);
        demandToCover = this.expectedDemand(product, day, arrivalDay, arrivalDay + sellableDays - 1);
        position = stock.sellableOn(arrivalDay) + state.onOrderArrivingFrom(product.index, arrivalDay);
      } else {
        demandToCover = this.expectedDemand(product, day, day + 1, arrivalDay + reviewDays);
        position = stock.onHand + state.onOrderArrivingFrom(product.index, day + 1);
      }
      needs.push({ product, coverage: demandToCover });
      // Shelf stock only for products in season: nobody stocks mince pies in June.
      const display = product.policy.displayUnits * Math.min(1, demandToCover / 0.5);
      // Fresh goods are ordered to the nearest unit of expected sales (leftovers are thrown away); the rest rounded up.
      const wanted = demandToCover * (1 + product.policy.safetyFraction) + display;
      const target = perishable ? Math.round(wanted) : Math.ceil(wanted - 1e-9);
      if (target <= position) continue;
      const cases = Math.ceil((target - position) / product.casePack);
      lines.push({ productIndex: product.index, quantity: Math.max(product.moq, cases * product.casePack) });
      const beforeArrival = this.expectedDemand(product, day, day + 1, arrivalDay - 1);
      if (stock.sellableOn(day + 1) < beforeArrival + 1 || perishable) urgent = true;
    }
    if (lines.length === 0) return lines;
    const costOf = (plan: OrderLinePlan[]): number =>
      plan.reduce((sum, line) => sum + line.quantity * (supplierProducts.find((p) => p.index === line.productIndex)?.unitCostCents ?? 0), 0);
    if (costOf(lines) >= supplier.minOrderValueCents) return lines;
    if (!urgent) return [];
    // Pad to the minimum order value with cases of the products the owner expects to sell most.
    const ranked = needs.filter((need) => need.coverage > 0).sort((a, b) => b.coverage - a.coverage || a.product.index - b.product.index);
    for (let round = 0; round < 200 && ranked.length > 0 && costOf(lines) < supplier.minOrderValueCents; round++) {
      const pick = ranked[round % Math.min(ranked.length, 5)];
      if (!pick) break;
      const existing = lines.find((line) => line.productIndex === pick.product.index);
      if (existing) existing.quantity += pick.product.casePack;
      else lines.push({ productIndex: pick.product.index, quantity: Math.max(pick.product.moq, pick.product.casePack) });
    }
    return lines;
  }
}
