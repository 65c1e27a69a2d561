import { ALERTS_JOB } from '../alerts/job-kind';
import type { AlertsJobResult } from '../alerts/job-kind';
import type { RefreshClock } from '../alerts/refresh-scheduler';
import { RefreshScheduler } from '../alerts/refresh-scheduler';
import type { ShelfcastApp } from '../app/app';
import { acknowledgeAlerts, alertsState, listAlerts, listOneOffs, markAlertOneOff, markNotified, openAlertCounts, removeOneOff } from '../db/repos/alerts';
import { hasPlan, latestForecastRun } from '../db/repos/stock-facts';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

function state(app: ShelfcastApp) {
  return alertsState(app.db, { hasForecast: latestForecastRun(app.db) !== null, hasPlan: hasPlan(app.db) });
}

/**
 * Starts the alerts job unless one is already waiting or running. When it ends, urgent
 * alerts it raised become a desktop notification (Electron; the browser host has none).
 */
export function startAlertsRefresh(app: ShelfcastApp): string {
  // One waiting refresh is enough; a running one may have read the data before it changed.
  const queued = app.jobs.list().find((j) => j.kind === ALERTS_JOB && j.state === 'queued');
  if (queued) return queued.jobId;
  return app.startJob({
    kind: ALERTS_JOB,
    title: 'Checking alerts',
    input: {},
    onSettled: (event) => {
      if (event.state !== 'done' || !app.platform.notify || !app.workspace) return;
      const result = event.result as AlertsJobResult | undefined;
      const urgent = result?.newCritical ?? [];
      if (urgent.length === 0) return;
      const title = urgent.length === 1 ? 'Shelfcast: 1 urgent alert' : `Shelfcast: ${urgent.length} urgent alerts`;
      const body = urgent.length === 1 ? urgent[0]!.message : `${urgent[0]!.message} And ${urgent.length - 1} more.`;
      app.platform.notify(title, body);
      markNotified(app.db, urgent.map((u) => u.id));
    },
  });
}

/**
 * Gathering of background refreshes: every reorder decision, order edit or event change
 * is a workspace change, and an owner clicking through twenty lines a second or two apart
 * started twenty refreshes (each a worker thread and a reload of every open screen). Edits
 * that follow within 2 s of each other now share one refresh, started 2 s after the last of
 * them, and at least every 10 s while they go on.
 */
const REFRESH_QUIET_MS = 2_000;
const REFRESH_MAX_WAIT_MS = 10_000;
const schedulers = new WeakMap<ShelfcastApp, RefreshScheduler>();

function makeScheduler(app: ShelfcastApp, clock?: RefreshClock): RefreshScheduler {
  const scheduler = new RefreshScheduler({
    start: () => startAlertsRefresh(app),
    onError: (err) => console.error('Could not start the alerts refresh', err),
    quietMs: REFRESH_QUIET_MS,
    maxWaitMs: REFRESH_MAX_WAIT_MS,
    ...(clock ? { clock } : {}),
  });
  schedulers.set(app, scheduler);
  return scheduler;
}

/** The app's refresh scheduler (one per app, made on first use). */
export function alertsRefreshScheduler(app: ShelfcastApp): RefreshScheduler {
  return schedulers.get(app) ?? makeScheduler(app);
}

/** Tests: the scheduler on a clock they step by hand (replaces any earlier one). */
export function setAlertsRefreshClock(app: ShelfcastApp, clock: RefreshClock): RefreshScheduler {
  schedulers.get(app)?.reset();
  return makeScheduler(app, clock);
}

/** Changes that do not alter what the alerts are computed from. */
const IGNORED_REASONS = new Set([ALERTS_JOB, 'alerts', 'override']);
/** The workspace itself changed: waiting triggers belonged to the previous one. */
const WORKSPACE_REASONS = new Set(['opened', 'closed']);
const watched = new WeakSet<ShelfcastApp>();

/**
 * Keeps alerts current while the app is open, whatever screen the owner is on: after an
 * import, a forecast, a plan or any other change of the data, the alerts job runs again, so
 * a new urgent alert becomes a desktop notification without visiting the Alerts screen.
 */
export function watchForChanges(app: ShelfcastApp): void {
  if (watched.has(app)) return;
  watched.add(app);
  app.onEvent((name, payload) => {
    if (name !== 'workspace.changed') return;
    const { reason } = payload as { reason: string };
    if (WORKSPACE_REASONS.has(reason)) alertsRefreshScheduler(app).reset();
    if (!app.workspace || IGNORED_REASONS.has(reason) || WORKSPACE_REASONS.has(reason)) return;
    alertsRefreshScheduler(app).trigger();
  });
}

export const alertHandlers = defineHandlers<HandlerContext>('alerts', {
  'alerts.list': (input, { app }) => {
    watchForChanges(app);
    return { ...listAlerts(app.db, input), openCounts: openAlertCounts(app.db), state: state(app) };
  },
  'alerts.acknowledge': (input, { app }) => {
    const acknowledged = acknowledgeAlerts(app.db, input.ids);
    app.emit('workspace.changed', { reason: 'alerts' });
    return { acknowledged };
  },
  // Asked for by the owner or a screen that found the figures stale: at once, never gathered.
  'alerts.refresh': (_input, { app }) => ({ jobId: alertsRefreshScheduler(app).startNow() }),
  'alerts.state': (_input, { app }) => {
    watchForChanges(app);
    return state(app);
  },
  'alerts.markOneOff': (input, { app }) => {
    const mark = markAlertOneOff(app.db, input.alertId, input.reason);
    app.emit('workspace.changed', { reason: 'one-off' });
    return mark;
  },
  'alerts.oneOffs': (input, { app }) => listOneOffs(app.db, input.productId),
  'alerts.removeOneOff': (input, { app }) => {
    removeOneOff(app.db, input.id);
    app.emit('workspace.changed', { reason: 'one-off' });
    return { ok: true as const };
  },
});
