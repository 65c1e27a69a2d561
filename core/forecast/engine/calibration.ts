/**
 * The engine's calibration step: per-series spread factors, the pooled calibrations of
 * continuous and count series (core/forecast/calibrate.ts) from the chosen combinations'
 * backtest errors, and the widening that corrects continuous intervals for the optimism of
 * choosing models on the same windows the errors come from.
 */
import type { CandidateRuns } from '../backtest';
import type { ContinuousCalibration, CountCalibration } from '../calibrate';
import { CountErrors, StandardisedErrors } from '../calibrate';
import type { Candidate } from '../candidates';
import type { BacktestTarget, CombinedForecast } from '../select';
import { combineSubset } from '../select';
import type { Choice } from './choose';
import { chooseModels } from './choose';
import type { PreparedSeries } from './prepare';

/** Exponent of the per-series spread correction (0: model sd only, 1: series' own backtest errors). */
const SPREAD_WEIGHT = 0.25;

/**
 * Per-series spread correction: the root mean square of the series' standardised backtest
 * errors (how much wider or narrower its errors were than its models said), raised to a
 * weight that shrinks it toward 1. `leaveOut` excludes one origin (for calibration samples).
 *
 * Continuous series keep the fixed SPREAD_WEIGHT (their pooled per-step quantiles already
 * carry the shape). Count series have only a pooled variance multiplier, so a model sd
 * inflated by a few bulk sales in the fitted history (an item selling 0-6 a day with one
 * 300-unit day gets sd ~8) would make the negative binomial so dispersed that its median
 * is 0 and its path sums explode. For them the correction is a shrinkage estimate on the
 * log-variance scale: the series' backtest mean squared standardised error raised to
 * n / (n + horizon), i.e. the model sd counts as one backtest window's worth of evidence.
 */
export function spreadFactor(s: PreparedSeries, c: CombinedForecast, horizon: number, leaveOut: number): number {
  let total = 0;
  let count = 0;
  s.origins.forEach((origin, o) => {
    if (o === leaveOut || !c.valid[o]) return;
    for (let step = 0; step < horizon && origin + step < s.y.length; step++) {
      const sd = c.sd[o * horizon + step]!;
      if (!(sd > 0)) continue;
      let mean = c.mean[o * horizon + step]!;
      if (!s.profile.allowNegative) mean = Math.max(0, mean);
      const u = (s.y[origin + step]! - mean) / sd;
      total += u * u;
      count++;
    }
  });
  if (count < 3 || !(total > 0)) return 1;
  const weight = s.distribution === 'count' ? count / (count + horizon) : SPREAD_WEIGHT;
  return Math.pow(Math.sqrt(total / count), weight);
}

/**
 * The spread of a count series' final forecast when no backtest window tested it (a history
 * shorter than the horizon plus a few periods: a new product, or a shop that imported only
 * its last few weeks). Its models' sd then goes uncorrected, and a random-walk model's sd
 * grows with the step (naive: sd·√h), which as a negative binomial becomes so dispersed
 * that the median falls to 0 and the upper quantiles shrink step by step (a product selling
 * 0-29 a week was given a 95% quantile of 0 from week 12 on, below its forecast mean of 5).
 * Unmeasured, each step's sd is capped at the sd the history itself shows around its mean
 * (at least the Poisson √mean): a count's spread over one period does not grow with how far
 * ahead the period is. Series with backtest evidence are left to the calibration.
 */
export function capUntestedCountSd(s: PreparedSeries, c: CombinedForecast, mean: Float64Array, sd: Float64Array): void {
  if (s.distribution !== 'count' || c.valid.some((v, o) => v === 1 && o < s.origins.length)) return;
  const y = s.y;
  let total = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) continue;
    total += y[i]!;
    count++;
  }
  if (count < 2) return;
  const average = total / count;
  let squares = 0;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!)) squares += (y[i]! - average) ** 2;
  const historySd = Math.sqrt(squares / (count - 1));
  for (let k = 0; k < sd.length; k++) {
    const cap = Math.max(historySd, Math.sqrt(Math.max(0, mean[k]!)));
    if (sd[k]! > cap) sd[k] = cap;
  }
}

