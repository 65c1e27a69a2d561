import { z } from 'zod';
import { Empty, Id, IsoDate, JobStarted } from '../common';
import { command } from '../spec';

/** The stored run the screens read; `stale` once data was imported after it was made. */
export const CustomerRunInfo = z.object({
  runId: z.number().int(),
  createdAt: z.string(),
  asOf: IsoDate,
  /** Last day of the horizon (inclusive). */
  until: IsoDate,
  horizonWeeks: z.number().int(),
  stale: z.boolean(),
  products: z.number().int(),
  productsFailed: z.number().int(),
  minOrders: z.number().int(),
  minConfidence: z.number(),
  /** How the lapse model was checked on the window before the as-of day, when it was. */
  calibration: z
    .object({ from: IsoDate, cases: z.number().int(), observedRate: z.number(), predictedRate: z.number() })
    .nullable(),
});
export type CustomerRunInfo = z.infer<typeof CustomerRunInfo>;

export const CustomersStatus = z.object({
  run: CustomerRunInfo.nullable(),
  /** Customers with at least one sale, and the latest sale day, to say what a run would use. */
  customersWithSales: z.number().int(),
  lastSaleDay: IsoDate.nullable(),
});
export type CustomersStatus = z.infer<typeof CustomersStatus>;

/** One customer × product: rhythm, next expected order, confidence, overdue flag, revenue at stake. */
export const CustomerPrediction = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  externalId: z.string(),
  productId: z.number().int(),
  sku: z.string(),
  productName: z.string(),
  orderCount: z.number().int(),
  firstOrder: IsoDate,
  lastOrder: IsoDate,
  daysSinceLastOrder: z.number().int(),
  meanIntervalDays: z.number().nullable(),
  intervalSpreadDays: z.number().nullable(),
  typicalIntervalDays: z.number(),
  typicalQuantity: z.number(),
  expectedQuantity: z.number(),
  /** P(at least one order within the horizon). */
  confidence: z.number().min(0).max(1),
  probabilityActive: z.number().min(0).max(1),
  overdueProbability: z.number().min(0).max(1),
  /** Last order + typical interval: when their rhythm put the next order. Before asOf whenever atRisk. */
  dueOrder: IsoDate,
  /** Median next order if they still buy in rhythm, given none so far (on or after asOf), with its 80% range. */
  nextOrder: IsoDate,
  nextOrderLow: IsoDate,
  nextOrderHigh: IsoDate,
  /** If they order within the horizon (in rhythm or back from a lapse), most likely on this day. */
  likelyOrder: IsoDate.nullable(),
  expectedOrders: z.number(),
  expectedUnits: z.number(),
  /** Units over the horizon at their usual rhythm and order size: what revenueAtStakeCents prices. */
  unitsAtStake: z.number(),
  revenueAtStakeCents: z.number().int().nullable(),
  atRisk: z.boolean(),
  reason: z.string(),
});
export type CustomerPrediction = z.infer<typeof CustomerPrediction>;

export const CustomerPredictionWeek = z.object({
  week: z.number().int(),
  start: IsoDate,
  /** P(the next order falls in this week), P(any order in it), expected units. */
  nextOrderProbability: z.number(),
  orderProbability: z.number(),
  expectedUnits: z.number(),
});

export const PredictionSort = z.enum(['revenueAtStake', 'nextOrder', 'confidence', 'customer', 'expectedUnits']);

export const CustomersListInput = z
  .object({
    search: z.string().max(200).optional(),
    atRiskOnly: z.boolean().default(false),
    customerId: Id.optional(),
    productId: Id.optional(),
    sort: PredictionSort.default('revenueAtStake'),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const WeeklyCustomerExpectation = z.object({
  week: z.number().int(),
  start: IsoDate,
  end: IsoDate,
  expectedOrders: z.number(),
  expectedUnits: z.number(),
  expectedRevenueCents: z.number().int().nullable(),
  /** Units at the quantile levels 5, 10, 25, 50, 75, 90, 95 %. */
  unitsQuantiles: z.array(z.number()),
  averageConfidence: z.number(),
  expectedCustomers: z.array(
    z.object({ customerId: z.number().int(), customerName: z.string(), probability: z.number(), expectedUnits: z.number(), confidence: z.number() }),
  ),
});

export const AtRiskCustomer = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  lastOrder: IsoDate,
  daysSinceLastOrder: z.number().int(),
  typicalIntervalDays: z.number(),
  overdueProbability: z.number(),
  probabilityActive: z.number(),
  revenueAtStakeCents: z.number().int().nullable(),
  reason: z.string(),
});
export type AtRiskCustomer = z.infer<typeof AtRiskCustomer>;

export const TopCustomer = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  expectedUnits: z.number(),
  expectedOrders: z.number(),
  confidence: z.number(),
  historicalUnits: z.number(),
  historicalOrders: z.number().int(),
});

/** The customer-driven view of one product, or why there is none. */
export const ProductCustomerView = z.object({
  run: CustomerRunInfo.nullable(),
  productId: z.number().int(),
  sku: z.string(),
  productName: z.string(),
  status: z.enum(['ok', 'no_predictable_customers', 'failed', 'not_computed']),
  message: z.string().nullable(),
  unitPriceCents: z.number().int().nullable(),
  summary: z
    .object({
      expectedUnits: z.number(),
      expectedOrders: z.number(),
      expectedRevenueCents: z.number().int().nullable(),
      averageConfidence: z.number(),
      customersFound: z.number().int(),
      customersModelled: z.number().int(),
      customersListed: z.number().int(),
    })
    .nullable(),
  weeks: z.array(WeeklyCustomerExpectation),
  topCustomers: z.array(TopCustomer),
  atRisk: z.array(AtRiskCustomer),
  /** Customers left out because of bad data, with the reason. */
  issues: z.array(z.string()),
});
export type ProductCustomerView = z.infer<typeof ProductCustomerView>;

export const customersCommands = {
  'customers.status': command('The current customer predictions run (stale after an import) and what a new run would use.', Empty, CustomersStatus),
  'customers.run': command(
    'Predicts every repeat customer\'s next orders for every product and stores the result (a job).',
    z
      .object({
        asOf: IsoDate.optional(),
        horizonWeeks: z.number().int().min(1).max(52).default(12),
        minOrders: z.number().int().min(2).max(50).default(2),
        minConfidence: z.number().min(0).max(1).default(0.3),
      })
      .strict(),
    JobStarted,
  ),
  'customers.list': command(
    'Stored customer × product predictions, filtered, sorted and paged.',
    CustomersListInput,
    z.object({ run: CustomerRunInfo.nullable(), rows: z.array(CustomerPrediction), total: z.number().int() }),
  ),
  'customers.detail': command(
    'One customer: who they are, what they bought, and the prediction for each product they buy repeatedly.',
    z.object({ customerId: Id }).strict(),
    z.object({
      run: CustomerRunInfo.nullable(),
      customer: z.object({ id: z.number().int(), externalId: z.string(), name: z.string() }),
      history: z.object({ orderDays: z.number().int(), firstOrder: IsoDate.nullable(), lastOrder: IsoDate.nullable(), revenueCents: z.number().int(), products: z.number().int() }),
      summary: z.object({ predictedProducts: z.number().int(), atRiskProducts: z.number().int(), expectedUnits: z.number(), revenueAtStakeCents: z.number().int() }),
      predictions: z.array(CustomerPrediction.extend({ weeks: z.array(CustomerPredictionWeek) })),
    }),
  ),
  'customers.product': command('Expected customer orders of one product per week, its top customers and at-risk customers.', z.object({ productId: Id }).strict(), ProductCustomerView),
};
