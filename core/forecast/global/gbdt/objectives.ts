/**
 * Boosting objectives: gradient and hessian of the loss with respect to the raw score,
 * the constant initial score, the mean loss (for validation curves) and the link.
 */
import { quantileOfSorted } from '../stats';

export type ObjectiveSpec =
  | { kind: 'squared' }
  /** Pinball loss at level alpha; leaf values are refit to the alpha-quantile of residuals. */
  | { kind: 'quantile'; alpha: number }
  /** Poisson deviance with a log link (count-aware); targets must be >= 0. */
  | { kind: 'poisson' };

export interface Objective {
  spec: ObjectiveSpec;
  /** The hessian is 1 for every row (lets histograms skip the hessian sum). */
  constantHessian: boolean;
  initScore(y: Float64Array, rows: Uint32Array): number;
  gradients(y: Float64Array, score: Float64Array, grad: Float64Array, hess: Float64Array): void;
  /** Mean loss over the given rows, on the response scale. */
  loss(y: Float64Array, score: Float64Array, rows?: Uint32Array): number;
  /** Score → prediction (identity, or exp for the log link). */
  link: 'identity' | 'exp';
}

/** Poisson hessians use exp(score + this) as LightGBM does, to keep early leaf steps small. */
const POISSON_MAX_DELTA_STEP = 0.7;

export function makeObjective(spec: ObjectiveSpec): Objective {
  switch (spec.kind) {
    case 'squared':
      return {
        spec,
        constantHessian: true,
        link: 'identity',
        initScore: (y, rows) => meanOver(y, rows),
        gradients(y, score, grad, hess) {
          for (let i = 0; i < y.length; i++) {
            grad[i] = score[i]! - y[i]!;
            hess[i] = 1;
          }
        },
        loss: (y, score, rows) => meanLoss(y, score, rows, (t, p) => (p - t) * (p - t)),
      };
    case 'quantile': {
      const alpha = spec.alpha;
      if (!(alpha > 0 && alpha < 1)) throw new RangeError(`quantile alpha must be in (0, 1), got ${alpha}`);
      return {
        spec,
        constantHessian: true,
        link: 'identity',
        initScore(y, rows) {
          const values = Float64Array.from(rows, (r) => y[r]!).sort();
          return quantileOfSorted(values, alpha);
        },
        gradients(y, score, grad, hess) {
          // d/ds of the pinball loss: -alpha below the target, 1 - alpha above it.
          for (let i = 0; i < y.length; i++) {
            grad[i] = score[i]! >= y[i]! ? 1 - alpha : -alpha;
            hess[i] = 1;
          }
        },
        loss: (y, score, rows) => meanLoss(y, score, rows, (t, p) => (t >= p ? alpha * (t - p) : (1 - alpha) * (p - t))),
      };
    }
    case 'poisson':
      return {
        spec,
        constantHessian: false,
        link: 'exp',
        initScore(y, rows) {
          const mean = meanOver(y, rows);
          return Math.log(Math.max(mean, 1e-9));
        },
        gradients(y, score, grad, hess) {
          for (let i = 0; i < y.length; i++) {
            const mu = Math.exp(score[i]!);
            grad[i] = mu - y[i]!;
            hess[i] = mu * Math.exp(POISSON_MAX_DELTA_STEP);
          }
        },
        // Poisson deviance / 2 without the y·log y term's constant: mu - y·log(mu) + y·log(y) - y.
        loss: (y, score, rows) =>
          meanLoss(y, score, rows, (t, s) => {
            const mu = Math.exp(s);
            return mu - t * s + (t > 0 ? t * Math.log(t) - t : 0);
          }),
      };
  }
}

export function checkTargets(spec: ObjectiveSpec, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`target ${i} is not a finite number (${v})`);
    if (spec.kind === 'poisson' && v < 0) throw new RangeError(`the poisson objective needs targets >= 0; target ${i} is ${v}`);
  }
}

function meanOver(y: Float64Array, rows: Uint32Array): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += y[rows[i]!]!;
  return rows.length > 0 ? sum / rows.length : 0;
}

function meanLoss(y: Float64Array, score: Float64Array, rows: Uint32Array | undefined, loss: (t: number, s: number) => number): number {
  let sum = 0;
  if (rows) {
    for (let i = 0; i < rows.length; i++) sum += loss(y[rows[i]!]!, score[rows[i]!]!);
    return rows.length > 0 ? sum / rows.length : 0;
  }
  for (let i = 0; i < y.length; i++) sum += loss(y[i]!, score[i]!);
  return y.length > 0 ? sum / y.length : 0;
}
