import type { CandidateRuns } from './backtest';

/**
 * Model selection and combination from rolling-origin backtests. A "subset" is a set of
 * candidates whose forecasts are averaged with equal weights (simple averages are hard to
 * beat: Clemen 1989; the M4 results). The engine picks, for each group of series that
 * share a candidate list, the subset with the lowest pooled backtest loss, and lets a
 * series keep a different subset only when its own backtest says so clearly.
 */

export interface BacktestTarget {
  runs: CandidateRuns;
  /** Actual values of each backtest window (origin-major, length (originCount - 1) * h; NaN past the end). */
  actuals: Float64Array;
  /** MASE denominator of the series (NaN or 0 when undefined). */
  scale: number;
  /** The backtest origins (history lengths), to count the distinct periods their windows cover. */
  originPositions?: readonly number[];
}

export type LossKind = 'absolute' | 'squared';

/** A range of backtest origin indices [from, to). */
export interface OriginRange {
  from: number;
  to: number;
}

/**
 * Mean scaled loss of the equal-weight combination of `subset` over the backtest windows
 * (all of them, or those in `range`); at each origin the members that could not forecast
 * there are left out. NaN when no window could be scored.
 */
export function subsetLoss(target: BacktestTarget, subset: readonly number[], kind: LossKind, range?: OriginRange): number {
  const { runs, actuals, scale } = target;
  const h = runs.horizon;
  const origins = runs.originCount - 1;
  const block = runs.originCount * h;
  const from = range?.from ?? 0;
  const to = Math.min(origins, range?.to ?? origins);
  // Windows where every member forecast: the combination scored is then the one that would be
  // used. A member with forecasts at extra origins (e.g. a global model at the year-ago origin,
  // where seasonal models lack two seasons of history) would otherwise stand alone there and
  // subsets would be compared on different windows. Only when no window has them all do the
  // windows with some members count.
  let complete = false;
  for (let o = from; o < to && !complete; o++) complete = subset.every((c) => runs.valid[c * runs.originCount + o]);
  let total = 0;
  let count = 0;
  for (let o = from; o < to; o++) {
    let members = 0;
    for (const c of subset) if (runs.valid[c * runs.originCount + o]) members++;
    if (members === 0 || (complete && members < subset.length)) continue;
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

/**
 * Evidence that subset `a` beats subset `b` on a series' backtest: the mean of the
 * per-point loss differences (b - a) over its standard error (a Diebold-Mariano-style
 * statistic). Points of overlapping windows are not independent, so the standard error
 * counts only the distinct periods the windows cover.
 */
export function advantageStatistic(target: BacktestTarget, a: readonly number[], b: readonly number[], kind: LossKind): number {
  const { runs, actuals } = target;
  const h = runs.horizon;
  const origins = runs.originCount - 1;
  const block = runs.originCount * h;
  let sum = 0;
  let squares = 0;
  let count = 0;
  const combined = (subset: readonly number[], o: number, i: number) => {
    let total = 0;
    let members = 0;
    for (const c of subset) {
      if (!runs.valid[c * runs.originCount + o]) continue;
      total += runs.mean[c * block + o * h + i]!;
      members++;
    }
    return members > 0 ? total / members : NaN;
  };
  let first = Infinity;
  let last = -Infinity;
  for (let o = 0; o < origins; o++) {
    for (let i = 0; i < h; i++) {
      const actual = actuals[o * h + i]!;
      if (Number.isNaN(actual)) continue;
      const ea = combined(a, o, i) - actual;
      const eb = combined(b, o, i) - actual;
      if (!Number.isFinite(ea) || !Number.isFinite(eb)) continue;
      const d = kind === 'absolute' ? Math.abs(eb) - Math.abs(ea) : eb * eb - ea * ea;
      sum += d;
      squares += d * d;
      count++;
      first = Math.min(first, o * 1e6 + i);
      last = Math.max(last, o * 1e6 + i);
    }
  }
  if (count < 3) return 0;
  const mean = sum / count;
  const variance = Math.max(0, squares / count - mean * mean);
  const distinct = Math.min(count, distinctPeriods(target));
  if (!(variance > 0)) return mean > 0 ? Infinity : 0;
  return mean / Math.sqrt(variance / distinct);
}

function distinctPeriods(target: BacktestTarget): number {
  const { runs, actuals } = target;
  const h = runs.horizon;
  // Windows start at increasing origins; the union of [origin, origin + h) is what they cover.
  let covered = 0;
  let lastEnd = -Infinity;
  const origins = runs.originCount - 1;
  for (let o = 0; o < origins; o++) {
    let steps = 0;
    for (let i = 0; i < h; i++) if (!Number.isNaN(actuals[o * h + i]!)) steps = i + 1;
    const start = target.originPositions?.[o] ?? o * h;
    const end = start + steps;
    covered += Math.max(0, end - Math.max(start, lastEnd));
    lastEnd = Math.max(lastEnd, end);
  }
  return Math.max(1, covered);
}

/** True when every member has a final forecast. */
export function subsetIsUsable(runs: CandidateRuns, subset: readonly number[]): boolean {
  for (const c of subset) if (!runs.valid[c * runs.originCount + runs.originCount - 1]) return false;
  return true;
}

/**
 * Greedy forward selection (as in Caruana et al. 2004's ensemble selection, with equal
 * weights): start empty, repeatedly add the candidate that lowers the loss most, stop when
 * nothing improves it or the subset is full. Cost: candidates x size loss evaluations.
 */
export function greedySubset(
  lossOf: (subset: readonly number[]) => number,
  candidateCount: number,
  maxSize: number,
  tolerance = 0,
): { subset: number[]; loss: number } {
  const subset: number[] = [];
  let loss = Infinity;
  let best: { subset: number[]; loss: number } = { subset: [], loss: Infinity };
  while (subset.length < Math.min(maxSize, candidateCount)) {
    let bestCandidate = -1;
    let bestLoss = Infinity;
    for (let c = 0; c < candidateCount; c++) {
      if (subset.includes(c)) continue;
      subset.push(c);
      const l = lossOf(subset);
      subset.pop();
      if (Number.isFinite(l) && l < bestLoss - 1e-12) {
        bestLoss = l;
        bestCandidate = c;
      }
    }
    // Keep growing while the loss stays within `tolerance` of the best so far: larger equal-weight
    // combinations are steadier out of sample than the backtest's exact minimum.
    if (bestCandidate < 0 || bestLoss > best.loss * (1 + tolerance)) break;
    subset.push(bestCandidate);
    loss = bestLoss;
    if (loss <= best.loss * (1 + tolerance)) best = { subset: [...subset], loss };
  }
  return { subset: best.subset.sort((a, b) => a - b), loss: best.loss };
}

/** Mean of subsetLoss over the series that can be scored (each series counts once). */
export function pooledLoss(targets: readonly BacktestTarget[], subset: readonly number[], kind: LossKind, range?: OriginRange): number {
  return meanOfFinite(targets, (target) => subsetLoss(target, subset, kind, range));
}

function meanOfFinite<T>(items: readonly T[], lossOf: (item: T) => number): number {
  let total = 0;
  let count = 0;
  for (const item of items) {
    const l = lossOf(item);
    if (Number.isFinite(l)) {
      total += l;
      count++;
    }
  }
  return count > 0 ? total / count : NaN;
}

/**
 * subsetLoss for the subsets greedySubset tries: the subset grown so far (the base) plus one
 * candidate. The base's per-window forecast sums, member counts and completeness are kept,
 * so a try adds one member's forecasts instead of summing every member again. Sums are
 * built in subset order as in subsetLoss, so the losses are the same numbers.
 */
export class GreedyLoss {
  private readonly base: number[] = [];
  private readonly sums: Float64Array;
  private readonly members: Int32Array;
  /** 1 where every base member forecast at the origin. */
  private readonly allValid: Uint8Array;

  constructor(
    private readonly target: BacktestTarget,
    private readonly kind: LossKind,
    private readonly range?: OriginRange,
  ) {
    const origins = target.runs.originCount - 1;
    this.sums = new Float64Array(origins * target.runs.horizon);
    this.members = new Int32Array(origins);
    this.allValid = new Uint8Array(origins).fill(1);
  }

  /** subsetLoss(target, subset, kind, range) for a non-empty subset. */
  of(subset: readonly number[]): number {
    const baseSize = subset.length - 1;
    let prefix = 0;
    while (prefix < Math.min(baseSize, this.base.length) && this.base[prefix] === subset[prefix]) prefix++;
    if (prefix < this.base.length) this.reset();
    for (let k = this.base.length; k < baseSize; k++) this.add(subset[k]!);
    return this.withMember(subset[baseSize]!, subset.length);
  }

  private reset(): void {
    this.base.length = 0;
    this.sums.fill(0);
    this.members.fill(0);
    this.allValid.fill(1);
  }

  private add(c: number): void {
    const { runs } = this.target;
    const h = runs.horizon;
    const block = runs.originCount * h;
    for (let o = 0; o < this.members.length; o++) {
      if (!runs.valid[c * runs.originCount + o]) {
        this.allValid[o] = 0;
        continue;
      }
      this.members[o] = this.members[o]! + 1;
      for (let i = 0; i < h; i++) this.sums[o * h + i] = this.sums[o * h + i]! + runs.mean[c * block + o * h + i]!;
    }
    this.base.push(c);
  }

  private withMember(c: number, size: number): number {
    const { runs, actuals, scale } = this.target;
    const h = runs.horizon;
    const block = runs.originCount * h;
    const from = this.range?.from ?? 0;
    const to = Math.min(this.members.length, this.range?.to ?? this.members.length);
    let complete = false;
    for (let o = from; o < to && !complete; o++) complete = this.allValid[o] === 1 && runs.valid[c * runs.originCount + o] === 1;
    let total = 0;
    let count = 0;
    const absolute = this.kind === 'absolute';
    const sums = this.sums;
    const mean = runs.mean;
    for (let o = from; o < to; o++) {
      const memberValid = runs.valid[c * runs.originCount + o] === 1;
      const members = this.members[o]! + (memberValid ? 1 : 0);
      if (members === 0 || (complete && members < size)) continue;
      // (Loops specialised by whether the member forecast here; the same operations in the same order.)
      const at = o * h;
      const memberAt = c * block + at;
      if (memberValid) {
        for (let i = 0; i < h; i++) {
          const actual = actuals[at + i]!;
          if (Number.isNaN(actual)) continue;
          const e = (sums[at + i]! + mean[memberAt + i]!) / members - actual;
          total += absolute ? Math.abs(e) : e * e;
          count++;
        }
      } else {
        for (let i = 0; i < h; i++) {
          const actual = actuals[at + i]!;
          if (Number.isNaN(actual)) continue;
          const e = sums[at + i]! / members - actual;
          total += absolute ? Math.abs(e) : e * e;
          count++;
        }
      }
    }
    if (count === 0) return NaN;
    const safeScale = scale > 0 && Number.isFinite(scale) ? scale : 1;
    return this.kind === 'absolute' ? total / count / safeScale : total / count / (safeScale * safeScale);
  }
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
