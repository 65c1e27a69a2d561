import { adida, croston, imapa, sba, tsb } from './models/intermittent';
import { ets } from './models/ets';
import { fourierDamped, fourierEts, fourierSes, fourierTheta } from './models/fourier';
import { multiSeasonalDamped, multiSeasonalSes } from './models/multi-seasonal';
import { movingAverage, naive, seasonalNaive } from './models/simple';
import { stlDamped, stlSes, stlTheta } from './models/stl';
import { theta } from './models/theta';
import type { SeriesProfile } from './profile';
import { isIntermittent } from './profile';
import type { Forecaster, OriginForecast, SeriesContext } from './types';

/**
 * The candidate models the engine backtests. Local candidates are fitted per series (in
 * worker threads, looked up by name, so they must be registered in a module the worker
 * loads); global candidates are fitted across all series of a run at once (e.g. gradient-
 * boosted trees) and join the same backtest, selection and combination.
 */

export interface CandidateSituation {
  /** The series' id (e.g. "productId:locationId"), for candidates that only know some series. */
  id: string;
  profile: SeriesProfile;
  context: SeriesContext;
  horizon: number;
  /** Backtest origins (history lengths) this series is evaluated at, ascending, without the final one. */
  origins: readonly number[];
}

export interface LocalCandidate {
  kind: 'local';
  name: string;
  forecaster: Forecaster;
  /** Lower is simpler; a failing series falls back to the simplest candidate that worked. */
  complexity: number;
  /** Models the season (a seasonal series may only switch to such models on its own backtest). */
  seasonal: boolean;
  appliesTo(situation: CandidateSituation): boolean;
}

export interface GlobalBatchSeries {
  id: string;
  values: Float64Array;
  context: SeriesContext;
  profile: SeriesProfile;
  /** Backtest origins (history lengths), ascending, without the final one (values.length). */
  origins: readonly number[];
  /**
   * Calendar period number of values[0] (days, weeks or months since 1970), so that the
   * same season position means the same time of year in every series. When dates are
   * unknown, series are aligned at their ends.
   */
  startPeriod: number;
  /** Per-series features the candidate asked for (computed next to the local candidates, in the workers). */
  features?: Record<string, Float64Array>;
  /** Category or supplier key, when known. */
  group?: string;
  /** values[0] is the first sale (the launch is in the data). */
  launchObserved?: boolean;
  /**
   * Whether the candidate applies to this series (it is forecast). Only candidates with
   * `seesAllSeries` get series with applies = false, to learn from; absent means true.
   */
  applies?: boolean;
}

/** What a global candidate may use: cancellation and the worker pool of the run. */
export interface GlobalRunOptions {
  signal?: AbortSignal;
  runner?: TaskRunnerLike;
}

export interface TaskRunnerLike {
  readonly size: number;
  run<R>(name: string, payload: unknown, transfer?: ArrayBuffer[]): Promise<R>;
}

export interface GlobalCandidate {
  kind: 'global';
  name: string;
  complexity: number;
  seasonal: boolean;
  /** Names of registered series features (see registerSeriesFeature) it needs in GlobalBatchSeries.features. */
  features?: readonly string[];
  /** Gets every series of the run (those it does not apply to flagged applies = false) instead of only its own. */
  seesAllSeries?: boolean;
  appliesTo(situation: CandidateSituation): boolean;
  /**
   * Forecasts h steps from every origin (the final origin is each series' full length, last
   * in the list) of the series it applies to; with `seesAllSeries` the batch also holds the
   * other series of the run (applies = false) to learn from. Entry undefined for series it skips.
   */
  forecastAcross(batch: GlobalBatchSeries[], horizon: number, options: GlobalRunOptions): Promise<((OriginForecast | undefined)[] | undefined)[]>;
}

export type Candidate = LocalCandidate | GlobalCandidate;

/**
 * A per-series computation a global candidate needs (e.g. each series' seasonal profile at
 * every origin). It runs in the worker right after the series' local candidates and shares
 * their memo, so work such as STL decompositions is done once. `cuts` are the origins
 * followed by the full length.
 */
export type SeriesFeature = (y: Float64Array, context: SeriesContext, cuts: readonly number[], startPeriod: number) => Float64Array;

const featureRegistry = new Map<string, SeriesFeature>();

export function registerSeriesFeature(name: string, feature: SeriesFeature): void {
  if (featureRegistry.has(name)) throw new Error(`Series feature ${name} is registered twice`);
  featureRegistry.set(name, feature);
}

