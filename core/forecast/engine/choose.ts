import type { CandidateRuns } from '../backtest';
import type { Candidate } from '../candidates';
import type { BacktestTarget, LossKind, OriginRange } from '../select';
import { advantageStatistic, GreedyLoss, greedySubset, subsetIsUsable, subsetLoss } from '../select';
import { isIntermittent } from '../profile';
import type { PreparedSeries } from './prepare';

/**
 * Picks the models each series averages. Series with the same candidate list and
 * distribution form a group. The group's default is the subset with the lowest pooled
 * backtest loss (greedy forward selection); a series switches to its own best subset when
 * that beats the group's on its own backtest by a margin. How large the margin should be
 * depends on the collection (related products share the best models; unrelated series do
 * not), so the margin is itself chosen on the data: the policies are replayed with the
 * last backtest origin held out, and the one that forecast that origin best is used.
 * A count series with no sale in its backtest windows always keeps the group's models
 * (ownBacktestInformative).
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
  /** How many series of the group use their own models instead of the group's. */
  switched: number;
}

/**
 * The group's combination keeps growing while its pooled backtest loss stays within 1% of
 * the best: bigger equal-weight combinations hold up better out of sample.
 */
const GROUP_TOLERANCE = 0.01;

/**
 * A series leaves the group's models only on strong evidence from its own backtest: its
 * best subset must beat the group's by SWITCH_MARGIN and with a Diebold-Mariano-style
 * statistic above SWITCH_EVIDENCE (the statistic is inflated by picking the best of many
 * subsets, hence the high bar). Related products (one shop's range) then share their
 * models, while series that really behave differently get their own.
 */
export const SWITCH_MARGIN = 0.1;
export const SWITCH_EVIDENCE = 3;

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
}

interface Selection {
  group: number[];
  groupLoss: number;
  own: { subset: number[]; loss: number }[];
}

/**
 * `ownAllowed[i]` limits series i's own choice (e.g. seasonal series may only switch to
 * models of the season: a backtest in a flat part of the year cannot see the season coming).
 */
