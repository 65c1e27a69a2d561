import type { Worker } from 'node:worker_threads';
import { defaultWorkerCount, spawnWorker } from './spawn';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface QueuedTask {
  id: number;
  name: string;
  payload: unknown;
  transfer: ArrayBuffer[];
}

export interface PoolResponse {
  type: 'result' | 'error';
  id: number;
  value?: unknown;
  message?: string;
}

/**
 * A fixed set of worker threads running registered pure tasks (core/jobs/tasks.ts).
 * Tasks are queued and handed to the next free worker; results come back in order of
 * completion, each to its own promise. A task that throws rejects only its own promise.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: QueuedTask[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly slotOfTask = new Map<number, Slot>();
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = defaultWorkerCount()) {
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot());
  }

  private startSlot(): Slot {
    const worker = spawnWorker({ mode: 'pool' });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (msg: PoolResponse) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onWorkerError(slot, err));
    worker.unref();
    return slot;
  }

  private onMessage(slot: Slot, msg: PoolResponse): void {
    const pending = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    this.slotOfTask.delete(msg.id);
    slot.busy = false;
    if (pending) {
      if (msg.type === 'result') pending.resolve(msg.value);
      else pending.reject(new Error(msg.message ?? 'task failed'));
    }
    this.dispatch();
  }

  private onWorkerError(slot: Slot, err: Error): void {
    for (const [id, owner] of this.slotOfTask) {
      if (owner !== slot) continue;
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
      this.slotOfTask.delete(id);
    }
    const index = this.slots.indexOf(slot);
    if (index >= 0 && !this.closed) this.slots[index] = this.startSlot();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.busy = true;
      this.slotOfTask.set(task.id, slot);
      slot.worker.ref();
      slot.worker.postMessage({ type: 'task', id: task.id, name: task.name, payload: task.payload }, task.transfer);
    }
    if (this.pending.size === 0) for (const slot of this.slots) slot.worker.unref();
  }

  run<R>(name: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed'));
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, name, payload, transfer });
    this.dispatch();
    return promise as Promise<R>;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(new Error('The worker pool was closed'));
    this.pending.clear();
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
