/**
 * Alert rules (issue 6): each turns the facts of one product into zero or more alerts
 * with a severity and a one-sentence message that carries its own numbers.
 *
 *  stockout_lead_time  critical  the shelf empties (at the forecast's average pace, deliveries
 *                                on order counted) before an order placed today could arrive
 *  stockout_7d         warning   it empties within 7 days, but an order placed now is in time
 *  below_reorder_point warning   inventory position (on hand + on order) at or below the plan's
 *                                reorder point (only when no stockout alert says more)
 *  overstock           info      the stock-health assessment calls it slow-moving or overstocked
 *  dead_stock          info      the stock-health assessment calls it dead
 *  accuracy_degraded   warning   the forecast's error on actuals that arrived after it was made
 *                                is well above the error its backtest promised: retrain
 *  anomaly, level_shift          see series.ts
 *
 * Dead stock and overstock are not decided here: they are the slow-stock report's
 * assessment (core/inventory/slow-stock.ts `assessStock`, read through
 * slow-stock-workspace.ts), so the Alerts screen, the dashboard's dead-stock tile, the
 * products list's alert filter, the weekly summary and the report (screen, PDF, CSV) name the
 * same products with the same money. `dead` raises dead_stock with the whole stock value;
 * `slow` and `overstock` raise overstock with the value beyond 13 weeks of cover (slow stock
 * has more than 26 weeks of cover, so it is overstocked too).
 */
import type { AlertKind, Severity } from '../contract/commands/products';
import type { StockAssessment } from '../inventory/slow-stock';
import { STOCK_HEALTH_DEFAULTS, seasonalNote } from '../inventory/slow-stock';
import type { TextFormat } from './format';
import type { Receipt } from './projection';
import { daysUntilStockout } from './projection';

export const STOCKOUT_SOON_DAYS = 7;
/** New-actual error must exceed the backtest's by this factor (and be worse than naive). */
export const DEGRADED_FACTOR = 1.5;
export const DEGRADED_MIN_PERIODS = 3;

export interface AlertDraft {
  kind: AlertKind;
  severity: Severity;
  productId: number | null;
  locationId: number | null;
  dedupeKey: string;
  message: string;
  details: Record<string, unknown>;
}

export interface ProductFacts {
  productId: number;
  sku: string;
  name: string;
  /** null: the product was never counted, so stock rules cannot run. */
  onHand: number | null;
  receipts: Receipt[];
  unitCostCents: number | null;
  leadTimeDays: number;
  /** Means of the latest forecast, one per period from the period holding "now"; null without a forecast. */
  forecastMeans: number[] | null;
  forecastPeriodDays: number;
  /** Days from the start of the first forecast period to now. */
  forecastElapsedDays: number;
  reorderPoint: number | null;
  /**
   * The product's lines of the workspace's stock-health assessment (one per location with a
   * finding; empty when its stock is healthy). `locationId` is set when it has several.
   */
  /** locationId is null unless the product has lines at several locations; locationName unless the shop keeps stock at several. */
  stockHealth: ReadonlyArray<StockAssessment & { locationId: number | null; locationName?: string | null }>;
  /**
   * The location whose stock line these facts are, in a shop with several (onHand, receipts,
   * forecastMeans and reorderPoint are then that location's): `name` goes into the stock-level
   * alerts' text, `id` onto the alert (null when the product keeps stock at that one location only).
   */
  location?: { id: number | null; name: string | null } | null;
  /** Error of the latest forecast on actuals that arrived after it was made. */
  accuracy: { newPeriods: number; newMase: number; backtestMase: number | null } | null;
}

export interface RuleContext {
  asOfDay: number;
  format: TextFormat;
}

function key(kind: AlertKind, productId: number, suffix = ''): string {
  return `${kind}:${productId}${suffix ? `:${suffix}` : ''}`;
}

