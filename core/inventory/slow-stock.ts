/**
 * Stock that does not earn its shelf space: dead (no sale in 26 weeks), slow-moving (the
 * stock turns over fewer than `slowTurnoverPerYear` times a year) and overstocked (more than
 * `overstockWeeks` weeks of cover). Dead and slow stock is ranked by money tied up; overstock
 * by weeks of cover (PRODUCT.md §7).
 *
 * This is the one definition: the slow-stock report (screen, PDF, CSV), the weekly summary,
 * and the Alerts screen's `dead_stock` / `overstock` alerts (hence the dashboard's dead-stock
 * tile and the products list's alert filter) all read `assessStock` on the same items
 * (slow-stock-workspace.ts). A `dead` product raises `dead_stock`; a `slow` or `overstock`
 * one raises `overstock` (slow stock has more than 26 weeks of cover, so it is overstocked
 * too; the report only ranks it apart).
 *
 * Two exceptions, where a shop owner would say the figures mislead:
 *  - Stock the reorder policy itself asks for is not slow or overstocked: when on hand is at
 *    or below the plan's order-up-to level (a long lead time, a case pack or a minimum order
 *    can make that more than 13 weeks of cover), the cure is the plan's settings, not the
 *    stock. Dead stock is called dead whatever the plan says: nothing has sold for half a year.
 *  - A product is dead only when the sales history is long enough to show it: the workspace's
 *    sales must go back at least `deadAfterDays`. A product that never sold in a shorter
 *    history is too new to judge and is not listed at all (its pace of 0 says nothing yet).
 *
 * One pace per product drives both figures, so they always agree (cover = weeks a year ÷
 * turnover): the forecast's mean weekly demand where there is one, else the average week
 * of the past sales window (up to 52 weeks, shorter histories scaled). Turnover = yearly
 * units at that pace / units on hand (COGS / inventory value with the unit cost cancelling;
 * current stock stands in for average stock, since a shop rarely counts stock weekly).
 *
 * "Tied up beyond what sells" has one definition for every kind: the stock above
 * `overstockWeeks` weeks of cover at that pace, and all of it for dead stock. The report's
 * total, its column and the weekly summary all add this figure.
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
  /** The reorder plan's order-up-to level; null without a plan. Stock up to it is what the plan asks for. */
  orderUpToLevel: number | null;
  /** Days of sales history the workspace holds (as-of day − first sale); null without sales. */
  historyDays: number | null;
  /**
   * A seasonal line's days until its season is back (seasonReturnDays); null when its past
   * does not look seasonal. Optional: absent means null.
   */
  seasonReturnDays?: number | null;
}

export type StockHealth = 'dead' | 'slow' | 'overstock';

