/**
 * The "plan" job: forecasts first when there is no forecast or the data changed since the
 * last one (core/planning), then runs the policy over every product and stores the
 * recommendations. Runs in a worker thread with its own connection.
 */
import { AppError } from '../contract/errors';
import type { PlanResult } from '../contract/commands/plan';
import { isoFromDay } from '../dates';
import { salesDayBounds } from '../db/repos/demand';
import { latestForecastRun } from '../db/repos/plan-inputs';
import { registerJob } from '../jobs/job-registry';
import { throwIfAborted } from '../jobs/progress';
import { forecastIsStale, forecastWithPool } from '../planning/forecast-job';
import { PLAN_DEFAULTS } from './plan';
import { defaultScenarioSource, planWorkspace } from './plan-workspace';

export interface PlanJobInput {
  eoqFloor: boolean;
  budgetCents: number | null;
}

registerJob<PlanJobInput, PlanResult & { forecasted: boolean }>('plan', async (input, ctx) => {
  const steps = 2;
  ctx.onProgress({ step: 1, steps, stepName: 'forecast', current: 0, total: 1, message: 'Checking the forecast' });
  if (salesDayBounds(ctx.db) === undefined) {
    throw new AppError('forecast.insufficient_history', 'There are no sales in this workspace yet, so there is nothing to plan from. Import your sales first.');
  }
  const stale = forecastIsStale(ctx.db);
  if (stale) {
    await forecastWithPool(ctx.db, {}, {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ step: 1, steps, stepName: 'forecast', current: p.current, total: p.total, message: `Forecast: ${p.message || p.stepName}` }),
    });
  }
  if (!latestForecastRun(ctx.db)) {
    throw new AppError('forecast.no_run', 'There is no sales history to forecast from, so there is nothing to plan. Import your sales first.');
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
    withoutStockCount: summary.withoutStockCount,
    forecasted: stale,
  };
});
