import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../paths';

/**
 * Starts a worker thread running core/jobs/worker-entry. From the esbuild bundles this is
 * dist/worker.mjs; from TypeScript sources (tests, tsx) the .ts entry is loaded through
 * tsx's loader so both modes run the same code.
 */
export function spawnWorker(workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (fromSource) {
    const bootstrap = fileURLToPath(new URL('./worker-bootstrap.mjs', import.meta.url));
    const sourceEntry = new URL('./worker-entry.ts', import.meta.url).href;
    return new Worker(bootstrap, { workerData: { ...(workerData as object), sourceEntry } });
  }
  return new Worker(join(appRoot(), 'dist', 'worker.mjs'), { workerData });
}

/** Workers to use for CPU-bound work: one per core, at least one. */
export function defaultWorkerCount(): number {
  const fromEnv = Number(process.env.SHELFCAST_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, availableParallelism());
}
