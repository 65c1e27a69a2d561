import { adida, croston, imapa, sba, tsb } from './models/intermittent';
import { ets } from './models/ets';
import { fourierEts, fourierTheta } from './models/fourier';
import { movingAverage, naive, seasonalNaive } from './models/simple';
import { stlDamped, stlEts, stlTheta } from './models/stl';
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
  appliesTo(situation: CandidateSituation): boolean;
}

export interface GlobalBatchSeries {
  id: string;
  values: Float64Array;
  context: SeriesContext;
  profile: SeriesProfile;
  origins: readonly number[];
}

export interface GlobalCandidate {
  kind: 'global';
  name: string;
  complexity: number;
  appliesTo(situation: CandidateSituation): boolean;
  /**
   * Forecasts h steps from every origin of every series it applies to (the final origin is
   * each series' full length, last in the list). Entry undefined for series it skips.
   */
  forecastAcross(batch: GlobalBatchSeries[], horizon: number, options: { signal?: AbortSignal }): Promise<((OriginForecast | undefined)[] | undefined)[]>;
}

export type Candidate = LocalCandidate | GlobalCandidate;

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

const continuous = (s: CandidateSituation) => !isIntermittent(s.profile);
const seasonalWith = (minSeasons: number) => (s: CandidateSituation) =>
  s.context.season >= 2 && (s.origins[0] ?? s.profile.length) > minSeasons * s.context.season;

function local(name: string, forecaster: Forecaster, complexity: number, appliesTo: (s: CandidateSituation) => boolean): void {
  registerLocalCandidate({ kind: 'local', name, forecaster, complexity, appliesTo });
}

// Benchmarks: always run (naive also gives each series its "accuracy vs naive").
local('naive', naive, 0, () => true);
local('snaive', seasonalNaive, 1, seasonalWith(1));
local('ma', movingAverage(), 1, () => true);
// Smooth and erratic demand.
local('ets', ets, 3, continuous);
local('theta', theta, 3, continuous);
local('stl_ets', stlEts, 4, (s) => continuous(s) && seasonalWith(2)(s));
local('stl_theta', stlTheta, 4, (s) => continuous(s) && seasonalWith(2)(s));
local('stl_damped', stlDamped, 4, (s) => continuous(s) && seasonalWith(2)(s));
if (process.env.FOURIER !== '0') local('fourier_ets', fourierEts, 4, (s) => continuous(s) && seasonalWith(2)(s));
if (process.env.FOURIER_THETA === '1') local('fourier_theta', fourierTheta, 4, (s) => continuous(s) && seasonalWith(2)(s));
// Intermittent and lumpy demand.
local('croston', croston, 2, (s) => isIntermittent(s.profile));
local('sba', sba, 2, (s) => isIntermittent(s.profile));
local('tsb', tsb, 2, (s) => isIntermittent(s.profile));
local('adida', adida, 2, (s) => isIntermittent(s.profile));
local('imapa', imapa, 2, (s) => isIntermittent(s.profile));
