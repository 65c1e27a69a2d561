import type { Db } from '../db/connection';
import type { ProgressFn } from './progress';

export interface JobContext {
  /** A connection of this worker thread to the job's workspace. */
  db: Db;
  workspacePath: string;
  signal: AbortSignal;
  onProgress: ProgressFn;
}

export type JobFn = (input: unknown, ctx: JobContext) => Promise<unknown>;

const jobs = new Map<string, JobFn>();

/** Registers a job kind; the input was validated by the contract before the job started. */
export function registerJob<I, R>(kind: string, fn: (input: I, ctx: JobContext) => Promise<R>): void {
  if (jobs.has(kind)) throw new Error(`Job ${kind} is registered twice`);
  jobs.set(kind, fn as JobFn);
}

export function getJob(kind: string): JobFn | undefined {
  return jobs.get(kind);
}

/** Every registered kind (for the test that keeps job-modules.ts's list true). */
export function registeredJobKinds(): string[] {
  return [...jobs.keys()];
}
