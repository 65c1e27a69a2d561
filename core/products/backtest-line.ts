/**
 * The "fitted backtest" line of the product chart: what the chosen forecast said, from
 * each backtest origin, about the weeks that then happened. Windows from several
 * locations with the same origin are added up (the chart shows the product's total);
 * where windows overlap, the later origin's forecast is drawn (it knew more), so the line
 * is one value per period. `window` numbers the origins so the chart can start a new
 * segment where a new forecast begins.
 */
import { isoFromDay } from '../dates';

export interface BacktestWindow {
  originDay: number;
  mean: ArrayLike<number>;
}

export interface BacktestPoint {
  start: string;
  value: number;
  window: number;
}

export function fittedBacktestLine(windows: readonly BacktestWindow[], periodDays: number): BacktestPoint[] {
  const totals = new Map<number, number[]>();
  for (const w of windows) {
    const sum = totals.get(w.originDay) ?? [];
    for (let k = 0; k < w.mean.length; k++) sum[k] = (sum[k] ?? 0) + (w.mean[k] ?? 0);
    totals.set(w.originDay, sum);
  }
  const origins = [...totals.keys()].sort((a, b) => a - b);
  const byDay = new Map<number, { value: number; window: number }>();
  origins.forEach((originDay, window) => {
    totals.get(originDay)!.forEach((value, k) => byDay.set(originDay + k * periodDays, { value, window }));
  });
  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, p]) => ({ start: isoFromDay(day), value: Math.round(p.value * 10) / 10, window: p.window }));
}
