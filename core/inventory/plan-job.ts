/**
 * The "plan" job: makes sure there is a forecast, then runs the policy over every product
 * and stores the recommendations. Runs in a worker thread with its own connection.
 */
import { AppError } from '../contract/errors';
import { isoFromDay } from '../dates';
import { latestForecastRun } from '../db/repos/plan-inputs';
import { registerJob } from '../jobs/job-registry';
import { forecastIsStale, forecastWithPool } from '../planning/forecast-job';
import { throwIfAborted } from '../jobs/progress';
import type { PlanResult } from '../contract/commands/plan';
import { PLAN_DEFAULTS } from './plan';
import { defaultScenarioSource, planWorkspace } from './plan-workspace';

export interface PlanJobInput {
  eoqFloor: boolean;
  budgetCents: number | null;
}

registerJob<PlanJobInput, PlanResult>('plan', async (input, ctx) => {
  const steps = 2;
  ctx.onProgress({ step: 1, steps, stepName: 'forecast', current: 0, total: 1, message: 'Checking the forecast' });
  // Forecast first when there is none or the data changed since (PRODUCT.md §7: plan from a current forecast).
  if (forecastIsStale(ctx.db)) {
    await forecastWithPool(ctx.db, {}, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ step: 1, steps, stepName: 'forecast', current: p.step - 1 + (p.total > 0 ? p.current / p.total : 0), total: p.steps, message: `Forecast: ${p.stepName}${p.total > 0 ? ` (${p.current} of ${p.total})` : ''}` }),
    });
  }
  if (!latestForecastRun(ctx.db)) {
    throw new AppError('forecast.no_run', 'There are no sales to forecast from yet, so there is nothing to plan. Import your sales first.');
  }
  throwIfAborted(ctx.signal);
  const options = { ...PLAN_DEFAULTS, eoqFloor: input.eoqFloor, budgetCents: input.budgetCents };
  const summary = planWorkspace(ctx.db, options, defaultScenarioSource(ctx.db, options), (done, total) => {
    ctx.onProgress({ step: 2, steps, stepName: 'policy', current: done, total, message: `Planning product ${done} of ${total}` });
  });
  return {
    planId: summary.planId,
    asOfDate: isoFromDay(summary.asOfDay),
    products: summary.products,
    toOrder: summary.toOrder,
    byPriority: summary.byPriority,
    totalCostCents: summary.totalCostCents,
    expired: summary.expired,
    skipped: summary.skipped,
  };
});
