/**
 * The reorder report: the latest plan's lines to order, grouped by supplier — product, on
 * hand, on order, quantity, cases, cost, priority and the reason — with totals per
 * supplier and overall. Lines the owner rejected are left out; edited lines show the
 * owner's quantity.
 */
import type { WeeklyNarrative } from '../alerts/narrative';
import { refreshAlerts } from '../alerts/refresh';
import { latestWeeklySummary } from '../alerts/summary-store';
import type { Db } from '../db/connection';
import { dataFingerprint, readRefreshState } from '../db/repos/alerts';
import type { RecommendationRow } from '../db/repos/recommendations';
import { latestPlan, listRecommendations } from '../db/repos/recommendations';
import { readSettings } from '../db/repos/settings';
import { AppError } from '../contract/errors';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './format';
import { csvMoney, csvNumber, formatDay, formatMoney, formatUnits } from './format';
import { countLocated, productsText } from '../inventory/located-counts';
import type { Column, TableRow } from './pdf';
import { contentWidth, footers, heading, newDocument, paragraph, subheading, table, writeDocument } from './pdf';

export interface ReorderLine {
  sku: string;
  name: string;
  /** The location ordered for, when the plan orders for several; null otherwise. */
  locationName: string | null;
  onHand: number;
  onOrder: number;
  quantity: number;
  casePack: number;
  cases: number;
  unitCostCents: number | null;
  costCents: number | null;
  priority: RecommendationRow['priority'];
  status: RecommendationRow['status'];
  reason: string;
}

export interface ReorderGroup {
  supplierName: string;
  lines: ReorderLine[];
  units: number;
  costCents: number;
  linesWithoutCost: number;
}

export interface ReorderReport {
  shopName: string;
  where: ReportLocale;
  planId: number;
  asOfDay: number;
  planCreatedAt: string;
  groups: ReorderGroup[];
  totalCostCents: number;
  totalLines: number;
  /** This week's summary (the dashboard's narrative), printed as the first page; null when there is none. */
  summary: WeeklyNarrative | null;
}

export const PRIORITY_COLOURS: Record<RecommendationRow['priority'], string> = { urgent: '#c62828', high: '#ef6c00', medium: '#f9a825', low: '#9e9e9e' };

/** The quantity a line stands for: the owner's when decided, else the suggestion. */
export function effectiveQuantity(row: RecommendationRow): number {
  if (row.status === 'rejected' || row.status === 'expired') return 0;
  return row.finalQty ?? row.suggestedQty;
}

/**
 * The report's data. The whole-shop report opens with this week's summary: the alerts
 * check writes it, so it is brought up to date first when the data changed since (the CLI
 * and the demo make reports without the app having checked alerts).
 */
export function buildReorderReport(db: Db, options: { supplier?: string } = {}): ReorderReport {
  const plan = latestPlan(db);
  if (!plan) throw new AppError('plan.no_recommendations', 'There is no reorder plan yet. Make a plan first (Reorder → Make a plan, or shelfcast plan).');
  const settings = readSettings(db);
  const wanted = options.supplier?.trim().toLowerCase();
  const rows = listRecommendations(db, { planId: plan.id }).filter((r) => effectiveQuantity(r) > 0);
  if (wanted !== undefined) {
    const suppliers = new Set(rows.map((r) => (r.supplierName ?? 'No supplier').toLowerCase()));
    if (!suppliers.has(wanted)) {
      throw new AppError('not_found', `No line of the plan is for a supplier called "${options.supplier}". Suppliers with lines: ${[...suppliers].join(', ') || 'none'}.`);
    }
  }
  const groups = new Map<string, ReorderGroup>();
  const severalLocations = new Set(rows.map((r) => r.locationId)).size > 1;
  for (const row of rows) {
    const supplierName = row.supplierName ?? 'No supplier';
    if (wanted !== undefined && supplierName.toLowerCase() !== wanted) continue;
    const quantity = effectiveQuantity(row);
    const costCents = row.unitCostCents === null ? null : Math.round(quantity * row.unitCostCents);
    const group = groups.get(supplierName) ?? { supplierName, lines: [], units: 0, costCents: 0, linesWithoutCost: 0 };
    group.lines.push({
      sku: row.sku,
      name: row.productName,
      locationName: severalLocations ? row.locationName : null,
      onHand: row.onHand,
      onOrder: row.onOrder,
      quantity,
      casePack: row.casePack,
      cases: quantity / row.casePack,
      unitCostCents: row.unitCostCents,
      costCents,
      priority: row.priority,
      status: row.status,
      reason: row.reasoning,
    });
    group.units += quantity;
    if (costCents === null) group.linesWithoutCost++;
    else group.costCents += costCents;
    groups.set(supplierName, group);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.supplierName === 'No supplier' ? 1 : b.supplierName === 'No supplier' ? -1 : a.supplierName.localeCompare(b.supplierName)));
  return {
    shopName: settings.shopName,
    where: { currency: settings.currency, locale: settings.locale },
    planId: plan.id,
    asOfDay: plan.asOfDay,
    planCreatedAt: plan.createdAt,
    groups: sorted,
    totalCostCents: sorted.reduce((s, g) => s + g.costCents, 0),
    totalLines: sorted.reduce((s, g) => s + g.lines.length, 0),
    summary: wanted === undefined ? currentWeeklySummary(db) : null,
  };
}