/** Mean weekly demand over the first four forecast periods (or fewer). */
export function weeklyPace(f: ProductFacts): number | null {
  if (!f.forecastMeans || f.forecastMeans.length === 0) return null;
  const take = f.forecastMeans.slice(0, Math.max(1, Math.round(28 / f.forecastPeriodDays)));
  const perDay = take.reduce((a, b) => a + Math.max(0, b), 0) / (take.length * f.forecastPeriodDays);
  return perDay * 7;
}

/** Every alert of one product: its stock level (stockout, reorder point), stock health and forecast accuracy. */
export function stockAlerts(f: ProductFacts, ctx: RuleContext): AlertDraft[] {
  return [...stockLevelAlerts(f, ctx), ...stockHealthAlerts(f, ctx), ...accuracyAlerts(f, ctx)];
}

/**
 * Stockout and reorder-point alerts of one stock line: the product's, or in a shop with several
 * locations one location's (`f.location`: its stock, orders due there, forecast and plan line),
 * since a kiosk can run out while the main shop has plenty.
 */
export function stockLevelAlerts(f: ProductFacts, ctx: RuleContext): AlertDraft[] {
  const out: AlertDraft[] = [];
  const fmt = ctx.format;
  const at = f.location ?? { id: null, name: null };
  const base = { productId: f.productId, locationId: at.id };
  const suffix = at.id === null ? '' : `@${at.id}`;
  if (f.onHand === null) return out;
  const onOrder = f.receipts.reduce((a, r) => a + r.quantity, 0);
  const pace = weeklyPace(f);
  const label = `${f.name} (${f.sku})${at.name === null ? '' : ` at ${at.name}`}`;

  let stockoutRaised = false;
  if (f.forecastMeans && pace !== null && pace > 0) {
    const days = daysUntilStockout(f.onHand, f.receipts, f.forecastMeans, f.forecastPeriodDays, f.forecastElapsedDays, 366);
    if (days !== null) {
      const whole = Math.floor(days);
      const when = whole <= 0 ? (f.onHand <= 0 ? 'is out of stock now' : 'runs out today') : `runs out in about ${whole} ${whole === 1 ? 'day' : 'days'}`;
      const stockText = `${fmt.qty(f.onHand)} on hand${onOrder > 0 ? `, ${fmt.qty(onOrder)} on order` : ''}, selling about ${fmt.qty(pace)} a week`;
      const details = { daysUntilStockout: days, onHand: f.onHand, onOrder, weeklyPace: pace, leadTimeDays: f.leadTimeDays, ...(at.name === null ? {} : { locationName: at.name }) };
      if (days < f.leadTimeDays) {
        out.push({ ...base, kind: 'stockout_lead_time', severity: 'critical', dedupeKey: key('stockout_lead_time', f.productId, suffix), details, message: `${label} ${when} (${stockText}); an order placed today arrives in ${fmt.qty(f.leadTimeDays)} days.` });
        stockoutRaised = true;
      } else if (days < STOCKOUT_SOON_DAYS) {
        out.push({ ...base, kind: 'stockout_7d', severity: 'warning', dedupeKey: key('stockout_7d', f.productId, suffix), details, message: `${label} ${when} (${stockText}); order now: delivery takes ${fmt.qty(f.leadTimeDays)} days.` });
        stockoutRaised = true;
      }
    }
  }

  if (!stockoutRaised && f.reorderPoint !== null) {
    const position = f.onHand + onOrder;
    if (position <= f.reorderPoint && f.reorderPoint > 0) {
      out.push({
        ...base,
        kind: 'below_reorder_point',
        severity: 'warning',
        dedupeKey: key('below_reorder_point', f.productId, suffix),
        details: { position, reorderPoint: f.reorderPoint, onHand: f.onHand, onOrder, ...(at.name === null ? {} : { locationName: at.name }) },
        message: `${label} is at or below its reorder point: ${fmt.qty(position)} on hand and on order against a reorder point of ${fmt.qty(f.reorderPoint)}.`,
      });
    }
  }
  return out;
}

