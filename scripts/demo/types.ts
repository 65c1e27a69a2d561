/** Shapes shared by the demo shop generator's modules. Money is integer pence. */

export const CATEGORIES = ['Coffee & Tea', 'Bakery', 'Dairy & Chilled', 'Pantry', 'Snacks', 'Drinks', 'Household', 'Gifts'] as const;
export type Category = (typeof CATEGORIES)[number];

/** fast: sells most days; medium: most days; slow: intermittent; lumpy: rare, several at once. */
export type DemandTier = 'fast' | 'medium' | 'slow' | 'lumpy';

export type Season =
  | { kind: 'summer'; amplitude: number }
  | { kind: 'winter'; amplitude: number }
  | { kind: 'christmasLift'; amplitude: number }
  /** Sold only from 1 November to Christmas Eve (plus a short clearance after Christmas). */
  | { kind: 'christmasOnly' }
  /** Sold only in the `leadDays` before Easter Sunday, up to Easter Monday. */
  | { kind: 'easterOnly'; leadDays: number };

export interface SupplierSpec {
  name: string;
  leadTimeDays: number;
  minOrderValueCents: number;
  email: string;
  phone: string;
  /** Weekdays (0 = Monday) on which the owner places orders with this supplier. */
  orderWeekdays: number[];
  /** 2 = every other week (on the listed weekdays of even weeks). */
  everyNWeeks: number;
  /** Probability that a delivery comes 1–maxDelayDays late. */
  lateProbability: number;
  maxDelayDays: number;
}

export interface DemandProfile {
  tier: DemandTier;
  /** Mean retail units per day at the start of the history on an average weekday, before seasons. */
  baseRatePerDay: number;
  /** For lumpy items: mean units when a sale happens (baseRatePerDay already includes it). */
  lumpSizeMean: number;
  /** Negative binomial size parameter: smaller = more day-to-day variation. */
  dispersionSize: number;
  seasons: Season[];
  /** Yearly growth rate of demand (0.2 = +20% a year, −0.15 = −15% a year). */
  annualGrowth: number;
  /** How strongly the product follows the shop's busy days (0 = flat week, 1 = full shop pattern). */
  weekdaySensitivity: number;
  /** Sensitivity of demand to warm weather (cold drinks, ice lollies). */
  weatherSensitivity: number;
}

export interface Lifecycle {
  /** First day on sale (null = on sale before the history starts). */
  launchDay: number | null;
  /** Demand fades linearly to zero between these days (discontinued product). */
  fadeStartDay: number | null;
  fadeEndDay: number | null;
  /** The owner places no orders from this day on. */
  stopOrderingDay: number | null;
}

export interface OwnerPolicy {
  /** Multiplies the owner's demand estimate: below 1 under-orders (stockouts), above 1 over-orders. */
  forecastBias: number;
  /** Extra stock above expected demand over lead time + review period, as a fraction. */
  safetyFraction: number;
  /** Units kept on the shelf for display, when the product is in season. */
  displayUnits: number;
}

export interface Product {
  index: number;
  sku: string;
  name: string;
  category: Category;
  supplier: string;
  unitCostCents: number;
  /** Current shelf price; earlier prices follow the price history (see events.ts). */
  unitPriceCents: number;
  /** Price for wholesale (B2B) customers. */
  tradePriceCents: number;
  leadTimeDays: number;
  moq: number;
  casePack: number;
  shelfLifeDays: number | null;
  active: boolean;
  demand: DemandProfile;
  lifecycle: Lifecycle;
  policy: OwnerPolicy;
}

export interface Customer {
  id: string;
  name: string;
}

export type EventType = 'promo' | 'holiday' | 'closure' | 'other';
export type EventScope = 'all' | 'category' | 'sku';

export interface ShopEvent {
  name: string;
  type: EventType;
  startDay: number;
  endDay: number;
  scope: EventScope;
  scopeValue: string | null;
  /** The multiplier the owner expects (written to events.csv); null for closures. */
  multiplier: number | null;
  /** Shelf price reduction during the event (0.2 = 20% off). */
  discount: number;
}

export interface SaleLine {
  day: number;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  customerId: string | null;
  orderId: string;
}

export interface OpenPurchaseOrderLine {
  poNumber: string;
  supplier: string;
  sku: string;
  quantity: number;
  expectedDay: number;
  unitCostCents: number;
}
