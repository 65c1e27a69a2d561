import type { CandidateRuns } from './backtest';

/**
 * Model selection and combination from rolling-origin backtests. A "subset" is a set of
 * candidates whose forecasts are averaged with equal weights (simple averages are hard to
 * beat: Clemen 1989; the M4 results). The engine picks, for each group of series that
 * share a candidate list, the subset with the lowest pooled backtest loss, and lets a
 * series keep a different subset only when its own backtest says so clearly.
 */

/** All subsets of {0..count-1} with 1..maxSize members, smaller first. */
export function enumerateSubsets(count: number, maxSize: number): number[][] {
  const subsets: number[][] = [];
  const current: number[] = [];
  const visit = (start: number, size: number) => {
    if (current.length === size) {
      subsets.push([...current]);
      return;
    }
    for (let i = start; i < count; i++) {
      current.push(i);
      visit(i + 1, size);
      current.pop();
    }
  };
  for (let size = 1; size <= Math.min(maxSize, count); size++) visit(0, size);
  return subsets;
}

export interface BacktestTarget {
  runs: CandidateRuns;
  /** Actual values of each backtest window (origin-major, length (originCount - 1) * h; NaN past the end). */
  actuals: Float64Array;
  /** MASE denominator of the series (NaN or 0 when undefined). */
  scale: number;
}

export type LossKind = 'absolute' | 'squared';

/**
 * Mean scaled loss of the equal-weight combination of `subset` over the backtest windows;
 * at each origin the members that could not forecast there are left out. NaN when no
 * window could be scored.
 */
export function subsetLoss(target: BacktestTarget, subset: readonly number[], kind: LossKind): number {
  const { runs, actuals, scale } = target;
  const h = runs.horizon;
  const origins = runs.originCount - 1;
  const block = runs.originCount * h;
  let total = 0;
  let count = 0;
  for (let o = 0; o < origins; o++) {
    let members = 0;
    for (const c of subset) if (runs.valid[c * runs.originCount + o]) members++;
    if (members === 0) continue;
    for (let i = 0; i < h; i++) {
      const actual = actuals[o * h + i]!;
      if (Number.isNaN(actual)) continue;
      let forecast = 0;
      for (const c of subset) if (runs.valid[c * runs.originCount + o]) forecast += runs.mean[c * block + o * h + i]!;
      const e = forecast / members - actual;
      total += kind === 'absolute' ? Math.abs(e) : e * e;
      count++;
    }
  }
  if (count === 0) return NaN;
  const safeScale = scale > 0 && Number.isFinite(scale) ? scale : 1;
  return kind === 'absolute' ? total / count / safeScale : total / count / (safeScale * safeScale);
}

/** True when every member has a final forecast. */
export function subsetIsUsable(runs: CandidateRuns, subset: readonly number[]): boolean {
  for (const c of subset) if (!runs.valid[c * runs.originCount + runs.originCount - 1]) return false;
  return true;
}

/**
 * Loss of every subset for one series (NaN where no window could be scored), computed in
 * one pass over the backtest points.
 */
export function allSubsetLosses(target: BacktestTarget, subsets: readonly number[][], kind: LossKind): Float64Array {
  const { runs, actuals, scale } = target;
  const h = runs.horizon;
  const origins = runs.originCount - 1;
  const block = runs.originCount * h;
  const candidates = runs.names.length;
  const losses = new Float64Array(subsets.length);
  const counts = new Float64Array(subsets.length);
  const column = new Float64Array(candidates);
  for (let o = 0; o < origins; o++) {
    for (let i = 0; i < h; i++) {
      const actual = actuals[o * h + i]!;
      if (Number.isNaN(actual)) continue;
      for (let c = 0; c < candidates; c++) column[c] = runs.valid[c * runs.originCount + o] ? runs.mean[c * block + o * h + i]! : NaN;
      for (let s = 0; s < subsets.length; s++) {
        const subset = subsets[s]!;
        let total = 0;
        let members = 0;
        for (let k = 0; k < subset.length; k++) {
          const v = column[subset[k]!]!;
          if (v === v) {
            total += v;
            members++;
          }
        }
        if (members === 0) continue;
        const e = total / members - actual;
        losses[s] = losses[s]! + (kind === 'absolute' ? Math.abs(e) : e * e);
        counts[s] = counts[s]! + 1;
      }
    }
  }
  const safeScale = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const divisor = kind === 'absolute' ? safeScale : safeScale * safeScale;
  for (let s = 0; s < subsets.length; s++) losses[s] = counts[s]! > 0 ? losses[s]! / counts[s]! / divisor : NaN;
  return losses;
}

export interface GroupChoice {
  /** The subset with the lowest mean loss over the group's series. */
  subset: number[];
  /** Mean loss of every subset (aligned with `subsets`). */
  pooledLoss: Float64Array;
  subsets: number[][];
}

/**
 * Pooled choice for series sharing the same candidate names: every subset's loss averaged
 * over the series (each series counts once, like the mean MASE reported to users).
 * `seriesLosses` holds allSubsetLosses of each series.
 */
export function chooseGroupSubset(seriesLosses: readonly Float64Array[], subsets: number[][]): GroupChoice {
  const pooledLoss = new Float64Array(subsets.length);
  const counts = new Float64Array(subsets.length);
  for (const losses of seriesLosses) {
    for (let s = 0; s < subsets.length; s++) {
      const loss = losses[s]!;
      if (Number.isFinite(loss)) {
        pooledLoss[s] = pooledLoss[s]! + loss;
        counts[s] = counts[s]! + 1;
      }
    }
  }
  let best = 0;
  for (let s = 0; s < subsets.length; s++) {
    pooledLoss[s] = counts[s]! > 0 ? pooledLoss[s]! / counts[s]! : Infinity;
    if (pooledLoss[s]! < pooledLoss[best]!) best = s;
  }
  return { subset: subsets[best]!, pooledLoss, subsets };
}

export interface CombinedForecast {
  /** Means and sds per origin (including the final one), origin-major. */
  mean: Float64Array;
  sd: Float64Array;
  /** 1 where at least one member forecast at that origin. */
  valid: Uint8Array;
}

/** Equal-weight combination of the subset at every origin (members missing at an origin are skipped). */
export function combineSubset(runs: CandidateRuns, subset: readonly number[]): CombinedForecast {
  const h = runs.horizon;
  const block = runs.originCount * h;
  const mean = new Float64Array(block);
  const sd = new Float64Array(block);
  const valid = new Uint8Array(runs.originCount);
  for (let o = 0; o < runs.originCount; o++) {
    let members = 0;
    for (const c of subset) {
      if (!runs.valid[c * runs.originCount + o]) continue;
      members++;
      for (let i = 0; i < h; i++) {
        mean[o * h + i] = mean[o * h + i]! + runs.mean[c * block + o * h + i]!;
        sd[o * h + i] = sd[o * h + i]! + runs.sd[c * block + o * h + i]!;
      }
    }
    if (members === 0) continue;
    valid[o] = 1;
    for (let i = 0; i < h; i++) {
      mean[o * h + i] = mean[o * h + i]! / members;
      sd[o * h + i] = sd[o * h + i]! / members;
    }
  }
  return { mean, sd, valid };
}
