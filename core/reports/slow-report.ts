/**
 * The slow-stock report: dead and slow-moving stock ranked by money tied up, then
 * overstock by weeks of cover, with turnover and weeks of cover for each product.
 */
import type { Db } from '../db/connection';
import { readSettings } from '../db/repos/settings';
import { countLocated, productsText } from '../inventory/located-counts';
import { stockBeyondCover } from '../inventory/slow-stock';
import type { StockHealthLine } from '../inventory/slow-stock-workspace';
import { stockLineLabel, workspaceStockHealth } from '../inventory/slow-stock-workspace';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './format';
import { csvMoney, csvNumber, formatDay, formatMoney, formatUnits } from './format';
import type { Column } from './pdf';
import { contentWidth, footers, heading, newDocument, paragraph, subheading, table, writeDocument } from './pdf';

export type SlowStockLine = StockHealthLine;

export interface SlowStockReport {
  shopName: string;
  where: ReportLocale;
  asOfDay: number;
  lines: SlowStockLine[];
  /** Per kind and overall: products, value beyond 13 weeks of cover, whole stock value. */
  totals: ReturnType<typeof stockBeyondCover>;
}

export function buildSlowStockReport(db: Db): SlowStockReport {
  const settings = readSettings(db);
  const { asOfDay, lines } = workspaceStockHealth(db);
  return { shopName: settings.shopName, where: { currency: settings.currency, locale: settings.locale }, asOfDay, lines, totals: stockBeyondCover(lines) };
}

/**
 * The two exceptions of the shared rule (core/inventory/slow-stock.ts), said under the heading
 * so an owner knows why a long-lead item or a new product is not listed. The Reports screen
 * says the same (renderer/src/components/reports/slow-stock-format.ts SLOW_STOCK_RULES); the
 * Alerts screen's dead-stock and overstock alerts follow the same rule.
 */
export const SLOW_STOCK_RULES =
  'Stock the reorder plan asks for (up to its order-up-to level) is not counted as slow or overstocked; a product is called dead only once the sales history covers 26 weeks.';

const TITLES = { dead: 'Dead stock (no sale in 26 weeks)', slow: 'Slow-moving stock (turns under twice a year)', overstock: 'Overstock (more than 13 weeks of cover)' } as const;

/** Cover in weeks, always in weeks: beyond ten years it is "520+". */
export function coverWeeksText(weeks: number | null, where: ReportLocale): string {
  if (weeks === null) return '—';
  return weeks >= MAX_COVER_WEEKS ? `${formatUnits(MAX_COVER_WEEKS, where)}+` : formatUnits(Math.round(weeks), where);
}
const MAX_COVER_WEEKS = 520;

export async function writeSlowStockPdf(report: SlowStockReport, path: string, now = new Date()): Promise<void> {
  const doc = newDocument('Slow stock report', { landscape: true });
  const { where, totals } = report;
  // A product at two locations is two lines: the counts say how many products, and where the lines span locations, how many lines.
  const counted = (lines: readonly SlowStockLine[]) => productsText(countLocated(lines, (l) => l.productId, (l) => l.locationName), { style: 'sentence' });
  heading(
    doc,
    report.shopName,
    'Slow-moving, dead and overstocked products',
    `As of ${formatDay(report.asOfDay, where)} · ${formatMoney(totals.all.excessValueCents, where)} of stock beyond 13 weeks of cover (all of it for dead stock) in ${counted(report.lines)}: dead ${formatMoney(totals.dead.excessValueCents, where)} · slow ${formatMoney(totals.slow.excessValueCents, where)} · overstock ${formatMoney(totals.overstock.excessValueCents, where)}`,
  );
  paragraph(doc, SLOW_STOCK_RULES, { size: 8, color: '#555555' });
  if (report.lines.length === 0) paragraph(doc, 'No dead, slow-moving or overstocked products: your stock is turning over.');
  const w = contentWidth(doc);
  const columns: Column[] = [
    { title: 'SKU', width: 60 },
    { title: 'Product', width: 130 },
    { title: 'Supplier', width: 90 },
    { title: 'On hand', width: 50, align: 'right' },
    { title: 'Stock value', width: 60, align: 'right' },
    { title: 'Beyond 13 wks', width: 65, align: 'right' },
    { title: 'Turns/yr', width: 50, align: 'right' },
    { title: 'Weeks cover', width: 55, align: 'right' },
  ];
  columns.push({ title: 'Why', width: w - columns.reduce((s, c) => s + c.width, 0) });
  for (const health of ['dead', 'slow', 'overstock'] as const) {
    const group = report.lines.filter((l) => l.health === health);
    if (group.length === 0) continue;
    subheading(doc, TITLES[health], `${counted(group)} · ${formatMoney(totals[health].excessValueCents, where)} beyond 13 weeks of cover`);
    table(
      doc,
      columns,
      group.map((l) => ({
        cells: [
          l.sku,
          stockLineLabel(l),
          l.supplierName ?? '—',
          formatUnits(l.onHand, where),
          formatMoney(l.moneyTiedUpCents, where),
          formatMoney(l.excessValueCents, where),
          l.turnoverPerYear === null ? '—' : formatUnits(Math.round(l.turnoverPerYear * 10) / 10, where),
          coverWeeksText(l.weeksOfCover, where),
          l.reason,
        ],
      })),
    );
  }
  footers(doc, `Shelfcast · made ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  await writeDocument(doc, path);
}

/** Columns of the CSV; a shop with stock at several locations gets a location column after the product. */
export function slowStockCsv(report: SlowStockReport): string {
  const located = report.lines.some((l) => l.locationName !== null);
  const rows: CsvCell[][] = report.lines.map((l) => [
    l.health,
    l.sku,
    l.name,
    ...(located ? [l.locationName ?? ''] : []),
    l.supplierName ?? '',
    csvNumber(l.onHand),
    csvMoney(l.moneyTiedUpCents),
    csvNumber(l.turnoverPerYear),
    csvNumber(l.weeksOfCover, 1),
    csvNumber(l.excessUnits),
    csvMoney(l.excessValueCents),
    l.reason,
  ]);
  return toCsv(['health', 'sku', 'product', ...(located ? ['location'] : []), 'supplier', 'on_hand', 'money_tied_up', 'turnover_per_year', 'weeks_of_cover', 'excess_units', 'excess_value', 'reason'], rows);
}
