import type { CandidateRuns } from '../backtest';
import type { Candidate } from '../candidates';
import type { BacktestTarget, LossKind } from '../select';
import { allSubsetLosses, chooseGroupSubset, enumerateSubsets, subsetIsUsable } from '../select';
import type { PreparedSeries } from './prepare';

/**
 * Picks the models each series averages. Series with the same candidate list and
 * distribution form a group; the group's subset with the lowest pooled backtest loss is
 * the default, and a series switches to its own best subset only when that is better on
 * its own backtest by a clear margin (per-series choices on three origins are noisy).
 */

export interface Choice {
  /** Indices into the series' runs.names. */
  subset: number[];
  fallback?: { intended: string[]; reason: string };
}

export interface GroupSummary {
  key: string;
  series: number;
  models: string[];
  loss: number;
}

/** Backtest windows' actual values, origin-major; NaN past the end of the history. */
export function actualWindows(series: PreparedSeries, horizon: number): Float64Array {
  const out = new Float64Array(series.origins.length * horizon).fill(NaN);
  series.origins.forEach((origin, o) => {
    for (let i = 0; i < horizon && origin + i < series.y.length; i++) out[o * horizon + i] = series.y[origin + i]!;
  });
  return out;
}

export interface ChooseOptions {
  maxCombination: number;
  /** Relative improvement a series' own subset needs over the group's (default 0.1 = 10%). */
  switchMargin: number;
}

export function chooseModels(
  series: readonly PreparedSeries[],
  runs: readonly CandidateRuns[],
  targets: readonly BacktestTarget[],
  candidates: readonly Candidate[],
  options: ChooseOptions,
): { choices: Choice[]; groups: GroupSummary[] } {
  const choices: Choice[] = new Array(series.length);
  const groups = new Map<string, number[]>();
  series.forEach((s, i) => {
    const key = `${s.distribution}:${runs[i]!.names.join(',')}`;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const complexity = new Map(candidates.map((c) => [c.name, c.complexity]));
  const summaries: GroupSummary[] = [];
  for (const [key, members] of groups) {
    const names = runs[members[0]!]!.names;
    const kind: LossKind = series[members[0]!]!.distribution === 'count' ? 'squared' : 'absolute';
    const subsets = enumerateSubsets(names.length, options.maxCombination);
    const losses = members.map((i) => allSubsetLosses(targets[i]!, subsets, kind));
    const group = chooseGroupSubset(losses, subsets);
    const groupIndex = subsets.indexOf(group.subset);
    summaries.push({ key, series: members.length, models: group.subset.map((c) => names[c]!), loss: group.pooledLoss[groupIndex]! });
    members.forEach((i, j) => {
      let subset = group.subset;
      const own = losses[j]!;
      let best = -1;
      for (let s = 0; s < subsets.length; s++) if (Number.isFinite(own[s]!) && (best < 0 || own[s]! < own[best]!)) best = s;
      if (best >= 0 && own[best]! < own[groupIndex]! * (1 - options.switchMargin)) subset = subsets[best]!;
      choices[i] = usableChoice(runs[i]!, subset, complexity);
    });
  }
  return { choices, groups: summaries };
}

/** Drops members without a final forecast; falls back to the simplest model that has one. */
function usableChoice(runs: CandidateRuns, subset: number[], complexity: Map<string, number>): Choice {
  if (subsetIsUsable(runs, subset)) return { subset };
  const intended = subset.map((c) => runs.names[c]!);
  const reasons = subset.filter((c) => runs.errors[c]).map((c) => `${runs.names[c]}: ${runs.errors[c]}`);
  const working = subset.filter((c) => runs.valid[c * runs.originCount + runs.originCount - 1]);
  if (working.length > 0) return { subset: working, fallback: { intended, reason: reasons.join('; ') || 'no final forecast' } };
  let simplest = -1;
  for (let c = 0; c < runs.names.length; c++) {
    if (!runs.valid[c * runs.originCount + runs.originCount - 1]) continue;
    if (simplest < 0 || (complexity.get(runs.names[c]!) ?? 9) < (complexity.get(runs.names[simplest]!) ?? 9)) simplest = c;
  }
  return { subset: simplest >= 0 ? [simplest] : [], fallback: { intended, reason: reasons.join('; ') || 'no final forecast' } };
}
