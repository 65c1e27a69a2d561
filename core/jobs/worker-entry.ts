import { parentPort, workerData } from 'node:worker_threads';
import { getTask } from './tasks';
import './task-modules';
import { runJobInWorker } from './job-worker';

interface TaskMessage {
  type: 'task';
  id: number;
  name: string;
  payload: unknown;
}

const data = workerData as { mode?: string } | undefined;

if (data?.mode === 'job') {
  void runJobInWorker();
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