function select(
  targets: readonly BacktestTarget[],
  candidateCount: number,
  kind: LossKind,
  maxSize: number,
  ownAllowed: readonly ((c: number) => boolean)[],
  groupAllowed: (c: number) => boolean = () => true,
  range?: OriginRange,
  /** Whether series i may use its own subset at all (when not, its own selection is skipped). */
  ownWanted: readonly boolean[] = targets.map(() => true),
): Selection {
  const losses = targets.map((t) => new GreedyLoss(t, kind, range));
  // Each series' losses of the subsets the group's selection tried, by size: the group's
  // subset so far plus one candidate. A series' own selection starts on the same path (size
  // one always, and on while its choices agree with the group's), so it looks them up.
  const tried: { base: number[]; losses: Float64Array }[] = [];
  const group = greedySubset(
    (subset) => {
      if (!subset.every(groupAllowed)) return Infinity;
      const size = subset.length;
      const c = subset[size - 1]!;
      let level = tried[size - 1];
      if (!level) tried[size - 1] = level = { base: subset.slice(0, -1), losses: new Float64Array(targets.length * candidateCount).fill(Infinity) };
      let total = 0;
      let count = 0;
      for (let i = 0; i < losses.length; i++) {
        const l = losses[i]!.of(subset);
        level.losses[i * candidateCount + c] = l;
        if (Number.isFinite(l)) {
          total += l;
          count++;
        }
      }
      return count > 0 ? total / count : NaN;
    },
    candidateCount,
    maxSize,
    GROUP_TOLERANCE,
  );
  const own = targets.map((_, i) => {
    if (!ownWanted[i]) return { subset: [], loss: Infinity };
    const loss = losses[i]!;
    return greedySubset((subset) => {
      if (!subset.every(ownAllowed[i]!)) return Infinity;
      const level = tried[subset.length - 1];
      if (level && level.base.every((c, k) => subset[k] === c)) {
        const known = level.losses[i * candidateCount + subset[subset.length - 1]!]!;
        // Infinity: not tried for the group (a loss is finite or NaN).
        if (known !== Infinity) return known;
      }
      return loss.of(subset);
    }, candidateCount, maxSize);
  });
  return { group: group.subset, groupLoss: group.loss, own };
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
    const key = `${s.distribution}:${s.profile.seasonal ? 'seasonal' : 'nonseasonal'}:${isIntermittent(s.profile) ? 'intermittent:' : ''}${runs[i]!.names.join(',')}`;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const complexity = new Map(candidates.map((c) => [c.name, c.complexity]));
  const summaries: GroupSummary[] = [];
  for (const [key, members] of groups) {
    const names = runs[members[0]!]!.names;
    const kind: LossKind = series[members[0]!]!.distribution === 'count' ? 'squared' : 'absolute';
    const groupTargets = members.map((i) => targets[i]!);
    const seasonalNames = new Set(candidates.filter((c) => c.seasonal).map((c) => c.name));
    // A model no backtest window scored is never chosen by the backtest: it would join a
    // combination for free (its missing windows leave the loss unchanged) and then forecast
    // untested (pooled seasonality with too few series for its profiles was picked that way).
    const selectable = selectableFor(series[members[0]!]!, names);
    const groupTested = names.map((_, c) => members.some((i) => backtested(runs[i]!, c)));
    const groupAllowed = (c: number) => groupTested[c]! && selectable(c);
    const ownAllowed = members.map((i) => {
      const tested = names.map((_, c) => backtested(runs[i]!, c));
      const seasonal = series[i]!.profile.seasonal;
      return (c: number) => tested[c]! && groupAllowed(c) && (!seasonal || seasonalNames.has(names[c]!));
    });
    const informative = members.map((i) => ownBacktestInformative(series[i]!.distribution, series[i]!.profile.seasonal, targets[i]!.actuals));
    const selection = select(groupTargets, names.length, kind, options.maxCombination, ownAllowed, groupAllowed, undefined, informative);
    let switched = 0;
    members.forEach((i, j) => {
      const own = selection.own[j]!;
      let subset = selection.group;
      // (Both subsets are sorted. The same subset is no switch, so its loss is not needed.)
      const same = own.subset.length === subset.length && own.subset.every((c, k) => c === subset[k]);
      if (own.subset.length > 0 && informative[j]! && !same && own.loss < subsetLoss(targets[i]!, selection.group, kind) * (1 - SWITCH_MARGIN) && advantageStatistic(targets[i]!, own.subset, selection.group, kind) > SWITCH_EVIDENCE) {
        subset = own.subset;
        switched++;
      }
      choices[i] = usableChoice(series[i]!, runs[i]!, subset, complexity);
    });
    summaries.push({ key, series: members.length, models: selection.group.map((c) => names[c]!), loss: selection.groupLoss, switched });
  }
  return { choices, groups: summaries };
}

/** Whether candidate c forecast at any backtest origin of the series (the final one excluded). */
export function backtested(runs: CandidateRuns, c: number): boolean {
  for (let o = 0; o < runs.originCount - 1; o++) if (runs.valid[c * runs.originCount + o]) return true;
  return false;
}

/**
 * Candidates a series may use. Naive runs for every series (it gives the "accuracy vs naive"
 * figure) but is not chosen for intermittent demand: its forecast is whatever the last
 * period sold, so it backtests as a perfect-looking zero after quiet periods and then, at
 * the real forecast origin, repeats a one-off sale for the whole horizon (a product that
 * sells 0.75 a week forecast at 4 a week because last week sold 4). Croston-type models are
 * there for such series (Syntetos & Boylan 2005 on naive for intermittent demand).
 */
export function selectableFor(s: PreparedSeries, names: readonly string[]): (c: number) => boolean {
  if (!isIntermittent(s.profile) || names.length < 2) return () => true;
  return (c) => names[c] !== 'naive';
}

/**
 * Whether a series' own backtest can argue for leaving its group's models. A count series
 * with no sale in any backtest window cannot: every model that forecasts zero (naive after
 * a zero period, a moving average over a quiet spell) scores a perfect 0 there, so the
 * switch test would always pick it and the product would be forecast never to sell again.
 * On car parts 450 of 2,509 parts were forecast 0.002 a month that way and sold 0.12 a
 * month in the test window (about what parts unsold for a year sell in every earlier
 * window too). A seasonal series is the exception: it may only switch to seasonal models,
 * whose quiet forecast was tested on the year-ago window (the same time of year), so an
 * Easter line between Easters keeps its seasonal zero.
 */
