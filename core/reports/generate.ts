/** One entry point for every report: builds its data and writes PDF or CSV to a file. */
import { writeFileSync } from 'node:fs';
import type { Db } from '../db/connection';
import { buildPoReport, poCsv, writePoPdf } from './po-report';
import { buildReorderReport, reorderCsv, writeReorderPdf } from './reorder-report';
import { buildSlowStockReport, slowStockCsv, writeSlowStockPdf } from './slow-report';

export type ReportKind = 'reorder' | 'po' | 'slow';
export type ReportFormat = 'pdf' | 'csv';

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  supplier?: string;
  poId?: number;
}

function slug(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase();
}

/**
 * The file's name: one purchase order is named by its number and supplier
 * ("PO-01354-brakewell-wholesale.pdf"), so downloads of different orders do not collide;
 * other reports by kind, supplier and the data's date.
 */
export function reportFileName(request: ReportRequest, asOfIso: string, order?: { number: string; supplierName: string | null }): string {
  if (request.kind === 'po' && order) {
    const supplier = order.supplierName ? slug(order.supplierName) : '';
    return `${order.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}${supplier ? `-${supplier}` : ''}.${request.format}`;
  }
  const base = { reorder: 'reorder-report', po: 'purchase-orders', slow: 'slow-stock' }[request.kind];
  const supplier = request.supplier ? `-${slug(request.supplier)}` : '';
  return `${base}${supplier}-${asOfIso}.${request.format}`;
}

/** Writes the report to `path`; returns the number of lines it holds. */
export async function generateReport(db: Db, request: ReportRequest, path: string): Promise<{ lines: number }> {
  if (request.kind === 'reorder') {
    const report = buildReorderReport(db, request.supplier === undefined ? {} : { supplier: request.supplier });
    if (request.format === 'pdf') await writeReorderPdf(report, path);
    else writeFileSync(path, reorderCsv(report));
    return { lines: report.totalLines };
  }
  if (request.kind === 'po') {
    const options: { poId?: number; supplier?: string } = {};
    if (request.poId !== undefined) options.poId = request.poId;
    if (request.supplier !== undefined) options.supplier = request.supplier;
    const report = buildPoReport(db, options);
    if (request.format === 'pdf') await writePoPdf(report, path);
    else writeFileSync(path, poCsv(report));
    return { lines: report.orders.reduce((s, o) => s + o.lines.length, 0) };
  }
  const report = buildSlowStockReport(db);
  if (request.format === 'pdf') await writeSlowStockPdf(report, path);
  else writeFileSync(path, slowStockCsv(report));
  return { lines: report.lines.length };
}
