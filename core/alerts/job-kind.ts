/** The alerts job's kind and result (no side effects: the handlers import this, the worker imports job.ts). */
export const ALERTS_JOB = 'alerts.refresh';

export interface AlertsJobResult {
  created: number;
  updated: number;
  resolved: number;
  products: number;
  newCritical: Array<{ id: number; message: string }>;
}