export interface StockAssessment {
  key: string;
  health: StockHealth;
  onHand: number;
  /** As in the item: days since the last sale, null when never sold. */
  daysSinceLastSale: number | null;
  /** As in the item: days until a seasonal line's season is back, null when not seasonal. */
  seasonReturnDays: number | null;
  moneyTiedUpCents: number | null;
  /** Units a week the figures below assume, and where that pace comes from. */
  weeklyPace: number;
  paceSource: 'forecast' | 'sales';
  /** Stock turns per year at that pace (0 when it is 0). */
  turnoverPerYear: number | null;
  /** Weeks the stock lasts at that pace (= WEEKS_PER_YEAR / turnover); null when the pace is 0. */
  weeksOfCover: number | null;
  /** Units above `overstockWeeks` of cover (all of them for dead stock) and their value. */
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

export const WEEKS_PER_YEAR = 365 / 7;

function weeklyPace(item: StockItem): { pace: number; source: 'forecast' | 'sales' } {
  if (item.forecastWeeklyDemand !== null && item.forecastWeeklyDemand > 0) return { pace: item.forecastWeeklyDemand, source: 'forecast' };
  return { pace: item.windowDays > 0 ? (Math.max(0, item.unitsSold) / item.windowDays) * 7 : 0, source: 'sales' };
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/**
 * Days until a line that looks seasonal is back in season, else null. It looks seasonal when a
 * year ago it was just as quiet (it had sold before, but not in the `quietDays` up to the same
 * day last year) and then sold again within 26 weeks: its season is expected back the same
 * number of days after today. A line that sold through last year and stopped, or that was
 * launched after that quiet spell, does not look seasonal.
 */
export function seasonReturnDays(yearAgoDay: number, lastSaleYearAgo: number | null, resumedAfterYearAgo: number | null, quietDays = STOCK_HEALTH_DEFAULTS.deadAfterDays): number | null {
  if (lastSaleYearAgo === null || resumedAfterYearAgo === null) return null;
  if (yearAgoDay - lastSaleYearAgo < quietDays) return null;
  const days = resumedAfterYearAgo - yearAgoDay;
  return days > 0 && days <= 182 ? days : null;
}

/** The sentence a dead line that looks seasonal gets (report reason and alert). */
export function seasonalNote(returnDays: number): string {
  const weeks = Math.max(1, Math.round(returnDays / 7));
  const when = weeks === 1 ? 'about a week' : `about ${weeks} weeks`;
  return `A year ago it was as quiet and sold again ${when} later: probably a seasonal line, back in season in ${when}.`;
}

/** Classifies one product; null when its stock is healthy or there is none. */
export function assessStock(item: StockItem, options: StockHealthOptions = STOCK_HEALTH_DEFAULTS): StockAssessment | null {
  if (!(item.onHand > 0)) return null;
  const value = item.unitCostCents === null ? null : Math.round(item.onHand * item.unitCostCents);
  const { pace, source } = weeklyPace(item);
  const turnoverPerYear = (pace * WEEKS_PER_YEAR) / item.onHand;
  const weeksOfCover = pace > 0 ? item.onHand / pace : null;
  const paceText = source === 'forecast' ? `the forecast ${round1(pace)} a week` : `the ${round1(pace)} a week sold over the past ${Math.round(item.windowDays / 7)} weeks`;
  const excessUnits = Math.max(0, item.onHand - pace * options.overstockWeeks);
  const excessValueCents = item.unitCostCents === null ? null : Math.round(excessUnits * item.unitCostCents);
  const base = { key: item.key, onHand: item.onHand, daysSinceLastSale: item.daysSinceLastSale, seasonReturnDays: item.seasonReturnDays ?? null, moneyTiedUpCents: value, weeklyPace: pace, paceSource: source, turnoverPerYear, weeksOfCover, excessUnits, excessValueCents };

  const unsold = item.daysSinceLastSale === null || item.daysSinceLastSale >= options.deadAfterDays;
  const historyLongEnough = item.historyDays !== null && item.historyDays >= options.deadAfterDays;
  if (unsold && historyLongEnough) {
    const since = item.daysSinceLastSale === null ? 'never sold' : `no sale in ${Math.floor(item.daysSinceLastSale / 7)} weeks`;
    // Nothing has sold for half a year: all of it is beyond what sells, whatever a forecast says.
    // Still dead (nothing sells for months, the money is tied up), but an owner should know when
    // the line looks seasonal, so it is not written off as discontinued.
    const season = base.seasonReturnDays === null ? '' : ` ${seasonalNote(base.seasonReturnDays)}`;
    return { ...base, health: 'dead', excessUnits: item.onHand, excessValueCents: value, reason: `Dead stock: ${since}, ${round1(item.onHand)} on the shelf.${season}` };
  }
  // Never sold in a history too short to call it dead: too new to judge.
  if (item.daysSinceLastSale === null) return null;
  // The plan asks for this stock (on hand at or below its order-up-to level).
  if (item.orderUpToLevel !== null && item.onHand <= item.orderUpToLevel) return null;
  if (turnoverPerYear < options.slowTurnoverPerYear) {
    return {
      ...base,
      health: 'slow',
      reason: `Slow-moving: ${round1(item.onHand)} on hand at ${paceText} turns over ${round1(turnoverPerYear)} times a year; ${round1(excessUnits)} are beyond ${options.overstockWeeks} weeks of cover.`,
    };
  }
  if (weeksOfCover !== null && weeksOfCover > options.overstockWeeks) {
    return {
      ...base,
      health: 'overstock',
      reason: `Overstocked: ${round1(weeksOfCover)} weeks of cover at ${paceText}, ${round1(excessUnits)} more than ${options.overstockWeeks} weeks need.`,
    };
  }
  return null;
}

/** What the report's heading, its column and the weekly summary add: stock beyond what sells. */
export function stockBeyondCover(lines: readonly StockAssessment[]): Record<StockHealth | 'all', { count: number; excessValueCents: number; stockValueCents: number }> {
  const totals = {
    dead: { count: 0, excessValueCents: 0, stockValueCents: 0 },
    slow: { count: 0, excessValueCents: 0, stockValueCents: 0 },
    overstock: { count: 0, excessValueCents: 0, stockValueCents: 0 },
    all: { count: 0, excessValueCents: 0, stockValueCents: 0 },
  };
  for (const line of lines) {
    for (const t of [totals[line.health], totals.all]) {
      t.count++;
      t.excessValueCents += line.excessValueCents ?? 0;
      t.stockValueCents += line.moneyTiedUpCents ?? 0;
    }
  }
  return totals;
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
