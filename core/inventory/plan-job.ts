/**
 * The "plan" job: makes sure there is a forecast, then runs the policy over every product
 * and stores the recommendations. Runs in a worker thread with its own connection.
 */
import { AppError } from '../contract/errors';
import { isoFromDay } from '../dates';
import { latestForecastRun } from '../db/repos/plan-inputs';
import { registerJob } from '../jobs/job-registry';
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
  if (!latestForecastRun(ctx.db)) {
    throw new AppError('forecast.no_run', 'There is no forecast yet, so there is nothing to plan from. Run the forecast first (Models → Forecast, or shelfcast forecast).');
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
