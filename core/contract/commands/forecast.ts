import { z } from 'zod';
import { Empty, JobStarted } from '../common';
import { command } from '../spec';

export const ForecastRunSummary = z.object({
  runId: z.number().int(),
  createdAt: z.string(),
  /** Last day of data the run used, and the first forecast period. */
  asOfDate: z.string(),
  firstForecastDate: z.string(),
  horizonWeeks: z.number().int(),
  series: z.number().int(),
  fallbacks: z.array(z.object({ sku: z.string(), intended: z.array(z.string()), reason: z.string() })),
  accuracy: z.object({ mase: z.number(), naiveMase: z.number(), products: z.number().int() }).nullable(),
  durationMs: z.number(),
  stale: z.boolean(),
  models: z.array(z.object({ model: z.string(), products: z.number().int() })),
});
export type ForecastRunSummary = z.infer<typeof ForecastRunSummary>;

export const forecastCommands = {
  'forecast.start': command(
    'Forecasts every product (a job): backtest, model choice, calibrated distributions. Skips when nothing changed unless forced.',
    z.object({ force: z.boolean().default(false) }).strict(),
    JobStarted,
  ),
  'forecast.latest': command('The latest finished forecast run, or null when there is none.', Empty, ForecastRunSummary.nullable()),
};
