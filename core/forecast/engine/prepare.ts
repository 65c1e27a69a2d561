import { backtestOrigins } from '../backtest';
import type { Candidate, CandidateSituation } from '../candidates';
import { localCandidates } from '../candidates';
import { coldStart } from '../global/cold-start';
import { pooledSeasonal } from '../global/pooled-seasonal';
import { defaultGlobalCandidates } from '../global/candidates';
import { periodDay } from '../global/features/calendar';
import { calendarPeriod, periodsPerYear } from '../frequency';
import { fillMissing } from '../kernels/missing';
import { naiveScale } from '../metrics';
import type { SeriesProfile } from '../profile';
import { isIntermittent, profileSeries } from '../profile';
import type { Frequency, SeriesContext } from '../types';
import type { ForecastManyOptions, SeriesInput } from './types';

/** A series ready for the backtest: cleaned history, profile, origins and candidates. */
export interface PreparedSeries {
  index: number;
  id: string;
  /** History used for fitting: missing values interpolated, pre-launch zeros and very old periods dropped. */
  y: Float64Array;
  context: SeriesContext;
  profile: SeriesProfile;
  /** Backtest origins (history lengths), ascending; the final origin y.length is not included. */
  origins: number[];
  local: string[];
  global: string[];
  /** MASE denominator: in-sample seasonal-naive MAE (lag 1 when the history is short). */
  scale: number;
  distribution: 'continuous' | 'count';
  /** Calendar period number of y[0] (see GlobalBatchSeries.startPeriod). */
  startPeriod: number;
  /** Series features the applicable global candidates need. */
  features: string[];
  /** Category or supplier key from the input. */
  group?: string;
  /** y[0] is the product's first sale (leading zeros were dropped), not just the start of the data. */
  launchObserved: boolean;
}

/**
 * Longest history fitted by default: enough for several seasons without slowing long series
 * down. Quarterly and yearly series are short and cheap: up to 40 years of them.
 */
export function defaultMaxHistory(frequency: Frequency): number {
  if (frequency === 'D') return 3 * 365;
  if (frequency === 'W') return 6 * 52;
  if (frequency === 'M') return 12 * 12;
  return 40 * periodsPerYear(frequency);
}

export function defaultStride(horizon: number): number {
  return Math.max(1, Math.round(horizon / 3));
}

/** Count distributions for whole-number series that are intermittent or low-volume. */
export function usesCountDistribution(profile: SeriesProfile): boolean {
  return profile.integer && !profile.allowNegative && (isIntermittent(profile) || profile.recentMean <= 10);
}

export function prepareSeries(input: SeriesInput, index: number, options: ForecastManyOptions, candidates: readonly Candidate[]): PreparedSeries {
  const filled = fillMissing(input.values);
  let start = 0;
  while (start < filled.length - 1 && filled[start] === 0) start++;
  if (start === filled.length - 1 && filled[start] === 0) start = 0;
  const maxHistory = options.maxHistory ?? defaultMaxHistory(options.frequency);
  start = Math.max(start, filled.length - maxHistory);
  let y = filled.slice(start);
  // Never sold, only returned (an item whose history is a refund): nothing to forecast from
  // the returns themselves; its demand is zero until it sells.
  if (!y.some((v) => v > 0) && y.some((v) => v < 0)) y = new Float64Array(y.length);
  const profile = profileSeries(y, options.frequency, options.season);
  const context: SeriesContext = {
    season: options.season,
    frequency: options.frequency,
    allowNegative: profile.allowNegative,
  };
  // A day inside the first kept period (for months, quarters and years: the same calendar date, at most the 28th).
  if (input.startDay !== undefined) context.startDay = periodDay(input.startDay, options.frequency, start);
  if (input.calendar) {
    // The calendar covers the input's periods: drop the ones trimmed off the history with it.
    const { holiday, eventMultiplier } = input.calendar;
    context.calendar = {
      ...(holiday ? { holiday: holiday.subarray(Math.min(start, holiday.length)) } : {}),
      ...(eventMultiplier ? { eventMultiplier: eventMultiplier.subarray(Math.min(start, eventMultiplier.length)) } : {}),
    };
  }
  const count = options.origins ?? 3;
  const stride = options.originStride ?? defaultStride(options.horizon);
  const recentOrigins = backtestOrigins(y.length, options.horizon, count, stride);
  // A continuous history with a season but no recent origin that has one before it (60 weeks of
  // a yearly season, h = 13: origins 39..47) gets one more origin with exactly one season
  // before it: its window is partial (53..59), but it is the only one where last year's
  // values can be tested (seasonal naive qualifies there; see candidates.ts). Walmart's last
  // 60 weeks: MASE 1.115 -> 0.870, SPL 0.423 -> 0.321 (seasonal naive alone: 0.959 / 0.347).
  const oneSeason = options.season + 1;
  if (options.season >= 2 && !isIntermittent(profile) && (recentOrigins.at(-1) ?? 0) < oneSeason && y.length - oneSeason >= 3) recentOrigins.push(oneSeason);
  // Candidates qualify on the recent origins; the year-ago one is extra evidence where they can run.
  const situation: CandidateSituation = { id: input.id, profile, context, horizon: options.horizon, origins: recentOrigins };
  const origins = [...recentOrigins];
  // One more origin a year before the end: its window is the same time of year as the coming
  // horizon, the only place where a model's knowledge of the season ahead gets tested. Only
  // when its models get at least half the history the earliest recent origin has: from a
  // 60-week history it would be fitted on 8 weeks, and those errors (of models that had barely
  // started) steered the choice and the intervals (walmart's last 60 weeks: 80% intervals held
  // 94.6%, SPL 0.487; without that origin 82.4%, 0.423).
  const yearAgo = y.length - periodsPerYear(options.frequency);
  if (yearAgo >= 3 && yearAgo < (origins[0] ?? Infinity) && yearAgo >= (origins[0] ?? 0) / 2) origins.unshift(yearAgo);
  const local: string[] = [];
  const global: string[] = [];
  const features = new Set<string>();
  if (!profile.allZero) {
    for (const candidate of candidates) {
      if (!candidate.appliesTo(situation)) continue;
      if (candidate.kind === 'local') local.push(candidate.name);
      else {
        global.push(candidate.name);
        for (const f of candidate.features ?? []) features.add(f);
      }
    }
  }
  if (!local.includes('naive')) local.unshift('naive');
  const startPeriod = input.startDay !== undefined ? calendarPeriod(input.startDay, options.frequency) + start : -y.length;
  return {
    index,
    id: input.id,
    startPeriod,
    features: [...features],
    ...(input.group !== undefined ? { group: input.group } : {}),
    launchObserved: start > 0 && filled[start - 1] === 0,
    y,
    context,
    profile,
    origins,
    local,
    global,
    scale: naiveScale(y, options.season),
    distribution: usesCountDistribution(profile) ? 'count' : 'continuous',
  };
}

/** The statistical candidates: every registered local model plus pooled seasonality and cold start. */
export function statisticalCandidates(): Candidate[] {
  return [...localCandidates(), pooledSeasonal, coldStart];
}

export function defaultCandidates(): Candidate[] {
  return [...statisticalCandidates(), ...defaultGlobalCandidates()];
}
