import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoFromDay } from '../dates';
import { getPurchaseOrder } from '../db/repos/purchase-orders';
import { lastDataDay } from '../db/repos/stock-position';
import { generateReport, reportFileName } from '../reports/generate';
import { buildSlowStockReport } from '../reports/slow-report';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const reportHandlers = defineHandlers<HandlerContext>('reports', {
  'reports.generate': async (input, { app }) => {
    const request = { kind: input.kind, format: input.format, ...(input.supplier ? { supplier: input.supplier } : {}), ...(input.poId ? { poId: input.poId } : {}) };
    const asOf = isoFromDay((lastDataDay(app.db) ?? Math.floor(Date.now() / 86_400_000)) + 1);
    const order = input.kind === 'po' && input.poId !== undefined ? getPurchaseOrder(app.db, input.poId) : undefined;
    const name = reportFileName(request, asOf, order);
    // A private folder per report; the grant owns the file and deletes it when released.
    const path = join(mkdtempSync(join(tmpdir(), 'shelfcast-report-')), name);
    const { lines } = await generateReport(app.db, request, path);
    return { ...app.files.grant(path, { name, owned: true }), lines };
  },
  'reports.slowStock': (_input, { app }) =>
    buildSlowStockReport(app.db).lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      locationName: l.locationName,
      supplierName: l.supplierName,
      health: l.health,
      onHand: l.onHand,
      moneyTiedUpCents: l.moneyTiedUpCents,
      weeklyPace: l.weeklyPace,
      paceSource: l.paceSource,
      turnoverPerYear: l.turnoverPerYear,
      weeksOfCover: l.weeksOfCover,
      excessValueCents: l.excessValueCents,
      reason: l.reason,
    })),
});
