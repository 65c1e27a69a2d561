/**
 * TensorFlow.js backend chosen at run time, fastest first:
 *   1. @tensorflow/tfjs-node-gpu  (native TensorFlow with CUDA)
 *   2. @tensorflow/tfjs-node      (native TensorFlow on the CPU)
 *   3. @tensorflow/tfjs-backend-wasm (WebAssembly, about 3× the plain JS backend)
 *   4. @tensorflow/tfjs           (plain JavaScript "cpu" backend, always there)
 * The native packages are optional dependencies that only install where Google's
 * libtensorflow download works, so their path stays thin: a require.resolve in a try,
 * then a load and an activation that may each fail and fall through to the next.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';

export type TfBackendId = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';

export interface BackendCandidate {
  id: TfBackendId;
  packageName: string;
  /** The tf.setBackend name the package registers. */
  tfBackend: 'tensorflow' | 'wasm' | 'cpu';
  label: string;
}

export const BACKEND_ORDER: readonly BackendCandidate[] = [
  { id: 'tfjs-node-gpu', packageName: '@tensorflow/tfjs-node-gpu', tfBackend: 'tensorflow', label: 'TensorFlow native, CUDA GPU' },
  { id: 'tfjs-node', packageName: '@tensorflow/tfjs-node', tfBackend: 'tensorflow', label: 'TensorFlow native, CPU' },
  { id: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm', tfBackend: 'wasm', label: 'WebAssembly, CPU' },
  { id: 'cpu', packageName: '@tensorflow/tfjs', tfBackend: 'cpu', label: 'JavaScript, CPU' },
];

/** What backend selection needs from the outside world (tests pass their own). */
export interface BackendEnvironment {
  /** Resolves a package to a path; throws when it is not installed. */
  resolve(packageName: string): string;
  /** Loads the package so that it registers its backend. */
  load(packageName: string): Promise<void>;
  /** Switches TensorFlow.js to the backend; false when it did not initialise. */
  activate(tfBackend: string): Promise<boolean>;
}

export interface BackendAttempt {
  id: TfBackendId;
  outcome: 'chosen' | 'not installed' | 'failed to load' | 'failed to start';
  detail?: string;
}

export interface BackendSelection {
  chosen: BackendCandidate;
  attempts: BackendAttempt[];
}

export function nodeBackendEnvironment(): BackendEnvironment {
  const require = createRequire(import.meta.url);
  return {
    resolve: (packageName) => require.resolve(packageName),
    async load(packageName) {
      if (packageName === '@tensorflow/tfjs') return;
      await import(/* @vite-ignore */ packageName);
    },
    async activate(tfBackend) {
      const ok = await tf.setBackend(tfBackend);
      if (ok) await tf.ready();
      return ok && tf.getBackend() === tfBackend;
    },
  };
}

/**
 * Tries the candidates in order and returns the first that resolves, loads and starts.
 * `only` restricts the candidates (e.g. to measure one backend in a benchmark).
 */
export async function selectBackend(
  env: BackendEnvironment = nodeBackendEnvironment(),
  options: { only?: readonly TfBackendId[] } = {},
): Promise<BackendSelection> {
  const attempts: BackendAttempt[] = [];
  const candidates = BACKEND_ORDER.filter((c) => !options.only || options.only.includes(c.id));
  for (const candidate of candidates) {
    try {
      env.resolve(candidate.packageName);
    } catch {
      attempts.push({ id: candidate.id, outcome: 'not installed' });
      continue;
    }
    try {
      await env.load(candidate.packageName);
    } catch (err) {
      attempts.push({ id: candidate.id, outcome: 'failed to load', detail: firstLine(err) });
      continue;
    }
    let started = false;
    let detail: string | undefined;
    try {
      started = await env.activate(candidate.tfBackend);
    } catch (err) {
      detail = firstLine(err);
    }
    if (!started) {
      attempts.push({ id: candidate.id, outcome: 'failed to start', detail });
      continue;
    }
    attempts.push({ id: candidate.id, outcome: 'chosen' });
    return { chosen: candidate, attempts };
  }
  const tried = attempts.map((a) => `${a.id}: ${a.outcome}${a.detail ? ` (${a.detail})` : ''}`).join('; ');
  throw new Error(`No TensorFlow.js backend could start (${tried || 'no candidates'}).`);
}

let selected: Promise<BackendSelection> | undefined;

/** The process-wide backend, selected once. */
export function ensureBackend(): Promise<BackendSelection> {
  selected ??= selectBackend().catch((err: unknown) => {
    selected = undefined;
    throw err;
  });
  return selected;
}

/** One line for the CLI and the UI, e.g. "wasm (WebAssembly, CPU); tfjs-node-gpu not installed, tfjs-node not installed". */
export function describeSelection(selection: BackendSelection): string {
  const skipped = selection.attempts.filter((a) => a.outcome !== 'chosen').map((a) => `${a.id} ${a.outcome}`);
  return `${selection.chosen.id} (${selection.chosen.label})${skipped.length ? `; ${skipped.join(', ')}` : ''}`;
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? text;
}
