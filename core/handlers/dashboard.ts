import { dashboardSummary, weeklySummary } from '../dashboard/summary';
import { defineHandlers } from '../router';
import { watchForChanges } from './alerts';
import type { HandlerContext } from './context';

export const dashboardHandlers = defineHandlers<HandlerContext>('dashboard', {
  'dashboard.summary': (_input, { app }) => {
    watchForChanges(app);
    return dashboardSummary(app.db);
  },
  'dashboard.weeklySummary': (_input, { app }) => weeklySummary(app.db),
});
