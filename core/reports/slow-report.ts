/**
 * The slow-stock report: dead and slow-moving stock ranked by money tied up, then
 * overstock by weeks of cover, with turnover and weeks of cover for each product.
 */
import type { Db } from '../db/connection';
import { latestForecastRun } from '../db/repos/plan-inputs';
import { readSettings } from '../db/repos/settings';
import { forecastMeanByKey, stockHealthRows } from '../db/repos/stock-health';
import { lastDataDay, stockPositions } from '../db/repos/stock-position';
import type { StockAssessment, StockItem } from '../inventory/slow-stock';
import { rankStockHealth } from '../inventory/slow-stock';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './format';
import { csvMoney, csvNumber, formatDay, formatMoney, formatUnits } from './format';
import type { Column } from './pdf';
import { contentWidth, footers, heading, newDocument, paragraph, subheading, table, writeDocument } from './pdf';

export interface SlowStockLine extends StockAssessment {
  sku: string;
  name: string;
  supplierName: string | null;
}

export interface SlowStockReport {
  shopName: string;
  where: ReportLocale;
  asOfDay: number;
  lines: SlowStockLine[];
  totals: Record<'dead' | 'slow' | 'overstock', { count: number; valueCents: number }>;
}

export function buildSlowStockReport(db: Db): SlowStockReport {
  const settings = readSettings(db);
  const asOfDay = (lastDataDay(db) ?? Math.floor(Date.now() / 86_400_000)) + 1;
  const positions = stockPositions(db);
  const run = latestForecastRun(db);
  const weeklyFactor = run?.period === 'day' ? 7 : 1;
  const forecast = run ? forecastMeanByKey(db, run.id, run.period === 'day' ? 28 : 4) : new Map<string, number>();
  const rows = stockHealthRows(db, asOfDay - 364, asOfDay - 1);
  const meta = new Map(rows.map((r) => [`${r.productId}:${r.locationId}`, r]));
  const items: StockItem[] = rows.map((r) => {
    const key = `${r.productId}:${r.locationId}`;
    const windowStart = Math.max(asOfDay - 364, r.firstSaleDay ?? asOfDay);
    const mean = forecast.get(key);
    return {
      key,
      onHand: positions.get(key)?.onHand ?? 0,
      unitCostCents: r.unitCostCents,
      unitsSold: r.unitsSold,
      windowDays: Math.max(0, asOfDay - windowStart),
      daysSinceLastSale: r.lastSaleDay === null ? null : asOfDay - 1 - r.lastSaleDay,
      forecastWeeklyDemand: mean === undefined ? null : mean * weeklyFactor,
    };
  });
  const lines = rankStockHealth(items).map((a) => {
    const m = meta.get(a.key)!;
    return { ...a, sku: m.sku, name: m.name, supplierName: m.supplierName };
  });
  const totals = { dead: { count: 0, valueCents: 0 }, slow: { count: 0, valueCents: 0 }, overstock: { count: 0, valueCents: 0 } };
  for (const line of lines) {
    totals[line.health].count++;
    totals[line.health].valueCents += (line.health === 'overstock' ? line.excessValueCents : line.moneyTiedUpCents) ?? 0;
  }
  return { shopName: settings.shopName, where: { currency: settings.currency, locale: settings.locale }, asOfDay, lines, totals };
}

const TITLES = { dead: 'Dead stock (no sale in 26 weeks)', slow: 'Slow-moving stock', overstock: 'Overstock (more than 13 weeks of cover)' } as const;

export async function writeSlowStockPdf(report: SlowStockReport, path: string, now = new Date()): Promise<void> {
  const doc = newDocument('Slow stock report', { landscape: true });
  const { where, totals } = report;
  heading(
    doc,
    report.shopName,
    'Slow-moving, dead and overstocked products',
    `As of ${formatDay(report.asOfDay, where)} · dead ${formatMoney(totals.dead.valueCents, where)} · slow ${formatMoney(totals.slow.valueCents, where)} · overstock beyond 13 weeks ${formatMoney(totals.overstock.valueCents, where)}`,
  );
  if (report.lines.length === 0) paragraph(doc, 'No dead, slow-moving or overstocked products: your stock is turning over.');
  const w = contentWidth(doc);
  const columns: Column[] = [
    { title: 'SKU', width: 60 },
    { title: 'Product', width: 130 },
    { title: 'Supplier', width: 90 },
    { title: 'On hand', width: 50, align: 'right' },
    { title: 'Tied up', width: 65, align: 'right' },
    { title: 'Turns/yr', width: 50, align: 'right' },
    { title: 'Weeks cover', width: 55, align: 'right' },
  ];
  columns.push({ title: 'Why', width: w - columns.reduce((s, c) => s + c.width, 0) });
  for (const health of ['dead', 'slow', 'overstock'] as const) {
    const group = report.lines.filter((l) => l.health === health);
    if (group.length === 0) continue;
    subheading(doc, TITLES[health], `${group.length} ${group.length === 1 ? 'product' : 'products'} · ${formatMoney(totals[health].valueCents, where)}${health === 'overstock' ? ' above 13 weeks of cover' : ' tied up'}`);
    table(
      doc,
      columns,
      group.map((l) => ({
        cells: [
          l.sku,
          l.name,
          l.supplierName ?? '—',
          formatUnits(l.onHand, where),
          formatMoney(l.moneyTiedUpCents, where),
          l.turnoverPerYear === null ? '—' : formatUnits(Math.round(l.turnoverPerYear * 10) / 10, where),
          l.weeksOfCover === null ? '—' : l.weeksOfCover >= 104 ? `${formatUnits(Math.floor(l.weeksOfCover / 52), where)}+ years` : formatUnits(Math.round(l.weeksOfCover), where),
          l.reason,
        ],
      })),
    );
  }
  footers(doc, `Shelfcast · made ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  await writeDocument(doc, path);
}

export function slowStockCsv(report: SlowStockReport): string {
  const rows: CsvCell[][] = report.lines.map((l) => [
    l.health,
    l.sku,
    l.name,
    l.supplierName ?? '',
    csvNumber(l.onHand),
    csvMoney(l.moneyTiedUpCents),
    csvNumber(l.turnoverPerYear),
    csvNumber(l.weeksOfCover, 1),
    csvNumber(l.excessUnits),
    csvMoney(l.excessValueCents),
    l.reason,
  ]);
  return toCsv(['health', 'sku', 'product', 'supplier', 'on_hand', 'money_tied_up', 'turnover_per_year', 'weeks_of_cover', 'excess_units', 'excess_value', 'reason'], rows);
}
