import { AppError } from '../contract/errors';
import { CUSTOMERS_JOB_KIND } from '../customers/workspace-run';
import { dayToIso } from '../customers/explain';
import { predictionView, predictionWeeks, productView, runInfo } from '../customers/views';
import { latestCustomerRun } from '../db/repos/customer-forecasts';
import { customerById, customerOrderSummary, listPredictions, productExists, productForecastRecord } from '../db/repos/customer-predictions';
import { customerSalesOverview } from '../db/repos/customer-sales';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const customersHandlers = defineHandlers<HandlerContext>('customers', {
  'customers.status': (_input, { app }) => {
    const overview = customerSalesOverview(app.db);
    return {
      run: runInfo(latestCustomerRun(app.db)),
      customersWithSales: overview.customersWithSales,
      lastSaleDay: overview.lastSaleDay === null ? null : dayToIso(overview.lastSaleDay),
    };
  },
  'customers.run': (input, { app }) => ({
    jobId: app.startJob({ kind: CUSTOMERS_JOB_KIND, title: 'Predicting customer orders', input }),
  }),
  'customers.list': (input, { app }) => {
    const run = latestCustomerRun(app.db);
    if (!run) return { run: null, rows: [], total: 0 };
    const { rows, total } = listPredictions(app.db, run.id, input);
    return { run: runInfo(run), rows: rows.map((r) => predictionView(r, run)), total };
  },
  'customers.detail': (input, { app }) => {
    const customer = customerById(app.db, input.customerId);
    if (!customer) throw new AppError('not_found', 'There is no such customer in this workspace.', { customerId: input.customerId });
    const history = customerOrderSummary(app.db, customer.id);
    const run = latestCustomerRun(app.db);
    const rows = run ? listPredictions(app.db, run.id, { customerId: customer.id, sort: 'nextOrder', limit: 10_000, offset: 0 }).rows : [];
    const predictions = run ? rows.map((r) => ({ ...predictionView(r, run), weeks: predictionWeeks(r, run.asOfDay) })) : [];
    return {
      run: runInfo(run),
      customer: { id: customer.id, externalId: customer.externalId, name: customer.name && customer.name.trim() !== '' ? customer.name : `Customer ${customer.externalId}` },
      history: {
        orderDays: history.orderDays,
        firstOrder: history.firstDay === null ? null : dayToIso(history.firstDay),
        lastOrder: history.lastDay === null ? null : dayToIso(history.lastDay),
        revenueCents: Math.round(history.revenueCents),
        products: history.products,
      },
      summary: {
        predictedProducts: predictions.length,
        atRiskProducts: predictions.filter((p) => p.atRisk).length,
        expectedUnits: predictions.reduce((s, p) => s + p.expectedUnits, 0),
        revenueAtStakeCents: predictions.filter((p) => p.atRisk).reduce((s, p) => s + (p.revenueAtStakeCents ?? 0), 0),
      },
      predictions,
    };
  },
  'customers.product': (input, { app }) => {
    const product = productExists(app.db, input.productId);
    if (!product) throw new AppError('not_found', 'There is no such product in this workspace.', { productId: input.productId });
    const run = latestCustomerRun(app.db);
    return productView(product, run, run ? productForecastRecord(app.db, run.id, product.id) : null);
  },
});
