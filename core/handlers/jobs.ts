import { AppError } from '../contract/errors';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const jobHandlers = defineHandlers<HandlerContext>('jobs', {
  'jobs.list': (_input, { app }) => app.jobs.list(),
  'jobs.cancel': (input, { app }) => {
    if (!app.jobs.cancel(input.jobId)) throw new AppError('job.not_found', 'That job has already finished.');
    return { ok: true as const };
  },
  'jobs.selftest': (input, { app }) => ({
    jobId: app.startJob({ kind: 'selftest', title: 'Self-test', input }),
  }),
});