export function ownBacktestInformative(distribution: PreparedSeries['distribution'], seasonal: boolean, actuals: ArrayLike<number>): boolean {
  if (distribution !== 'count' || seasonal) return true;
  for (let i = 0; i < actuals.length; i++) if (actuals[i]! > 0) return true;
  return false;
}

/**
 * Drops members without a final forecast; falls back to the simplest model that has one.
 * With no evidence at all (no model of the group could be backtested: histories shorter
 * than the horizon plus 3 periods, i.e. new products or a shop that imported a few weeks),
 * see noEvidenceChoice.
 */
function usableChoice(s: PreparedSeries, runs: CandidateRuns, subset: number[], complexity: Map<string, number>): Choice {
  if (subset.length > 0 && subsetIsUsable(runs, subset)) return { subset };
  const intended = subset.map((c) => runs.names[c]!);
  const reasons = subset.filter((c) => runs.errors[c]).map((c) => `${runs.names[c]}: ${runs.errors[c]}`);
  const working = subset.filter((c) => runs.valid[c * runs.originCount + runs.originCount - 1]);
  if (working.length > 0) return { subset: working, fallback: { intended, reason: reasons.join('; ') || 'no final forecast' } };
  if (intended.length === 0) {
    const unproven = noEvidenceChoice(s, runs);
    if (unproven.length > 0) return { subset: unproven };
  }
  let simplest = -1;
  for (let c = 0; c < runs.names.length; c++) {
    if (!runs.valid[c * runs.originCount + runs.originCount - 1]) continue;
    if (simplest < 0 || (complexity.get(runs.names[c]!) ?? 9) < (complexity.get(runs.names[simplest]!) ?? 9)) simplest = c;
  }
  if (intended.length === 0 && simplest >= 0) return { subset: [simplest] };
  return { subset: simplest >= 0 ? [simplest] : [], fallback: { intended, reason: reasons.join('; ') || 'no final forecast' } };
}

/**
 * The models of a series no backtest could judge: the equal-weight combination of naive (last
 * period) and a level model — cold start for a new product (its early sales scaled by peers'
 * launch curves), else the moving average; the level model alone for intermittent demand,
 * where naive repeats whatever the last period happened to sell (selectableFor).
 * Measured (npm run bench:forecast:launch) on m5 aggregated to weeks, each of its 79 launched
 * items cut 2 to 12 weeks after its first sale and forecast 13 weeks ahead next to the full
 * series: naive alone scored MASE
 * 1.45 / 1.36 / 1.29 / 1.57 / 1.15 / 1.03 at 2 / 4 / 6 / 8 / 10 / 12 weeks (SPL 0.54 / 0.52 /
 * 0.51 / 0.65 / 0.45 / 0.41), this rule 1.24 / 1.21 / 1.20 / 1.34 / 1.14 / 1.09 (SPL 0.46 /
 * 0.47 / 0.47 / 0.50 / 0.41 / 0.38). On truncated trending or strongly seasonal series
 * (M4 weekly, store item demand) naive alone was up to 9% better than a naive + mean
 * combination: retail demand is what Shelfcast forecasts.
 */
export function noEvidenceChoice(s: PreparedSeries, runs: CandidateRuns): number[] {
  const final = (c: number) => c >= 0 && runs.valid[c * runs.originCount + runs.originCount - 1] === 1;
  const coldStart = runs.names.indexOf('cold_start');
  const movingAverage = runs.names.indexOf('ma');
  const level = s.profile.isNew && final(coldStart) ? coldStart : final(movingAverage) ? movingAverage : -1;
  if (level < 0) return [];
  const naive = runs.names.indexOf('naive');
  const withNaive = final(naive) && selectableFor(s, runs.names)(naive);
  return withNaive ? [naive, level].sort((a, b) => a - b) : [level];
}
