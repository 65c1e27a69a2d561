import type { GlobalBatchSeries, GlobalCandidate, GlobalRunOptions } from '../candidates';
import { symmetricEigen } from '../kernels/eigen';
import { etsForecast, etsState, fitEts } from '../kernels/ets';
import { stl } from '../kernels/stl';
import { usesContinuousModels } from '../candidates';
import type { OriginForecast } from '../types';

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

export const POOLED_PROFILES_TASK = 'forecast.pooled-profiles';

const SHRINK_WEIGHT = 0.5;
const VARIANCE_SHARE = 0.9;
const MIN_SERIES = 10;

export interface ProfilePayload {
  season: number;
  values: Float64Array;
  offsets: Int32Array;
  /** Cut points (history lengths) per series, all origins including the final one. */
  cuts: number[][];
  startPeriods: number[];
}

export interface ProfileResult {
  /** Per series, per cut: season-long profile by calendar position (NaN when unavailable). */
  profiles: Float64Array[];
  /** Per series, per cut: the level used to scale the profile (NaN when unavailable). */
  levels: Float64Array[];
}

function position(startPeriod: number, t: number, m: number): number {
  return (((startPeriod + t) % m) + m) % m;
}

/** STL seasonal of the last season before each cut, indexed by calendar position (pure; runs in workers). */
export function computeProfiles(payload: ProfilePayload): ProfileResult {
  const m = payload.season;
  const profiles: Float64Array[] = [];
  const levels: Float64Array[] = [];
  payload.cuts.forEach((cuts, s) => {
    const y = payload.values.subarray(payload.offsets[s]!, payload.offsets[s + 1]!);
    const profile = new Float64Array(cuts.length * m).fill(NaN);
    const level = new Float64Array(cuts.length).fill(NaN);
    cuts.forEach((cut, k) => {
      if (cut <= 2 * m) return;
      const { seasonal } = stl(y.subarray(0, cut), { period: m, seasonalWindow: 11 });
      let absolute = 0;
      for (let t = cut - m; t < cut; t++) absolute += Math.abs(y[t]!);
      const scale = absolute / m;
      if (!(scale > 0)) return;
      level[k] = scale;
      for (let t = cut - m; t < cut; t++) profile[k * m + position(payload.startPeriods[s]!, t, m)] = seasonal[t]! / scale;
    });
    profiles.push(profile);
    levels.push(level);
  });
  return { profiles, levels };
}

/** Projection onto the leading principal directions of the rows of `rows` (count x m). */
function lowRankProjector(rows: Float64Array[], m: number): Float64Array | undefined {
  if (rows.length < MIN_SERIES) return undefined;
  const cov = new Float64Array(m * m);
  for (const r of rows) {
    for (let a = 0; a < m; a++) {
      const ra = r[a]!;
      for (let b = 0; b <= a; b++) cov[a * m + b] = cov[a * m + b]! + ra * r[b]!;
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
  const projector = new Float64Array(m * m);
  for (let k = 0; k < rank; k++) {
    for (let a = 0; a < m; a++) {
      const va = vectors[k * m + a]!;
      for (let b = 0; b < m; b++) projector[a * m + b] = projector[a * m + b]! + va * vectors[k * m + b]!;
    }
  }
  return projector;
}

function forecastWithProfile(y: Float64Array, cut: number, h: number, m: number, startPeriod: number, profile: Float64Array, level: number): OriginForecast {
  const adjusted = new Float64Array(cut);
  for (let t = 0; t < cut; t++) adjusted[t] = y[t]! - level * profile[position(startPeriod, t, m)]!;
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const fit = fitEts(adjusted, 0, cut, 'none');
  etsForecast(fit, etsState(adjusted, 0, cut, fit), h, mean, sd);
  for (let i = 0; i < h; i++) mean[i] = mean[i]! + level * profile[position(startPeriod, cut + i, m)]!;
  return { mean, sd, description: { alpha: fit.alpha, pooledSeasonal: true } };
}

async function profilesFor(batch: readonly GlobalBatchSeries[], m: number, options: GlobalRunOptions): Promise<ProfileResult> {
  const chunkSize = Math.max(16, Math.ceil(batch.length / Math.max(1, (options.runner?.size ?? 1) * 4)));
  const parts: Promise<ProfileResult>[] = [];
  for (let from = 0; from < batch.length; from += chunkSize) {
    const chunk = batch.slice(from, from + chunkSize);
    let total = 0;
    for (const s of chunk) total += s.values.length;
    const values = new Float64Array(total);
    const offsets = new Int32Array(chunk.length + 1);
    chunk.forEach((s, i) => {
      values.set(s.values, offsets[i]!);
      offsets[i + 1] = offsets[i]! + s.values.length;
    });
    const payload: ProfilePayload = { season: m, values, offsets, cuts: chunk.map((s) => [...s.origins, s.values.length]), startPeriods: chunk.map((s) => s.startPeriod) };
    parts.push(options.runner ? options.runner.run<ProfileResult>(POOLED_PROFILES_TASK, payload, [values.buffer as ArrayBuffer]) : Promise.resolve(computeProfiles(payload)));
  }
  const results = await Promise.all(parts);
  return { profiles: results.flatMap((r) => r.profiles), levels: results.flatMap((r) => r.levels) };
}

export const pooledSeasonal: GlobalCandidate = {
  kind: 'global',
  name: 'pooled_ses',
  complexity: 4,
  seasonal: true,
  appliesTo: (s) => usesContinuousModels(s.profile, s.context.season) && s.context.season >= 4 && (s.origins[0] ?? s.profile.length) > 2 * s.context.season,
  async forecastAcross(batch, horizon, options) {
    const m = batch[0]?.context.season ?? 1;
    const { profiles, levels } = await profilesFor(batch, m, options);
    // Cut k of a series counts from its end (0 = final), so equal k means the same calendar cut when series end together.
    const maxCuts = Math.max(0, ...batch.map((s) => s.origins.length + 1));
    const projectors: (Float64Array | undefined)[] = [];
    for (let fromEnd = 0; fromEnd < maxCuts; fromEnd++) {
      const rows: Float64Array[] = [];
      batch.forEach((s, i) => {
        const k = s.origins.length - fromEnd;
        if (k < 0 || Number.isNaN(levels[i]![k]!)) return;
        rows.push(profiles[i]!.subarray(k * m, (k + 1) * m));
      });
      projectors.push(lowRankProjector(rows, m));
    }
    return batch.map((s, i) => {
      const cuts = [...s.origins, s.values.length];
      return cuts.map((cut, k) => {
        const projector = projectors[cuts.length - 1 - k];
        const level = levels[i]![k]!;
        if (!projector || Number.isNaN(level)) return undefined;
        const own = profiles[i]!.subarray(k * m, (k + 1) * m);
        const shrunk = new Float64Array(m);
        for (let a = 0; a < m; a++) {
          let projected = 0;
          for (let b = 0; b < m; b++) projected += projector[a * m + b]! * own[b]!;
          shrunk[a] = SHRINK_WEIGHT * own[a]! + (1 - SHRINK_WEIGHT) * projected;
        }
        return forecastWithProfile(s.values, cut, horizon, m, s.startPeriod, shrunk, level);
      });
    });
  },
};
