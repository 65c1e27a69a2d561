import { z } from 'zod';
import { Empty, Id, IsoDate, Ok } from '../common';
import { command } from '../spec';

/** Alert kinds the rules produce (core/alerts/rules.ts); also a filter of the products list. */
export const AlertKind = z.enum([
  'stockout_lead_time',
  'stockout_7d',
  'below_reorder_point',
  'overstock',
  'dead_stock',
  'accuracy_degraded',
  'anomaly',
  'level_shift',
]);
export type AlertKind = z.infer<typeof AlertKind>;
export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const PRODUCT_SORT_FIELDS = [
  'sku',
  'name',
  'category',
  'supplierName',
  'abc',
  'xyz',
  'pattern',
  'onHand',
  'onOrder',
  'unitCostCents',
  'unitPriceCents',
  'stockValueCents',
  'soldLast28Days',
  'forecastNext28Days',
  'weeksOfCover',
  'suggestedQuantity',
  'alertSeverity',
  'lastSaleDay',
] as const;
export const ProductSortField = z.enum(PRODUCT_SORT_FIELDS);
export type ProductSortField = z.infer<typeof ProductSortField>;

export const PatternFilter = z.enum(['smooth', 'erratic', 'intermittent', 'lumpy', 'new', 'dead', 'unclassified']);

export const ProductFilters = z
  .object({
    abc: z.array(z.enum(['A', 'B', 'C', 'none'])).max(4).default([]),
    xyz: z.array(z.enum(['X', 'Y', 'Z', 'none'])).max(4).default([]),
    pattern: z.array(PatternFilter).max(7).default([]),
    /** Supplier ids; 0 stands for "no supplier". */
    supplierIds: z.array(z.number().int().nonnegative()).max(500).default([]),
    /** Category names; "" stands for "no category". */
    categories: z.array(z.string().max(200)).max(500).default([]),
    /** Products with an open alert of this kind ("any": of any kind). */
    alert: z.union([AlertKind, z.literal('any')]).nullable().default(null),
    includeInactive: z.boolean().default(false),
  })
  .strict();
export type ProductFilters = z.infer<typeof ProductFilters>;

export const ProductListQuery = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z.object({ field: ProductSortField, direction: z.enum(['asc', 'desc']) }).strict().default({ field: 'name', direction: 'asc' }),
    search: z.string().max(200).default(''),
    filters: ProductFilters.default(ProductFilters.parse({})),
  })
  .strict();
export type ProductListQuery = z.infer<typeof ProductListQuery>;

const n = z.number();
export const ProductRow = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  supplierId: z.number().int().nullable(),
  supplierName: z.string().nullable(),
  active: z.boolean(),
  abc: z.enum(['A', 'B', 'C']).nullable(),
  xyz: z.enum(['X', 'Y', 'Z']).nullable(),
  pattern: z.enum(['smooth', 'erratic', 'intermittent', 'lumpy']).nullable(),
  isNew: z.boolean(),
  isDead: z.boolean(),
  /** Latest stock count minus the sales since; null when the product was never counted. */
  onHand: n.nullable(),
  /** Locations whose counts onHand adds up (more than one in a shop that keeps this product at several). */
  stockLocations: z.number().int().nonnegative(),
  stockCountDay: IsoDate.nullable(),
  onOrder: n,
  unitCostCents: z.number().int().nullable(),
  unitPriceCents: z.number().int().nullable(),
  stockValueCents: z.number().int().nullable(),
  soldLast28Days: n,
  /** Sum of the latest forecast's means over the next 28 days; null without a forecast. */
  forecastNext28Days: n.nullable(),
  weeksOfCover: n.nullable(),
  suggestedQuantity: n.nullable(),
  priority: z.enum(['urgent', 'high', 'medium', 'low']).nullable(),
  /** Locations whose latest plan line has something to order; suggestedQuantity is their total. */
  orderLocations: z.number().int().nonnegative(),
  alertSeverity: Severity.nullable(),
  alertCount: z.number().int().nonnegative(),
  lastSaleDay: IsoDate.nullable(),
});
export type ProductRow = z.infer<typeof ProductRow>;

export const ProductList = z.object({
  rows: z.array(ProductRow),
  total: z.number().int().nonnegative(),
  /** The day the figures are as of: the last day with sales or a stock count. */
  asOfDay: IsoDate.nullable(),
  hasForecast: z.boolean(),
  hasPlan: z.boolean(),
});
export type ProductList = z.infer<typeof ProductList>;

export const FilterOptions = z.object({
  suppliers: z.array(z.object({ id: z.number().int().nonnegative(), name: z.string(), count: z.number().int() })),
  categories: z.array(z.object({ name: z.string(), count: z.number().int() })),
  classified: z.boolean(),
});
export type FilterOptions = z.infer<typeof FilterOptions>;

export const ColumnChoice = z.object({ hidden: z.array(z.string().max(60)).max(60) }).strict();
export type ColumnChoice = z.infer<typeof ColumnChoice>;

export const OverrideKind = z.enum(['percent', 'units']);
export const ForecastOverride = z.object({
  id: Id,
  productId: Id,
  locationId: z.number().int().nullable(),
  kind: OverrideKind,
  value: n,
  startDay: IsoDate.nullable(),
  endDay: IsoDate.nullable(),
  reason: z.string(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
});
export type ForecastOverride = z.infer<typeof ForecastOverride>;

export const NewOverride = z
  .object({
    productId: Id,
    locationId: z.number().int().positive().nullable().default(null),
    kind: OverrideKind,
    value: z.number().finite(),
    startDay: IsoDate.nullable().default(null),
    endDay: IsoDate.nullable().default(null),
    reason: z.string().trim().min(3, 'say in a few words why').max(500),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.kind === 'percent' && !(o.value > -100 && o.value <= 1000)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage change must be above −100% and at most +1000%' });
    }
    if (o.kind === 'units' && !(o.value >= 0)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'units per week cannot be negative' });
    if (o.startDay && o.endDay && o.endDay < o.startDay) ctx.addIssue({ code: 'custom', path: ['endDay'], message: 'the end is before the start' });
  });
export type NewOverride = z.input<typeof NewOverride>;

export const productCommands = {
  'products.list': command('One page of products, filtered, searched and sorted in SQL, with stock, forecast, plan and alert figures.', ProductListQuery, ProductList),
  'products.filterOptions': command('Suppliers and categories with their product counts, for the products filters.', Empty, FilterOptions),
  'products.columns.get': command('The product table columns the owner hid (remembered per workspace).', Empty, ColumnChoice),
  'products.columns.set': command('Remembers which product table columns are hidden.', ColumnChoice, ColumnChoice),
  'products.overrides.list': command('The manual forecast overrides of a product, active and removed.', z.object({ productId: Id }).strict(), z.array(ForecastOverride)),
  'products.overrides.add': command('Adds a manual forecast override with its reason (audited; the plan uses it).', NewOverride, ForecastOverride),
  'products.overrides.remove': command('Removes a manual forecast override (audited; kept in the history).', z.object({ id: Id }).strict(), Ok),
};
