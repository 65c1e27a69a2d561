/**
 * Training rows over a whole panel for the direct multi-step strategy. Every known
 * target period t gets rows for a few steps h drawn from 1..H (origin t − h + 1), so the
 * row count stays a small multiple of the panel size. The final H periods of every
 * series are held out in time order: the rows from origin n − H for h = 1..H are the
 * validation set, which is exactly the forecast the model would have made there.
 */
import type { Rng } from '../../types';
import { featureNames } from './spec';
import type { FeatureSpec } from './spec';
import { writeFeatureRow } from './rows';
import type { SeriesState } from './series-state';

export interface RowSet {
  /** Row-major features, nRows × nFeatures. */
  X: Float32Array;
  /** Target scaled by the row's origin level. */
  y: Float64Array;
  nRows: number;
  nFeatures: number;
  /** Index of each row's series in the panel, its origin, its step h and its level. */
  seriesIndex: Uint32Array;
  origin: Int32Array;
  step: Int32Array;
  level: Float64Array;
}

export interface DatasetOptions {
  horizon: number;
  /** Hold out the final `horizon` periods of every series for validation. */
  holdOut: boolean;
  /** Steps h drawn (without replacement) per training target; H means all. */
  stepsPerTarget: number;
  /** An origin needs at least this many known periods before it. */
  minContext: number;
  /** Most recent target periods used per series for training. */
  maxTargetsPerSeries: number;
  /**
   * Scaled targets are clipped to [-targetClip, targetClip]: a sale many times the
   * local level (a first order after months of nothing, a bulk return) would otherwise
   * dominate a squared-error fit.
   */
  targetClip: number;
  /**
   * Most training rows drawn from the whole panel: beyond it every row is kept with the same
   * probability (seeded), so the training cost stops growing with the number of series.
   */
  maxRows?: number;
  /** Most series whose final window forms the validation rows (a seeded sample beyond it). */
  maxValidSeries?: number;
  rng: Rng;
}

export interface PanelDataset {
  featureNames: string[];
  train: RowSet;
  /** Rows from origin n − H (only with holdOut), in series order then h. */
  valid: RowSet | undefined;
}

interface RowPlan {
  series: number[];
  origin: number[];
  step: number[];
}

export function buildPanelDataset(spec: FeatureSpec, states: SeriesState[], options: DatasetOptions): PanelDataset {
  const names = featureNames(spec);
  const { horizon: H, holdOut, minContext, maxTargetsPerSeries, rng } = options;
  const stepsPerTarget = Math.max(1, Math.min(H, options.stepsPerTarget));
  const trainPlan: RowPlan = { series: [], origin: [], step: [] };
  const validPlan: RowPlan = { series: [], origin: [], step: [] };
  const steps = Int32Array.from({ length: H }, (_, i) => i + 1);
  const firstTarget = (state: SeriesState) => Math.max(minContext, (holdOut ? state.length - H : state.length) - maxTargetsPerSeries);
  let targets = 0;
  for (const state of states) targets += Math.max(0, (holdOut ? state.length - H : state.length) - firstTarget(state));
  // Share of rows kept; 1 (no draws, the same rows as without a cap) when the panel is small enough.
  const keepRow = options.maxRows !== undefined && targets * stepsPerTarget > options.maxRows ? options.maxRows / (targets * stepsPerTarget) : 1;
  const keepValid = options.maxValidSeries !== undefined && states.length > options.maxValidSeries ? options.maxValidSeries / states.length : 1;
  // With a cap, every (target, step slot) is kept with probability keepRow; the gaps between
  // kept slots are drawn directly (geometric), so the cost follows the rows kept, not the panel.
  const nextGap = () => (keepRow < 1 ? Math.floor(Math.log(1 - rng()) / Math.log(1 - keepRow)) : 0);
  let gap = nextGap();
  states.forEach((state, s) => {
    const n = state.length;
    const end = holdOut ? n - H : n;
    const values = state.values;
    for (let t = firstTarget(state); t < end; t++) {
      if (values[t] !== values[t]) continue;
      if (gap >= stepsPerTarget) {
        gap -= stepsPerTarget;
        continue;
      }
      drawSteps(steps, stepsPerTarget, rng);
      for (let j = 0; j < stepsPerTarget; j++) {
        if (gap > 0) {
          gap--;
          continue;
        }
        gap = nextGap();
        const h = steps[j]!;
        const origin = t - h + 1;
        if (origin < minContext) continue;
        trainPlan.series.push(s);
        trainPlan.origin.push(origin);
        trainPlan.step.push(h);
      }
    }
    if (holdOut && end >= minContext && (keepValid >= 1 || rng() < keepValid)) {
      for (let h = 1; h <= H; h++) {
        if (values[end + h - 1] !== values[end + h - 1]) continue;
        validPlan.series.push(s);
        validPlan.origin.push(end);
        validPlan.step.push(h);
      }
    }
  });
  const train = fillRows(spec, states, trainPlan, names.length, options.targetClip);
  const valid = holdOut && validPlan.series.length > 0 ? fillRows(spec, states, validPlan, names.length, options.targetClip) : undefined;
  return { featureNames: names, train, valid };
}

/** Puts `count` distinct steps at the front of `steps` (partial Fisher–Yates). */
function drawSteps(steps: Int32Array, count: number, rng: Rng): void {
  if (count >= steps.length) return;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (steps.length - i));
    const tmp = steps[i]!;
    steps[i] = steps[j]!;
    steps[j] = tmp;
  }
}

function fillRows(spec: FeatureSpec, states: SeriesState[], plan: RowPlan, nFeatures: number, targetClip: number): RowSet {
  const nRows = plan.series.length;
  const set: RowSet = {
    X: new Float32Array(nRows * nFeatures),
    y: new Float64Array(nRows),
    nRows,
    nFeatures,
    seriesIndex: Uint32Array.from(plan.series),
    origin: Int32Array.from(plan.origin),
    step: Int32Array.from(plan.step),
    level: new Float64Array(nRows),
  };
  for (let row = 0; row < nRows; row++) {
    const state = states[plan.series[row]!]!;
    const origin = plan.origin[row]!;
    const h = plan.step[row]!;
    const level = writeFeatureRow(spec, state, origin, h, set.X, row * nFeatures);
    const target = state.values[origin + h - 1]!;
    set.y[row] = Math.max(-targetClip, Math.min(targetClip, target / level));
    set.level[row] = level;
  }
  return set;
}
