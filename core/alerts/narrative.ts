/**
 * This week's summary: a short plain-language narrative generated from the shop's own
 * numbers, locally (no cloud service). A pure function of the facts; the reorder report
 * prints it as its first page.
 *
 * Five topics, always in this order, each one or two sentences; a topic with nothing to
 * say says so plainly rather than disappearing, so the owner knows it was checked:
 *   1. the week's sales against the week before and against the forecast
 *   2. what sold above or below its forecast (outside the forecast's 80% range)
 *   3. what needs ordering (from the reorder plan)
 *   4. what is tying up money (dead stock, stock beyond 13 weeks of cover)
 *   5. which forecasts got worse (error on new actuals well above the backtest's)
 */
import type { TextFormat } from './format';

export interface ProductSurprise {
  name: string;
  actual: number;
  expected: number;
  /** |actual − expected| × unit price, to rank by what it meant in money (cents). */
  impactCents: number;
}

export interface NarrativeFacts {
  weekStartDay: number;
  weekEndDay: number;
  /** Units and revenue of the week and the week before; revenue null when prices are unknown. */
  units: number;
  previousUnits: number | null;
  revenueCents: number | null;
  /** Sum of the forecasts for the week over the products that had one; null without. */
  forecastUnits: number | null;
  above: ProductSurprise[];
  below: ProductSurprise[];
  /** Products with a suggested order from the plan; null when no plan has been made. */
  ordering: ({ products: number; urgent: number; urgentLocations?: number; costCents: number | null; topSuppliers: Array<{ name: string; costCents: number }> } & Located) | null;
  /** Products with a stockout alert, used when there is no plan. */
  stockoutRisks: number;
  /** `seasonal`: how many of them look seasonal (slow-stock.ts seasonReturnDays), `backInWeeks` the latest of their seasons' return. */
  dead: { products: number; valueCents: number; top: Array<{ name: string; valueCents: number }>; seasonal?: { products: number; backInWeeks: number } } & Located;
  /** Slow-moving and overstocked products (as in the slow-stock report) and their stock beyond 13 weeks of cover. */
  overstock: { products: number; excessValueCents: number } & Located;
  worse: { products: number; names: string[] };
  hasForecast: boolean;
}

/**
 * Where the stock-health lines span several locations, a product can count once per location:
 * `products` are distinct products, `lines` the product-location lines, `locations` how many
 * locations they are at. Absent (or one location): one line per product.
 */
interface Located {
  lines?: number;
  locations?: number;
}

/** "" or, where the lines span several locations, " (3 lines at 2 locations)" (the wording of core/inventory/located-counts.ts). */
function atLocations(c: Located, fmt: TextFormat): string {
  if (c.lines === undefined || c.locations === undefined || c.locations <= 1) return '';
  return ` (${fmt.qty(c.lines)} ${c.lines === 1 ? 'line' : 'lines'} at ${fmt.qty(c.locations)} locations)`;
}

export interface NarrativeSection {
  topic: 'sales' | 'surprises' | 'ordering' | 'money' | 'accuracy';
  title: string;
  text: string;
}

export interface WeeklyNarrative {
  weekStartDay: number;
  weekEndDay: number;
  headline: string;
  sections: NarrativeSection[];
}

const MAX_NAMED = 3;

/** "A, B and C" (English list). */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function change(now: number, before: number, fmt: TextFormat): string {
  if (!(before > 0)) return '';
  const ratio = now / before - 1;
  if (Math.abs(ratio) < 0.005) return 'the same as the week before';
  return `${fmt.percent(Math.abs(ratio))} ${ratio > 0 ? 'more' : 'less'} than the week before`;
}

function salesSection(f: NarrativeFacts, fmt: TextFormat): NarrativeSection {
  const money = f.revenueCents !== null ? ` for ${fmt.money(f.revenueCents)}` : '';
  const versus = f.previousUnits !== null ? change(f.units, f.previousUnits, fmt) : '';
  let text = `You sold ${fmt.qty(f.units)} units${money}${versus ? `, ${versus}` : ''}.`;
  if (f.forecastUnits !== null && f.forecastUnits > 0) {
    const ratio = f.units / f.forecastUnits - 1;
    text +=
      Math.abs(ratio) < 0.05
        ? ` That is in line with the forecast (${fmt.qty(Math.round(f.forecastUnits))}).`
        : ` That is ${fmt.percent(Math.abs(ratio))} ${ratio > 0 ? 'above' : 'below'} the forecast of ${fmt.qty(Math.round(f.forecastUnits))}.`;
  }
  return { topic: 'sales', title: 'Sales', text };
}

function surpriseList(items: readonly ProductSurprise[], fmt: TextFormat): string {
  const top = [...items].sort((a, b) => b.impactCents - a.impactCents || b.actual - a.actual).slice(0, MAX_NAMED);
  const named = joinNames(top.map((s) => `${s.name} (${fmt.qty(s.actual)} against about ${fmt.qty(Math.round(s.expected))})`));
  const more = items.length > top.length ? ` and ${items.length - top.length} more` : '';
  return `${named}${more}`;
}

function surprisesSection(f: NarrativeFacts, fmt: TextFormat): NarrativeSection {
  const title = 'Above and below forecast';
  if (f.above.length === 0 && f.below.length === 0) {
    return { topic: 'surprises', title, text: f.hasForecast || f.forecastUnits !== null ? 'Nothing sold far outside its forecast.' : 'There is no forecast for this week yet, so nothing could be compared.' };
  }
  const parts: string[] = [];
  if (f.above.length > 0) parts.push(`Sold more than expected: ${surpriseList(f.above, fmt)}.`);
  if (f.below.length > 0) parts.push(`Sold less than expected: ${surpriseList(f.below, fmt)}.`);
  return { topic: 'surprises', title, text: parts.join(' ') };
}

