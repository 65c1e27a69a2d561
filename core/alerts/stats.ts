/**
 * The per-product figures of the product_stats cache, from facts the refresh already holds.
 */
import type { ProductBase, ProductPosition } from '../db/repos/alert-facts';
import type { ProductStatsRow } from '../db/repos/product-stats';

/**
 * Expected demand over the next `days` days from period means, demand spread evenly inside
 * a period, starting `elapsedDays` into period 0; beyond the horizon the last period repeats.
 */
export function demandOver(means: readonly number[], periodDays: number, elapsedDays: number, days: number): number {
  if (means.length === 0) return 0;
  let total = 0;
  let t = elapsedDays;
  const end = elapsedDays + days;
  while (t < end - 1e-9) {
    const period = Math.floor(t / periodDays + 1e-9);
    const periodEnd = Math.min((period + 1) * periodDays, end);
    total += (Math.max(0, means[Math.min(period, means.length - 1)]!) * (periodEnd - t)) / periodDays;
    t = periodEnd;
  }
  return total;
}

export function statsRow(
  base: ProductBase,
  position: ProductPosition | null,
  sales: { sold28d: number; sold52w: number } | undefined,
  onOrder: number,
  forecast: { means: number[] | null; periodDays: number; elapsedDays: number },
): ProductStatsRow {
  const forecast28d = forecast.means ? demandOver(forecast.means, forecast.periodDays, forecast.elapsedDays, 28) : null;
  const onHand = position?.onHand ?? null;
  return {
    productId: base.id,
    onHand,
    countDay: position?.countDay ?? null,
    onOrder,
    stockValueCents: onHand === null || base.unitCostCents === null ? null : Math.round(onHand * base.unitCostCents),
    sold28d: sales?.sold28d ?? 0,
    sold52w: sales?.sold52w ?? 0,
    firstSaleDay: base.firstSaleDay,
    lastSaleDay: base.lastSaleDay,
    forecast28d,
    weeksOfCover: onHand === null || forecast28d === null || !(forecast28d > 0) ? null : onHand / (forecast28d / 4),
  };
}
