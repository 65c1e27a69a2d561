/**
 * Which features a global model sees, by data frequency. The same spec drives training
 * rows, recursive forecasting rows and the feature names shown in the model registry.
 */
import type { Frequency } from '../../types';

export interface FeatureSpec {
  frequency: Frequency;
  season: number;
  /** Lags in periods before the forecast origin (lag 1 = the last known value). */
  lags: number[];
  /**
   * Lags relative to the target period (52 = the same week last year). One that would
   * reach past the origin moves back by whole seasons until it is known.
   */
  targetLags: number[];
  /** Windows (periods before t) for rolling means and standard deviations. */
  rollingWindows: number[];
  /** Window of the local level at the origin that scales every value feature and the target. */
  levelWindow: number;
  /** Cap for "periods to next / since last holiday" and "periods since last sale". */
  distanceCap: number;
  calendar: boolean;
  holidays: boolean;
  events: boolean;
  price: boolean;
  /** Names of static categorical codes per series (e.g. ["store", "dept"]). */
  categories: string[];
}

export interface FeatureSpecOptions {
  calendar?: boolean;
  holidays?: boolean;
  events?: boolean;
  price?: boolean;
  categories?: string[];
}

/**
 * Lags from the issue (weekly 1,2,3,4,8,13,26,52; daily 1–7, 14, 28) before the origin,
 * plus the seasonal lags around the target period that a direct multi-step model needs.
 * Quarterly: the last year and the one before (lags 1–4, 8); yearly: the last few years
 * and no seasonal target lags (a yearly season is one period: they would repeat lag 1).
 */
export function defaultFeatureSpec(frequency: Frequency, season: number, options: FeatureSpecOptions = {}): FeatureSpec {
  const base = {
    frequency,
    season,
    calendar: options.calendar ?? true,
    holidays: options.holidays ?? false,
    events: options.events ?? false,
    price: options.price ?? false,
    categories: options.categories ?? [],
  };
  switch (frequency) {
    case 'W':
      return { ...base, lags: [1, 2, 3, 4, 8, 13, 26, 52], targetLags: [51, 52, 53, 104], rollingWindows: [4, 13, 52], levelWindow: 13, distanceCap: 12 };
    case 'D':
      return { ...base, lags: [1, 2, 3, 4, 5, 6, 7, 14, 28], targetLags: [7, 14, 364], rollingWindows: [7, 28, 91], levelWindow: 28, distanceCap: 30 };
    case 'M':
      return { ...base, lags: [1, 2, 3, 4, 6, 12], targetLags: [12, 24], rollingWindows: [3, 6, 12], levelWindow: 6, distanceCap: 6 };
    case 'Q':
      return { ...base, lags: [1, 2, 3, 4, 8], targetLags: [4, 8], rollingWindows: [2, 4, 8], levelWindow: 4, distanceCap: 4 };
    case 'Y':
      return { ...base, lags: [1, 2, 3, 4], targetLags: [], rollingWindows: [2, 3, 5], levelWindow: 3, distanceCap: 3 };
  }
}

/** Week of the year is a feature of daily and weekly periods only; longer periods span weeks. */
export function hasWeekOfYear(frequency: Frequency): boolean {
  return frequency === 'D' || frequency === 'W';
}

/** Calendar columns of a target period: day of week and of month (daily), week of year (daily, weekly), month. */
export function calendarWidth(frequency: Frequency): number {
  return (frequency === 'D' ? 2 : 0) + (hasWeekOfYear(frequency) ? 1 : 0) + 1;
}

/** Feature names in column order (must match writeFeatureRow). */
export function featureNames(spec: FeatureSpec): string[] {
  const names: string[] = ['horizon'];
  for (const lag of spec.lags) names.push(`lag_${lag}`);
  for (const lag of spec.targetLags) names.push(`target_lag_${lag}`);
  for (const w of spec.rollingWindows) names.push(`mean_${w}`, `std_${w}`);
  names.push('zero_share', 'periods_since_sale', 'log_level', 'level_ratio', 'age');
  if (spec.calendar) {
    if (spec.frequency === 'D') names.push('day_of_week', 'day_of_month');
    if (hasWeekOfYear(spec.frequency)) names.push('week_of_year');
    names.push('month');
  }
  if (spec.holidays) names.push('holiday', 'holiday_next', 'periods_to_holiday', 'periods_since_holiday');
  if (spec.events) names.push('event_multiplier');
  if (spec.price) names.push('price_relative', 'price_change');
  names.push('pattern', 'abc');
  for (const c of spec.categories) names.push(`cat_${c}`);
  return names;
}
