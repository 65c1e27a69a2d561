import { registerJob } from '../jobs/job-registry';
import type { AlertsJobResult } from './job-kind';
import { ALERTS_JOB } from './job-kind';
import { refreshAlerts } from './refresh';

/** Recomputes alerts and the weekly summary off the UI thread. */
registerJob<Record<string, never>, AlertsJobResult>(ALERTS_JOB, async (_input, ctx) => {
  ctx.onProgress({ step: 1, steps: 1, stepName: 'alerts', current: 0, total: 1, message: 'Checking stock, forecasts and sales' });
  const result = refreshAlerts(ctx.db);
  ctx.onProgress({ step: 1, steps: 1, stepName: 'alerts', current: 1, total: 1, message: `${result.created} new alerts, ${result.resolved} resolved` });
  return { created: result.created, updated: result.updated, resolved: result.resolved, products: result.products, newCritical: result.newCritical };
});
