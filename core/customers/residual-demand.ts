/**
 * Demand the customer model cannot see: anonymous sales, new customers, and customers with
 * too few orders to model. Estimated by its own recent analogue: over the `weeks` weeks before
 * the as-of day, the units bought by everyone who was *not* a modelled repeat customer at the
 * start of that window. (Using today's split instead would count the customers who became
 * repeat customers during the window twice, and miss that new customers keep arriving.)
 */
import type { CustomerSaleLine } from './orders';
import { buildCustomerHistories } from './orders';

/** Units per week (length `weeks`, oldest first) of demand outside the modelled customers. */
export function residualWeeklyUnits(lines: readonly CustomerSaleLine[], asOfDay: number, weeks: number, minOrders: number): Float64Array {
  const windowStart = asOfDay - 7 * weeks;
  const modelledAtStart = new Set(
    buildCustomerHistories(lines, windowStart)
      .histories.filter((h) => h.orderDays.length >= minOrders)
      .map((h) => h.customerKey),
  );
  const units = new Float64Array(weeks);
  for (const line of lines) {
    if (!Number.isInteger(line.day) || line.day < windowStart || line.day >= asOfDay || !Number.isFinite(line.quantity)) continue;
    if (line.customerKey && modelledAtStart.has(line.customerKey.trim())) continue;
    units[Math.floor((line.day - windowStart) / 7)]! += line.quantity;
  }
  for (let i = 0; i < units.length; i++) units[i] = Math.max(0, units[i]!);
  return units;
}

/**
 * Share of the product's units over the last `weeks` weeks bought by customers who had at
 * least `minOrders` orders before that window: how much of the demand the customer model can
 * explain. The forecast engine offers the customer-driven candidate when it is high
 * (RECOMMENDED_REPEAT_SHARE); 0 when nothing sold.
 */
export function repeatCustomerShare(lines: readonly CustomerSaleLine[], asOfDay: number, weeks: number, minOrders: number): number {
  const residual = residualWeeklyUnits(lines, asOfDay, weeks, minOrders).reduce((s, v) => s + v, 0);
  const windowStart = asOfDay - 7 * weeks;
  let total = 0;
  for (const line of lines) if (line.day >= windowStart && line.day < asOfDay && Number.isFinite(line.quantity)) total += line.quantity;
  if (!(total > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - residual / total));
}

/** "Sold mostly to repeat customers". */
export const RECOMMENDED_REPEAT_SHARE = 0.5;
