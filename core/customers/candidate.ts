/**
 * The customer-driven forecast as a global candidate of the forecast engine
 * (core/forecast/candidates.ts): it needs the order lines of the whole shop, so it forecasts
 * all its series at once, from every backtest origin, and joins the same backtest, selection
 * and combination as the statistical models. It runs for products sold mostly to repeat
 * customers (repeatCustomerShare ≥ RECOMMENDED_REPEAT_SHARE over the last 12 weeks); for the
 * others it gives no forecast and the engine leaves it out.
 */
import type { GlobalBatchSeries, GlobalCandidate } from '../forecast/candidates';
import type { OriginForecast } from '../forecast/types';
import { throwIfAborted } from '../jobs/progress';
import type { ShopModelCache } from './forecaster';
import { CUSTOMER_FORECASTER_NAME, customerDrivenPaths } from './forecaster';
import { RECOMMENDED_REPEAT_SHARE, repeatCustomerShare, residualWeeklyUnits } from './residual-demand';
import { DEFAULT_MIN_ORDERS } from './shop-model';

export interface CustomerCandidateOptions {
  /** Maps an engine series id to the product key of the cache (e.g. "12:1" → "12"). */
  productKeyOf: (seriesId: string) => string | undefined;
  /** Paths per origin (default 200): the engine needs only mean and spread. */
  paths?: number;
  minRepeatShare?: number;
  residualWeeks?: number;
  seed?: number;
}

/** Complexity for the engine's fallback ordering: above the simple statistical models. */
const COMPLEXITY = 6;

export function customerDrivenCandidate(cache: ShopModelCache, options: CustomerCandidateOptions): GlobalCandidate {
  const paths = options.paths ?? 200;
  const minShare = options.minRepeatShare ?? RECOMMENDED_REPEAT_SHARE;
  const residualWeeks = options.residualWeeks ?? 12;
  return {
    kind: 'global',
    name: CUSTOMER_FORECASTER_NAME,
    complexity: COMPLEXITY,
    // Customers' own rhythms, not a yearly season.
    seasonal: false,
    // Only products sold mostly to repeat customers: elsewhere the model has nothing to say,
    // and a candidate that does not apply must not be chosen and then fall back.
    appliesTo: (situation) => {
      const startDay = situation.context.startDay;
      if (situation.context.frequency !== 'W' || startDay === undefined) return false;
      const productKey = options.productKeyOf(situation.id);
      const product = productKey === undefined ? undefined : cache.product(productKey);
      if (!product) return false;
      return repeatCustomerShare(product.lines, startDay + 7 * situation.profile.length, residualWeeks, DEFAULT_MIN_ORDERS) >= minShare;
    },
    async forecastAcross(batch: GlobalBatchSeries[], horizon: number, run: { signal?: AbortSignal }) {
      const out: ((OriginForecast | undefined)[] | undefined)[] = [];
      for (const series of batch) {
        throwIfAborted(run.signal);
        out.push(forecastSeries(series, horizon));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };

  function forecastSeries(series: GlobalBatchSeries, horizon: number): (OriginForecast | undefined)[] | undefined {
    const startDay = series.context.startDay;
    const productKey = options.productKeyOf(series.id);
    const product = productKey === undefined ? undefined : cache.product(productKey);
    if (startDay === undefined || !product) return undefined;
    const finalOriginDay = startDay + 7 * series.values.length;
    if (repeatCustomerShare(product.lines, finalOriginDay, residualWeeks, DEFAULT_MIN_ORDERS) < minShare) return undefined;
    const origins = [...series.origins, series.values.length];
    return origins.map((origin, index) => {
      const originDay = startDay + 7 * origin;
      const residual = residualWeeklyUnits(product.lines, originDay, residualWeeks, DEFAULT_MIN_ORDERS);
      const sample = customerDrivenPaths(cache, product, originDay, horizon, residual, paths, options.seed ?? 1);
      const mean = new Float64Array(horizon);
      const sd = new Float64Array(horizon);
      for (let w = 0; w < horizon; w++) {
        let sum = 0;
        let squares = 0;
        for (const path of sample) {
          sum += path[w]!;
          squares += path[w]! * path[w]!;
        }
        mean[w] = sum / sample.length;
        sd[w] = Math.sqrt(Math.max(0, squares / sample.length - mean[w]! * mean[w]!));
      }
      return index === origins.length - 1 ? { mean, sd, description: { originDay, repeatShare: repeatCustomerShare(product.lines, originDay, residualWeeks, DEFAULT_MIN_ORDERS) } } : { mean, sd };
    });
  }
}
