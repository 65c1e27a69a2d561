import { isoFromDay } from '../dates';
import { latestRunSummary } from '../db/repos/forecast-runs';
import { forecastIsStale } from '../planning/forecast-job';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const forecastHandlers = defineHandlers<HandlerContext>('forecast', {
  'forecast.start': (input, { app }) => ({
    jobId: app.startJob({ kind: 'forecast', title: 'Forecasting every product', input }),
  }),
  'forecast.latest': (_input, { app }) => {
    const latest = latestRunSummary(app.db);
    if (!latest) return null;
    return {
      runId: latest.id,
      createdAt: latest.createdAt,
      asOfDate: latest.details.asOfDate ?? isoFromDay(latest.asOfDay - 1),
      firstForecastDate: isoFromDay(latest.asOfDay),
      horizonWeeks: latest.horizon,
      series: latest.nSeries,
      fallbacks: latest.details.fallbacks ?? [],
      accuracy: latest.details.accuracy ?? null,
      durationMs: latest.durationMs ?? 0,
      stale: forecastIsStale(app.db),
      models: latest.models,
    };
  },
});
