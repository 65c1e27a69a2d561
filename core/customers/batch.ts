/**
 * Customer forecasts for a set of products: fit the shop model once, then each product. One
 * product's failure is recorded in its result and never stops the others. Long-running:
 * takes an abort signal and reports progress (CONVENTIONS.md §5).
 */
import type { RunOptions } from '../jobs/progress';
import { stepper, throwIfAborted } from '../jobs/progress';
import { customerActivity } from './lapse-covariates';
import type { ProductCustomerResult, ProductForecastOptions } from './product-forecast';
import { forecastProductCustomers } from './product-forecast';
import type { ProductSales, ShopCustomerModel, ShopModelOptions } from './shop-model';
import { allLines, fitShopModel } from './shop-model';

export interface ShopForecastInput {
  /** Every product of the shop: the shop model learns from all of them. */
  products: readonly ProductSales[];
  customerNames?: ReadonlyMap<string, string>;
  model: ShopModelOptions;
  forecast?: ProductForecastOptions;
  /** Forecast only these products (all when absent); the model still learns from all. */
  onlyProducts?: ReadonlySet<string>;
}

export interface ShopCustomerForecast {
  model: ShopCustomerModel;
  results: ProductCustomerResult[];
}

export const CUSTOMER_FORECAST_STEPS = ['learn the shop rhythm', 'forecast products'] as const;

export function forecastShopCustomers(input: ShopForecastInput, run: RunOptions = {}): ShopCustomerForecast {
  const steps = stepper(CUSTOMER_FORECAST_STEPS, run.onProgress);
  steps.start('learn the shop rhythm', 1, 'Learning how often customers reorder');
  const model = fitShopModel(input.products, input.model, run);
  const activity = customerActivity(allLines(input.products), model.asOfDay);
  const targets = input.onlyProducts ? input.products.filter((p) => input.onlyProducts!.has(p.productKey)) : input.products;
  steps.start('forecast products', targets.length, `Forecasting ${targets.length} products from their customers`);
  const results: ProductCustomerResult[] = [];
  targets.forEach((product, index) => {
    throwIfAborted(run.signal);
    results.push(forecastProductCustomers(product, model, { activity, customerNames: input.customerNames }, input.forecast));
    steps.advance(index + 1, targets.length, product.productName ?? product.productKey);
  });
  return { model, results };
}