function currentWeeklySummary(db: Db): WeeklyNarrative | null {
  const state = readRefreshState(db);
  if (!state || state.fingerprint !== dataFingerprint(db)) refreshAlerts(db);
  return latestWeeklySummary(db)?.narrative ?? null;
}

function casesText(line: ReorderLine, where: ReportLocale): string {
  return line.casePack > 1 ? `${formatUnits(line.cases, where)} × ${formatUnits(line.casePack, where)}` : '—';
}

/** "4 lines", or for a plan ordering for several locations "3 products · 4 lines at 2 locations" (a product ordered for two is two lines). */
function linesText(report: ReorderReport): string {
  const lines = report.groups.flatMap((g) => g.lines);
  if (!lines.some((l) => l.locationName !== null)) return `${report.totalLines} ${report.totalLines === 1 ? 'line' : 'lines'}`;
  return productsText(countLocated(lines, (l) => l.sku, (l) => l.locationName));
}

export async function writeReorderPdf(report: ReorderReport, path: string, now = new Date()): Promise<void> {
  const doc = newDocument('Reorder report', { landscape: true });
  const { where } = report;
  if (report.summary) {
    // The first page: the week in plain words, as on the dashboard; the order lines follow.
    heading(doc, report.shopName, 'This week’s summary', `${report.summary.headline} · written from your data on this computer`);
    for (const section of report.summary.sections) {
      doc.moveDown(0.5);
      paragraph(doc, section.title, { bold: true, size: 11 });
      paragraph(doc, section.text, { size: 10 });
    }
    doc.addPage();
  }
  heading(
    doc,
    report.shopName,
    'Reorder report',
    `Plan for ${formatDay(report.asOfDay, where)} · ${linesText(report)} · ${report.groups.length} ${report.groups.length === 1 ? 'supplier' : 'suppliers'} · total ${formatMoney(report.totalCostCents, where)}`,
  );
  const w = contentWidth(doc);
  const fixed = [34, 50, 120, 44, 44, 44, 52, 60];
  const columns: Column[] = [
    { title: 'Priority', width: fixed[0]! + 16 },
    { title: 'SKU', width: fixed[1]! },
    { title: 'Product', width: fixed[2]! },
    { title: 'On hand', width: fixed[3]!, align: 'right' },
    { title: 'On order', width: fixed[4]!, align: 'right' },
    { title: 'Order', width: fixed[5]!, align: 'right' },
    { title: 'Cases', width: fixed[6]!, align: 'right' },
    { title: 'Cost', width: fixed[7]!, align: 'right' },
  ];
  columns.push({ title: 'Why', width: w - columns.reduce((s, c) => s + c.width, 0) });
  if (report.groups.length === 0) paragraph(doc, 'Nothing to order: every product has enough stock for its lead time and review period.');
  for (const group of report.groups) {
    const missing = group.linesWithoutCost > 0 ? ` (${group.linesWithoutCost} without a cost price)` : '';
    subheading(doc, group.supplierName, `${group.lines.length} ${group.lines.length === 1 ? 'line' : 'lines'} · ${formatUnits(group.units, where)} units · ${formatMoney(group.costCents, where)}${missing}`);
    const rows: TableRow[] = group.lines.map((line) => ({
      marker: PRIORITY_COLOURS[line.priority],
      cells: [
        line.priority,
        line.sku,
        line.locationName === null ? line.name : `${line.name} at ${line.locationName}`,
        formatUnits(line.onHand, where),
        formatUnits(line.onOrder, where),
        formatUnits(line.quantity, where),
        casesText(line, where),
        formatMoney(line.costCents, where),
        line.status === 'edited' ? `Changed by you to ${formatUnits(line.quantity, where)}. ${line.reason}` : line.reason,
      ],
    }));
    rows.push({ bold: true, shade: '#eeeeee', cells: ['', '', `Total ${group.supplierName}`, '', '', formatUnits(group.units, where), '', formatMoney(group.costCents, where), ''] });
    table(doc, columns, rows);
  }
  if (report.groups.length > 1) {
    doc.moveDown(0.6);
    paragraph(doc, `Total for all suppliers: ${formatMoney(report.totalCostCents, where)}`, { bold: true, size: 11 });
  }
  footers(doc, `Shelfcast · made ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC · plan ${report.planId}`);
  await writeDocument(doc, path);
}

/** Columns of the CSV; a plan for several locations gets a location column after the product. */
export function reorderCsv(report: ReorderReport): string {
  const located = report.groups.some((g) => g.lines.some((l) => l.locationName !== null));
  const rows: CsvCell[][] = [];
  for (const group of report.groups) {
    for (const line of group.lines) {
      rows.push([
        group.supplierName,
        line.sku,
        line.name,
        ...(located ? [line.locationName ?? ''] : []),
        csvNumber(line.onHand),
        csvNumber(line.onOrder),
        csvNumber(line.quantity),
        csvNumber(line.casePack),
        csvNumber(line.cases),
        csvMoney(line.unitCostCents),
        csvMoney(line.costCents),
        line.priority,
        line.status,
        line.reason,
      ]);
    }
  }
  return toCsv(['supplier', 'sku', 'product', ...(located ? ['location'] : []), 'on_hand', 'on_order', 'order_quantity', 'case_pack', 'cases', 'unit_cost', 'cost', 'priority', 'status', 'reason'], rows);
}
