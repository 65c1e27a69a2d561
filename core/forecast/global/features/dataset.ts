/**
 * Training rows over a whole panel: one row per (series, period) with a known target,
 * the most recent `validationPeriods` of every series set aside in time order for early
 * stopping, so validation rows are always later than the training rows of their series.
 */
import { featureNames } from './spec';
import type { FeatureSpec } from './spec';
import { writeFeatureRow } from './rows';
import type { SeriesState } from './series-state';

export interface RowSet {
  /** Row-major features, nRows × nFeatures. */
  X: Float32Array;
  /** Target scaled by the row's level. */
  y: Float64Array;
  nRows: number;
  nFeatures: number;
  /** Index of each row's series in the panel, its period and its level. */
  seriesIndex: Uint32Array;
  period: Int32Array;
  level: Float64Array;
}

export interface DatasetOptions {
  /** Periods at the end of every series held out for validation (0 = none). */
  validationPeriods: number;
  /** A target period needs at least this many periods before it. */
  minContext: number;
  /** Most recent rows kept per series (training and validation together). */
  maxRowsPerSeries: number;
  /**
   * Scaled targets are clipped to [-targetClip, targetClip]: a sale many times the
   * local level (a first order after months of nothing, a bulk return) would otherwise
   * dominate a squared-error fit.
   */
  targetClip: number;
}

export interface PanelDataset {
  featureNames: string[];
  train: RowSet;
  valid: RowSet | undefined;
}

export function buildPanelDataset(spec: FeatureSpec, states: SeriesState[], options: DatasetOptions): PanelDataset {
  const names = featureNames(spec);
  const nFeatures = names.length;
  const { validationPeriods, minContext, maxRowsPerSeries, targetClip } = options;
  const ranges = states.map((state) => {
    const n = state.length;
    const first = Math.max(minContext, n - maxRowsPerSeries, 0);
    const validFrom = Math.max(first, n - validationPeriods);
    return { first, validFrom, end: n };
  });
  const countKnown = (state: SeriesState, from: number, to: number) => state.count(from, to);
  let nTrain = 0;
  let nValid = 0;
  states.forEach((state, i) => {
    const r = ranges[i]!;
    nTrain += countKnown(state, r.first, r.validFrom);
    nValid += countKnown(state, r.validFrom, r.end);
  });
  const train = allocateRows(nTrain, nFeatures);
  const valid = validationPeriods > 0 ? allocateRows(nValid, nFeatures) : undefined;
  let iTrain = 0;
  let iValid = 0;
  states.forEach((state, s) => {
    const r = ranges[s]!;
    for (let t = r.first; t < r.end; t++) {
      const target = state.values[t]!;
      if (target !== target) continue;
      const set = t < r.validFrom ? train : valid;
      if (!set) continue;
      const row = t < r.validFrom ? iTrain++ : iValid++;
      const level = writeFeatureRow(spec, state, t, set.X, row * nFeatures);
      set.y[row] = Math.max(-targetClip, Math.min(targetClip, target / level));
      set.seriesIndex[row] = s;
      set.period[row] = t;
      set.level[row] = level;
    }
  });
  return { featureNames: names, train, valid: valid && valid.nRows > 0 ? valid : undefined };
}

function allocateRows(nRows: number, nFeatures: number): RowSet {
  return {
    X: new Float32Array(nRows * nFeatures),
    y: new Float64Array(nRows),
    nRows,
    nFeatures,
    seriesIndex: new Uint32Array(nRows),
    period: new Int32Array(nRows),
    level: new Float64Array(nRows),
  };
}