function orderingSection(f: NarrativeFacts, fmt: TextFormat): NarrativeSection {
  const title = 'Needs ordering';
  const o = f.ordering;
  if (o === null) {
    const risk = f.stockoutRisks > 0 ? ` Meanwhile ${fmt.qty(f.stockoutRisks)} ${f.stockoutRisks === 1 ? 'product is' : 'products are'} at risk of running out within a week.` : '';
    return { topic: 'ordering', title, text: `No reorder plan has been made yet; make one to see what to order.${risk}` };
  }
  if (o.products === 0) return { topic: 'ordering', title, text: 'Nothing needs ordering: every product’s stock covers the lead time and the next review.' };
  const cost = o.costCents !== null ? ` for about ${fmt.money(o.costCents)}` : '';
  // `urgent` counts products, as `products` does; their urgent lines may be at several locations.
  const urgentAt = o.urgentLocations !== undefined && o.urgentLocations > 1 ? ` at ${fmt.qty(o.urgentLocations)} locations` : '';
  const urgent = o.urgent > 0 ? `, ${fmt.qty(o.urgent)} of them urgent${urgentAt} (they run out before a new delivery could arrive)` : '';
  const suppliers = o.topSuppliers.length > 0 ? ` Biggest orders: ${joinNames(o.topSuppliers.slice(0, MAX_NAMED).map((s) => `${s.name} (${fmt.money(s.costCents)})`))}.` : '';
  return { topic: 'ordering', title, text: `${fmt.qty(o.products)} ${o.products === 1 ? 'product' : 'products'}${atLocations(o, fmt)} ${o.products === 1 ? 'needs' : 'need'} ordering${cost}${urgent}.${suppliers}` };
}

function moneySection(f: NarrativeFacts, fmt: TextFormat): NarrativeSection {
  const title = 'Tying up money';
  const parts: string[] = [];
  if (f.dead.products > 0) {
    const top = f.dead.top.slice(0, MAX_NAMED).map((t) => `${t.name} (${fmt.money(t.valueCents)})`);
    parts.push(`${fmt.money(f.dead.valueCents)} sits in ${fmt.qty(f.dead.products)} ${f.dead.products === 1 ? 'product' : 'products'}${atLocations(f.dead, fmt)} that ${f.dead.products === 1 ? 'has' : 'have'} not sold for 26 weeks${top.length > 0 ? ` (largest: ${joinNames(top)})` : ''}.`);
    const seasonal = f.dead.seasonal;
    if (seasonal && seasonal.products > 0) {
      // `seasonal.products` counts lines (one per product and location), as `deadLines` does.
      const deadLines = f.dead.lines ?? f.dead.products;
      const who = deadLines === 1 ? 'It looks' : seasonal.products === deadLines ? (seasonal.products === 2 ? 'Both look' : `All ${fmt.qty(seasonal.products)} look`) : `${fmt.qty(seasonal.products)} of them ${seasonal.products === 1 ? 'looks' : 'look'}`;
      parts.push(`${who} seasonal, back in season within about ${fmt.qty(seasonal.backInWeeks)} ${seasonal.backInWeeks === 1 ? 'week' : 'weeks'}.`);
    }
  }
  if (f.overstock.products > 0) {
    parts.push(`${fmt.money(f.overstock.excessValueCents)}${f.dead.products > 0 ? ' more' : ''} is stock beyond 13 weeks of cover in ${fmt.qty(f.overstock.products)} slow-moving or overstocked ${f.overstock.products === 1 ? 'product' : 'products'}${atLocations(f.overstock, fmt)}.`);
  }
  return { topic: 'money', title, text: parts.length > 0 ? parts.join(' ') : 'No dead stock and no product with more than 13 weeks of cover.' };
}

function accuracySection(f: NarrativeFacts): NarrativeSection {
  const title = 'Forecasts that got worse';
  if (!f.hasForecast) return { topic: 'accuracy', title, text: 'No forecast has been made yet.' };
  if (f.worse.products === 0) return { topic: 'accuracy', title, text: 'No forecast got worse on the newest sales.' };
  const names = joinNames(f.worse.names.slice(0, MAX_NAMED));
  const more = f.worse.products > Math.min(MAX_NAMED, f.worse.names.length) ? ` and ${f.worse.products - Math.min(MAX_NAMED, f.worse.names.length)} more` : '';
  return { topic: 'accuracy', title, text: `The forecast missed the newest sales by much more than its backtest promised for ${names}${more}. Retraining is suggested.` };
}

export function weeklyNarrative(f: NarrativeFacts, fmt: TextFormat): WeeklyNarrative {
  const sections = [salesSection(f, fmt), surprisesSection(f, fmt), orderingSection(f, fmt), moneySection(f, fmt), accuracySection(f)];
  return { weekStartDay: f.weekStartDay, weekEndDay: f.weekEndDay, headline: `Week of ${fmt.dayRange(f.weekStartDay, f.weekEndDay)}`, sections };
}

/** The narrative as plain text (for the report's first page and for CSV/clipboard). */
export function narrativeText(n: WeeklyNarrative): string {
  return [n.headline, '', ...n.sections.map((s) => `${s.title}: ${s.text}`)].join('\n');
}
