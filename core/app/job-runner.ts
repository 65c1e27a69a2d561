import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { JobStatus } from '../contract/commands/workspace';
import type { JobEvent } from '../contract/events';
import type { ApiErrorData } from '../contract/errors';
import type { JobWorkerMessage } from '../jobs/job-worker';
import { spawnWorker } from '../jobs/spawn';

interface JobRecord {
  status: JobStatus;
  input: unknown;
  workspacePath: string;
  worker?: Worker;
  cancelRequested: boolean;
  settled: boolean;
  onSettled?: (event: JobEvent) => void | Promise<void>;
  waiters: Array<(event: JobEvent) => void>;
}

export interface StartJobOptions {
  kind: string;
  title: string;
  input: unknown;
  workspacePath: string;
  /** Runs in the host after the job ended (e.g. refresh caches), before listeners hear of it. */
  onSettled?: (event: JobEvent) => void | Promise<void>;
}

/** How long a job may take to stop after a cancel request before its thread is terminated. */
const CANCEL_GRACE_MS = 5000;

/**
 * Runs jobs one at a time, each in its own worker thread with its own database connection,
 * so heavy work never blocks the window and SQLite sees a single writer. Every change of a
 * job's state is reported through `emit`; failures are reported as data, never thrown.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly queue: string[] = [];
  private running: string | undefined;

  constructor(private readonly emit: (event: JobEvent) => void) {}

  start(options: StartJobOptions): string {
    const jobId = randomUUID();
    const status: JobStatus = {
      jobId,
      kind: options.kind,
      title: options.title,
      state: 'queued',
      step: 0,
      steps: 0,
      stepName: '',
      current: 0,
      total: 0,
      message: 'Waiting to start',
      startedAt: new Date().toISOString(),
    };
    const record: JobRecord = {
      status,
      input: options.input,
      workspacePath: options.workspacePath,
      cancelRequested: false,
      settled: false,
      waiters: [],
    };
    if (options.onSettled) record.onSettled = options.onSettled;
    this.jobs.set(jobId, record);
    this.queue.push(jobId);
    this.emit({ ...status });
    queueMicrotask(() => this.next());
    return jobId;
  }

  list(): JobStatus[] {
    return [...this.jobs.values()].filter((j) => !j.settled).map((j) => ({ ...j.status }));
  }

  get(jobId: string): JobStatus | undefined {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : undefined;
  }

  /** Resolves with the job's final event (done, failed or cancelled). */
  wait(jobId: string): Promise<JobEvent> {
    const job = this.jobs.get(jobId);
    if (!job) return Promise.reject(new Error(`No job ${jobId}`));
    return new Promise((resolve) => job.waiters.push(resolve));
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.settled) return false;
    job.cancelRequested = true;
    const queuedAt = this.queue.indexOf(jobId);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      void this.settle(job, { state: 'cancelled', message: 'Cancelled before it started' });
      return true;
    }
    job.status.message = 'Cancelling…';
    this.emit({ ...job.status });
    job.worker?.postMessage({ type: 'cancel' });
    setTimeout(() => {
      if (!job.settled) {
        void job.worker?.terminate();
        void this.settle(job, { state: 'cancelled', message: 'Cancelled' });
      }
    }, CANCEL_GRACE_MS).unref();
    return true;
  }

  /** Cancels everything and waits for running work to stop (closing a workspace, quitting). */
  async shutdown(): Promise<void> {
    const pending = [...this.jobs.values()].filter((j) => !j.settled);
    const waits = pending.map((j) => this.wait(j.status.jobId));
    for (const job of pending) this.cancel(job.status.jobId);
    await Promise.all(waits);
  }

  private next(): void {
    if (this.running) return;
    const jobId = this.queue.shift();
    if (!jobId) return;
    const job = this.jobs.get(jobId);
    if (!job) return;
    this.running = jobId;
    job.status.state = 'running';
    job.status.message = 'Starting';
    this.emit({ ...job.status });
    let worker: Worker;
    try {
      worker = spawnWorker({ mode: 'job', kind: job.status.kind, input: job.input, workspacePath: job.workspacePath });
    } catch (err) {
      void this.settle(job, { state: 'failed', error: { code: 'internal', message: `The job could not start: ${String(err)}` } });
      return;
    }
    job.worker = worker;
    worker.on('message', (msg: JobWorkerMessage) => this.onMessage(job, msg));
    worker.on('error', (err) => {
      void this.settle(job, { state: 'failed', error: { code: 'internal', message: `The job stopped unexpectedly: ${err.message}` } });
    });
    worker.on('exit', (code) => {
      if (!job.settled) {
        if (job.cancelRequested) void this.settle(job, { state: 'cancelled', message: 'Cancelled' });
        else void this.settle(job, { state: 'failed', error: { code: 'internal', message: `The job's thread ended (code ${code}) without a result.` } });
      }
    });
  }

  private onMessage(job: JobRecord, msg: JobWorkerMessage): void {
    if (job.settled) return;
    switch (msg.type) {
      case 'progress':
        Object.assign(job.status, {
          step: msg.step,
          steps: msg.steps,
          stepName: msg.stepName,
          current: msg.current,
          total: msg.total,
          message: job.cancelRequested ? 'Cancelling…' : msg.message,
        });
        this.emit({ ...job.status });
        break;
      case 'done':
        void this.settle(job, { state: 'done', result: msg.result, message: 'Finished' });
        break;
      case 'failed':
        if (msg.stack) console.error(`Job ${job.status.kind} failed:`, msg.stack);
        void this.settle(job, { state: 'failed', error: msg.error });
        break;
      case 'cancelled':
        void this.settle(job, { state: 'cancelled', message: 'Cancelled' });
        break;
    }
  }

  private async settle(
    job: JobRecord,
    outcome: { state: 'done' | 'failed' | 'cancelled'; result?: unknown; error?: ApiErrorData; message?: string },
  ): Promise<void> {
    if (job.settled) return;
    job.settled = true;
    job.status.state = outcome.state;
    job.status.message = outcome.message ?? outcome.error?.message ?? job.status.message;
    const event: JobEvent = { ...job.status };
    if (outcome.result !== undefined) event.result = outcome.result;
    if (outcome.error) event.error = outcome.error;
    if (this.running === job.status.jobId) this.running = undefined;
    try {
      await job.onSettled?.(event);
    } catch (err) {
      console.error(`After job ${job.status.kind}:`, err);
    }
    this.emit(event);
    for (const waiter of job.waiters) waiter(event);
    job.waiters = [];
    // Keep a finished job's record briefly for late `get` calls, then drop it.
    setTimeout(() => this.jobs.delete(job.status.jobId), 60_000).unref();
    this.next();
  }
}
