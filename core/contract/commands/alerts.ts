import { z } from 'zod';
import { Empty, Id, IsoDate, JobStarted, Ok } from '../common';
import { command } from '../spec';
import { AlertKind, Severity } from './products';

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);

export const AlertItem = z.object({
  id: Id,
  kind: AlertKind,
  severity: Severity,
  status: AlertStatus,
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  productName: z.string().nullable(),
  message: z.string(),
  /** Day of the unusual week, for anomaly alerts (they can be marked as one-offs). */
  weekStartDay: IsoDate.nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type AlertItem = z.infer<typeof AlertItem>;

export const AlertQuery = z
  .object({
    /** open: not acknowledged and not resolved; history: everything, newest first. */
    view: z.enum(['open', 'history']).default('open'),
    kinds: z.array(AlertKind).max(10).default([]),
    severities: z.array(Severity).max(3).default([]),
    productId: Id.nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const AlertCounts = z.object({ critical: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const AlertsState = z.object({
  lastRefreshAt: z.string().nullable(),
  asOfDay: IsoDate.nullable(),
  /** The data changed since the last refresh (import, plan, marks): refresh to be current. */
  stale: z.boolean(),
  hasForecast: z.boolean(),
  hasPlan: z.boolean(),
  hasStockCounts: z.boolean(),
});
export type AlertsState = z.infer<typeof AlertsState>;

export const OneOffMark = z.object({ id: Id, productId: Id, startDay: IsoDate, endDay: IsoDate, reason: z.string().nullable(), createdAt: z.string() });

export const alertCommands = {
  'alerts.list': command('Alerts, open or the whole history, filtered and paged, with counts of open ones by severity.', AlertQuery, z.object({ rows: z.array(AlertItem), total: z.number().int(), openCounts: AlertCounts, state: AlertsState })),
  'alerts.acknowledge': command('Acknowledges alerts (they leave the open list; a new problem raises a new alert).', z.object({ ids: z.array(Id).min(1).max(1000) }).strict(), z.object({ acknowledged: z.number().int() })),
  'alerts.refresh': command('Re-runs the alert rules and the weekly summary on the current data (a job).', Empty, JobStarted),
  'alerts.state': command('When alerts were last computed and whether the data changed since.', Empty, AlertsState),
  'alerts.markOneOff': command(
    'Marks the week of an unusual-sales alert as a one-off: the models and the anomaly check ignore it (audited).',
    z.object({ alertId: Id, reason: z.string().trim().max(300).nullable().default(null) }).strict(),
    OneOffMark,
  ),
  'alerts.oneOffs': command('The weeks of a product marked as one-offs.', z.object({ productId: Id }).strict(), z.array(OneOffMark)),
  'alerts.removeOneOff': command('Unmarks a one-off week (audited).', z.object({ id: Id }).strict(), Ok),
};
