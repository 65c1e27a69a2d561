import { ALERTS_JOB } from '../alerts/job-kind';
import type { AlertsJobResult } from '../alerts/job-kind';
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
  const pending = app.jobs.list().find((j) => j.kind === ALERTS_JOB && (j.state === 'queued' || j.state === 'running'));
  if (pending) return pending.jobId;
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

export const alertHandlers = defineHandlers<HandlerContext>('alerts', {
  'alerts.list': (input, { app }) => ({ ...listAlerts(app.db, input), openCounts: openAlertCounts(app.db), state: state(app) }),
  'alerts.acknowledge': (input, { app }) => {
    const acknowledged = acknowledgeAlerts(app.db, input.ids);
    app.emit('workspace.changed', { reason: 'alerts' });
    return { acknowledged };
  },
  'alerts.refresh': (_input, { app }) => ({ jobId: startAlertsRefresh(app) }),
  'alerts.state': (_input, { app }) => state(app),
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
