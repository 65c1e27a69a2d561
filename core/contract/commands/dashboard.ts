import { z } from 'zod';
import { Empty, Id, IsoDate } from '../common';
import { command } from '../spec';
import { AlertCounts, AlertItem, AlertsState } from './alerts';

const n = z.number();

export const AccuracyGroup = z.object({
  /** "all" or an ABC class. */
  group: z.enum(['all', 'A', 'B', 'C', 'unclassified']),
  products: z.number().int(),
  /** Median MASE of the chosen models and of the naive forecast over the same backtests. */
  medianMase: n.nullable(),
  medianNaiveMase: n.nullable(),
  /** 1 − geometric mean of (model MASE / naive MASE): the typical error reduction against naive. */
  errorReduction: n.nullable(),
  /** Share of products whose model beats the naive forecast. */
  beatsNaiveShare: n.nullable(),
});
export type AccuracyGroup = z.infer<typeof AccuracyGroup>;

export const NarrativeSection = z.object({ topic: z.string(), title: z.string(), text: z.string() });
export const WeeklySummary = z.object({
  weekStartDay: IsoDate,
  weekEndDay: IsoDate,
  headline: z.string(),
  sections: z.array(NarrativeSection),
  generatedAt: z.string(),
});
export type WeeklySummary = z.infer<typeof WeeklySummary>;

export const DashboardSummary = z.object({
  asOfDay: IsoDate.nullable(),
  historyDays: z.number().int(),
  products: z.number().int(),
  accuracy: z.object({ runId: Id, runAsOfDay: IsoDate, groups: z.array(AccuracyGroup) }).nullable(),
  stock: z.object({ valueCents: z.number().int(), countedProducts: z.number().int(), uncostedProducts: z.number().int() }),
  /** Cost of goods sold over the last 52 weeks ÷ current stock value (computed by the last alerts refresh). */
  turnover: z.object({ cogsCents: z.number().int(), turnsPerYear: n.nullable() }).nullable(),
  /**
   * Products that run out before an order placed now arrives (beforeDelivery) or before the
   * next review: from the reorder plan when there is one (as the weekly summary's "urgent"),
   * else from the stockout alerts. withoutStockCount: of those, the ones with no stock count.
   */
  /**
   * Distinct products at risk (`beforeDelivery` and `withoutStockCount` are products too); `lines`
   * the product-location lines they are and `locations` how many locations those name (in a shop
   * with one location, lines = products and locations ≤ 1).
   */
  atRisk: z.object({ products: z.number().int(), beforeDelivery: z.number().int(), source: z.enum(['plan', 'alerts']), withoutStockCount: z.number().int(), lines: z.number().int(), locations: z.number().int() }),
  deadStock: z.object({ products: z.number().int(), valueCents: z.number().int() }),
  nextDeliveries: z.array(
    z.object({ poId: Id, number: z.string(), supplierName: z.string().nullable(), expectedDay: IsoDate.nullable(), lines: z.number().int(), units: n, valueCents: z.number().int().nullable(), late: z.boolean() }),
  ),
  openPurchaseOrders: z.number().int(),
  alerts: z.object({ counts: AlertCounts, top: z.array(AlertItem) }),
  summary: WeeklySummary.nullable(),
  state: AlertsState,
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

export const dashboardCommands = {
  'dashboard.summary': command('The dashboard: accuracy vs naive, stock value, turnover, products at risk, dead stock, next deliveries, alerts and this week’s summary.', Empty, DashboardSummary),
  'dashboard.weeklySummary': command('This week’s summary as the last alerts refresh wrote it (for the reorder report’s first page).', Empty, WeeklySummary.nullable()),
};
