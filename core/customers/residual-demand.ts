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
    if (line.day < windowStart || line.day >= asOfDay || !Number.isFinite(line.quantity)) continue;
    if (line.customerKey && modelledAtStart.has(line.customerKey.trim())) continue;
    units[Math.floor((line.day - windowStart) / 7)]! += line.quantity;
  }
  for (let i = 0; i < units.length; i++) units[i] = Math.max(0, units[i]!);
  return units;
}
