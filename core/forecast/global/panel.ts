/** Shared helpers for global models over a panel of series. */
import type { ForecastResult } from '../types';
import { SeriesState } from './features/series-state';
import type { GlobalSeries } from './features/types';

export function validatePanel(series: GlobalSeries[]): void {
  if (series.length === 0) throw new RangeError('a global model needs at least one series');
  const seen = new Set<string>();
  for (const s of series) {
    if (seen.has(s.id)) throw new RangeError(`series id "${s.id}" appears twice`);
    seen.add(s.id);
    for (let t = 0; t < s.values.length; t++) {
      const v = s.values[t]!;
      if (v === Infinity || v === -Infinity) throw new RangeError(`series "${s.id}" has an infinite value at period ${t}`);
    }
  }
}

export function statesFor(series: GlobalSeries[], extra: number): SeriesState[] {
  return series.map((s) => new SeriesState(s, s.values.length + extra));
}

/** Sorts each step's quantiles so they never cross (a no-op for residual quantiles). */
export function uncross(result: ForecastResult): ForecastResult {
  const h = result.mean.length;
  const column = new Float64Array(result.quantiles.length);
  for (let step = 0; step < h; step++) {
    for (let j = 0; j < column.length; j++) column[j] = result.quantiles[j]![step]!;
    column.sort();
    for (let j = 0; j < column.length; j++) result.quantiles[j]![step] = column[j]!;
  }
  return result;
}
