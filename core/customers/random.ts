import type { Rng } from '../forecast/types';
import { seedFor, seededRng } from '../forecast/kernels/rng';
import { fastNormalQuantile, fastNormalSurvival } from './special';

/** The one seeded generator of the app (mulberry32; core/forecast/kernels/rng.ts). */
export const createRng: (seed: number) => Rng = seededRng;

/** A stable 32-bit hash of a string (FNV-1a), to derive per-customer seeds from keys. */
export function hashString(text: string): number {
  return seedFor(text, 0);
}

/** Uniform in the open interval (0, 1), never exactly 0. */
export function uniformOpen(rng: Rng): number {
  let u = rng();
  while (u <= 0) u = rng();
  return u;
}

/** Standard normal by inversion (keeps one uniform per draw, so streams stay aligned). */
export function standardNormal(rng: Rng): number {
  return fastNormalQuantile(uniformOpen(rng));
}

/**
 * Standard normal conditioned on Z ≥ lower, by inversion on the side of the smaller tail so
 * that truncation far in the upper tail stays accurate. `upperTail` = 1 − Φ(lower) may be
 * passed when the caller already knows it (it is the costly part).
 */
export function truncatedStandardNormalAbove(rng: Rng, lower: number, upperTail: number = fastNormalSurvival(lower)): number {
  if (lower === -Infinity) return standardNormal(rng);
  const u = uniformOpen(rng);
  if (lower > 0) {
    // Z = −Φ⁻¹(u·(1 − Φ(lower))): uniform over the upper tail measured from the far end.
    if (upperTail <= 0) return lower;
    return Math.max(lower, -fastNormalQuantile(u * upperTail));
  }
  const base = 1 - upperTail;
  return Math.max(lower, fastNormalQuantile(base + u * (1 - base)));
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3); shape < 1 uses the boost Gamma(a) = Gamma(a+1)·U^(1/a).
 */
export function gammaSample(rng: Rng, shape: number): number {
  if (shape < 1) return gammaSample(rng, shape + 1) * Math.pow(uniformOpen(rng), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniformOpen(rng);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) from two gammas. */
export function betaSample(rng: Rng, a: number, b: number): number {
  const x = gammaSample(rng, a);
  const y = gammaSample(rng, b);
  return x / (x + y);
}
