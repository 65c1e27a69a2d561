import type { Rng } from '../types';

/**
 * Seeded uniform generator (mulberry32, Tommy Ettinger's public-domain 32-bit mixer):
 * fast, 2^32 period, good enough for bootstraps and sample paths. Same seed, same stream.
 */
export function seededRng(seed: number): Rng {
  // The state in a typed array, not a captured `let`: a uint32 above 2^31 is no small
  // integer, so V8 boxed every other new state in a fresh heap number (garbage per draw).
  const state = new Uint32Array(1);
  state[0] = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state[0] = state[0]! + 0x6d2b79f5;
    let t = state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by the Box-Muller transform (one value per call; simple and exact). */
export function normalDraw(rng: Rng): number {
  let u = rng();
  while (u <= 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A seed derived from a string id and a base seed (FNV-1a), so each series gets its own stream. */
export function seedFor(id: string, base: number): number {
  let h = 0x811c9dc5 ^ (base >>> 0);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
