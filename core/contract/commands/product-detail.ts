import { z } from 'zod';
import { Id, IsoDate } from '../common';
import { command } from '../spec';
import { AlertItem } from './alerts';
import { ForecastOverride } from './products';

const n = z.number();
const Source = z.enum(['product', 'supplier', 'default', 'class']);

export const BacktestRow = z.object({
  model: z.string(),
  origins: z.number().int(),
  mase: n.nullable(),
  wape: n.nullable(),
  bias: n.nullable(),
  coverage80: n.nullable(),
  naiveMase: n.nullable(),
  chosen: z.boolean(),
});

/** One recommendation of the reorder plan, as the product page shows it. */
export const Recommendation = z.object({
  id: Id,
  createdAt: z.string(),
  /** The last day of data its plan used: "data as of"; null outside a plan. */
  dataAsOf: IsoDate.nullable(),
  status: z.string(),
  onHand: n,
  onOrder: n,
  reorderPoint: n,
  orderUpToLevel: n,
  safetyStock: n,
  suggestedQuantity: n,
  finalQuantity: n.nullable(),
  unitCostCents: z.number().int().nullable(),
  priority: z.enum(['urgent', 'high', 'medium', 'low']),
  reasoning: z.string(),
  /** Numeric inputs and outputs of the policy, as stored by the plan (service level, lead time, days of cover …). */
  figures: z.record(z.string(), n),
});

