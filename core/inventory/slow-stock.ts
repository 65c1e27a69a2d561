/**
 * Stock that does not earn its shelf space: dead (no sale in 26 weeks), slow-moving (the
 * stock turns over fewer than `slowTurnoverPerYear` times a year at past sales) and
 * overstocked (more than `overstockWeeks` weeks of cover at forecast demand). Dead and slow
 * stock is ranked by money tied up; overstock by weeks of cover (PRODUCT.md §7).
 *
 * Turnover = units sold per year / units on hand (the cost-of-goods form COGS / inventory
 * value with the unit cost cancelling; current stock stands in for average stock, since a
 * shop rarely has a stock count per week). Shorter histories are scaled to a year.
 */

export interface StockItem {
  key: string;
  onHand: number;
  unitCostCents: number | null;
  /** Units sold over the look-back window (up to 52 weeks). */
  unitsSold: number;
  /** Days of history in that window (≤ 364). */
  windowDays: number;
  /** Days since the last sale; null when never sold. */
  daysSinceLastSale: number | null;
  /** Forecast mean demand per week; null when no forecast exists. */
  forecastWeeklyDemand: number | null;
}

export type StockHealth = 'dead' | 'slow' | 'overstock';

export interface StockAssessment {
  key: string;
  health: StockHealth;
  onHand: number;
  moneyTiedUpCents: number | null;
  /** Stock turns per year at past sales; null when nothing is on hand. */
  turnoverPerYear: number | null;
  /** Weeks the stock lasts at forecast demand (or past sales); null when no demand at all. */
  weeksOfCover: number | null;
  /** Units above `overstockWeeks` of cover and their value (overstock only, else 0). */
  excessUnits: number;
  excessValueCents: number | null;
  reason: string;
}

export interface StockHealthOptions {
  deadAfterDays: number;
  slowTurnoverPerYear: number;
  overstockWeeks: number;
}

export const STOCK_HEALTH_DEFAULTS: StockHealthOptions = { deadAfterDays: 26 * 7, slowTurnoverPerYear: 2, overstockWeeks: 13 };

function weeklyRate(item: StockItem): number {
  if (item.forecastWeeklyDemand !== null && item.forecastWeeklyDemand > 0) return item.forecastWeeklyDemand;
  return item.windowDays > 0 ? (item.unitsSold / item.windowDays) * 7 : 0;
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Classifies one product; null when its stock is healthy or there is none. */
export function assessStock(item: StockItem, options: StockHealthOptions = STOCK_HEALTH_DEFAULTS): StockAssessment | null {
  if (!(item.onHand > 0)) return null;
  const value = item.unitCostCents === null ? null : Math.round(item.onHand * item.unitCostCents);
  const yearlySales = item.windowDays > 0 ? (Math.max(0, item.unitsSold) * 365) / item.windowDays : 0;
  const turnoverPerYear = yearlySales / item.onHand;
  const rate = weeklyRate(item);
  const weeksOfCover = rate > 0 ? item.onHand / rate : null;
  const base = { key: item.key, onHand: item.onHand, moneyTiedUpCents: value, turnoverPerYear, weeksOfCover };

  if (item.daysSinceLastSale === null || item.daysSinceLastSale >= options.deadAfterDays) {
    const since = item.daysSinceLastSale === null ? 'never sold' : `no sale in ${Math.floor(item.daysSinceLastSale / 7)} weeks`;
    return { ...base, health: 'dead', excessUnits: item.onHand, excessValueCents: value, reason: `Dead stock: ${since}, ${round1(item.onHand)} on the shelf.` };
  }
  if (turnoverPerYear < options.slowTurnoverPerYear) {
    return {
      ...base,
      health: 'slow',
      excessUnits: 0,
      excessValueCents: 0,
      reason: `Slow-moving: the stock turns over ${round1(turnoverPerYear)} times a year (${round1(yearlySales)} sold a year, ${round1(item.onHand)} on hand).`,
    };
  }
  if (weeksOfCover !== null && weeksOfCover > options.overstockWeeks) {
    const excessUnits = item.onHand - rate * options.overstockWeeks;
    return {
      ...base,
      health: 'overstock',
      excessUnits,
      excessValueCents: item.unitCostCents === null ? null : Math.round(excessUnits * item.unitCostCents),
      reason: `Overstocked: ${round1(weeksOfCover)} weeks of cover, ${round1(excessUnits)} more than ${options.overstockWeeks} weeks need.`,
    };
  }
  return null;
}

const HEALTH_ORDER: Record<StockHealth, number> = { dead: 0, slow: 1, overstock: 2 };

/**
 * Every unhealthy product: dead first, then slow, each by money tied up (largest first,
 * unknown cost last); then overstock by weeks of cover.
 */
export function rankStockHealth(items: readonly StockItem[], options: StockHealthOptions = STOCK_HEALTH_DEFAULTS): StockAssessment[] {
  const found = items.map((item) => assessStock(item, options)).filter((a): a is StockAssessment => a !== null);
  return found.sort((a, b) => {
    if (a.health !== b.health) return HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health];
    if (a.health === 'overstock') return (b.weeksOfCover ?? 0) - (a.weeksOfCover ?? 0) || a.key.localeCompare(b.key);
    return (b.moneyTiedUpCents ?? -1) - (a.moneyTiedUpCents ?? -1) || a.key.localeCompare(b.key);
  });
}
