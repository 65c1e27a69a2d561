/**
 * How many products a list of product-location lines covers, said so a shop owner can
 * trust it: a shop with one location reads "3 products" as always; where the lines span
 * several locations the same product can appear once per location, so the text says
 * "2 products · 3 lines at 2 locations". The renderer has the same wording in
 * renderer/src/components/located-counts.ts (it may not import core).
 */
export interface LocatedCount {
  products: number;
  lines: number;
  locations: number;
}

/** Distinct products and locations of the lines; `location` may be null where the shop has one location. */
export function countLocated<T>(lines: readonly T[], product: (line: T) => string | number, location: (line: T) => string | number | null): LocatedCount {
  return {
    products: new Set(lines.map(product)).size,
    lines: lines.length,
    locations: new Set(lines.map(location).filter((l) => l !== null)).size,
  };
}

const plural = (n: number, one: string, many: string, qty: (n: number) => string) => `${qty(n)} ${n === 1 ? one : many}`;

/**
 * "3 products", or with lines at several locations "2 products · 3 lines at 2 locations"
 * (`style: 'sentence'`: "2 products (3 lines at 2 locations)").
 */
export function productsText(count: LocatedCount, options: { style?: 'heading' | 'sentence'; qty?: (n: number) => string } = {}): string {
  const qty = options.qty ?? String;
  const products = plural(count.products, 'product', 'products', qty);
  if (count.locations <= 1) return products;
  const lines = `${plural(count.lines, 'line', 'lines', qty)} at ${plural(count.locations, 'location', 'locations', qty)}`;
  return options.style === 'sentence' ? `${products} (${lines})` : `${products} · ${lines}`;
}
