/**
 * Data loading and scoring for bench-customers.ts.
 * Clean rows (data/README.md): customer present, not a cancellation ("C" invoice), quantity
 * > 0, price > 0, a product SKU (not POST, D, M, m, B, BANK CHARGES, AMAZONFEE, DOT, CRUK,
 * C2, PADS, S). Orders are per customer × product × day (core/customers/orders.ts).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { ProductSales } from '../core/customers/shop-model';
import type { CustomerSaleLine } from '../core/customers/orders';

const NON_PRODUCT_SKUS = new Set(['POST', 'D', 'M', 'm', 'B', 'BANK CHARGES', 'AMAZONFEE', 'DOT', 'CRUK', 'C2', 'PADS', 'S']);

export interface OnlineRetail {
  products: ProductSales[];
  customerNames: Map<string, string>;
  cleanRows: number;
}

interface Row {
  invoice?: string;
  date?: string;
  sku?: string;
  description?: string;
  quantity?: string;
  unit_price?: string;
  customer_id?: string;
  country?: string;
}

export function loadOnlineRetail(file: string): OnlineRetail {
  const parsed = Papa.parse<Row>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const lines = new Map<string, CustomerSaleLine[]>();
  const names = new Map<string, string>();
  const customerNames = new Map<string, string>();
  let cleanRows = 0;
  for (const row of parsed.data) {
    const customer = row.customer_id ?? '';
    const sku = row.sku ?? '';
    const quantity = Number(row.quantity);
    const price = Number(row.unit_price);
    if (customer === '' || (row.invoice ?? '').startsWith('C') || !(quantity > 0) || !(price > 0) || sku === '' || NON_PRODUCT_SKUS.has(sku)) continue;
    const ms = Date.parse(`${(row.date ?? '').slice(0, 10)}T00:00:00Z`);
    if (!Number.isFinite(ms)) continue;
    cleanRows++;
    let list = lines.get(sku);
    if (!list) {
      list = [];
      lines.set(sku, list);
      names.set(sku, row.description ?? sku);
    }
    list.push({ customerKey: customer, day: Math.round(ms / 86_400_000), quantity, unitPriceCents: Math.round(price * 100) });
    if (!customerNames.has(customer)) customerNames.set(customer, `Customer ${customer} (${row.country ?? '?'})`);
  }
  const products = [...lines.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productKey, productLines]) => ({ productKey, productName: names.get(productKey) ?? productKey, lines: productLines }));
  return { products, customerNames, cleanRows };
}

/** The naive rule: next = last + mean interval; a date already past means "due now". */
export function naivePrediction(orderDays: readonly number[], asOfDay: number, endDay: number): { nextDay: number; ordersWithin: boolean } {
  const last = orderDays[orderDays.length - 1]!;
  const meanInterval = (last - orderDays[0]!) / (orderDays.length - 1);
  const nextDay = Math.max(asOfDay, Math.round(last + meanInterval));
  return { nextDay, ordersWithin: nextDay < endDay };
}

/** Naive units: orders every mean interval from the naive next date, each of the mean size. */
export function naiveUnits(orderDays: readonly number[], meanQuantity: number, asOfDay: number, endDay: number): number {
  const meanInterval = Math.max(1, (orderDays[orderDays.length - 1]! - orderDays[0]!) / (orderDays.length - 1));
  let day = naivePrediction(orderDays, asOfDay, endDay).nextDay;
  let units = 0;
  while (day < endDay) {
    units += meanQuantity;
    day += meanInterval;
  }
  return units;
}

/** Mean weekly units over the `weeks` weeks before asOfDay, from lines whose customer passes `include`. */
export function recentMeanUnits(lines: readonly CustomerSaleLine[], asOfDay: number, weeks: number, include: (customerKey: string) => boolean): number {
  let total = 0;
  for (const line of lines) if (line.day < asOfDay && line.day >= asOfDay - 7 * weeks && include(line.customerKey)) total += line.quantity;
  return total / weeks;
}

export interface PairScore {
  probability: number;
  predictedDay: number;
  /** First actual order day within the horizon, or null. */
  actualDay: number | null;
}

export interface PairMetrics {
  brier: number;
  precision: number;
  recall: number;
  dateMaeDays: number;
}

export function scorePairs(scores: readonly PairScore[]): { metrics: PairMetrics; positives: number } {
  let brier = 0;
  let truePositives = 0;
  let predictedPositives = 0;
  let positives = 0;
  let dateError = 0;
  for (const s of scores) {
    const y = s.actualDay !== null ? 1 : 0;
    brier += (s.probability - y) ** 2;
    const predicted = s.probability >= 0.5;
    if (predicted) predictedPositives++;
    if (y === 1) {
      positives++;
      if (predicted) truePositives++;
      dateError += Math.abs(s.predictedDay - s.actualDay!);
    }
  }
  return {
    metrics: {
      brier: brier / scores.length,
      precision: predictedPositives > 0 ? truePositives / predictedPositives : Number.NaN,
      recall: positives > 0 ? truePositives / positives : Number.NaN,
      dateMaeDays: positives > 0 ? dateError / positives : Number.NaN,
    },
    positives,
  };
}

/** Σ |forecast − actual| / Σ actual over [forecast, actual] pairs. */
export function wape(pairs: readonly (readonly [number, number])[]): number {
  let error = 0;
  let actual = 0;
  for (const [f, a] of pairs) {
    error += Math.abs(f - a);
    actual += a;
  }
  return actual > 0 ? error / actual : Number.NaN;
}
