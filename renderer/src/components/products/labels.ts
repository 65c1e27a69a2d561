import type { AlertKind } from '../../../../core/contract/commands/products';

/** Plain names for codes that reach the screen. */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  stockout_lead_time: 'Runs out before a delivery',
  stockout_7d: 'Runs out within 7 days',
  below_reorder_point: 'Below reorder point',
  overstock: 'Overstock',
  dead_stock: 'Dead stock',
  accuracy_degraded: 'Forecast got worse',
  anomaly: 'Unusual sales',
  level_shift: 'Sales level changed',
};

export const PATTERN_LABELS: Record<string, string> = {
  smooth: 'Smooth',
  erratic: 'Erratic',
  intermittent: 'Intermittent',
  lumpy: 'Lumpy',
  new: 'New',
  dead: 'Dead',
  unclassified: 'Not classified',
};

export const PRIORITY_COLORS = { urgent: 'error', high: 'warning', medium: 'info', low: 'default' } as const;
export const SEVERITY_COLORS = { critical: 'error', warning: 'warning', info: 'info' } as const;
