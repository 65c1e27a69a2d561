import type { GlobalCandidate } from '../candidates';
import { symmetricEigen } from '../kernels/eigen';
import { etsForecast, etsState, fitEts, withErrorClip } from '../kernels/ets';
import { errorClipFor } from '../models/common';
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

function forecastWithProfile(y: Float64Array, cut: number, h: number, m: number, startPeriod: number, profile: Float64Array, level: number, clip: number): OriginForecast {
  const adjusted = new Float64Array(cut);
  for (let t = 0; t < cut; t++) adjusted[t] = y[t]! - level * profile[position(startPeriod, t, m)]!;
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const fit = withErrorClip(fitEts(adjusted, 0, cut, 'none'), clip);
  etsForecast(fit, etsState(adjusted, 0, cut, fit), h, mean, sd);
  for (let i = 0; i < h; i++) mean[i] = mean[i]! + level * profile[position(startPeriod, cut + i, m)]!;
  return { mean, sd, description: { alpha: fit.alpha, pooledSeasonal: true } };
}

export const pooledSeasonal: GlobalCandidate = {
  kind: 'global',
  name: 'pooled_ses',
  complexity: 4,
  seasonal: true,
  features: [PROFILE_FEATURE],
  appliesTo: (s) => usesContinuousModels(s.profile, s.context.season) && s.context.season >= 4 && (s.origins[0] ?? s.profile.length) > 2 * s.context.season,
  async forecastAcross(batch, horizon) {
    const m = batch[0]?.context.season ?? 1;
    const profiles: Float64Array[] = [];
    const levels: Float64Array[] = [];
    for (const s of batch) {
      const cuts = [...s.origins, s.values.length];
      const feature = s.applies !== false ? (s.features?.[PROFILE_FEATURE] ?? seasonProfileFeature(s.values, s.context, cuts, s.startPeriod)) : new Float64Array(cuts.length * (m + 1)).fill(NaN);
      const profile = new Float64Array(cuts.length * m);
      const level = new Float64Array(cuts.length);
      for (let k = 0; k < cuts.length; k++) {
        profile.set(feature.subarray(k * (m + 1), k * (m + 1) + m), k * m);
        level[k] = feature[k * (m + 1) + m]!;
      }
      profiles.push(profile);
      levels.push(level);
    }
    // Cut k of a series counts from its end (0 = final), so equal k means the same calendar cut when series end together.
    const maxCuts = Math.max(0, ...batch.map((s) => s.origins.length + 1));
    const projectors: (Float64Array | undefined)[] = [];
    for (let fromEnd = 0; fromEnd < maxCuts; fromEnd++) {
      const rows: Float64Array[] = [];
      batch.forEach((s, i) => {
        if (s.applies === false) return;
        const k = s.origins.length - fromEnd;
        if (k < 0 || Number.isNaN(levels[i]![k]!)) return;
        rows.push(profiles[i]!.subarray(k * m, (k + 1) * m));
      });
      projectors.push(lowRankProjector(rows, m));
    }
    return batch.map((s, i) => {
      if (s.applies === false) return undefined;
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
        return forecastWithProfile(s.values, cut, horizon, m, s.startPeriod, shrunk, level, errorClipFor(s.context.frequency));
      });
    });
  },
};
