import type { DemandPattern } from './classify';
import { demandPattern, intermittencyStats, isDeadProduct, isNewProduct, periodsPerWeek } from './classify';
import { isSeasonal } from './kernels/decompose';
import { allIntegers } from './kernels/stats';
import type { Frequency } from './types';

/** What the engine knows about a series before choosing candidates for it. */
export interface SeriesProfile {
  /** Periods of history used for fitting (after trimming leading zeros and capping the length). */
  length: number;
  pattern: DemandPattern;
  adi: number;
  cv2: number;
  isNew: boolean;
  isDead: boolean;
  /** All values whole numbers (counts): quantiles are integer-aware. */
  integer: boolean;
  allowNegative: boolean;
  /** Every value is zero (or the history is empty). */
  allZero: boolean;
  /** Mean of the last season (or all of the history if shorter), used to judge volume. */
  recentMean: number;
  /** The lag-season autocorrelation is significant (thetaf's test); false for short histories. */
  seasonal: boolean;
}

export function profileSeries(y: Float64Array, frequency: Frequency, season: number): SeriesProfile {
  const stats = intermittencyStats(y);
  let allowNegative = false;
  for (let i = 0; i < y.length; i++) if (y[i]! < 0) allowNegative = true;
  const perWeek = periodsPerWeek(frequency);
  const window = Math.min(y.length, Math.max(season, Math.round(4 * perWeek)));
  let recent = 0;
  for (let i = y.length - window; i < y.length; i++) recent += y[i]!;
  return {
    length: y.length,
    pattern: stats.nonZeroCount === 0 ? 'intermittent' : demandPattern(stats),
    adi: stats.adi,
    cv2: stats.cv2,
    isNew: isNewProduct(stats.firstDemand < 0 ? 0 : y.length - stats.firstDemand, perWeek),
    isDead: isDeadProduct(y, perWeek),
    integer: allIntegers(y),
    allowNegative,
    allZero: stats.nonZeroCount === 0 && !allowNegative,
    recentMean: window > 0 ? recent / window : 0,
    seasonal: season >= 2 && isSeasonal(y, y.length, season),
  };
}

/** True for patterns forecast as a demand rate with count distributions. */
export function isIntermittent(profile: SeriesProfile): boolean {
  return profile.pattern === 'intermittent' || profile.pattern === 'lumpy';
}
