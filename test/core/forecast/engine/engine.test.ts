import { afterAll, describe, expect, it } from 'vitest';
import type { GlobalCandidate } from '../../../../core/forecast/candidates';
import { forecastMany } from '../../../../core/forecast/engine';
import type { SeriesInput } from '../../../../core/forecast/engine';
import { defaultCandidates } from '../../../../core/forecast/engine/prepare';
import { seededRng } from '../../../../core/forecast/kernels/rng';
import { WorkerPool } from '../../../../core/jobs/pool';
import type { Progress } from '../../../../core/jobs/progress';

const H = 8;

function syntheticSeries(): SeriesInput[] {
  const rng = seededRng(11);
  const noise = () => rng() - 0.5;
  const out: SeriesInput[] = [];
  for (let s = 0; s < 12; s++) {
    const level = 20 + 10 * s;
    out.push({
      id: `seasonal-${s}`,
      values: Float64Array.from({ length: 156 }, (_, t) => Math.max(0, Math.round(level * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 52.18)) * (1 + 0.2 * noise())))),
    });
  }
  for (let s = 0; s < 5; s++) out.push({ id: `sparse-${s}`, values: Float64Array.from({ length: 100 }, () => (rng() < 0.2 ? 1 + Math.floor(rng() * 4) : 0)) });
  out.push({ id: 'zero', values: new Float64Array(60) });
  out.push({ id: 'one-point', values: Float64Array.from([4]) });
  out.push({ id: 'returns', values: Float64Array.from({ length: 80 }, (_, t) => (t % 13 === 0 ? -30 : 100 + 10 * noise())) });
  out.push({ id: 'missing', values: Float64Array.from({ length: 90 }, (_, t) => (t % 17 === 5 ? NaN : 50 + 5 * noise())) });
  out.push({ id: 'dead', values: Float64Array.from({ length: 90 }, (_, t) => (t < 50 ? 5 : 0)) });
  return out;
}

function expectSound(result: Awaited<ReturnType<typeof forecastMany>>, inputs: SeriesInput[]): void {
  expect(result.series).toHaveLength(inputs.length);
  result.series.forEach((s, i) => {
    const negative = inputs[i]!.values.some((v) => v < 0);
    expect(s.id).toBe(inputs[i]!.id);
    expect(s.models.length).toBeGreaterThan(0);
    expect(s.mean).toHaveLength(H);
    expect(s.quantiles).toHaveLength(7);
    for (let step = 0; step < H; step++) {
      expect(Number.isFinite(s.mean[step]!), s.id).toBe(true);
      if (!negative) expect(s.mean[step]!, s.id).toBeGreaterThanOrEqual(0);
      for (let k = 0; k < 7; k++) {
        const q = s.quantiles[k]![step]!;
        expect(Number.isFinite(q), s.id).toBe(true);
        if (!negative) expect(q, s.id).toBeGreaterThanOrEqual(0);
        if (k > 0) expect(q, s.id).toBeGreaterThanOrEqual(s.quantiles[k - 1]![step]!);
      }
    }
  });
}

