import { describe, expect, it } from 'vitest';
import { runLocalCandidates } from '../../../../core/forecast/backtest';
import type { CandidateAddition } from '../../../../core/forecast/engine';
import { appendCandidates } from '../../../../core/forecast/engine';

const H = 3;
const ORIGINS = [20, 23, 26];
const y = Float64Array.from({ length: 26 }, (_, t) => 10 + (t % 4) + 0.5 * t);
const context = { season: 4, frequency: 'W' as const, allowNegative: false };

/** Forecasts of a global candidate: `level + step` at every origin but the first. */
function added(name: string, level: number): CandidateAddition {
  return {
    name,
    error: null,
    forecasts: [undefined, ...ORIGINS.slice(1).map(() => ({ mean: Float64Array.from({ length: H }, (_, i) => level + i), sd: Float64Array.of(1, 1, 1) }))],
  };
}

describe('appendCandidates', () => {
  it('gives the same runs whether the local runs left room for the global candidates or not', () => {
    const plain = runLocalCandidates(y, context, ORIGINS, H, ['naive', 'ses']);
    const roomy = runLocalCandidates(y, context, ORIGINS, H, ['naive', 'ses'], [], 0, 2);
    expect(Array.from(roomy.mean)).toEqual(Array.from(plain.mean));
    expect(roomy.valid.length).toBe(plain.valid.length);
    const additions = [added('g1', 100), added('g2', 200)];
    const a = appendCandidates(plain, additions);
    const b = appendCandidates(roomy, additions);
    // The room was used (same buffer) and the result is what a fresh copy gives.
    expect(b.mean.buffer).toBe(roomy.mean.buffer);
    expect(a.mean.buffer).not.toBe(plain.mean.buffer);
    for (const r of [a, b]) {
      expect(r.names).toEqual(['naive', 'ses', 'g1', 'g2']);
      expect(r.mean.length).toBe(4 * ORIGINS.length * H);
      // Global candidate 3 (g2) at origin 1, step 2; nothing at origin 0.
      expect(r.mean[3 * ORIGINS.length * H + 1 * H + 2]).toBe(202);
      expect(Array.from(r.valid.subarray(2 * ORIGINS.length))).toEqual([0, 1, 1, 0, 1, 1]);
      expect(r.errors.slice(2)).toEqual([null, null]);
    }
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.sd)).toEqual(Array.from(a.sd));
    // The room is taken once: appending to the same local runs again copies.
    const again = appendCandidates(roomy, [added('g3', 300)]);
    expect(again.mean.buffer).not.toBe(roomy.mean.buffer);
    expect(b.mean[2 * ORIGINS.length * H + H]).toBe(100);
  });
});
