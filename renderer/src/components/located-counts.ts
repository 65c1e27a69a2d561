/**
 * How many products a list of product-location lines covers: "3 products" in a shop with
 * one location (as always); where the lines span several, a product counts once per
 * location, so "2 products · 3 lines at 2 locations". The same wording as the PDFs and the
 * weekly summary (core/inventory/located-counts.ts; the renderer may not import core).
 */
export function productsText(count: { products: number; lines: number; locations: number }): string {
  const products = `${count.products} ${count.products === 1 ? 'product' : 'products'}`;
  if (count.locations <= 1) return products;
  return `${products} · ${count.lines} ${count.lines === 1 ? 'line' : 'lines'} at ${count.locations} locations`;
}

/** `productsText` of lines identified by a product key and a location (null where the shop has one). */
export function productsTextOf<T>(lines: readonly T[], product: (line: T) => string | number, location: (line: T) => string | number | null): string {
  return productsText({
    products: new Set(lines.map(product)).size,
    lines: lines.length,
    locations: new Set(lines.map(location).filter((l) => l !== null)).size,
  });
}
