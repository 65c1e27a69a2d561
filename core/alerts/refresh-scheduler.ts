/** Time as the scheduler sees it: injectable so tests step through it without waiting. */
export interface RefreshClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `run` after `delayMs`; the returned function cancels it. */
  schedule(run: () => void, delayMs: number): () => void;
}

export const SYSTEM_CLOCK: RefreshClock = {
  now: () => performance.now(),
  schedule: (run, delayMs) => {
    // unref: a pending refresh never keeps the CLI or a test process alive.
    const timer = setTimeout(run, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface RefreshSchedulerOptions {
  /**
   * Starts a refresh and returns its job id. It must coalesce with refreshes already under way:
   * reuse one still waiting to start (it will read the latest data), and queue one behind one
   * already running (that one may have read the data before it changed).
   */
  start: () => string;
  /** A background start that failed (no workspace open any more …). */
  onError: (err: unknown) => void;
  /** After a refresh starts, triggers within this quiet time are gathered into one more. */
  quietMs: number;
  /** A trigger waits at most this long, so a long run of edits still refreshes now and then. */
  maxWaitMs: number;
  clock?: RefreshClock;
}

/**
 * Coalesces refresh triggers (a debounce with a leading and a trailing edge): the first trigger
 * after a quiet spell starts a refresh at once; the ones that follow within `quietMs` of each
 * other are gathered into a single refresh started `quietMs` after the last of them (or
 * `maxWaitMs` after the first). Every trigger is thus followed by a refresh that starts after
 * it, so the final figures always reflect the last change, while an owner clicking through
 * twenty reorder lines starts a handful of refreshes instead of twenty.
 */
export class RefreshScheduler {
  private readonly clock: RefreshClock;
  /** Set while a window is open: triggers then wait for its end. */
  private cancelWindow: (() => void) | undefined;
  /** When the oldest trigger not yet covered by a started refresh arrived. */
  private pendingSince: number | undefined;

  constructor(private readonly options: RefreshSchedulerOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** Whether triggers are waiting for a refresh that has not started yet. */
  get pending(): boolean {
    return this.pendingSince !== undefined;
  }

  /** A change that the figures depend on (background: failures go to `onError`). */
  trigger(): void {
    if (this.cancelWindow === undefined) {
      try {
        this.startNow();
      } catch (err) {
        this.options.onError(err);
      }
      return;
    }
    const now = this.clock.now();
    this.pendingSince ??= now;
    this.openWindow(Math.min(now + this.options.quietMs, this.pendingSince + this.options.maxWaitMs));
  }

  /** Starts (or joins) a refresh now, covering every trigger so far; asked for by the owner. */
  startNow(): string {
    const jobId = this.options.start();
    this.pendingSince = undefined;
    this.openWindow(this.clock.now() + this.options.quietMs);
    return jobId;
  }

  /** Forgets waiting triggers (the workspace closed or another one opened). */
  reset(): void {
    this.cancelWindow?.();
    this.cancelWindow = undefined;
    this.pendingSince = undefined;
  }

  private openWindow(endsAt: number): void {
    this.cancelWindow?.();
    this.cancelWindow = this.clock.schedule(() => this.windowEnded(), Math.max(0, endsAt - this.clock.now()));
  }

  private windowEnded(): void {
    this.cancelWindow = undefined;
    if (this.pendingSince === undefined) return;
    try {
      this.startNow();
    } catch (err) {
      this.pendingSince = undefined;
      this.options.onError(err);
    }
  }
}
