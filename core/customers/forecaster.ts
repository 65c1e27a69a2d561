/**
 * The customer-driven product forecast as a `Forecaster` (core/forecast/types.ts), so it can
 * compete in the forecast engine's rolling-origin backtest. Weekly units = the sum over the
 * product's repeat customers of their simulated orders, plus the demand the customer model
 * does not see (residual-demand.ts) resampled from its recent weeks; mean, quantiles and
 * sample paths all come from the same paths.
 *
 * The series handed to `fit` only fixes the origin: its weeks must start on
 * `context.startDay`, and the origin is the day after its last week. The customer model needs
 * the order lines of the whole shop (customer activity, the shop's priors), which the
 * forecaster takes from a `ShopModelCache` shared by every product of a backtest run, so each
 * origin's shop model is fitted once.
 */
import type { FittedModel, ForecastOptions, ForecastResult, Forecaster, SeriesContext } from '../forecast/types';
import { ForecastError, QUANTILE_LEVELS } from '../forecast/types';
import { sortedQuantile } from './aggregate';
import type { CustomerActivity } from './lapse-covariates';
import { customerActivity } from './lapse-covariates';
import { forecastProductCustomers } from './product-forecast';
import { createRng, hashString } from './random';
import { residualWeeklyUnits } from './residual-demand';
import type { ProductSales, ShopCustomerModel } from './shop-model';
import { allLines, DEFAULT_MIN_ORDERS, fitShopModel } from './shop-model';

export const CUSTOMER_FORECASTER_NAME = 'customers';

/** Memoises shop models by (origin day, horizon): every product of a backtest shares them. */
export class ShopModelCache {
  private readonly models = new Map<string, { model: ShopCustomerModel; activity: Map<string, CustomerActivity> }>();
  private readonly byKey: Map<string, ProductSales>;

  constructor(readonly products: readonly ProductSales[]) {
    this.byKey = new Map(products.map((p) => [p.productKey, p]));
  }

  product(productKey: string): ProductSales | undefined {
    return this.byKey.get(productKey);
  }

  modelAt(asOfDay: number, horizonWeeks: number): { model: ShopCustomerModel; activity: Map<string, CustomerActivity> } {
    const key = `${asOfDay}:${horizonWeeks}`;
    let entry = this.models.get(key);
    if (!entry) {
      const model = fitShopModel(this.products, { asOfDay, horizonWeeks });
      entry = { model, activity: customerActivity(allLines(this.products), asOfDay) };
      this.models.set(key, entry);
    }
    return entry;
  }
}

export interface CustomerForecasterOptions {
  /** Paths simulated for the quantiles (default 1000); more are simulated when more are asked for. */
  paths?: number;
  /** Weeks of recent history the residual demand is resampled from (default 12). */
  residualWeeks?: number;
}

export function createCustomerDrivenForecaster(cache: ShopModelCache, productKey: string, options: CustomerForecasterOptions = {}): Forecaster {
  const simulatedPaths = options.paths ?? 1000;
  const residualWeeks = options.residualWeeks ?? 12;
  return {
    name: CUSTOMER_FORECASTER_NAME,
    params: { productKey, paths: simulatedPaths, residualWeeks },
    fit(y: Float64Array, context: SeriesContext): FittedModel {
      if (context.frequency !== 'W') throw new ForecastError('The customer-driven forecast works on weekly series only.');
      if (context.startDay === undefined) throw new ForecastError('The customer-driven forecast needs the real start date of the series.');
      const product = cache.product(productKey);
      if (!product) throw new ForecastError(`No sales lines for product ${productKey}.`);
      const originDay = context.startDay + 7 * y.length;
      const residual = residualWeeklyUnits(product.lines, originDay, residualWeeks, DEFAULT_MIN_ORDERS);
      return {
        model: CUSTOMER_FORECASTER_NAME,
        describe: () => ({ productKey, originDay, residualMeanWeekly: residual.reduce((s, v) => s + v, 0) / Math.max(1, residual.length) }),
        forecast(h: number, forecastOptions: ForecastOptions = {}): ForecastResult {
          return forecastCustomerDriven(cache, product, originDay, h, residual, Math.max(simulatedPaths, forecastOptions.paths ?? 0), forecastOptions);
        },
      };
    },
  };
}

/**
 * Weekly units paths from `originDay`: the product's repeat customers simulated by the shop
 * model at that origin, plus the residual demand resampled week by week.
 */
export function customerDrivenPaths(
  cache: ShopModelCache,
  product: ProductSales,
  originDay: number,
  horizon: number,
  residual: Float64Array,
  paths: number,
  seed: number,
): Float64Array[] {
  const { model, activity } = cache.modelAt(originDay, horizon);
  const result = forecastProductCustomers(product, model, { activity }, { paths, seed, minConfidence: 0, keepPaths: true });
  if (result.status === 'failed') throw new ForecastError(result.message);
  const customerPaths = result.status === 'ok' ? (result.forecast.unitsPaths ?? []) : [];
  const rng = createRng((seed ^ hashString(`residual\u0000${product.productKey}`)) >>> 0);
  const sample: Float64Array[] = [];
  for (let p = 0; p < paths; p++) {
    const path = new Float64Array(horizon);
    const fromCustomers = customerPaths[p];
    for (let w = 0; w < horizon; w++) {
      const other = residual.length > 0 ? residual[Math.floor(rng() * residual.length)]! : 0;
      path[w] = (fromCustomers ? fromCustomers[w]! : 0) + other;
    }
    sample.push(path);
  }
  return sample;
}

function forecastCustomerDriven(
  cache: ShopModelCache,
  product: ProductSales,
  originDay: number,
  h: number,
  residual: Float64Array,
  paths: number,
  options: ForecastOptions,
): ForecastResult {
  const horizon = Math.max(1, Math.floor(h));
  const sample = customerDrivenPaths(cache, product, originDay, horizon, residual, paths, options.seed ?? 1);
  const mean = new Float64Array(horizon);
  const quantiles = QUANTILE_LEVELS.map(() => new Float64Array(horizon));
  const column = new Float64Array(paths);
  for (let w = 0; w < horizon; w++) {
    let sum = 0;
    for (let p = 0; p < paths; p++) {
      column[p] = sample[p]![w]!;
      sum += column[p]!;
    }
    mean[w] = sum / paths;
    column.sort();
    QUANTILE_LEVELS.forEach((level, i) => (quantiles[i]![w] = sortedQuantile(column, level)));
  }
  const wanted = options.paths ?? 0;
  return wanted > 0 ? { mean, quantiles, paths: sample.slice(0, wanted) } : { mean, quantiles };
}