describe('forecastMany', () => {
  const inputs = syntheticSeries();
  const options = { horizon: H, season: 52, frequency: 'W' as const };
  const pool = new WorkerPool(2);
  afterAll(() => pool.close());

  it('forecasts every series with sound quantiles, metrics and classification', async () => {
    const progress: Progress[] = [];
    const result = await forecastMany(inputs, options, { onProgress: (p) => progress.push(p) });
    expectSound(result, inputs);
    const byId = new Map(result.series.map((s) => [s.id, s]));
    expect(byId.get('zero')!.quantiles.every((q) => q.every((v) => v === 0))).toBe(true);
    expect(byId.get('sparse-0')!.pattern).toMatch(/intermittent|lumpy/);
    expect(byId.get('sparse-0')!.distribution).toBe('count');
    expect(byId.get('seasonal-3')!.pattern).toBe('smooth');
    expect(byId.get('dead')!.isDead).toBe(true);
    const seasonal = byId.get('seasonal-5')!;
    expect(seasonal.metrics.points).toBeGreaterThan(0);
    for (const key of ['mase', 'spl', 'wape', 'bias', 'coverage80', 'naiveMase'] as const) expect(Number.isFinite(seasonal.metrics[key]), key).toBe(true);
    // A seasonal series forecast by seasonal models beats naive on its own backtest.
    expect(seasonal.metrics.mase).toBeLessThan(seasonal.metrics.naiveMase);
    for (const model of seasonal.models) expect(Object.keys(seasonal.params)).toContain(model);
    expect([...new Set(progress.map((p) => p.stepName))]).toEqual(['prepare', 'backtest', 'global', 'select', 'forecast']);
  });

  it('is deterministic and gives the same results in worker threads as in-process', async () => {
    const inline = await forecastMany(inputs, options);
    const again = await forecastMany(inputs, options);
    const pooled = await forecastMany(inputs, { ...options, runner: pool });
    const flat = (r: typeof inline) => r.series.map((s) => [s.models, Array.from(s.mean), s.quantiles.map((q) => Array.from(q))]);
    expect(flat(again)).toEqual(flat(inline));
    expect(flat(pooled)).toEqual(flat(inline));
  });

  it('gives sample paths whose step marginals follow the quantiles', async () => {
    const result = await forecastMany(inputs.slice(0, 3), { ...options, paths: 400, seed: 5 });
    for (const s of result.series) {
      expect(s.paths).toHaveLength(400);
      for (let step = 0; step < H; step++) {
        const values = s.paths!.map((p) => p[step]!).sort((a, b) => a - b);
        const median = values[200]!;
        expect(median).toBeGreaterThanOrEqual(s.quantiles[2]![step]!);
        expect(median).toBeLessThanOrEqual(s.quantiles[4]![step]!);
        expect(values[0]!).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('falls back to a simpler model, and says why, when the chosen model fails at the end', async () => {
    // A global candidate that is perfect on every backtest window (it peeks at the actuals)
    // gets chosen, then has no final forecast: every series it applies to must fall back.
    const peeking: GlobalCandidate = {
      kind: 'global',
      name: 'peeking',
      complexity: 9,
      seasonal: true,
      appliesTo: (s) => s.profile.length > 120,
      async forecastAcross(batch, horizon) {
        return batch.map((s) =>
          s.applies
            ? [...s.origins.map((o) => ({ mean: Float64Array.from({ length: horizon }, (_, i) => s.values[o + i] ?? 0), sd: new Float64Array(horizon).fill(1) })), undefined]
            : undefined,
        );
      },
    };
    const subset = inputs.slice(0, 6);
    const result = await forecastMany(subset, { ...options, candidates: [...defaultCandidates(), peeking] });
    expectSound(result, subset);
    expect(result.fallbacks).toBe(subset.length);
    for (const s of result.series) {
      expect(s.fallback!.intended).toContain('peeking');
      expect(s.fallback!.reason).toMatch(/peeking: no forecast from the end of the history/);
      expect(s.models).not.toContain('peeking');
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(forecastMany(inputs, options, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('rejects a horizon that is not a positive whole number', async () => {
    await expect(forecastMany(inputs, { ...options, horizon: 0 })).rejects.toThrow(/horizon/);
  });
});

describe('backtest windows of the chosen forecast', () => {
  it('sit where the history was cut, in the input’s own period indices (leading zeros dropped by the engine included)', async () => {
    const naiveOnly = defaultCandidates().filter((c) => c.name === 'naive');
    // Five leading zeros, then a ramp 1, 2, 3, …: the naive forecast from an origin repeats the value just before it.
    const values = Float64Array.from({ length: 65 }, (_, t) => (t < 5 ? 0 : t - 4));
    const result = await forecastMany([{ id: 'ramp', values }], { horizon: 4, season: 52, frequency: 'W', candidates: naiveOnly });
    const windows = result.series[0]!.backtest;
    expect(windows.length).toBeGreaterThanOrEqual(3);
    for (const w of windows) {
      expect(w.start + w.mean.length).toBeLessThanOrEqual(values.length);
      expect(Array.from(w.mean)).toEqual(Array.from(w.mean, () => values[w.start - 1]));
    }
    expect(windows.map((w) => w.start)).toEqual([...windows.map((w) => w.start)].sort((a, b) => a - b));
  });
});
