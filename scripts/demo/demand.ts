/**
 * Retail demand: the expected units a day of every product (which the shop owner roughly
 * knows and orders against) and the realised demand (what customers actually wanted,
 * before stock limits it). Sales = min(realised demand, stock), so stockouts censor it.
 */
import { dayOfMonth, dayOfYear, monthOf, weekdayOf } from './calendar';
import type { ShopCalendar } from './calendar';
import { eventApplies } from './events';
import { SeededRandom } from './random';
import type { Category, Product, Season, ShopEvent } from './types';

/** The shop's week, Monday … Sunday: quiet early week, busy Friday, peak Saturday, shorter Sunday. */
export const SHOP_WEEK = [0.8, 0.78, 0.85, 0.93, 1.1, 1.48, 1.06] as const;

/** Yearly growth of footfall across the whole shop. */
const SHOP_GROWTH_PER_YEAR = 0.05;

/** Extra trade on public holidays when the shop is open (bank-holiday visitors). */
const HOLIDAY_BOOST: Record<Category, number> = {
  'Coffee & Tea': 0.15, Bakery: 0.35, 'Dairy & Chilled': 0.15, Pantry: 0.05,
  Snacks: 0.3, Drinks: 0.3, Household: 0, Gifts: 0.2,
};

/** Christmas Eve: everyone collects bread, cream and cheese; few buy bin bags. */
const CHRISTMAS_EVE: Record<Category, number> = {
  'Coffee & Tea': 1.1, Bakery: 1.6, 'Dairy & Chilled': 1.5, Pantry: 1.2,
  Snacks: 1.2, Drinks: 1.3, Household: 0.7, Gifts: 1.2,
};

/** A smooth yearly bump peaking on `peakDayOfYear` (von Mises shape; k sets how narrow). */
export function yearlyBump(dayOfYearIndex: number, peakDayOfYear: number, concentration: number): number {
  return Math.exp(concentration * (Math.cos((2 * Math.PI * (dayOfYearIndex - peakDayOfYear)) / 365.25) - 1));
}

/** Days from `day` to the next Christmas Eve (0 on Christmas Eve, negative after it in late December). */
function daysToChristmasEve(day: number): number {
  const month = monthOf(day);
  if (month === 12) return 24 - dayOfMonth(day);
  if (month === 11) return 30 - dayOfMonth(day) + 24;
  return 999;
}

function seasonFactor(season: Season, day: number, calendar: ShopCalendar): number {
  const dayIndex = dayOfYear(day);
  switch (season.kind) {
    case 'summer':
      return 1 + season.amplitude * yearlyBump(dayIndex, 200, 3);
    case 'winter':
      return 1 + season.amplitude * yearlyBump(dayIndex, 15, 3);
    case 'christmasLift': {
      const toEve = daysToChristmasEve(day);
      if (toEve >= 0 && toEve < 40) return 1 + season.amplitude * (1 - toEve / 40) ** 2;
      return 1;
    }
    case 'christmasOnly': {
      const toEve = daysToChristmasEve(day);
      if (toEve >= 0 && toEve < 54) return 0.1 + 0.9 * ((54 - toEve) / 54) ** 1.5;
      if (toEve < 0) return 0.15; // 27–31 December: the last ones go at the till
      return 0;
    }
    case 'easterOnly': {
      const easter = calendar.easterSundays.find((sunday) => sunday >= day - 1);
      if (easter === undefined) return 0;
      const toEaster = easter - day;
      if (toEaster === -1) return 0.3; // Easter Monday
      if (toEaster >= 0 && toEaster < season.leadDays) return 0.2 + 0.8 * (1 - toEaster / season.leadDays) ** 1.5;
      return 0;
    }
  }
}

function categoryTourism(product: Product, tourism: number, day: number): number {
  return 1 + tourism * yearlyBump(dayOfYear(day), 210, 4) * (product.category === 'Household' ? 0 : 1);
}

function holidayFactor(product: Product, day: number, calendar: ShopCalendar): number {
  if (calendar.publicHolidays.has(day)) return 1 + HOLIDAY_BOOST[product.category];
  const month = monthOf(day);
  const date = dayOfMonth(day);
  if (month === 12 && date === 24) return CHRISTMAS_EVE[product.category];
  if (month === 12 && date === 31) return product.category === 'Drinks' || product.category === 'Dairy & Chilled' ? 1.35 : 0.9;
  if (month === 12 && date >= 27) return 0.75;
  if (month === 1) return 0.78 + (0.14 * date) / 31; // the January lull: spent out, no visitors
  return 1;
}

