/**
 * Alerts from a product's weekly sales: unusual weeks (outside the one-step-ahead 95% band)
 * and level shifts. Weeks the owner marked as one-offs and weeks with stock at zero
 * (censored: demand unknown) are left out of both the judging and the judged. Unusual weeks
 * covered by a holiday or an event are expected and do not raise an alert.
 */
import type { TextFormat } from './format';
import { findAnomalies, findLevelShift, oneStepBands } from './anomalies';
import type { AlertDraft } from './rules';

export interface WeekPoint {
  /** Day number of the week's first day. */
  start: number;
  actual: number;
  /** A one-off mark or a stockout: not a demand observation. */
  excluded: boolean;
  /** Name of the holiday or event the week overlaps, if any. */
  explainedBy: string | null;
}

/** Only weeks this recent raise an alert; older ones are history on the chart. */
export const ANOMALY_ALERT_WEEKS = 4;
export const SHIFT_ALERT_WEEKS = 13;

export function seriesValues(weeks: readonly WeekPoint[]): Float64Array {
  return Float64Array.from(weeks, (w) => (w.excluded ? NaN : w.actual));
}

export function seriesAlerts(productId: number, label: string, weeks: readonly WeekPoint[], fmt: TextFormat): AlertDraft[] {
  const y = seriesValues(weeks);
  const out: AlertDraft[] = [];
  const firstAlertable = weeks.length - ANOMALY_ALERT_WEEKS;
  for (const anomaly of findAnomalies(y, oneStepBands(y))) {
    if (anomaly.index < firstAlertable) continue;
    const week = weeks[anomaly.index]!;
    if (week.explainedBy !== null) continue;
    const { band } = anomaly;
    const range = `expected ${fmt.qty(band.lower)}–${fmt.qty(band.upper)}`;
    const above = anomaly.direction === 'above';
    // One product-week in twenty falls outside a 95% band by chance, so a shop with 200
    // products would see ~40 such weeks a month. Only a week past twice the band's reach
    // is a warning and reads "far"; the rest are notes.
    const far = above ? anomaly.actual >= 2 * band.upper - band.forecast : anomaly.actual <= 2 * band.lower - band.forecast;
    const how = far ? 'far ' : '';
    out.push({
      kind: 'anomaly',
      severity: above && far ? 'warning' : 'info',
      productId,
      locationId: null,
      dedupeKey: `anomaly:${productId}:${week.start}`,
      details: { weekStartDay: week.start, actual: anomaly.actual, forecast: band.forecast, lower: band.lower, upper: band.upper, direction: anomaly.direction },
      message: above
        ? `${label} sold ${fmt.qty(anomaly.actual)} in the week of ${fmt.day(week.start)}, ${how}above the usual ${fmt.qty(band.forecast)} (${range}). If it was a one-off (a bulk order, a data error), mark it so the forecast ignores it.`
        : `${label} sold ${fmt.qty(anomaly.actual)} in the week of ${fmt.day(week.start)}, ${how}below the usual ${fmt.qty(band.forecast)} (${range}). Was it off the shelf or out of stock?`,
    });
  }
  const shift = findLevelShift(y);
  if (shift && shift.index >= weeks.length - SHIFT_ALERT_WEEKS) {
    const week = weeks[shift.index]!;
    const up = shift.after > shift.before;
    const change = Number.isFinite(shift.change) ? ` (${up ? '+' : '−'}${fmt.percent(Math.abs(shift.change))})` : '';
    out.push({
      kind: 'level_shift',
      severity: 'warning',
      productId,
      locationId: null,
      dedupeKey: `level_shift:${productId}:${week.start}`,
      details: { weekStartDay: week.start, before: shift.before, after: shift.after, change: Number.isFinite(shift.change) ? shift.change : null },
      message: `${label} has been selling at a new level since the week of ${fmt.day(week.start)}: about ${fmt.qty(shift.after)} a week, ${up ? 'up' : 'down'} from ${fmt.qty(shift.before)}${change}. Check the forecast follows it.`,
    });
  }
  return out;
}
