/**
 * Sample paths from per-period quantiles, for forecasts stored without paths. Each period
 * is drawn by inverting the piecewise-linear quantile function through the stored
 * quantiles (tails extended with the slope of the outer segments, never below 0).
 * Periods are drawn independently, which understates the spread of multi-period sums when
 * forecast errors persist; the engine's own sample paths are preferred whenever present.
 */
import { seededRng } from './stats';

export function pathsFromQuantiles(levels: readonly number[], quantiles: readonly Float64Array[], count: number, seed: number): Float64Array[] {
  const horizon = quantiles[0]?.length ?? 0;
  const rng = seededRng(seed);
  const paths: Float64Array[] = [];
  const k = levels.length;
  for (let p = 0; p < count; p++) {
    const path = new Float64Array(horizon);
    for (let t = 0; t < horizon; t++) {
      const u = rng();
      let j = 0;
      while (j < k - 2 && u > levels[j + 1]!) j++;
      const p0 = levels[j]!;
      const p1 = levels[j + 1]!;
      const q0 = quantiles[j]![t]!;
      const q1 = quantiles[j + 1]![t]!;
      const slope = p1 > p0 ? (q1 - q0) / (p1 - p0) : 0;
      path[t] = Math.max(0, q0 + slope * (u - p0));
    }
    paths.push(path);
  }
  return paths;
}
