import { parentPort, workerData } from 'node:worker_threads';
import { getTask } from './tasks';
import './task-modules';

interface TaskMessage {
  type: 'task';
  id: number;
  name: string;
  payload: unknown;
}

const data = workerData as { mode?: string } | undefined;

if (data?.mode === 'job') {
  // Loaded only in job workers: pool workers (forecast chunks, trees) start without the
  // database, import and job registry modules, which cost ~0.2 s of CPU per worker.
  void import('./job-worker').then(({ runJobInWorker }) => runJobInWorker());
} else if (parentPort) {
  const port = parentPort;
  port.on('message', async (msg: TaskMessage) => {
    if (msg.type !== 'task') return;
    const task = getTask(msg.name);
    if (!task) {
      port.postMessage({ type: 'error', id: msg.id, message: `Unknown task ${msg.name}` });
      return;
    }
    try {
      const value = await task(msg.payload);
      port.postMessage({ type: 'result', id: msg.id, value });
    } catch (err) {
      port.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
}
