import { describe, expect, it } from 'vitest';
import type { GlobalBatchSeries, TaskRunnerLike } from '../../../../core/forecast/candidates';
import { MAX_POOLED_SEASON, pooledSeasonal } from '../../../../core/forecast/global/pooled-seasonal';
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
});
