import type { GlobalBatchSeries, GlobalCandidate, TaskRunnerLike } from '../candidates';
import { symmetricEigen } from '../kernels/eigen';
import { etsForecast, etsState, fitEts, withErrorClip } from '../kernels/ets';
import { errorClipFor, smoothingLossHorizon } from '../models/common';
import { packedHistory, packHistories } from '../kernels/packed';
import { decompose } from '../models/stl';
import { registerSeriesFeature, usesContinuousModels } from '../candidates';
import type { OriginForecast, SeriesContext } from '../types';

/**
 * Seasonal profiles pooled across the series of a run. Products of one shop share their
 * calendar (holiday peaks, summer, back-to-school), but each series' own seasonal estimate
 * from two or three years is noisy. Each series' STL seasonal profile of the last season
 * (scaled by its level) is shrunk halfway toward its projection on the leading principal
 * components of all profiles (the components explaining 90% of their variance), a
 * low-rank denoising in the spirit of the SVD smoothing of the Walmart competition's
 * winning entry (D. Thaler, 2014) and of James-Stein shrinkage. The series minus the
 * shrunk seasonal pattern is forecast by simple exponential smoothing.
 */

const SHRINK_WEIGHT = 0.5;
const VARIANCE_SHARE = 0.9;
const MIN_SERIES = 10;
/**
 * Longest season pooled: each backtest cut eigen-decomposes an m x m profile covariance, at
 * O(m^3) per Jacobi sweep. Weekly data's 52 costs ~10 ms a cut; daily data given a yearly
 * season (365) took 9 s of a 10 s run on m5, on the main thread. Longer seasons are left to
 * the per-series seasonal models (STL, Fourier terms).
 */
export const MAX_POOLED_SEASON = 60;
/** Name of the series feature: per cut, the last season's STL profile by calendar position and the level. */
export const PROFILE_FEATURE = 'stl-season-profile';

function position(startPeriod: number, t: number, m: number): number {
  return (((startPeriod + t) % m) + m) % m;
}

/**
 * For each cut: m values, the STL seasonal of the last season before the cut divided by the
 * mean absolute level of that season, indexed by calendar position; then the level. NaN
 * where the history is too short. Shares the STL decompositions of the STL-based models.
 */
export function seasonProfileFeature(y: Float64Array, context: SeriesContext, cuts: readonly number[], startPeriod: number): Float64Array {
  const m = context.season;
  const out = new Float64Array(cuts.length * (m + 1)).fill(NaN);
  cuts.forEach((cut, k) => {
    if (m < 2 || cut <= 2 * m) return;
    const { seasonal, start } = decompose(y, cut, m, {}, context.memo);
    if (!seasonal) return;
    let absolute = 0;
    for (let t = cut - m; t < cut; t++) absolute += Math.abs(y[t]!);
    const level = absolute / m;
    if (!(level > 0)) return;
    const base = k * (m + 1);
    for (let t = cut - m; t < cut; t++) out[base + position(startPeriod, t, m)] = seasonal[t - start]! / level;
    out[base + m] = level;
  });
  return out;
}

registerSeriesFeature(PROFILE_FEATURE, seasonProfileFeature);

/**
 * Projection onto the leading principal directions of `count` profiles of length m, stored
 * by position (columns[a * count + r] = value a of profile r). Each covariance entry is a
 * dot product of two contiguous columns, summed over the profiles in order.
 */
export function lowRankProjector(columns: Float64Array, count: number, m: number): Float64Array | undefined {
  if (count < MIN_SERIES) return undefined;
  const cov = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const ca = a * count;
    let b = 0;
    // Four entries at a time, each its own sum (the additions of one sum depend on each other).
    for (; b + 3 <= a; b += 4) {
      const c0 = b * count;
      const c1 = c0 + count;
      const c2 = c1 + count;
      const c3 = c2 + count;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let r = 0; r < count; r++) {
        const v = columns[ca + r]!;
        t0 += v * columns[c0 + r]!;
        t1 += v * columns[c1 + r]!;
        t2 += v * columns[c2 + r]!;
        t3 += v * columns[c3 + r]!;
      }
      cov[a * m + b] = t0;
      cov[a * m + b + 1] = t1;
      cov[a * m + b + 2] = t2;
      cov[a * m + b + 3] = t3;
    }
    for (; b <= a; b++) {
      const cb = b * count;
      let total = 0;
      for (let r = 0; r < count; r++) total += columns[ca + r]! * columns[cb + r]!;
      cov[a * m + b] = total;
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) cov[b * m + a] = cov[a * m + b]!;
  const { values, vectors } = symmetricEigen(cov, m);
  let total = 0;
  for (let k = 0; k < m; k++) total += Math.max(0, values[k]!);
  if (!(total > 0)) return undefined;
  let rank = 0;
  let explained = 0;
  while (rank < m && explained < VARIANCE_SHARE * total) explained += Math.max(0, values[rank++]!);
  // Symmetric: each entry summed over the components in order, then mirrored.
  const projector = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let total = 0;
      for (let k = 0; k < rank; k++) total += vectors[k * m + a]! * vectors[k * m + b]!;
      projector[a * m + b] = total;
      projector[b * m + a] = total;
    }
  }
  return projector;
}