export function calibrate(
  series: readonly PreparedSeries[],
  combined: readonly CombinedForecast[],
  horizon: number,
  widening = 1,
  /** Fit the path correlation of count series (only sample paths use it; see CountErrors.fit). */
  withPaths = true,
): { continuous: ContinuousCalibration; count: CountCalibration } {
  const continuous = new StandardisedErrors(horizon);
  const count = new CountErrors();
  series.forEach((s, i) => {
    const c = combined[i]!;
    s.origins.forEach((origin, o) => {
      if (!c.valid[o]) return;
      const factor = spreadFactor(s, c, horizon, o);
      for (let step = 0; step < horizon && origin + step < s.y.length; step++) {
        const actual = s.y[origin + step]!;
        let mean = c.mean[o * horizon + step]!;
        if (!s.profile.allowNegative) mean = Math.max(0, mean);
        const sd = c.sd[o * horizon + step]! * factor;
        if (s.distribution === 'count') count.add(actual, mean, sd, s.scale);
        else continuous.add(step, actual, mean, sd);
      }
      if (s.distribution === 'count' && withPaths) {
        const steps = Math.min(horizon, s.y.length - origin);
        const means = Float64Array.from(c.mean.subarray(o * horizon, o * horizon + steps), (m) => (s.profile.allowNegative ? m : Math.max(0, m)));
        const sds = Float64Array.from(c.sd.subarray(o * horizon, o * horizon + steps), (v) => v * factor);
        count.addWindow(s.y.subarray(origin, origin + steps), means, sds);
      }
    });
  });
  const fitted = continuous.fit();
  for (const z of fitted.z) for (let k = 0; k < z.length; k++) z[k] = z[k]! * widening;
  return { continuous: fitted, count: count.fit(withPaths) };
}

/** At least this many held-out errors of continuous series before the widening is measured. */
const MIN_WIDENING_POINTS = 200;
/** A cap on the widening: one held-out window per series is limited evidence. */
const MAX_WIDENING = 1.5;

/**
 * How much wider continuous intervals must be than the chosen combinations' own backtest
 * errors say. Those errors flatter the combinations: each was chosen because it did well on
 * exactly those windows (on M4 weekly the calibrated 80% intervals held 71.5% of the test
 * outcomes). So the choice is made again blind to the last backtest window (every period
 * from its origin on hidden from all windows), and that window's standardised errors under
 * the blind choice are compared with its errors under the final choice: the ratio of their
 * 80% spreads (pooled 10%-90% ranges) is the widening. It is at least 1 (a blind choice is
 * never better in expectation), at most MAX_WIDENING, and 1 when fewer than
 * MIN_WIDENING_POINTS errors are available. The blind choice sees one window less than the
 * final one, so the ratio leans to the wide side.
 */
export function selectionWidening(
  series: readonly PreparedSeries[],
  runs: readonly CandidateRuns[],
  targets: readonly BacktestTarget[],
  candidates: readonly Candidate[],
  choices: readonly Choice[],
  horizon: number,
  maxCombination: number,
  /** The final choices' combinations, when already made (combineSubset of choices[i].subset). */
  combined?: readonly CombinedForecast[],
): number {
  const members = series.map((s, i) => i).filter((i) => series[i]!.distribution !== 'count' && series[i]!.origins.length >= 2);
  if (members.length * horizon < MIN_WIDENING_POINTS) return 1;
  const subset = members.map((i) => series[i]!);
  const blindTargets = members.map((i) => {
    const s = series[i]!;
    const t = targets[i]!;
    const cut = s.origins.at(-1)!;
    const actuals = Float64Array.from(t.actuals);
    s.origins.forEach((origin, o) => {
      for (let k = Math.max(0, cut - origin); k < horizon; k++) actuals[o * horizon + k] = NaN;
    });
    return { ...t, actuals };
  });
  const blind = chooseModels(subset, members.map((i) => runs[i]!), blindTargets, candidates, { maxCombination }).choices;
  const finalErrors: number[] = [];
  const blindErrors: number[] = [];
  members.forEach((i, j) => {
    const s = series[i]!;
    const o = s.origins.length - 1;
    const origin = s.origins[o]!;
    const finalCombined = combined?.[i] ?? combineSubset(runs[i]!, choices[i]!.subset);
    const collect = (choice: Choice, into: number[]) => {
      const same = choice.subset.length === choices[i]!.subset.length && choice.subset.every((c, k) => c === choices[i]!.subset[k]);
      const c = same ? finalCombined : combineSubset(runs[i]!, choice.subset);
      if (!c.valid[o]) return;
      const factor = spreadFactor(s, c, horizon, o);
      for (let k = 0; k < horizon && origin + k < s.y.length; k++) {
        const sd = c.sd[o * horizon + k]! * factor;
        const actual = s.y[origin + k]!;
        if (sd > 0 && Number.isFinite(actual)) into.push((actual - c.mean[o * horizon + k]!) / sd);
      }
    };
    collect(choices[i]!, finalErrors);
    collect(blind[j]!, blindErrors);
  });
  if (finalErrors.length < MIN_WIDENING_POINTS || blindErrors.length < MIN_WIDENING_POINTS) return 1;
  const ratio = spread80(blindErrors) / spread80(finalErrors);
  return Number.isFinite(ratio) ? Math.min(MAX_WIDENING, Math.max(1, ratio)) : 1;
}

/** The 10%-90% range of a sample (nearest-rank quantiles). */
export function spread80(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.round(p * (sorted.length - 1))]!;
  return at(0.9) - at(0.1);
}