export function accuracyAlerts(f: ProductFacts, ctx: RuleContext): AlertDraft[] {
  const out: AlertDraft[] = [];
  const fmt = ctx.format;
  const base = { productId: f.productId, locationId: null };
  const label = `${f.name} (${f.sku})`;
  const acc = f.accuracy;
  if (acc && acc.newPeriods >= DEGRADED_MIN_PERIODS) {
    const reference = acc.backtestMase ?? 1;
    if (acc.newMase > DEGRADED_FACTOR * reference && acc.newMase > 1) {
      out.push({
        ...base,
        kind: 'accuracy_degraded',
        severity: 'warning',
        dedupeKey: key('accuracy_degraded', f.productId),
        details: acc,
        message: `The forecast for ${label} has been off on the ${acc.newPeriods} newest periods: error ${fmt.decimal(acc.newMase, 2)} against ${fmt.decimal(reference, 2)} ${acc.backtestMase === null ? 'for a naive forecast' : 'in its backtest'} (MASE). Retraining is suggested.`,
      });
    }
  }
  return out;
}

/** The alert each line of the shared stock-health assessment raises (see the header). */
export function stockHealthAlerts(f: Pick<ProductFacts, 'productId' | 'sku' | 'name' | 'stockHealth'>, ctx: RuleContext): AlertDraft[] {
  const fmt = ctx.format;
  const productLabel = `${f.name} (${f.sku})`;
  const weeks = STOCK_HEALTH_DEFAULTS.overstockWeeks;
  return f.stockHealth.map((a): AlertDraft => {
    const suffix = a.locationId === null ? '' : `@${a.locationId}`;
    const label = a.locationName ? `${productLabel} at ${a.locationName}` : productLabel;
    const base = { productId: f.productId, locationId: a.locationId };
    if (a.health === 'dead') {
      const lastSaleDay = a.daysSinceLastSale === null ? null : ctx.asOfDay - a.daysSinceLastSale;
      const since = lastSaleDay === null ? 'has never sold' : `has not sold since ${fmt.day(lastSaleDay)}`;
      const value = a.moneyTiedUpCents;
      return {
        ...base,
        kind: 'dead_stock',
        severity: 'info',
        dedupeKey: key('dead_stock', f.productId, suffix),
        details: { onHand: a.onHand, valueCents: value, lastSaleDay, seasonReturnDays: a.seasonReturnDays },
        message: `${label} ${since}; ${fmt.qty(a.onHand)} in stock${value !== null ? ` worth ${fmt.money(value)}` : ''}.${a.seasonReturnDays === null ? '' : ` ${seasonalNote(a.seasonReturnDays)}`}`,
      };
    }
    const stock =
      a.weeksOfCover === null
        ? `${label} is not selling at the moment (${fmt.qty(a.onHand)} on hand)`
        : `${label} has ${fmt.qty(a.weeksOfCover)} weeks of stock (${fmt.qty(a.onHand)} on hand, selling about ${fmt.qty(a.weeklyPace)} a week)`;
    const turns = a.health === 'slow' && a.weeksOfCover !== null && a.turnoverPerYear !== null ? `, so it turns over only ${fmt.decimal(a.turnoverPerYear, 1)} times a year` : '';
    const money = a.excessValueCents !== null ? `; ${fmt.money(a.excessValueCents)} is tied up beyond ${weeks} weeks of cover` : '';
    return {
      ...base,
      kind: 'overstock',
      severity: 'info',
      dedupeKey: key('overstock', f.productId, suffix),
      details: {
        health: a.health,
        weeksOfCover: a.weeksOfCover,
        turnoverPerYear: a.turnoverPerYear,
        onHand: a.onHand,
        weeklyPace: a.weeklyPace,
        paceSource: a.paceSource,
        excessUnits: a.excessUnits,
        excessValueCents: a.excessValueCents,
      },
      message: `${stock}${turns}${money}.`,
    };
  });
}