export const ProductDetail = z.object({
  product: z.object({
    id: Id,
    sku: z.string(),
    name: z.string(),
    category: z.string().nullable(),
    supplierId: z.number().int().nullable(),
    supplierName: z.string().nullable(),
    unitCostCents: z.number().int().nullable(),
    unitPriceCents: z.number().int().nullable(),
    leadTimeDays: n,
    leadTimeSource: Source,
    moq: n.nullable(),
    casePack: n.nullable(),
    shelfLifeDays: n.nullable(),
    serviceLevel: n,
    serviceLevelSource: Source,
    active: z.boolean(),
  }),
  classes: z
    .object({
      abc: z.enum(['A', 'B', 'C']).nullable(),
      xyz: z.enum(['X', 'Y', 'Z']).nullable(),
      pattern: z.enum(['smooth', 'erratic', 'intermittent', 'lumpy']).nullable(),
      isNew: z.boolean(),
      isDead: z.boolean(),
      adi: n.nullable(),
      cv2: n.nullable(),
      historyPeriods: z.number().int().nullable(),
      description: z.string(),
    })
    .nullable(),
  stock: z.object({
    onHand: n.nullable(),
    countDay: IsoDate.nullable(),
    /** In a shop with several locations, on hand at each where the product was counted, sold or received (onHand null: never counted there); empty otherwise. */
    byLocation: z.array(z.object({ locationId: Id, locationName: z.string(), onHand: n.nullable(), countDay: IsoDate.nullable() })),
    onOrder: n,
    receipts: z.array(z.object({ poNumber: z.string(), quantity: n, expectedDay: IsoDate.nullable() })),
  }),
  asOfDay: IsoDate.nullable(),
  soldLast28Days: n,
  soldLast52Weeks: n,
  model: z
    .object({
      runId: Id,
      runAt: z.string(),
      /** The run's first forecast day. */
      runAsOfDay: IsoDate,
      /** The last day of data the forecast saw (runAsOfDay − 1): "data as of". */
      dataAsOf: IsoDate,
      period: z.enum(['day', 'week']),
      model: z.string(),
      params: z.record(z.string(), z.unknown()).nullable(),
      reason: z.string(),
      candidates: z.array(BacktestRow),
    })
    .nullable(),
  recommendation: Recommendation.nullable(),
  /** In a shop with several locations, the latest line at each location the product was planned for (the plan orders for each separately); empty otherwise. */
  recommendationsByLocation: z.array(Recommendation.extend({ locationId: Id, locationName: z.string() })),
  revenue: z.object({ next4WeeksCents: z.number().int(), horizonCents: z.number().int(), horizonWeeks: n }).nullable(),
  openAlerts: z.array(AlertItem),
  overrides: z.array(ForecastOverride),
  locations: z.array(z.object({ id: Id, name: z.string(), units: n })),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

const Quantiles = { q05: n, q10: n, q25: n, q50: n, q75: n, q90: n, q95: n };
export const ForecastPoint = z.object({ start: IsoDate, mean: n, ...Quantiles });
export type ForecastPoint = z.infer<typeof ForecastPoint>;

export const ProductChart = z.object({
  period: z.enum(['day', 'week']),
  periodDays: z.number().int(),
  history: z.array(z.object({ start: IsoDate, units: n, excluded: z.boolean() })),
  stockCounts: z.array(z.object({ day: IsoDate, onHand: n })),
  stockouts: z.array(z.object({ start: IsoDate, end: IsoDate })),
  events: z.array(z.object({ name: z.string(), type: z.string(), start: IsoDate, end: IsoDate, multiplier: n.nullable(), source: z.enum(['event', 'holiday']) })),
  forecast: z.array(ForecastPoint),
  /** The forecast with the owner's overrides applied; null when none is active. */
  adjusted: z.array(ForecastPoint).nullable(),
  /** The chosen forecast over its backtest windows (later origin wins where they overlap); `window` numbers the origins. Null before any forecast run that stored them. */
  backtest: z.array(z.object({ start: IsoDate, value: n, window: z.number().int().min(0) })).nullable(),
  anomalies: z.array(z.object({ start: IsoDate, actual: n, expected: n, lower: n, upper: n, direction: z.enum(['above', 'below']) })),
  oneOffs: z.array(z.object({ id: Id, start: IsoDate, end: IsoDate, reason: z.string().nullable() })),
});
export type ProductChart = z.infer<typeof ProductChart>;

export const WhatIfInput = z
  .object({
    productId: Id,
    /** The location whose stock, forecast and plan line to work on; null: the one with the most sales (the only one in most shops). */
    locationId: Id.nullable().default(null),
    serviceLevel: z.number().min(0.5, 'a service level below 50% is not a plan').max(0.999, 'at most 99.9%').nullable().default(null),
    leadTimeDays: z.number().min(0).max(365, 'at most a year').nullable().default(null),
    /** A promotion: demand in the chosen forecast weeks times the multiplier. */
    promotion: z.object({ weeks: z.array(IsoDate).max(60), multiplier: z.number().min(0).max(10, 'a multiplier above 10 is surely a typo') }).strict().nullable().default(null),
  })
  .strict();
export type WhatIfInput = z.output<typeof WhatIfInput>;

export const WhatIfNumbers = z.object({
  serviceLevel: n,
  leadTimeDays: n,
  reviewPeriodDays: n,
  reorderPoint: n,
  orderUpToLevel: n,
  safetyStock: n,
  meanLeadTimeDemand: n,
  meanCycleDemand: n,
  inventoryPosition: n,
  suggestedQuantity: n,
  cases: n,
  costCents: z.number().int().nullable(),
  daysOfCover: n.nullable(),
  expectedStockoutDay: IsoDate.nullable(),
  stockoutProbabilityBeforeDelivery: n,
  priority: z.enum(['urgent', 'high', 'medium', 'low']),
});
export type WhatIfNumbers = z.infer<typeof WhatIfNumbers>;

export const WhatIfResult = z.object({
  locationId: Id,
  asOfDay: IsoDate,
  overridesApplied: z.number().int(),
  periods: z.array(z.object({ start: IsoDate, mean: n, promoted: z.boolean() })),
  base: WhatIfNumbers,
  whatIf: WhatIfNumbers,
  baseReasoning: z.string(),
  reasoning: z.string(),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;

export const productDetailCommands = {
  'products.whatIf': command('Recomputes the reorder numbers of one product under a different service level, lead time or promotion, without saving.', WhatIfInput, WhatIfResult),
  'products.detail': command('Everything about one product: stock, classes, model and backtest, plan numbers, revenue forecast, overrides, alerts.', z.object({ id: Id }).strict(), ProductDetail),
  'products.chart': command(
    'Series for the product chart: history (weekly), stock counts and stockouts, events and holidays, forecast with bands, overrides, unusual weeks.',
    z.object({ id: Id, locationId: Id.nullable().default(null) }).strict(),
    ProductChart,
  ),
};
