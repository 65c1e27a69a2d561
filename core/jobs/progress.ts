/** A progress report of a running job (CONVENTIONS.md §5). */
export interface Progress {
  /** 1-based index of the current step. */
  step: number;
  steps: number;
  /** Name of the current step, e.g. "backtest". */
  stepName: string;
  current: number;
  total: number;
  message: string;
}

export type ProgressFn = (progress: Progress) => void;

/** Long core functions take these: an abort signal and a progress callback. */
export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/**
 * Wraps a progress callback so it fires at most every `intervalMs` (about 10 per second),
 * except on a step change or completion, which always get through.
 */
export function throttleProgress(fn: ProgressFn, intervalMs = 100, now: () => number = Date.now): ProgressFn {
  let last = -Infinity;
  let lastStep = -1;
  return (progress) => {
    const t = now();
    const important = progress.step !== lastStep || progress.current >= progress.total;
    if (!important && t - last < intervalMs) return;
    last = t;
    lastStep = progress.step;
    fn(progress);
  };
}

/** Steps helper: `const steps = stepper(['load', 'fit'], onProgress); steps.start('load')`. */
export function stepper(names: readonly string[], onProgress: ProgressFn | undefined) {
  let current = 0;
  return {
    start(name: string, total = 0, message = ''): void {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`Unknown step ${name}`);
      current = index + 1;
      onProgress?.({ step: current, steps: names.length, stepName: name, current: 0, total, message });
    },
    advance(done: number, total: number, message = ''): void {
      const name = names[current - 1] ?? '';
      onProgress?.({ step: current, steps: names.length, stepName: name, current: done, total, message });
    },
  };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('The operation was cancelled.');
    err.name = 'AbortError';
    throw err;
  }
}
