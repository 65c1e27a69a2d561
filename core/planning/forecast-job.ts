import { latestDoneRun, dataFingerprint } from '../db/repos/forecast-runs';
import type { Db } from '../db/connection';
import { registerJob } from '../jobs/job-registry';
import { WorkerPool } from '../jobs/pool';
import type { RunOptions } from '../jobs/progress';
import { defaultWorkerCount } from '../jobs/spawn';
import type { WorkspaceForecastOptions, WorkspaceForecastSummary } from './forecast-run';
import { forecastWorkspace } from './forecast-run';

/** True when there is no finished forecast or the data it was made from has changed since. */
export function forecastIsStale(db: Db): boolean {
  const latest = latestDoneRun(db);
  return !latest || latest.fingerprint !== dataFingerprint(db);
}

/** Runs the workspace forecast on a worker pool with one thread per core. */
export async function forecastWithPool(db: Db, options: Omit<WorkspaceForecastOptions, 'runner'>, run: RunOptions): Promise<WorkspaceForecastSummary> {
  const pool = new WorkerPool(defaultWorkerCount());
  try {
    return await forecastWorkspace(db, { ...options, runner: pool }, run);
  } finally {
    await pool.close();
  }
}

registerJob<{ force: boolean }, WorkspaceForecastSummary | { skipped: true; reason: string }>('forecast', async (input, ctx) => {
  if (!input.force && !forecastIsStale(ctx.db)) {
    return { skipped: true, reason: 'The forecast is up to date with the data.' };
  }
  return forecastWithPool(ctx.db, {}, { signal: ctx.signal, onProgress: ctx.onProgress });
});