/**
 * shrunk = SHRINK_WEIGHT * own + (1 - SHRINK_WEIGHT) * projector * own, where own is
 * feature[at..at + m). Four rows of the product at a time, each summed in column order.
 */
export function shrink(projector: Float64Array, feature: Float64Array, at: number, shrunk: Float64Array, m: number): void {
  let a = 0;
  for (; a + 4 <= m; a += 4) {
    const r0 = a * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let b = 0; b < m; b++) {
      const v = feature[at + b]!;
      p0 += projector[r0 + b]! * v;
      p1 += projector[r1 + b]! * v;
      p2 += projector[r2 + b]! * v;
      p3 += projector[r3 + b]! * v;
    }
    shrunk[a] = SHRINK_WEIGHT * feature[at + a]! + (1 - SHRINK_WEIGHT) * p0;
    shrunk[a + 1] = SHRINK_WEIGHT * feature[at + a + 1]! + (1 - SHRINK_WEIGHT) * p1;
    shrunk[a + 2] = SHRINK_WEIGHT * feature[at + a + 2]! + (1 - SHRINK_WEIGHT) * p2;
    shrunk[a + 3] = SHRINK_WEIGHT * feature[at + a + 3]! + (1 - SHRINK_WEIGHT) * p3;
  }
  for (; a < m; a++) {
    let projected = 0;
    for (let b = 0; b < m; b++) projected += projector[a * m + b]! * feature[at + b]!;
    shrunk[a] = SHRINK_WEIGHT * feature[at + a]! + (1 - SHRINK_WEIGHT) * projected;
  }
}

function forecastWithProfile(y: Float64Array, cut: number, h: number, m: number, startPeriod: number, profile: Float64Array, level: number, clip: number, lossHorizon: number): OriginForecast {
  const adjusted = new Float64Array(cut);
  for (let t = 0; t < cut; t++) adjusted[t] = y[t]! - level * profile[position(startPeriod, t, m)]!;
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const fit = withErrorClip(fitEts(adjusted, 0, cut, 'none', { lossHorizon }), clip);
  etsForecast(fit, etsState(adjusted, 0, cut, fit), h, mean, sd);
  for (let i = 0; i < h; i++) mean[i] = mean[i]! + level * profile[position(startPeriod, cut + i, m)]!;
  return { mean, sd, description: { alpha: fit.alpha, pooledSeasonal: true } };
}

/** Pool task name (registered in core/forecast/tasks.ts): one cut's projector from its profiles. */
export const POOLED_PROJECTOR_TASK = 'forecast.pooledSeasonalProjector';

/** One cut's profiles, one after the other (count x season), structured-cloneable. */
export interface PooledProjectorPayload {
  rows: Float64Array;
  count: number;
  season: number;
}

/** lowRankProjector of the payload's profiles; null when there is none. */
export function runPooledProjector(payload: PooledProjectorPayload): Float64Array | null {
  const { rows, count, season: m } = payload;
  const columns = new Float64Array(count * m);
  for (let r = 0; r < count; r++) for (let a = 0; a < m; a++) columns[a * count + r] = rows[r * m + a]!;
  return lowRankProjector(columns, count, m) ?? null;
}

/** Pool task name (registered in core/forecast/tasks.ts): the per-series fits, once the profiles are pooled. */
export const POOLED_FITS_TASK = 'forecast.pooledSeasonalFits';

/**
 * The fits of a chunk of series, structured-cloneable: histories concatenated; per series
 * the cuts to forecast from; per fit (series by series, cut by cut) the series' own profile
 * (m values), the level and which of the cuts' projectors (m x m each) shrinks the profile.
 */
