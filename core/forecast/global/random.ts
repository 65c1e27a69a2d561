import type { Rng } from '../types';

// One seeded generator for the whole app: the forecast kernels' mulberry32.
export { normalDraw, seededRng } from '../kernels/rng';

/** Fisher–Yates shuffle of `values` in place. */
export function shuffleInPlace(values: Uint32Array | Int32Array, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = values[i]!;
    values[i] = values[j]!;
    values[j] = tmp;
  }
}

/** Derives an independent seed for a sub-task (tree k, quantile q …) from a base seed. */
export function deriveSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
