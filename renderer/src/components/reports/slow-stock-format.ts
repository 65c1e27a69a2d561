import { money, num } from '../../format';
import { productsTextOf } from '../located-counts';

/** The fields of a reports.slowStock line this heading adds. */
interface Line {
  sku: string;
  locationName: string | null;
  health: 'dead' | 'slow' | 'overstock';
  moneyTiedUpCents: number | null;
  excessValueCents: number | null;
}

/** The shared rule's two exceptions, as the PDF says them (core/reports/slow-report.ts SLOW_STOCK_RULES). */
export const SLOW_STOCK_RULES =
  'Stock the reorder plan asks for (up to its order-up-to level) is not counted as slow or overstocked; a product is called dead only once the sales history covers 26 weeks.';

/** Cover beyond ten years reads "520+"; the column is always in weeks. */
export const MAX_COVER_WEEKS = 520;

export function coverWeeksText(weeks: number | null): string {
  if (weeks === null || !Number.isFinite(weeks)) return '—';
  return weeks >= MAX_COVER_WEEKS ? `${num(MAX_COVER_WEEKS)}+` : num(weeks);
}

/**
 * The heading over the slow-stock table. Its money is the sum of the "Beyond 13 weeks"
 * column (the same figure the weekly summary adds), with the whole stock value beside it.
 */
export function slowStockSummary(lines: readonly Line[]): string {
  if (lines.length === 0) return 'No dead, slow-moving or overstocked products: your stock is turning over.';
  const beyond = lines.reduce((s, l) => s + (l.excessValueCents ?? 0), 0);
  const value = lines.reduce((s, l) => s + (l.moneyTiedUpCents ?? 0), 0);
  const count = (h: Line['health']) => lines.filter((l) => l.health === h).length;
  const kinds = [`${count('dead')} dead`, `${count('slow')} slow`, `${count('overstock')} overstocked`].join(', ');
  // Kinds count lines: where the lines span locations the text says so just before them.
  return `${productsTextOf(lines, (l) => l.sku, (l) => l.locationName)} (${kinds}) · ${money(beyond)} of stock beyond 13 weeks of cover (all of it for dead stock), out of ${money(value)} of stock on hand`;
}