export interface PooledFitsPayload {
  horizon: number;
  season: number;
  clip: number;
  /** Loss horizon of the level fits (smoothingLossHorizon). */
  lossHorizon: number;
  values: Float64Array;
  offsets: Int32Array;
  startPeriods: number[];
  cuts: number[][];
  profiles: Float64Array;
  levels: Float64Array;
  projectors: Float64Array;
  projectorOf: Int32Array;
}

/** Per fit, in payload order: horizon means and sds, and the smoothing parameter. */
export interface PooledFitsResult {
  mean: Float64Array;
  sd: Float64Array;
  alpha: Float64Array;
}

export function runPooledFits(payload: PooledFitsPayload): PooledFitsResult {
  const { horizon: h, season: m } = payload;
  const fits = payload.levels.length;
  const result: PooledFitsResult = { mean: new Float64Array(fits * h), sd: new Float64Array(fits * h), alpha: new Float64Array(fits) };
  let fit = 0;
  const shrunk = new Float64Array(m);
  payload.cuts.forEach((cuts, i) => {
    const y = packedHistory(payload, i);
    for (const cut of cuts) {
      const p = payload.projectorOf[fit]!;
      shrink(payload.projectors.subarray(p * m * m, (p + 1) * m * m), payload.profiles, fit * m, shrunk, m);
      const f = forecastWithProfile(y, cut, h, m, payload.startPeriods[i]!, shrunk, payload.levels[fit]!, payload.clip, payload.lossHorizon);
      result.mean.set(f.mean, fit * h);
      result.sd.set(f.sd, fit * h);
      result.alpha[fit] = f.description!.alpha as number;
      fit++;
    }
  });
  return result;
}

interface PlannedFit {
  cut: number;
  /** The series' own profile (a view). */
  profile: Float64Array;
  level: number;
  /** Index of the cut's projector. */
  projector: number;
}

/** Payload of series first..last-1 of the plan (each series' fits in cut order). */
function fitsPayload(batch: readonly GlobalBatchSeries[], plans: readonly (PlannedFit | undefined)[][], first: number, last: number, horizon: number, m: number, projectors: Float64Array): PooledFitsPayload {
  const { values, offsets } = packHistories(batch.slice(first, last).map((s) => s.values));
  let fits = 0;
  for (let i = first; i < last; i++) for (const fit of plans[i]!) if (fit) fits++;
  const cuts: number[][] = [];
  const profiles = new Float64Array(fits * m);
  const levels = new Float64Array(fits);
  const projectorOf = new Int32Array(fits);
  let j = 0;
  for (let i = first; i < last; i++) {
    const list: number[] = [];
    for (const fit of plans[i]!) {
      if (!fit) continue;
      list.push(fit.cut);
      profiles.set(fit.profile, j * m);
      projectorOf[j] = fit.projector;
      levels[j++] = fit.level;
    }
    cuts.push(list);
  }
  return {
    horizon,
    season: m,
    clip: errorClipFor(batch[first]!.context.frequency),
    lossHorizon: smoothingLossHorizon(batch[first]!.context),
    values,
    offsets,
    startPeriods: batch.slice(first, last).map((s) => s.startPeriod),
    cuts,
    profiles,
    levels,
    projectors,
    projectorOf,
  };
}

/**
 * Runs the planned fits, in the pool's workers when there is one (a few chunks per worker
 * of about equal history length), and returns each series' forecasts by cut.
 */
