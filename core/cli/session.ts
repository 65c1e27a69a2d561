import { resolve } from 'node:path';
import { ShelfcastApp } from '../app/app';
import { defaultDirs } from '../app/defaults';
import type { JobEvent } from '../contract/events';
import { AppError } from '../contract/errors';
import type { CliIO } from './types';

/** A ShelfcastApp for one CLI command, with the given workspace open. */
export async function openCliApp(workspace: string, io: CliIO, options: { create?: boolean } = {}): Promise<ShelfcastApp> {
  const app = new ShelfcastApp({ host: 'cli', ...defaultDirs() });
  await app.openWorkspace(resolve(io.cwd, workspace), options);
  return app;
}

/**
 * Starts a job and waits for it, printing its steps to stderr as a shop owner would see
 * them in the progress bar. Throws when the job fails or is cancelled.
 */
export async function runJobToEnd(app: ShelfcastApp, io: CliIO, kind: string, title: string, input: unknown): Promise<unknown> {
  let lastLine = '';
  const stop = app.onEvent((name, payload) => {
    if (name !== 'job') return;
    const event = payload as JobEvent;
    if (event.kind !== kind || event.state !== 'running' || !event.stepName) return;
    // Whole tens of percent when the step knows its total, so long steps show they move.
    const pct = event.total > 0 ? ` ${Math.min(100, Math.floor((event.current / event.total) * 10) * 10)}%` : '';
    const line = `${title}: step ${event.step}/${event.steps} ${event.stepName}${pct}`;
    if (line !== lastLine) io.stderr(`${line}\n`);
    lastLine = line;
  });
  try {
    const jobId = app.startJob({ kind, title, input });
    const final = await app.jobs.wait(jobId);
    if (final.state === 'done') return final.result;
    if (final.error) throw new AppError(final.error.code, final.error.message, final.error.details);
    throw new AppError('cancelled', `${title} was cancelled.`);
  } finally {
    stop();
  }
}
