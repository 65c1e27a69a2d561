import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../contract/errors';
import { connectWorkspace } from '../db/connection';
import { loadJobModule } from './job-modules';
import { getJob } from './job-registry';
import { throttleProgress } from './progress';

export interface JobWorkerData {
  mode: 'job';
  kind: string;
  input: unknown;
  workspacePath: string;
}

export type JobWorkerMessage =
  | { type: 'progress'; step: number; steps: number; stepName: string; current: number; total: number; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ReturnType<typeof toErrorData>; stack?: string }
  | { type: 'cancelled' };

/** Runs one job inside this worker thread and reports back over the parent port. */
export async function runJobInWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const data = workerData as JobWorkerData;
  const controller = new AbortController();
  port.on('message', (msg: { type?: string }) => {
    if (msg.type === 'cancel') controller.abort();
  });
  const post = (msg: JobWorkerMessage) => port.postMessage(msg);
  try {
    await loadJobModule(data.kind);
  } catch (err) {
    post({ type: 'failed', error: toErrorData(err), stack: err instanceof Error ? err.stack : undefined });
    port.close();
    return;
  }
  const job = getJob(data.kind);
  if (!job) {
    post({ type: 'failed', error: { code: 'internal', message: `Unknown job kind ${data.kind}` } });
    port.close();
    return;
  }
  const db = connectWorkspace(data.workspacePath);
  try {
    const onProgress = throttleProgress((p) => post({ type: 'progress', ...p }));
    const result = await job(data.input, { db, workspacePath: data.workspacePath, signal: controller.signal, onProgress });
    post({ type: 'done', result });
  } catch (err) {
    if (controller.signal.aborted) post({ type: 'cancelled' });
    else post({ type: 'failed', error: toErrorData(err), stack: err instanceof Error ? err.stack : undefined });
  } finally {
    db.close();
    port.close();
  }
}