async function runFits(
  batch: readonly GlobalBatchSeries[],
  plans: readonly (PlannedFit | undefined)[][],
  horizon: number,
  m: number,
  projectors: Float64Array,
  runner: TaskRunnerLike | undefined,
): Promise<((OriginForecast | undefined)[] | undefined)[]> {
  if (batch.length === 0) return [];
  const bounds: number[] = [0];
  if (runner) {
    let work = 0;
    for (const [i, plan] of plans.entries()) work += plan.length * batch[i]!.values.length;
    const target = work / (2 * runner.size);
    let current = 0;
    for (const [i, plan] of plans.entries()) {
      current += plan.length * batch[i]!.values.length;
      if (current >= target && i + 1 < plans.length) {
        bounds.push(i + 1);
        current = 0;
      }
    }
  }
  bounds.push(plans.length);
  const chunks = bounds.slice(0, -1).map((first, c) => fitsPayload(batch, plans, first, bounds[c + 1]!, horizon, m, projectors));
  const results = await Promise.all(
    chunks.map((payload) =>
      runner ? runner.run<PooledFitsResult>(POOLED_FITS_TASK, payload, [payload.values.buffer as ArrayBuffer, payload.profiles.buffer as ArrayBuffer]) : Promise.resolve(runPooledFits(payload)),
    ),
  );
  const out: ((OriginForecast | undefined)[] | undefined)[] = [];
  results.forEach((result, c) => {
    let fit = 0;
    for (let i = bounds[c]!; i < bounds[c + 1]!; i++) {
      if (batch[i]!.applies === false) {
        out.push(undefined);
        continue;
      }
      out.push(
        plans[i]!.map((planned) => {
          if (!planned) return undefined;
          const k = fit++;
          return {
            mean: result.mean.slice(k * horizon, (k + 1) * horizon),
            sd: result.sd.slice(k * horizon, (k + 1) * horizon),
            description: { alpha: result.alpha[k]!, pooledSeasonal: true },
          };
        }),
      );
    }
  });
  return out;
}

export const pooledSeasonal: GlobalCandidate = {
  kind: 'global',
  name: 'pooled_ses',
  complexity: 4,
  seasonal: true,
  features: [PROFILE_FEATURE],
  appliesTo: (s) =>
    usesContinuousModels(s.profile, s.context.season) &&
    s.context.season >= 4 &&
    s.context.season <= MAX_POOLED_SEASON &&
    (s.origins[0] ?? s.profile.length) > 2 * s.context.season,
  async forecastAcross(batch, horizon, { runner }) {
    const m = batch[0]?.context.season ?? 1;
    const stride = m + 1;
    // Per series, per cut: the profile (m values) then the level; none where the candidate does not apply.
    const features = batch.map((s) => (s.applies !== false ? (s.features?.[PROFILE_FEATURE] ?? seasonProfileFeature(s.values, s.context, [...s.origins, s.values.length], s.startPeriod)) : undefined));
    const levelAt = (i: number, k: number): number => {
      const level = features[i]?.[k * stride + m];
      return level === undefined ? NaN : level;
    };
    // Cut k of a series counts from its end (0 = final), so equal k means the same calendar cut when series end together.
    const maxCuts = Math.max(0, ...batch.map((s) => s.origins.length + 1));
    const members: number[] = [];
    const projecting: Promise<Float64Array | undefined>[] = [];
    for (let fromEnd = 0; fromEnd < maxCuts; fromEnd++) {
      members.length = 0;
      batch.forEach((s, i) => {
        const k = s.origins.length - fromEnd;
        if (!features[i] || k < 0 || Number.isNaN(levelAt(i, k))) return;
        members.push(i, k * stride);
      });
      const count = members.length / 2;
      if (count < MIN_SERIES) {
        projecting.push(Promise.resolve(undefined));
        continue;
      }
      const rows = new Float64Array(count * m);
      for (let r = 0; r < count; r++) rows.set(features[members[2 * r]!]!.subarray(members[2 * r + 1]!, members[2 * r + 1]! + m), r * m);
      // With a pool, the idle workers decompose the cuts' covariances side by side (tens of ms
      // per run on weekly data, most of it before the code is compiled) while this thread waits.
      const payload: PooledProjectorPayload = { rows, count, season: m };
      projecting.push(
        runner
          ? runner.run<Float64Array | null>(POOLED_PROJECTOR_TASK, payload, [rows.buffer as ArrayBuffer]).then((p) => p ?? undefined)
          : Promise.resolve(runPooledProjector(payload) ?? undefined),
      );
    }
    const projectors = await Promise.all(projecting);
    // All cuts' projectors in one array for the fit tasks, which shrink the profiles themselves.
    const packed = new Float64Array(projectors.length * m * m);
    projectors.forEach((p, k) => p && packed.set(p, k * m * m));
    const plans = batch.map((s, i): (PlannedFit | undefined)[] => {
      const feature = features[i];
      if (!feature) return [];
      const cuts = [...s.origins, s.values.length];
      return cuts.map((cut, k) => {
        const projector = cuts.length - 1 - k;
        const level = levelAt(i, k);
        if (!projectors[projector] || Number.isNaN(level)) return undefined;
        return { cut, profile: feature.subarray(k * stride, k * stride + m), level, projector };
      });
    });
    return runFits(batch, plans, horizon, m, packed, runner);
  },
};
