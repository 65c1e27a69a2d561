/**
 * ABC classes by value share (PRODUCT.md §6): products sorted by sales value, A while the
 * running share is ≤ 80%, B while ≤ 95%, C for the rest. Used when the forecast run has not
 * classified a product (product_classes), so every product gets its class's service level.
 */
export type AbcClass = 'A' | 'B' | 'C';

export function abcClasses(values: ReadonlyMap<string, number>): Map<string, AbcClass> {
  const entries = [...values.entries()].map(([key, v]) => [key, Math.max(0, v)] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((s, [, v]) => s + v, 0);
  const out = new Map<string, AbcClass>();
  let running = 0;
  for (const [key, value] of entries) {
    // The share up to and including the item decides: the item that crosses 80% is still A.
    const before = total > 0 ? running / total : 1;
    running += value;
    out.set(key, total > 0 && value > 0 ? (before < 0.8 ? 'A' : before < 0.95 ? 'B' : 'C') : 'C');
  }
  return out;
}
