/**
 * Where the owner's judgement meets the engine and the plan:
 *
 *  - `excludeOneOffs`: periods the owner marked as one-offs (a bulk order, a data error)
 *    become NaN in the demand series, so the models ignore them as they ignore censored
 *    weeks. Call it on the series the workspace forecast builds (core/series/build.ts).
 *  - `withOverrides`: wraps the plan's scenario source (core/inventory/plan-workspace.ts) so
 *    that every product's sample paths carry its active overrides before the policy runs.
 */
import type { Db } from '../db/connection';
import { oneOffDays } from '../db/repos/alerts';
import { activeOverrides, rulesForLocation } from '../db/repos/overrides';
import type { ScenarioSource } from '../inventory/plan-workspace';
import { applyOverridesToPaths } from './apply';

export interface MarkableSeries {
  productId: number;
  locationId: number;
  /** Day number where period 0 starts. */
  startDay: number;
  periodDays: number;
  values: Float64Array;
}

/** Sets the periods overlapping a one-off mark to NaN; returns how many periods it excluded. */
export function excludeOneOffs(series: readonly MarkableSeries[], marks: ReadonlyMap<number, ReadonlyArray<{ locationId: number | null; startDay: number; endDay: number }>>): number {
  let excluded = 0;
  for (const s of series) {
    const productMarks = marks.get(s.productId);
    if (!productMarks) continue;
    for (const mark of productMarks) {
      if (mark.locationId !== null && mark.locationId !== s.locationId) continue;
      const first = Math.max(0, Math.floor((mark.startDay - s.startDay) / s.periodDays));
      const last = Math.min(s.values.length - 1, Math.floor((mark.endDay - s.startDay) / s.periodDays));
      for (let k = first; k <= last; k++) {
        if (!Number.isNaN(s.values[k]!)) excluded++;
        s.values[k] = NaN;
      }
    }
  }
  return excluded;
}

/** excludeOneOffs with the marks read from the workspace. */
export function excludeOneOffsOf(db: Db, series: readonly MarkableSeries[]): number {
  return excludeOneOffs(series, oneOffDays(db));
}

/** The plan's scenario source with the owner's active overrides applied to each product's paths. */
export function withOverrides(db: Db, source: ScenarioSource | null): ScenarioSource | null {
  if (!source) return null;
  const overrides = activeOverrides(db);
  if (overrides.size === 0) return source;
  return {
    forecastRunId: source.forecastRunId,
    keys: () => source.keys(),
    get(productId, locationId) {
      const found = source.get(productId, locationId);
      const rules = rulesForLocation(overrides.get(productId) ?? [], locationId);
      if (!found || rules.length === 0) return found;
      const steps = found.paths[0]?.length ?? 0;
      const starts = Array.from({ length: steps }, (_, k) => found.originDay + k * found.periodDays);
      const means = starts.map((_, k) => found.paths.reduce((a, p) => a + p[k]!, 0) / found.paths.length);
      return { ...found, paths: applyOverridesToPaths(found.paths, starts, means, rules, found.periodDays, productId * 7919 + locationId) };
    },
  };
}
