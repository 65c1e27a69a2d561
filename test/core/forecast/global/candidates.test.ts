import { describe, expect, it } from 'vitest';
import type { GlobalBatchSeries } from '../../../../core/forecast/candidates';
import { gbdtCandidate, gbdtTrainRows } from '../../../../core/forecast/global/candidates';
import { gbdtForecastAcross, gbdtTaskPayload, runGbdtTask, unpackGbdtResult } from '../../../../core/forecast/global/gbdt-candidate';
import { getTask } from '../../../../core/jobs/tasks';
import '../../../../core/forecast/tasks';
import { profileSeries } from '../../../../core/forecast/profile';
import { syntheticPanel } from './synthetic';

const H = 6;

function batch(values: Float64Array[]): GlobalBatchSeries[] {
  return values.map((v, i) => ({
    id: `s${i}`,
    values: v,
    context: { season: 52, frequency: 'W', allowNegative: false, startDay: 14_644 },
    profile: profileSeries(v, 'W', 52),
    origins: [v.length - H - 4, v.length - H - 2, v.length - H],
    startPeriod: 0,
  }));
}

describe('global candidates for the forecast engine', () => {
  const candidate = gbdtCandidate({ model: { gbdt: { nTrees: 40, learningRate: 0.2, maxLeaves: 7 } }, minSeries: 5 });
  const panel = syntheticPanel(24, 110, 5).map((s) => s.values);

  it('forecasts every backtest origin and the end of every series', async () => {
    const forecasts = await candidate.forecastAcross(batch(panel), H, {});
    expect(forecasts).toHaveLength(24);
    for (const perOrigin of forecasts) {
      expect(perOrigin).toHaveLength(4);
      for (const f of perOrigin!) {
        expect(f!.mean).toHaveLength(H);
        expect(f!.sd).toHaveLength(H);
        for (let h = 0; h < H; h++) expect(f!.sd[h]!).toBeGreaterThan(0);
      }
      expect(perOrigin![3]!.description).toMatchObject({ trees: expect.any(Number) });
    }
  });

  it('does not let backtest forecasts see the periods they are scored on', async () => {
    const base = await candidate.forecastAcross(batch(panel), H, {});
    // Change everything from the first backtest origin on: forecasts from that origin must not move.
    const changed = panel.map((v) => {
      const c = v.slice();
      for (let t = v.length - H - 4; t < v.length; t++) c[t] = c[t]! * 3 + 50;
      return c;
    });
    const after = await candidate.forecastAcross(batch(changed), H, {});
    base.forEach((perOrigin, i) => expect(Array.from(after[i]![0]!.mean)).toEqual(Array.from(perOrigin![0]!.mean)));
    expect(Array.from(after[0]![3]!.mean)).not.toEqual(Array.from(base[0]![3]!.mean));
  });

  it('gives the same forecasts in a pool worker task as in process', async () => {
    const options = { gbdt: { nTrees: 30, learningRate: 0.2, maxLeaves: 7 }, maxTrainRows: 800 };
    const b = batch(panel);
    const inProcess = await gbdtForecastAcross(options, b, H, undefined, 5);
    const payload = gbdtTaskPayload(options, b, H, 5);
    const task = getTask('forecast.gbdt')!;
    // Through structured cloning, as a worker would see it.
    const result = structuredClone(await task(structuredClone(payload)));
    const viaTask = unpackGbdtResult(result as Awaited<ReturnType<typeof runGbdtTask>>, payload.origins, H);
    expect(viaTask).toHaveLength(inProcess.length);
    inProcess.forEach((perOrigin, i) => {
      perOrigin!.forEach((f, o) => {
        expect(Array.from(viaTask[i]![o]!.mean)).toEqual(Array.from(f!.mean));
        expect(Array.from(viaTask[i]![o]!.sd)).toEqual(Array.from(f!.sd));
      });
    });
    expect(viaTask[0]![3]!.description).toMatchObject({ trees: expect.any(Number) });
    // Below minSeries: nothing, either way.
    const few = unpackGbdtResult(await runGbdtTask(gbdtTaskPayload(options, b.slice(0, 3), H, 5)), payload.origins.slice(0, 3), H);
    expect(few).toEqual([undefined, undefined, undefined]);
  });

  it('skips runs with too few series and short histories', async () => {
    const few = await candidate.forecastAcross(batch(panel.slice(0, 3)), H, {});
    expect(few).toEqual([undefined, undefined, undefined]);
    const situation = { id: 'short', profile: profileSeries(new Float64Array(10).fill(3), 'W', 52), context: { season: 52, frequency: 'W' as const, allowNegative: false }, horizon: H, origins: [] };
    expect(candidate.appliesTo(situation)).toBe(false);
  });

  it('trains on rows in proportion to the panel, between 20,000 and the cap', () => {
    expect(gbdtTrainRows(1)).toBe(20_000);
    expect(gbdtTrainRows(350)).toBe(21_000);
    expect(gbdtTrainRows(700)).toBe(42_000);
    expect(gbdtTrainRows(2_015)).toBe(50_000);
    expect(gbdtTrainRows(10_000, 80_000)).toBe(80_000);
    for (let n = 1; n < 3_000; n += 37) expect(gbdtTrainRows(n + 37)).toBeGreaterThanOrEqual(gbdtTrainRows(n));
  });
});
