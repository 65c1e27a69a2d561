/** One series as the global models see it: history plus optional covariates. */
export interface GlobalSeries {
  id: string;
  /** History, oldest first; NaN marks a missing or censored period. */
  values: Float64Array;
  /** Day number (days since 1970-01-01) of period 0, when real dates are known. */
  startDay?: number;
  /** Forecasts are clipped at 0 unless the series may be negative (returns). */
  allowNegative?: boolean;
  /** 1 where period t holds a holiday; should extend over the forecast horizon. */
  holiday?: Uint8Array;
  /** User-event multiplier per period (1 = none); should extend over the horizon. */
  eventMultiplier?: Float64Array;
  /** Unit price per period (NaN unknown); the last known price is carried forward. */
  price?: Float64Array;
  /** Static codes, one per FeatureSpec.categories entry (NaN unknown). */
  categories?: number[];
  /** ABC class code 0 = A, 1 = B, 2 = C (NaN unknown). */
  abc?: number;
}