export function seriesFeature(name: string): SeriesFeature | undefined {
  return featureRegistry.get(name);
}

const localRegistry = new Map<string, LocalCandidate>();

export function registerLocalCandidate(candidate: LocalCandidate): void {
  if (localRegistry.has(candidate.name)) throw new Error(`Candidate ${candidate.name} is registered twice`);
  localRegistry.set(candidate.name, candidate);
}

export function localCandidate(name: string): LocalCandidate | undefined {
  return localRegistry.get(name);
}

export function localCandidates(): LocalCandidate[] {
  return [...localRegistry.values()];
}

/**
 * Smooth and erratic series get the continuous models, and so do intermittent ones with a
 * significant yearly season (seasonal products with off-season zeros), for which rate
 * models would forecast the off-season level into the season.
 */
export function usesContinuousModels(profile: SeriesProfile, season: number): boolean {
  return !isIntermittent(profile) || (profile.seasonal && season >= 12);
}
const continuous = (s: CandidateSituation) => usesContinuousModels(s.profile, s.context.season);
const intermittent = (s: CandidateSituation) => !continuous(s);
const seasonalWith = (minSeasons: number) => (s: CandidateSituation) =>
  s.context.season >= 2 && (s.origins[0] ?? s.profile.length) > minSeasons * s.context.season;
/**
 * A model that needs more than two full seasons qualifies when its latest backtest origin has
 * them: it then forecasts from that origin (and the final one) and returns nothing from the earlier
 * ones, and the choice compares it on the windows it did forecast. Requiring the first origin
 * too kept every seasonal model off a short yearly history (29 months, h = 3: origins 24..26).
 */
const twoSeasonsAtLastOrigin = (s: CandidateSituation) =>
  s.context.season >= 2 && (s.origins[s.origins.length - 1] ?? s.profile.length) > 2 * s.context.season;

function local(name: string, forecaster: Forecaster, complexity: number, seasonal: boolean, appliesTo: (s: CandidateSituation) => boolean): void {
  registerLocalCandidate({ kind: 'local', name, forecaster, complexity, seasonal, appliesTo });
}

// Benchmarks: always run (naive also gives each series its "accuracy vs naive").
local('naive', naive, 0, false, () => true);
/**
 * Seasonal naive also qualifies on a history between one season and one season plus a horizon
 * (60 weeks of a yearly season), where no backtest window can test it except the partial one from
 * the origin with exactly one season before it (prepareSeries adds it): last year's value is
 * all such a history knows about the time of year ahead.
 */
const oneSeasonOnly = (s: CandidateSituation) =>
  s.context.season >= 2 && s.profile.length < s.context.season + 1 + s.horizon && s.origins[s.origins.length - 1] === s.context.season + 1;
local('snaive', seasonalNaive, 1, true, (s) => seasonalWith(1)(s) || oneSeasonOnly(s));
local('ma', movingAverage(), 1, false, () => true);
// Smooth and erratic demand.
local('ets', ets, 3, false, continuous);
local('theta', theta, 3, true, continuous);
// stlf's automatic ETS on the adjusted series (stlEts) is not a candidate: it was the dearest
// model (a third of walmart's local fitting time) and entered 45 of 5,429 series' combinations;
// without it walmart MASE 0.695 (0.696 with), M4 weekly OWA 0.729, m5, car parts and store item unchanged.
local('stl_theta', stlTheta, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('stl_damped', stlDamped, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('stl_ses', stlSes, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('fourier_ets', fourierEts, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('fourier_theta', fourierTheta, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('fourier_damped', fourierDamped, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
local('fourier_ses', fourierSes, 4, true, (s) => continuous(s) && twoSeasonsAtLastOrigin(s));
// Daily series with two years before the first origin: weekly and yearly cycles.
const twoYearsDaily = (s: CandidateSituation) => s.context.frequency === 'D' && s.context.season === 7 && (s.origins[0] ?? s.profile.length) >= 2 * 365 + 14;
local('mstl_ses', multiSeasonalSes, 5, true, (s) => continuous(s) && twoYearsDaily(s));
local('mstl_damped', multiSeasonalDamped, 5, true, (s) => continuous(s) && twoYearsDaily(s));
// Intermittent and lumpy demand.
local('croston', croston, 2, false, intermittent);
local('sba', sba, 2, false, intermittent);
local('tsb', tsb, 2, false, intermittent);
local('adida', adida, 2, false, intermittent);
local('imapa', imapa, 2, false, intermittent);