function lifecycleFactor(product: Product, day: number): number {
  const { launchDay, fadeStartDay, fadeEndDay } = product.lifecycle;
  if (launchDay !== null) {
    if (day < launchDay) return 0;
    return Math.min(1, 0.55 + (0.45 * (day - launchDay)) / 21);
  }
  if (fadeStartDay !== null && fadeEndDay !== null && day >= fadeStartDay) {
    return day >= fadeEndDay ? 0 : 1 - (day - fadeStartDay) / (fadeEndDay - fadeStartDay);
  }
  return 1;
}

export interface CategoryYear {
  tourism: number;
  christmasLift: number;
}

/**
 * Expected retail units per day for one product over [calendar.startDay, lastDay], with the
 * owner's expected event multipliers applied. Closed days are zero.
 */
export function expectedRetailRates(product: Product, calendar: ShopCalendar, events: ShopEvent[], categoryYear: CategoryYear, lastDay: number): Float64Array {
  const rates = new Float64Array(lastDay - calendar.startDay + 1);
  const demand = product.demand;
  const seasons: Season[] = [...demand.seasons];
  const christmasOnly = seasons.some((season) => season.kind === 'christmasOnly');
  if (categoryYear.christmasLift > 0 && !christmasOnly) seasons.push({ kind: 'christmasLift', amplitude: categoryYear.christmasLift });
  const relevantEvents = events.filter((event) => event.type !== 'closure' && event.multiplier !== null);
  for (let day = calendar.startDay; day <= lastDay; day++) {
    if (calendar.closedDays.has(day)) continue;
    const years = (day - calendar.startDay) / 365.25;
    const weekday = SHOP_WEEK[weekdayOf(day)] ?? 1;
    let rate = demand.baseRatePerDay
      * (1 + demand.weekdaySensitivity * (weekday - 1))
      * Math.pow(1 + demand.annualGrowth, years)
      * Math.pow(1 + SHOP_GROWTH_PER_YEAR, years)
      * categoryTourism(product, categoryYear.tourism, day)
      * holidayFactor(product, day, calendar)
      * lifecycleFactor(product, day);
    for (const season of seasons) rate *= seasonFactor(season, day, calendar);
    for (const event of relevantEvents) if (eventApplies(event, product, day)) rate *= event.multiplier ?? 1;
    rates[day - calendar.startDay] = rate;
  }
  return rates;
}

/**
 * Shared day-to-day shocks: shop footfall (busy and quiet days hit every product) and
 * warm-weather anomalies (which move cold drinks in summer). Both AR(1) processes.
 */
export interface DailyShocks {
  footfall: Float64Array;
  warmth: Float64Array;
}

export function dailyShocks(masterSeed: number, dayCount: number): DailyShocks {
  const rng = SeededRandom.stream(masterSeed, 'shocks');
  const footfall = new Float64Array(dayCount);
  const warmth = new Float64Array(dayCount);
  let footfallState = 0;
  let warmthState = 0;
  for (let i = 0; i < dayCount; i++) {
    footfallState = 0.4 * footfallState + Math.sqrt(1 - 0.4 * 0.4) * rng.normal();
    warmthState = 0.8 * warmthState + Math.sqrt(1 - 0.8 * 0.8) * rng.normal();
    footfall[i] = Math.exp(0.1 * footfallState - 0.005);
    warmth[i] = warmthState;
  }
  return { footfall, warmth };
}

/**
 * How far the actual uplift of an event differs from what the owner expected: the real
 * multiplier is expected^surprise (per product and event).
 */
export function eventSurprise(masterSeed: number, product: Product, event: ShopEvent): number {
  return SeededRandom.stream(masterSeed, `surprise:${product.sku}:${event.name}:${event.startDay}`).between(0.6, 1.3);
}

/** Draws one day's realised retail demand for a product. */
export function drawRetailDemand(rng: SeededRandom, product: Product, expectedRate: number, day: number, shockIndex: number, shocks: DailyShocks,
  eventSurpriseFactor: number): number {
  if (expectedRate <= 0) return 0;
  const summerness = yearlyBump(dayOfYear(day), 200, 2);
  const weather = Math.exp(product.demand.weatherSensitivity * summerness * (shocks.warmth[shockIndex] ?? 0));
  const mean = expectedRate * (shocks.footfall[shockIndex] ?? 1) * weather * eventSurpriseFactor;
  if (product.demand.tier === 'lumpy') {
    const lumpSize = product.demand.lumpSizeMean;
    if (!rng.chance(Math.min(0.9, mean / lumpSize))) return 0;
    return 1 + rng.negativeBinomial(lumpSize - 1, 1.2);
  }
  return rng.negativeBinomial(mean, product.demand.dispersionSize);
}
