import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RefreshClock } from '../../../core/alerts/refresh-scheduler';
import { ShelfcastApp } from '../../../core/app/app';
import type { JobEvent } from '../../../core/contract/events';
import { setAlertsRefreshClock } from '../../../core/handlers/alerts';
import { routerFor } from '../../helpers/router-call';
import { buildSmallShop } from '../../helpers/screens-shop';
import { useTempDir } from '../../helpers/tmp';

/** A clock the test moves by hand: timers due by then run in order, nothing waits for real time. */
class SteppedClock implements RefreshClock {
  private nowMs = 0;
  private timers: Array<{ at: number; run: () => void }> = [];

  now(): number {
    return this.nowMs;
  }

  schedule(run: () => void, delayMs: number): () => void {
    const timer = { at: this.nowMs + delayMs, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.nowMs = due.at;
      due.run();
    }
    this.nowMs = target;
  }
}

type Decision = { id: number; action: 'accept' | 'reset' | 'reject' } | { id: number; action: 'edit'; quantity: number };

/** Twenty decisions on the shop's reorder line, as an owner going back and forth would make them. */
function decisions(id: number): Decision[] {
  return Array.from({ length: 20 }, (_, i): Decision => {
    switch (i % 4) {
      case 0:
        return { id, action: 'accept' };
      case 1:
        return { id, action: 'reset' };
      case 2:
        return { id, action: 'edit', quantity: 30 + i };
      default:
        return { id, action: 'reject' };
    }
  });
}

describe('background alerts refreshes are gathered (real workspace, real job runner)', () => {
  const tempDir = useTempDir('shelfcast-alerts-coalesce-');
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  /** The small shop with fresh alerts, a stepped clock, and a log of every job event in order. */
  async function openShop() {
    const dir = tempDir();
    const opened = new ShelfcastApp({ host: 'cli', configDir: join(dir, 'config'), defaultWorkspaceDir: dir });
    app = opened;
    await opened.openWorkspace(join(dir, 'shop.shelfcast'), { create: true });
    buildSmallShop(opened.db);
    const { id } = opened.db.prepare('SELECT id FROM recommendations').get() as { id: number };
    const clock = new SteppedClock();
    setAlertsRefreshClock(opened, clock);
    const { call } = routerFor(opened);
    await call('alerts.state', {}); // a screen asking for the alerts starts the watch for changes
    const log: Array<{ decision: number } | JobEvent> = [];
    opened.onEvent((name, payload) => {
      if (name === 'job') log.push(payload as JobEvent);
    });
    /** Each refresh that ran, once (progress events repeat the 'running' state), with where it started in the log. */
    const refreshStarts = () => {
      const starts = new Map<string, number>();
      log.forEach((e, at) => {
        if ('kind' in e && e.kind === 'alerts.refresh' && e.state === 'running' && !starts.has(e.jobId)) starts.set(e.jobId, at);
      });
      return [...starts.values()];
    };
    const decisionAt = (n: number) => log.findIndex((e) => 'decision' in e && e.decision === n);
    /** Waits until no alerts refresh is waiting or running. */
    const idle = async () => {
      for (let open = opened.jobs.list().filter((j) => j.kind === 'alerts.refresh'); open.length > 0; open = opened.jobs.list().filter((j) => j.kind === 'alerts.refresh')) {
        for (const job of open) expect((await opened.jobs.wait(job.jobId)).state).toBe('done');
      }
    };
    const decide = async (decision: Decision, n: number) => {
      await call('plan.decide', decision);
      log.push({ decision: n });
    };
    // Start from fresh figures, and let the owner's refresh window pass.
    await call('alerts.refresh', {});
    await idle();
    clock.advance(60_000);
    log.length = 0;
    return { app: opened, call, clock, id, refreshStarts, decisionAt, idle, decide };
  }

  it('an owner deciding twenty lines a second apart starts three refreshes, the last after the last decision', async () => {
    const { call, clock, id, refreshStarts, decisionAt, idle, decide } = await openShop();
    for (const [n, decision] of decisions(id).entries()) {
      await decide(decision, n);
      await idle();
      clock.advance(1_000);
      await idle();
    }
    clock.advance(10_000);
    await idle();
    // At once for the first decision (t = 0 s); the ones after it wait for a 2 s pause, but at
    // most 10 s (t = 11 s); the last ones share one started 2 s after the last decision (t = 21 s).
    expect(refreshStarts()).toHaveLength(3);
    expect(refreshStarts().at(-1)).toBeGreaterThan(decisionAt(19));
    expect((await call('alerts.state', {})).stale).toBe(false);
  });

  it('twenty decisions at once start one refresh and exactly one more', async () => {
    const { call, clock, id, refreshStarts, idle, decide } = await openShop();
    for (const [n, decision] of decisions(id).entries()) await decide(decision, n);
    clock.advance(2_000);
    await idle();
    expect(refreshStarts()).toHaveLength(2);
    expect((await call('alerts.state', {})).stale).toBe(false);
  });

  it('while a refresh waits to start, every further trigger joins it', async () => {
    const { app: a, call, clock, id, refreshStarts, decisionAt, idle, decide } = await openShop();
    // Another job holds the runner, so the owner's refresh has to wait in the queue.
    const blocker = a.startJob({ kind: 'selftest', title: 'Holding the runner', input: { count: 1_000_000, delayMs: 5, fail: false } });
    const { jobId } = await call('alerts.refresh', {});
    for (const [n, decision] of decisions(id).entries()) {
      await decide(decision, n);
      clock.advance(3_000);
      expect((await call('alerts.refresh', {})).jobId).toBe(jobId);
    }
    expect(a.jobs.list().filter((j) => j.kind === 'alerts.refresh').map((j) => j.jobId)).toEqual([jobId]);
    a.jobs.cancel(blocker);
    await idle();
    clock.advance(60_000);
    await idle();
    expect(refreshStarts()).toHaveLength(1);
    expect(refreshStarts()[0]).toBeGreaterThan(decisionAt(19));
    expect((await call('alerts.state', {})).stale).toBe(false);
  });

  it('opening another workspace drops the refresh the previous one was waiting for', async () => {
    const { app: a, clock, id, refreshStarts, idle, decide } = await openShop();
    await decide({ id, action: 'accept' }, 0);
    await decide({ id, action: 'reset' }, 1);
    await idle();
    expect(refreshStarts()).toHaveLength(1);
    await a.openWorkspace(join(tempDir(), 'other.shelfcast'), { create: true });
    clock.advance(60_000);
    await idle();
    expect(refreshStarts()).toHaveLength(1);
  });
});
