import { registerJob } from '../jobs/job-registry';
import type { CustomerForecastJobInput, CustomerForecastJobResult } from './workspace-run';
import { CUSTOMERS_JOB_KIND, runCustomerForecast } from './workspace-run';

/** The customers job: predictions for every product, stored in the workspace. */
registerJob<CustomerForecastJobInput, CustomerForecastJobResult>(CUSTOMERS_JOB_KIND, async (input, ctx) =>
  runCustomerForecast(ctx.db, input, { signal: ctx.signal, onProgress: ctx.onProgress }),
);
