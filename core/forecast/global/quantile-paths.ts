/**
 * Sample paths from per-step quantiles, for models that forecast quantiles directly.
 * Each path draws one standard-normal AR(1) sequence (correlation `rho` between
 * neighbouring steps, so a high week tends to follow a high week) and maps it through
 * each step's quantile function: linear between the seven levels, extended linearly
 * with the outer slopes beyond 0.05 and 0.95.
 */
import type { Rng } from '../types';
import { QUANTILE_LEVELS } from '../types';
import { normalDraw } from './random';

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Value of the piecewise-linear quantile function through (QUANTILE_LEVELS, q) at level u. */
export function interpolateQuantile(q: ArrayLike<number>, u: number): number {
  const levels: readonly number[] = QUANTILE_LEVELS;
  const last = levels.length - 1;
  if (u <= levels[0]!) {
    const slope = (q[1]! - q[0]!) / (levels[1]! - levels[0]!);
    return q[0]! - slope * (levels[0]! - u);
  }
  if (u >= levels[last]!) {
    const slope = (q[last]! - q[last - 1]!) / (levels[last]! - levels[last - 1]!);
    return q[last]! + slope * (u - levels[last]!);
  }
  let j = 0;
  while (u > levels[j + 1]!) j++;
  const w = (u - levels[j]!) / (levels[j + 1]! - levels[j]!);
  return q[j]! + w * (q[j + 1]! - q[j]!);
}

export function pathsFromQuantiles(quantiles: Float64Array[], count: number, allowNegative: boolean, rng: Rng, rho = 0.5): Float64Array[] {
  const h = quantiles[0]?.length ?? 0;
  const column = new Float64Array(quantiles.length);
  const innovation = Math.sqrt(1 - rho * rho);
  const paths: Float64Array[] = [];
  for (let p = 0; p < count; p++) {
    const path = new Float64Array(h);
    let z = normalDraw(rng);
    for (let step = 0; step < h; step++) {
      if (step > 0) z = rho * z + innovation * normalDraw(rng);
      for (let j = 0; j < column.length; j++) column[j] = quantiles[j]![step]!;
      const value = interpolateQuantile(column, normalCdf(z));
      path[step] = allowNegative ? value : Math.max(0, value);
    }
    paths.push(path);
  }
  return paths;
}
