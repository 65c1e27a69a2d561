/**
 * What the shop knows beyond one customer×product history that says whether a customer has
 * lapsed on a product. Each enters logit(π) with a coefficient calibrated on the shop's own
 * recent past (churn-model.ts), so a shop where it carries no signal gets a coefficient near 0.
 *   1. customer activity: log(days on which the customer ordered anything) — regulars stay;
 *   2. customer dormancy: log(days since the customer's last order of anything);
 *   3. product dormancy: log(days since anyone last bought the product) — discontinued or
 *      out-of-season products are not reordered.
 */
export const LAPSE_COVARIATE_NAMES = ['customer activity', 'customer dormancy', 'product dormancy'] as const;

export interface LapseContext {
  /** Distinct days before the as-of day on which the customer ordered any product. */
  customerOrderDays: number;
  /** The customer's last order day (any product) before the as-of day. */
  customerLastOrderDay: number;
  /** The product's last sale day (any customer, anonymous included) before the as-of day. */
  productLastSaleDay: number;
}

export function lapseCovariates(context: LapseContext, asOfDay: number): number[] {
  return [
    Math.log(Math.max(1, context.customerOrderDays)),
    Math.log(Math.max(1, asOfDay - context.customerLastOrderDay)),
    Math.log(Math.max(1, asOfDay - context.productLastSaleDay)),
  ];
}

export interface CustomerActivity {
  orderDays: number;
  lastOrderDay: number;
}

/**
 * Customer activity over all products (purchases only: quantity > 0), counting only days
 * before `asOfDay`.
 */
export function customerActivity(lines: Iterable<{ customerKey: string; day: number; quantity: number }>, asOfDay: number): Map<string, CustomerActivity> {
  const days = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!line.customerKey || !(line.day < asOfDay) || !Number.isInteger(line.day) || !(line.quantity > 0)) continue;
    let set = days.get(line.customerKey);
    if (!set) {
      set = new Set();
      days.set(line.customerKey, set);
    }
    set.add(line.day);
  }
  const result = new Map<string, CustomerActivity>();
  for (const [key, set] of days) {
    let last = -Infinity;
    for (const d of set) if (d > last) last = d;
    result.set(key, { orderDays: set.size, lastOrderDay: last });
  }
  return result;
}
