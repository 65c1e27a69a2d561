import { isoToDay } from '../../customers/explain';
import { productView, runInfo } from '../../customers/views';
import type { CustomerForecastJobInput } from '../../customers/workspace-run';
import { CUSTOMERS_JOB_KIND } from '../../customers/workspace-run';
import type { CustomerRun } from '../../db/repos/customer-forecasts';
import { latestCustomerRun } from '../../db/repos/customer-forecasts';
import { productExists, productRecordsOfRun } from '../../db/repos/customer-predictions';
import { productIdBySku } from '../../db/repos/customer-sales';
import { parseCliArgs, positiveInt, requireOption } from '../args';
import { openCliApp, runJobToEnd } from '../session';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast customers --workspace <file> [--as-of YYYY-MM-DD] [--product SKU] [--weeks 12] [--min-orders 2] [--min-confidence 0.3]';

/** A stored run answers the question when nothing changed since and it was made the same way. */
function reusable(run: CustomerRun | null, input: Required<Pick<CustomerForecastJobInput, 'horizonWeeks' | 'minOrders' | 'minConfidence'>> & { asOfDay: number | null }): boolean {
  if (!run || run.status === 'stale') return false;
  if (input.asOfDay !== null && input.asOfDay !== run.asOfDay) return false;
  return run.horizonWeeks === input.horizonWeeks && run.settings.minOrders === input.minOrders && run.settings.minConfidence === input.minConfidence;
}

export const customersCommand: CliCommand = {
  name: 'customers',
  summary: 'Predicts repeat customers\' next orders per product and prints weekly expectations, top and at-risk customers as JSON.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, {
      workspace: { type: 'string' },
      'as-of': { type: 'string' },
      product: { type: 'string' },
      weeks: { type: 'string' },
      'min-orders': { type: 'string' },
      'min-confidence': { type: 'string' },
    });
    const workspace = requireOption(values.workspace, '--workspace', usage);
    const asOf = values['as-of'];
    const asOfDay = asOf === undefined ? null : isoToDay(asOf);
    if (asOf !== undefined && asOfDay === null) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
    const horizonWeeks = positiveInt(values.weeks, '--weeks', 12);
    if (horizonWeeks > 52) throw new UsageError(`--weeks must be at most 52, got ${horizonWeeks}`);
    const minOrders = positiveInt(values['min-orders'], '--min-orders', 2);
    if (minOrders < 2) throw new UsageError('--min-orders must be at least 2: a rhythm needs two orders');
    const minConfidence = values['min-confidence'] === undefined ? 0.3 : Number(values['min-confidence']);
    if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence must be a number from 0 to 1, got "${values['min-confidence']}"`);

    const app = await openCliApp(workspace, io);
    try {
      const productId = values.product === undefined ? null : productIdBySku(app.db, values.product);
      if (values.product !== undefined && productId === null) throw new UsageError(`there is no product with SKU "${values.product}" in ${workspace}`);
      let run = latestCustomerRun(app.db);
      if (!reusable(run, { asOfDay, horizonWeeks, minOrders, minConfidence })) {
        const input: CustomerForecastJobInput = { horizonWeeks, minOrders, minConfidence, ...(asOf !== undefined ? { asOf } : {}) };
        await runJobToEnd(app, io, CUSTOMERS_JOB_KIND, 'Predicting customer orders', input);
        run = latestCustomerRun(app.db);
      }
      if (!run) throw new Error('the customer predictions were not stored');
      const records = productRecordsOfRun(app.db, run.id, productId === null ? undefined : [productId]);
      const products = records.map((record) => {
        const { run: _run, ...view } = productView({ id: record.productId, sku: record.sku, name: record.name }, run, record);
        return view;
      });
      const product = productId === null ? null : productExists(app.db, productId);
      if (product && products.length === 0) {
        const { run: _run, ...view } = productView(product, run, null);
        products.push(view);
      }
      io.stdout(`${JSON.stringify({ run: runInfo(run), products }, null, 2)}\n`);
      return 0;
    } finally {
      await app.dispose();
    }
  },
};
