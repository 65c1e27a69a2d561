/**
 * One vocabulary for the dates behind a figure, on every screen: "data as of" is the last
 * day of sales and stock the figure saw; "made on" is when the forecast or plan was worked
 * out. (Runs and plans store their first forecast day, the day after the data: it is never
 * shown as such, because it read as a third date for the same data.)
 */
import { date } from '../format';

/** The day before an ISO day: from a run's or plan's as-of day to its last day of data. */
export function dayBeforeIso(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function dataAsOfText(lastDataIso: string | null | undefined): string {
  return `data as of ${date(lastDataIso)}`;
}

/** "Plan made on 23 Nov 2026 from data as of 15 Nov 2026". */
export function madeFromDataText(what: string, madeAt: string, lastDataIso: string | null | undefined): string {
  return lastDataIso ? `${what} made on ${date(madeAt)} from ${dataAsOfText(lastDataIso)}` : `${what} made on ${date(madeAt)}`;
}

/** For a plan, whose stored as-of date is the day after its data. */
export function planMadeText(plan: { createdAt: string; asOfDate: string }): string {
  return madeFromDataText('Plan', plan.createdAt, dayBeforeIso(plan.asOfDate));
}
