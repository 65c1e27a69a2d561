import { useEffect } from 'react';
import type { AlertsState } from '../../../core/contract/commands/alerts';
import { call } from '../api/client';

/** When the last refresh started (module-wide), so screens do not start one each. */
let lastStartedAt = 0;
const MIN_GAP_MS = 3_000;

/**
 * Keeps the derived figures (alerts, product figures, the weekly summary) current: when a
 * screen learns they are stale, it starts the alerts refresh job once; the job's end
 * reloads every screen through the workspace.changed event.
 */
export function useFreshFigures(state: AlertsState | undefined): void {
  const stale = state?.stale ?? false;
  useEffect(() => {
    if (!stale || Date.now() - lastStartedAt < MIN_GAP_MS) return;
    lastStartedAt = Date.now();
    call('alerts.refresh', {}).catch(() => undefined);
  }, [stale]);
}
