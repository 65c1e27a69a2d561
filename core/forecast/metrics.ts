/**
 * Forecast accuracy measures. Definitions follow Hyndman & Koehler (2006) for MASE and
 * the M5 competition guide for the scaled pinball loss (without its factor 2, as our
 * benchmark scorer): errors are scaled by the in-sample mean absolute error of a lag-k
 * naive forecast, so 1.0 means "as good as the naive forecast was in the past".
 */

/** Quantile levels scored by the scaled pinball loss (as the benchmark scorer). */
export const PINBALL_LEVELS = [0.1, 0.25, 0.5, 0.75, 0.9] as const;
/** Their index in QUANTILE_LEVELS (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95). */
export const PINBALL_INDEX = [1, 2, 3, 4, 5] as const;

export function pinballLoss(actual: number, quantile: number, level: number): number {
  const diff = actual - quantile;
  return diff >= 0 ? level * diff : (level - 1) * diff;
}

/**
 * Mean absolute lag-k difference of y[from..to), the MASE denominator. Lag falls back to 1
 * when the history is not longer than the lag (as the scorer). NaN when undefined.
 */
export function naiveScale(y: ArrayLike<number>, lag: number, from = 0, to = y.length): number {
  const n = to - from;
  const k = n > lag ? lag : 1;
  if (n <= k) return NaN;
  let total = 0;
  for (let t = from + k; t < to; t++) total += Math.abs(y[t]! - y[t - k]!);
  return total / (n - k);
}

/** Per-series accuracy of a set of forecasts against actuals (one or many windows). */
export interface AccuracySums {
  absoluteError: number;
  squaredError: number;
  error: number;
  actual: number;
  absoluteActual: number;
  pinball: number;
  covered80: number;
  points: number;
}

export function emptySums(): AccuracySums {
  return { absoluteError: 0, squaredError: 0, error: 0, actual: 0, absoluteActual: 0, pinball: 0, covered80: 0, points: 0 };
}

/**
 * Adds one forecast window: `mean` and `quantiles` (the 7 QUANTILE_LEVELS arrays) over the
 * steps where `actual` exists.
 */
export function addWindow(
  sums: AccuracySums,
  actual: ArrayLike<number>,
  mean: ArrayLike<number>,
  quantiles: readonly ArrayLike<number>[] | undefined,
  offset = 0,
  steps = actual.length,
): void {
  for (let i = 0; i < steps; i++) {
    const y = actual[i]!;
    const f = mean[offset + i]!;
    const e = f - y;
    sums.absoluteError += Math.abs(e);
    sums.squaredError += e * e;
    sums.error += e;
    sums.actual += y;
    sums.absoluteActual += Math.abs(y);
    if (quantiles) {
      let loss = 0;
      for (let k = 0; k < PINBALL_LEVELS.length; k++) loss += pinballLoss(y, quantiles[PINBALL_INDEX[k]!]![offset + i]!, PINBALL_LEVELS[k]!);
      sums.pinball += loss / PINBALL_LEVELS.length;
      if (y >= quantiles[1]![offset + i]! && y <= quantiles[5]![offset + i]!) sums.covered80++;
    }
    sums.points++;
  }
}

export interface SeriesAccuracy {
  mase: number;
  spl: number;
  wape: number;
  bias: number;
  coverage80: number;
  rmsse: number;
}

/** MASE etc. from the sums, scaled by `scale` (NaN where undefined). */
export function accuracyOf(sums: AccuracySums, scale: number): SeriesAccuracy {
  const n = sums.points;
  const ok = n > 0 && scale > 0 && Number.isFinite(scale);
  return {
    mase: ok ? sums.absoluteError / n / scale : NaN,
    spl: ok ? sums.pinball / n / scale : NaN,
    rmsse: ok ? Math.sqrt(sums.squaredError / n) / scale : NaN,
    wape: sums.absoluteActual > 0 ? sums.absoluteError / sums.absoluteActual : NaN,
    bias: sums.actual !== 0 ? sums.error / sums.actual : NaN,
    coverage80: n > 0 ? sums.covered80 / n : NaN,
  };
}
