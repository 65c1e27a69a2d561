/**
 * Purchase order documents: one per supplier order, each on its own page — shop name,
 * supplier and contact, order number and date, expected delivery, lines with cases and
 * cost, total, and a note when the order is below the supplier's minimum order value.
 */
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import type { PurchaseOrderRow } from '../db/repos/purchase-orders';
import { getPurchaseOrder, listPurchaseOrders } from '../db/repos/purchase-orders';
import { readSettings } from '../db/repos/settings';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import type { ReportLocale } from './format';
import { csvMoney, csvNumber, formatDay, formatMoney, formatUnits } from './format';
import type { Column } from './pdf';
import { contentWidth, continuationHeaders, currentPageIndex, footers, heading, newDocument, paragraph, reserveContinuationSpace, table, writeDocument } from './pdf';

export interface PoReport {
  shopName: string;
  where: ReportLocale;
  orders: PurchaseOrderRow[];
}

/**
 * The orders to print: one by id; or the open (draft and sent) orders, of one supplier
 * when a name is given.
 */
export function buildPoReport(db: Db, options: { poId?: number; supplier?: string } = {}): PoReport {
  const settings = readSettings(db);
  let orders: PurchaseOrderRow[];
  if (options.poId !== undefined) {
    orders = [getPurchaseOrder(db, options.poId)];
  } else {
    orders = listPurchaseOrders(db, { status: ['draft', 'sent'] });
    if (options.supplier !== undefined) {
      const wanted = options.supplier.trim().toLowerCase();
      const names = [...new Set(orders.map((o) => o.supplierName ?? 'No supplier'))];
      orders = orders.filter((o) => (o.supplierName ?? 'No supplier').toLowerCase() === wanted);
      if (orders.length === 0) {
        throw new AppError('not_found', `There is no open purchase order for a supplier called "${options.supplier}". Open orders are for: ${names.join(', ') || 'nobody'}.`);
      }
    }
  }
  if (orders.length === 0) throw new AppError('not_found', 'There are no open purchase orders. Accept lines on the Reorder screen and create purchase orders first.');
  return { shopName: settings.shopName, where: { currency: settings.currency, locale: settings.locale }, orders };
}

export async function writePoPdf(report: PoReport, path: string, now = new Date()): Promise<void> {
  const doc = newDocument('Purchase orders');
  const { where } = report;
  const blocks: Array<{ firstPage: number; lastPage: number; label: string }> = [];
  const stopReserving = reserveContinuationSpace(doc);
  report.orders.forEach((order, index) => {
    if (index > 0) doc.addPage();
    const firstPage = currentPageIndex(doc);
    heading(doc, report.shopName, `Purchase order ${order.number}`, poDates(order, where));
    paragraph(doc, `To: ${order.supplierName ?? 'No supplier set'}`, { bold: true, size: 11 });
    const contact = [order.supplierContact, order.supplierEmail].filter((v): v is string => Boolean(v)).join(' · ');
    if (contact) paragraph(doc, contact);
    paragraph(doc, `From: ${report.shopName}`);
    doc.moveDown(0.6);
    const w = contentWidth(doc);
    const columns: Column[] = [
      { title: 'SKU', width: 70 },
      { title: 'Product', width: w - 70 - 60 - 70 - 70 - 80 },
      { title: 'Quantity', width: 60, align: 'right' },
      { title: 'Cases', width: 70, align: 'right' },
      { title: 'Unit cost', width: 70, align: 'right' },
      { title: 'Line cost', width: 80, align: 'right' },
    ];
    table(doc, columns, [
      ...order.lines.map((line) => ({
        cells: [
          line.sku,
          line.deliverTo === null ? line.productName : `${line.productName} (deliver to ${line.deliverTo})`,
          formatUnits(line.quantity, where),
          line.casePack > 1 ? `${formatUnits(line.cases, where)} × ${formatUnits(line.casePack, where)}` : '—',
          formatMoney(line.unitCostCents, where),
          formatMoney(line.lineCostCents, where),
        ],
      })),
      { bold: true, shade: '#eeeeee', cells: ['', 'Total', formatUnits(order.lines.reduce((s, l) => s + l.quantity, 0), where), '', '', formatMoney(order.totalCents, where)] },
    ]);
    doc.moveDown(0.6);
    if (order.linesWithoutCost > 0) paragraph(doc, `${order.linesWithoutCost} ${order.linesWithoutCost === 1 ? 'line has' : 'lines have'} no cost price and ${order.linesWithoutCost === 1 ? 'is' : 'are'} not in the total.`, { color: '#555555' });
    if (order.belowMinimum && order.minOrderValueCents !== null) {
      paragraph(doc, `Below the supplier's minimum order value of ${formatMoney(order.minOrderValueCents, where)} (short by ${formatMoney(order.minOrderValueCents - order.totalCents, where)}).`, { bold: true, color: '#c62828' });
    }
    blocks.push({ firstPage, lastPage: currentPageIndex(doc), label: `${order.number} · ${order.supplierName ?? 'No supplier set'}` });
  });
  stopReserving();
  continuationHeaders(doc, blocks);
  footers(doc, `Shelfcast · made ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  await writeDocument(doc, path);
}

/**
 * The order's dates, by the rule in repos/purchase-orders: a draft has no order date yet and
 * is expected a lead time after the day it is sent.
 */
export function poDates(order: PurchaseOrderRow, where: ReportLocale): string {
  const expected = formatDay(order.expectedDay, where);
  if (order.status === 'draft') return `Draft, not sent yet · expected delivery ${expected} if sent today`;
  const ordered = order.orderDay === null ? 'Order date not given' : `Ordered ${formatDay(order.orderDay, where)}`;
  return `${ordered} · status ${order.status} · expected delivery ${expected}`;
}

/** Columns of the CSV; orders with lines for other locations than the main shop get a deliver_to column after the product. */
export function poCsv(report: PoReport): string {
  const located = report.orders.some((o) => o.lines.some((l) => l.deliverTo !== null));
  const rows: CsvCell[][] = [];
  for (const order of report.orders) {
    for (const line of order.lines) {
      rows.push([
        order.number,
        order.status,
        order.supplierName ?? '',
        line.sku,
        line.productName,
        ...(located ? [line.deliverTo ?? ''] : []),
        csvNumber(line.quantity),
        csvNumber(line.casePack),
        csvNumber(line.cases),
        csvMoney(line.unitCostCents),
        csvMoney(line.lineCostCents),
        line.expectedDay === null ? '' : formatIso(line.expectedDay),
      ]);
    }
  }
  return toCsv(['po_number', 'status', 'supplier', 'sku', 'product', ...(located ? ['deliver_to'] : []), 'quantity', 'case_pack', 'cases', 'unit_cost', 'line_cost', 'expected_date'], rows);
}

function formatIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
