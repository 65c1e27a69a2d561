/**
 * The forecast-engine part of bench-customers: the statistical product forecast (the engine
 * with its local candidates) and the same engine with the customer-driven candidate
 * competing in its backtest, over the products with repeat customers.
 */
import { customerDrivenCandidate } from '../core/customers/candidate';
import { ShopModelCache } from '../core/customers/forecaster';
import { RECOMMENDED_REPEAT_SHARE, repeatCustomerShare } from '../core/customers/residual-demand';
import type { ProductSales } from '../core/customers/shop-model';
import { DEFAULT_MIN_ORDERS } from '../core/customers/shop-model';
import { localCandidates } from '../core/forecast/candidates';
import { forecastMany } from '../core/forecast/engine';
import type { SeriesInput } from '../core/forecast/engine';

export interface EngineUnits {
  /** 12-week (horizon) units per product key. */
  statistical: Map<string, number>;
  withCustomers: Map<string, number> | null;
  /** Products whose chosen model (or combination) includes the customer candidate. */
  customersChosen: number;
  /** Products sold mostly to repeat customers: where the customer candidate competes. */
  customersEligible: number;
  statisticalMs: number;
  withCustomersMs: number;
}

/** Weekly units from the product's first sale week up to the as-of day (weeks end the day before it). */
export function weeklySeries(product: ProductSales, asOfDay: number): SeriesInput | null {
  let first = Infinity;
  for (const line of product.lines) if (line.day < asOfDay && line.quantity > 0 && line.day < first) first = line.day;
  if (!Number.isFinite(first)) return null;
  const weeks = Math.ceil((asOfDay - first) / 7);
  const startDay = asOfDay - 7 * weeks;
  const values = new Float64Array(weeks);
  for (const line of product.lines) if (line.day >= startDay && line.day < asOfDay) values[Math.floor((line.day - startDay) / 7)]! += line.quantity;
  return { id: product.productKey, values, startDay };
}

export async function engineUnits(products: readonly ProductSales[], targets: ReadonlySet<string>, asOfDay: number, horizon: number, compete: boolean): Promise<EngineUnits> {
  const inputs = products
    .filter((p) => targets.has(p.productKey))
    .map((p) => weeklySeries(p, asOfDay))
    .filter((s): s is SeriesInput => s !== null);
  const total = (series: { id: string; mean: Float64Array }[]) => new Map(series.map((s) => [s.id, s.mean.reduce((a, v) => a + v, 0)]));
  const options = { horizon, season: 52, frequency: 'W' as const, origins: 3, seed: 1 };
  let started = performance.now();
  const statistical = await forecastMany(inputs, options);
  const statisticalMs = performance.now() - started;
  const eligible = products.filter((p) => targets.has(p.productKey) && repeatCustomerShare(p.lines, asOfDay, 12, DEFAULT_MIN_ORDERS) >= RECOMMENDED_REPEAT_SHARE).length;
  if (!compete) return { statistical: total(statistical.series), withCustomers: null, customersChosen: 0, customersEligible: eligible, statisticalMs, withCustomersMs: 0 };
  started = performance.now();
  const candidate = customerDrivenCandidate(new ShopModelCache(products), { productKeyOf: (id) => id, paths: 200 });
  const competing = await forecastMany(inputs, { ...options, candidates: [...localCandidates(), candidate] });
  return {
    statistical: total(statistical.series),
    withCustomers: total(competing.series),
    customersChosen: competing.series.filter((s) => s.models.includes(candidate.name)).length,
    customersEligible: eligible,
    statisticalMs,
    withCustomersMs: performance.now() - started,
  };
}
