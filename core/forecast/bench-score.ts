import { PINBALL_INDEX, PINBALL_LEVELS, pinballLoss } from './metrics';

/**
 * Scores forecasts against held-out actuals exactly as the benchmark scorer
 * (/work/shared/bench/score.py, see its docstring) does, so `npm run bench:forecast`
 * prints the same numbers: per-series MASE and SPL averaged over series, point metrics
 * pooled over all points, the scaling lag by the dataset's convention.
 */

export type ScaleConvention = 'season' | 'm4' | 'm5';

export interface ScoredSeries {
  id: string;
  train: Float64Array;
  actual: Float64Array;
  mean: Float64Array;
  /** The 7 quantile arrays (q05..q95). */
  quantiles: Float64Array[];
  /** Holiday weight per actual point (1 or 5) for WMAE; absent when the dataset has none. */
  weights?: Float64Array;
}

export interface DatasetScore {
  n: number;
  nScaleZero: number;
  mase: number;
  maseMedian: number;
  smape: number;
  wape: number;
  bias: number;
  rmsse: number;
  spl: number;
  coverage80: number;
  coverage90: number;
  wmae?: number;
}

/** The scaling lag of score.py: M4 weekly 1, M5 1 from the first non-zero, else the season. */
export function scaleConvention(datasetName: string, metaName: string, season: number, freq: string): { convention: ScaleConvention; lag: number } {
  const names = [datasetName, metaName].map((n) => n.toLowerCase().replace(/^holdout_/, ''));
  if (names.some((n) => n.startsWith('m4'))) {
    const m4Lags: Record<string, number> = { Y: 1, A: 1, Q: 4, M: 12, W: 1, D: 1, H: 24 };
    return { convention: 'm4', lag: m4Lags[freq.toUpperCase().slice(0, 1)] ?? 1 };
  }
  if (names.some((n) => n.startsWith('m5'))) return { convention: 'm5', lag: 1 };
  return { convention: 'season', lag: season };
}

export function seriesScale(train: Float64Array, lag: number, convention: ScaleConvention): { mae: number; mse: number } {
  let y = train;
  let k = lag;
  if (convention === 'm5') {
    let first = 0;
    while (first < y.length && y[first] === 0) first++;
    if (first < y.length) y = y.subarray(first);
  }
  if (convention === 'season' && y.length <= k) k = 1;
  if (y.length <= k) return { mae: NaN, mse: NaN };
  let abs = 0;
  let sq = 0;
  for (let t = k; t < y.length; t++) {
    const d = y[t]! - y[t - k]!;
    abs += Math.abs(d);
    sq += d * d;
  }
  return { mae: abs / (y.length - k), mse: sq / (y.length - k) };
}

export function scoreDataset(series: readonly ScoredSeries[], lag: number, convention: ScaleConvention): DatasetScore {
  const mase: number[] = [];
  const rmsse: number[] = [];
  const spl: number[] = [];
  let points = 0;
  let smapeTotal = 0;
  let absError = 0;
  let absActual = 0;
  let error = 0;
  let actualTotal = 0;
  let covered80 = 0;
  let covered90 = 0;
  let weighted = 0;
  let weightTotal = 0;
  let hasWeights = false;
  let scaleZero = 0;
  for (const s of series) {
    const { mae: scale, mse: scale2 } = seriesScale(s.train, lag, convention);
    let seriesAbs = 0;
    let seriesSq = 0;
    let seriesPinball = 0;
    const h = s.actual.length;
    for (let i = 0; i < h; i++) {
      const y = s.actual[i]!;
      const f = s.mean[i]!;
      const e = f - y;
      const ae = Math.abs(e);
      const denominator = Math.abs(y) + Math.abs(f);
      smapeTotal += denominator > 0 ? (200 * ae) / denominator : 0;
      absError += ae;
      absActual += Math.abs(y);
      error += e;
      actualTotal += y;
      seriesAbs += ae;
      seriesSq += e * e;
      let pin = 0;
      for (let k = 0; k < PINBALL_LEVELS.length; k++) pin += pinballLoss(y, s.quantiles[PINBALL_INDEX[k]!]![i]!, PINBALL_LEVELS[k]!);
      seriesPinball += pin / PINBALL_LEVELS.length;
      if (y >= s.quantiles[1]![i]! && y <= s.quantiles[5]![i]!) covered80++;
      if (y >= s.quantiles[0]![i]! && y <= s.quantiles[6]![i]!) covered90++;
      if (s.weights) {
        hasWeights = true;
        weighted += s.weights[i]! * ae;
        weightTotal += s.weights[i]!;
      }
      points++;
    }
    if (scale > 0 && Number.isFinite(scale)) {
      mase.push(seriesAbs / h / scale);
      rmsse.push(Math.sqrt(seriesSq / h / scale2));
      spl.push(seriesPinball / h / scale);
    } else scaleZero++;
  }
  const average = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const sorted = Float64Array.from(mase).sort();
  const mid = sorted.length / 2;
  const score: DatasetScore = {
    n: series.length,
    nScaleZero: scaleZero,
    mase: average(mase),
    maseMedian: sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    smape: smapeTotal / points,
    wape: absActual > 0 ? absError / absActual : NaN,
    bias: actualTotal !== 0 ? error / actualTotal : NaN,
    rmsse: average(rmsse),
    spl: average(spl),
    coverage80: covered80 / points,
    coverage90: covered90 / points,
  };
  if (hasWeights) score.wmae = weighted / weightTotal;
  return score;
}

/** The runners' deterministic subsample (score.py select_ids): sorted ids, indices floor(i*n/limit). */
export function selectIds(ids: readonly string[], limit: number | undefined): string[] {
  const sorted = [...new Set(ids)].sort();
  const n = sorted.length;
  if (!limit || limit <= 0 || limit >= n) return sorted;
  return Array.from({ length: limit }, (_, i) => sorted[Math.floor((i * n) / limit)]!);
}
