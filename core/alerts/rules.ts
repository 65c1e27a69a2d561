/**
 * Alert rules (issue 6): each turns the facts of one product into zero or more alerts
 * with a severity and a one-sentence message that carries its own numbers.
 *
 *  stockout_lead_time  critical  the shelf empties (at the forecast's average pace, deliveries
 *                                on order counted) before an order placed today could arrive
 *  stockout_7d         warning   it empties within 7 days, but an order placed now is in time
 *  below_reorder_point warning   inventory position (on hand + on order) at or below the plan's
 *                                reorder point (only when no stockout alert says more)
 *  overstock           info      more than OVERSTOCK_WEEKS weeks of cover at the forecast's pace,
 *                                and above the plan's order-up-to level when there is a plan
 *  dead_stock          info      stock on hand and no sale in DEAD_AFTER_DAYS days
 *  accuracy_degraded   warning   the forecast's error on actuals that arrived after it was made
 *                                is well above the error its backtest promised: retrain
 *  anomaly, level_shift          see series.ts
 */
import type { AlertKind, Severity } from '../contract/commands/products';
import type { TextFormat } from './format';
import type { Receipt } from './projection';
import { daysUntilStockout } from './projection';

export const OVERSTOCK_WEEKS = 13;
export const DEAD_AFTER_DAYS = 26 * 7;
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
  orderUpToLevel: number | null;
  lastSaleDay: number | null;
  /** Error of the latest forecast on actuals that arrived after it was made. */
  accuracy: { newPeriods: number; newMase: number; backtestMase: number | null } | null;
}

export interface RuleContext {
  asOfDay: number;
  /** First day of the workspace's sales history (dead stock needs that much history). */
  historyStartDay: number | null;
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

export function stockAlerts(f: ProductFacts, ctx: RuleContext): AlertDraft[] {
  const out: AlertDraft[] = [];
  const fmt = ctx.format;
  const base = { productId: f.productId, locationId: null };
  if (f.onHand === null) return out;
  const onOrder = f.receipts.reduce((a, r) => a + r.quantity, 0);
  const pace = weeklyPace(f);
  const label = `${f.name} (${f.sku})`;

  let stockoutRaised = false;
  if (f.forecastMeans && pace !== null && pace > 0) {
    const days = daysUntilStockout(f.onHand, f.receipts, f.forecastMeans, f.forecastPeriodDays, f.forecastElapsedDays, 366);
    if (days !== null) {
      const whole = Math.floor(days);
      const when = whole <= 0 ? (f.onHand <= 0 ? 'is out of stock now' : 'runs out today') : `runs out in about ${whole} ${whole === 1 ? 'day' : 'days'}`;
      const stockText = `${fmt.qty(f.onHand)} on hand${onOrder > 0 ? `, ${fmt.qty(onOrder)} on order` : ''}, selling about ${fmt.qty(pace)} a week`;
      const details = { daysUntilStockout: days, onHand: f.onHand, onOrder, weeklyPace: pace, leadTimeDays: f.leadTimeDays };
      if (days < f.leadTimeDays) {
        out.push({ ...base, kind: 'stockout_lead_time', severity: 'critical', dedupeKey: key('stockout_lead_time', f.productId), details, message: `${label} ${when} (${stockText}); an order placed today arrives in ${fmt.qty(f.leadTimeDays)} days.` });
        stockoutRaised = true;
      } else if (days < STOCKOUT_SOON_DAYS) {
        out.push({ ...base, kind: 'stockout_7d', severity: 'warning', dedupeKey: key('stockout_7d', f.productId), details, message: `${label} ${when} (${stockText}); order now: delivery takes ${fmt.qty(f.leadTimeDays)} days.` });
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
        dedupeKey: key('below_reorder_point', f.productId),
        details: { position, reorderPoint: f.reorderPoint, onHand: f.onHand, onOrder },
        message: `${label} is at or below its reorder point: ${fmt.qty(position)} on hand and on order against a reorder point of ${fmt.qty(f.reorderPoint)}.`,
      });
    }
  }

  if (pace !== null && pace > 0 && f.onHand > 0) {
    const weeksOfCover = f.onHand / pace;
    const aboveTarget = f.orderUpToLevel === null || f.onHand > f.orderUpToLevel;
    if (weeksOfCover > OVERSTOCK_WEEKS && aboveTarget) {
      const excess = f.onHand - OVERSTOCK_WEEKS * pace;
      const excessValue = f.unitCostCents === null ? null : Math.round(excess * f.unitCostCents);
      out.push({
        ...base,
        kind: 'overstock',
        severity: 'info',
        dedupeKey: key('overstock', f.productId),
        details: { weeksOfCover, onHand: f.onHand, weeklyPace: pace, excessUnits: excess, excessValueCents: excessValue },
        message: `${label} has ${fmt.qty(weeksOfCover)} weeks of stock (${fmt.qty(f.onHand)} on hand, selling about ${fmt.qty(pace)} a week)${excessValue !== null ? `; ${fmt.money(excessValue)} is tied up beyond ${OVERSTOCK_WEEKS} weeks of cover` : ''}.`,
      });
    }
  }

  const historyLongEnough = ctx.historyStartDay !== null && ctx.asOfDay - ctx.historyStartDay >= DEAD_AFTER_DAYS;
  const idleDays = f.lastSaleDay === null ? null : ctx.asOfDay - f.lastSaleDay;
  if (f.onHand > 0 && historyLongEnough && (idleDays === null || idleDays >= DEAD_AFTER_DAYS)) {
    const value = f.unitCostCents === null ? null : Math.round(f.onHand * f.unitCostCents);
    const since = f.lastSaleDay === null ? 'has never sold' : `has not sold since ${fmt.day(f.lastSaleDay)}`;
    out.push({
      ...base,
      kind: 'dead_stock',
      severity: 'info',
      dedupeKey: key('dead_stock', f.productId),
      details: { onHand: f.onHand, valueCents: value, lastSaleDay: f.lastSaleDay },
      message: `${label} ${since}; ${fmt.qty(f.onHand)} in stock${value !== null ? ` worth ${fmt.money(value)}` : ''}.`,
    });
  }

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
