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

/**
 * Copies each product's lines into a plain array, keeping only lines whose fields have the
 * right types. A product whose data cannot even be read becomes a failed result instead of
 * breaking the shop model for everyone.
 */
export function readableProducts(products: readonly ProductSales[]): { usable: ProductSales[]; failed: ProductCustomerResult[] } {
  const usable: ProductSales[] = [];
  const failed: ProductCustomerResult[] = [];
  for (const product of products) {
    const productKey = String(product?.productKey ?? '');
    const productName = product?.productName ?? productKey;
    try {
      const lines = Array.from(product.lines).filter(
        (line) => line !== null && typeof line === 'object' && typeof line.customerKey === 'string' && typeof line.day === 'number' && typeof line.quantity === 'number',
      );
      usable.push({ ...product, lines });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failed.push({ status: 'failed', productKey, productName, message: `Could not read the sales of ${productName}: ${message}` });
    }
  }
  return { usable, failed };
}

export function forecastShopCustomers(input: ShopForecastInput, run: RunOptions = {}): ShopCustomerForecast {
  const steps = stepper(CUSTOMER_FORECAST_STEPS, run.onProgress);
  steps.start('learn the shop rhythm', 1, 'Learning how often customers reorder');
  const { usable, failed } = readableProducts(input.products);
  const model = fitShopModel(usable, input.model, run);
  const activity = customerActivity(allLines(usable), model.asOfDay);
  const wanted = (key: string) => !input.onlyProducts || input.onlyProducts.has(key);
  const targets = usable.filter((p) => wanted(p.productKey));
  steps.start('forecast products', targets.length, `Forecasting ${targets.length} products from their customers`);
  const results: ProductCustomerResult[] = failed.filter((r) => wanted(r.productKey));
  targets.forEach((product, index) => {
    throwIfAborted(run.signal);
    results.push(forecastProductCustomers(product, model, { activity, customerNames: input.customerNames }, input.forecast));
    steps.advance(index + 1, targets.length, product.productName ?? product.productKey);
  });
  return { model, results };
}
