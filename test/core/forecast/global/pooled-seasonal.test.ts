import { describe, expect, it } from 'vitest';
import type { GlobalBatchSeries, TaskRunnerLike } from '../../../../core/forecast/candidates';
import fc from 'fast-check';
import { lowRankProjector, MAX_POOLED_SEASON, pooledSeasonal, shrink } from '../../../../core/forecast/global/pooled-seasonal';
import { profileSeries } from '../../../../core/forecast/profile';
import { getTask } from '../../../../core/jobs/tasks';
import '../../../../core/forecast/tasks';
import { syntheticPanel } from './synthetic';

const H = 6;
const M = 12;

/** Runs registered pool tasks in this thread, through structured cloning both ways as a worker would. */
const clonedTaskRunner: TaskRunnerLike & { calls: number } = {
  size: 2,
  calls: 0,
  async run<R>(name: string, payload: unknown): Promise<R> {
    this.calls++;
    const task = getTask(name);
    if (!task) throw new Error(`no task ${name}`);
    return structuredClone(await task(structuredClone(payload))) as R;
  },
};

function batch(): GlobalBatchSeries[] {
  const panel = syntheticPanel(14, 80, 3).map((s) => s.values);
  // One series too short for a profile at its first origin, one the candidate does not apply to.
  panel.push(panel[0]!.slice(52));
  return panel.map((values, i) => ({
    id: `s${i}`,
    values,
    context: { season: M, frequency: 'M' as const, allowNegative: false },
    profile: profileSeries(values, 'M', M),
    origins: [values.length - H - 4, values.length - H - 2, values.length - H],
    startPeriod: 600 - values.length,
    applies: i !== 3,
  }));
}

describe('pooled seasonal candidate', () => {
  it('gives the same forecasts with its fits spread over pool tasks as in process', async () => {
    const inProcess = await pooledSeasonal.forecastAcross(batch(), H, {});
    const viaPool = await pooledSeasonal.forecastAcross(batch(), H, { runner: clonedTaskRunner });
    expect(clonedTaskRunner.calls).toBeGreaterThan(1);
    expect(viaPool).toHaveLength(inProcess.length);
    expect(inProcess[3]).toBeUndefined();
    expect(viaPool[3]).toBeUndefined();
    let forecasts = 0;
    inProcess.forEach((perCut, i) => {
      perCut?.forEach((f, k) => {
        const other = viaPool[i]![k];
        if (!f) return expect(other).toBeUndefined();
        forecasts++;
        expect(Array.from(other!.mean)).toEqual(Array.from(f.mean));
        expect(Array.from(other!.sd)).toEqual(Array.from(f.sd));
        expect(other!.description).toEqual(f.description);
      });
    });
    // Every applicable series forecasts from its end; the short one has no profile at its first cut.
    expect(forecasts).toBeGreaterThan(13 * 3);
    expect(inProcess[14]![0]).toBeUndefined();
    expect(inProcess[14]![3]).toBeDefined();
    expect(await pooledSeasonal.forecastAcross([], H, { runner: clonedTaskRunner })).toEqual([]);
  });
});

describe('pooled seasonal candidate: which series it takes', () => {
  it('takes seasons from 4 up to MAX_POOLED_SEASON only (an m x m eigen-decomposition per cut)', () => {
    const values = Float64Array.from({ length: 2000 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 7) + (t % 3));
    const situation = (season: number) => ({
      id: 'x',
      profile: profileSeries(values, 'D', season),
      context: { season, frequency: 'D' as const, allowNegative: false },
      horizon: 28,
      origins: [1900, 1920, 1940],
    });
    expect(pooledSeasonal.appliesTo(situation(7))).toBe(true);
    expect(pooledSeasonal.appliesTo(situation(MAX_POOLED_SEASON))).toBe(true);
    expect(pooledSeasonal.appliesTo(situation(MAX_POOLED_SEASON + 1))).toBe(false);
    expect(pooledSeasonal.appliesTo(situation(365))).toBe(false);
  });

  it('projects onto the two directions that carry the profiles (hand-worked rank 2)', () => {
    // Twelve profiles of length 3, each 1, 2 or 3 times (1, 0, 0) or (0, 1, 0): the variance lies in the
    // first two coordinates, so the projector keeps them and drops the third.
    const count = 12;
    const columns = new Float64Array(3 * count);
    for (let r = 0; r < count; r++) columns[(r % 2) * count + r] = 1 + (r % 3);
    const projector = lowRankProjector(columns, count, 3)!;
    expect(Array.from(projector)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0]);
    const shrunk = new Float64Array(3);
    shrink(projector, Float64Array.of(9, 2, 4, 6), 1, shrunk, 3);
    // Half the profile plus half its projection (2, 4, 0).
    expect(Array.from(shrunk)).toEqual([2, 4, 3]);
  });

  it('builds a symmetric idempotent projector and shrinks as the plain matrix product does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 10, max: 40 }), fc.integer({ min: 1, max: 1000 }), (m, count, seed) => {
        let state = seed;
        const next = () => ((state = (state * 16807) % 2147483647) / 2147483647) - 0.5;
        const columns = Float64Array.from({ length: m * count }, next);
        const projector = lowRankProjector(columns, count, m)!;
        for (let a = 0; a < m; a++) {
          for (let b = 0; b < m; b++) {
            expect(projector[a * m + b]).toBeCloseTo(projector[b * m + a]!, 10);
            let square = 0;
            for (let k = 0; k < m; k++) square += projector[a * m + k]! * projector[k * m + b]!;
            expect(square).toBeCloseTo(projector[a * m + b]!, 8);
          }
        }
        const own = Float64Array.from({ length: m + 2 }, next);
        const shrunk = new Float64Array(m);
        shrink(projector, own, 2, shrunk, m);
        for (let a = 0; a < m; a++) {
          let projected = 0;
          for (let b = 0; b < m; b++) projected += projector[a * m + b]! * own[2 + b]!;
          expect(shrunk[a]).toBe(0.5 * own[2 + a]! + 0.5 * projected);
        }
      }),
      { numRuns: 40 },
    );
  });
});
