/**
 * Turns the hand-written catalogue into products with SKUs, costs, case packs and the
 * hidden demand and ordering behaviour the simulation uses. Every random choice comes
 * from a stream named after the product, so editing one product leaves the others alone.
 */
import { CATEGORY_SPECS, SUPPLIERS } from './catalog-data';
import type { CategorySpec, ProductEntry } from './catalog-data';
import { dayFromIso } from './calendar';
import { SeededRandom } from './random';
import type { DemandProfile, DemandTier, Lifecycle, OwnerPolicy, Product } from './types';

/** Parses a price written like '7.50' into pence without floating-point surprises. */
export function penceFromPounds(text: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`price must look like 7.50, got ${text}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

/** Rounds pence to the nearest 5p, the way shelf prices are set (never below 5p). */
export function roundToFivePence(pence: number): number {
  return Math.max(5, Math.round(pence / 5) * 5);
}

const TIER_RATE_RANGE: Record<DemandTier, [number, number]> = {
  fast: [5, 11],
  medium: [1.0, 3.2],
  slow: [0.1, 0.65],
  lumpy: [0.025, 0.07], // chance of a sale on a day; the rate is this times the lump size
};

const TIER_DISPERSION: Record<DemandTier, [number, number]> = {
  fast: [6, 12],
  medium: [3, 6],
  slow: [1.2, 2.5],
  lumpy: [1.2, 1.2],
};

const TIER_DISPLAY_UNITS: Record<DemandTier, [number, number]> = {
  fast: [4, 8],
  medium: [2, 4],
  slow: [1, 2],
  lumpy: [1, 1],
};

export function buildProducts(masterSeed: number, endDay: number): Product[] {
  const supplierNames = new Set(SUPPLIERS.map((supplier) => supplier.name));
  const products: Product[] = [];
  for (const spec of CATEGORY_SPECS) {
    spec.products.forEach((entry, positionInCategory) => {
      const sku = `${spec.skuPrefix}-${String(positionInCategory + 1).padStart(3, '0')}`;
      const product = buildProduct(masterSeed, spec, entry, sku, products.length, endDay);
      if (!supplierNames.has(product.supplier)) throw new Error(`${sku}: unknown supplier ${product.supplier}`);
      products.push(product);
    });
  }
  const names = new Set(products.map((product) => product.name));
  if (names.size !== products.length) throw new Error('product names must be unique');
  return products;
}

function buildProduct(masterSeed: number, spec: CategorySpec, entry: ProductEntry, sku: string, index: number, endDay: number): Product {
  const rng = SeededRandom.stream(masterSeed, `product:${sku}`);
  const supplierName = entry.supplier ?? spec.supplier;
  const supplier = SUPPLIERS.find((candidate) => candidate.name === supplierName);
  if (!supplier) throw new Error(`${sku}: unknown supplier ${supplierName}`);

  const unitPriceCents = penceFromPounds(entry.price);
  const margin = rng.between(spec.marginRange[0], spec.marginRange[1]);
  const unitCostCents = Math.round((unitPriceCents / (1 + spec.vatRate)) * (1 - margin));
  // Trade customers pay about a fifth below the shelf price, never less than cost + 12%.
  const tradePriceCents = Math.max(Math.round(unitCostCents * 1.12), roundToFivePence(unitPriceCents * 0.8));

  const casePack = entry.casePack ?? rng.pick(spec.casePacks);
  const moq = entry.moq ?? (casePack > 1 && rng.chance(0.15) ? casePack * 2 : casePack);
  const shelfLifeDays = entry.shelfLifeDays !== undefined
    ? entry.shelfLifeDays
    : spec.shelfLifeDays === null ? null : rng.pick(spec.shelfLifeDays);

  return {
    index,
    sku,
    name: entry.name,
    category: spec.category,
    supplier: supplierName,
    unitCostCents,
    unitPriceCents,
    tradePriceCents,
    leadTimeDays: entry.leadTimeDays ?? supplier.leadTimeDays,
    moq,
    casePack,
    shelfLifeDays,
    active: entry.discontinued === undefined,
    demand: buildDemand(rng, spec, entry),
    lifecycle: buildLifecycle(entry, endDay),
    policy: buildPolicy(rng, spec, entry),
  };
}

function buildDemand(rng: SeededRandom, spec: CategorySpec, entry: ProductEntry): DemandProfile {
  const [low, high] = TIER_RATE_RANGE[entry.tier];
  // Log-uniform: many products near the low end of the range, a few near the top.
  const drawn = low * Math.exp(rng.uniform() * Math.log(high / low));
  const lumpSizeMean = entry.tier === 'lumpy' ? (entry.lumpSize ?? rng.between(2, 4)) : 1;
  const baseRatePerDay = entry.rate ?? (entry.tier === 'lumpy' ? drawn * lumpSizeMean : drawn);
  // Fresh bakery sells steadily (regulars buy their loaf): less day-to-day noise than the tier suggests.
  const [dispersionLow, dispersionHigh] = spec.category === 'Bakery' && entry.tier !== 'slow' ? [18, 35] : TIER_DISPERSION[entry.tier];
  return {
    tier: entry.tier,
    baseRatePerDay,
    lumpSizeMean,
    dispersionSize: rng.between(dispersionLow, dispersionHigh),
    seasons: entry.seasons ?? [],
    annualGrowth: entry.growth ?? Math.max(-0.12, Math.min(0.15, 0.02 + 0.05 * rng.normal())),
    weekdaySensitivity: spec.weekdaySensitivity,
    weatherSensitivity: entry.weather ?? 0,
  };
}

function buildLifecycle(entry: ProductEntry, endDay: number): Lifecycle {
  return {
    launchDay: entry.launchDaysBeforeEnd === undefined ? null : endDay - entry.launchDaysBeforeEnd,
    fadeStartDay: entry.discontinued ? dayFromIso(entry.discontinued.fadeStart) : null,
    fadeEndDay: entry.discontinued ? dayFromIso(entry.discontinued.fadeEnd) : null,
    stopOrderingDay: entry.discontinued ? dayFromIso(entry.discontinued.stopOrdering) : null,
  };
}

function buildPolicy(rng: SeededRandom, spec: CategorySpec, entry: ProductEntry): OwnerPolicy {
  const perishable = spec.category === 'Bakery';
  // One product in twelve is chronically under-ordered: the owner's gut feeling is low.
  const forecastBias = entry.forecastBias ?? (rng.chance(1 / 12) ? rng.between(0.6, 0.75) : rng.between(0.92, 1.15));
  const [displayLow, displayHigh] = TIER_DISPLAY_UNITS[entry.tier];
  return {
    forecastBias,
    safetyFraction: perishable ? rng.between(0, 0.1) : rng.between(0.2, 0.5),
    displayUnits: perishable ? rng.integer(0, 1) : rng.integer(displayLow, displayHigh),
  };
}
