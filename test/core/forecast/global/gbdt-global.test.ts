import { describe, expect, it } from 'vitest';
import { forecastGbdtGlobal, forecastGbdtGlobalWith } from '../../../../core/forecast/global/gbdt-forecast';
import { trainGbdtGlobal } from '../../../../core/forecast/global/gbdt-global';
import { createOnnxRunner } from '../../../../core/forecast/global/onnx/session';
import { exportGbdtToOnnx } from '../../../../core/forecast/global/onnx/tree-export';
import { QUANTILE_LEVELS } from '../../../../core/forecast/types';
import { syntheticPanel, truncated } from './synthetic';

const H = 13;
const panel = syntheticPanel(60, 150);
const history = truncated(panel, H);
const options = { frequency: 'W' as const, season: 52, horizon: H, gbdt: { nTrees: 120, learningRate: 0.1, maxLeaves: 15 }, seed: 3 };
const model = trainGbdtGlobal(history, options);

function meanAbsoluteError(forecast: Float64Array[], from: number): number {
  let sum = 0;
  let n = 0;
  panel.forEach((s, i) => {
    for (let h = 0; h < H; h++) {
      sum += Math.abs(s.values[from + h]! - forecast[i]![h]!);
      n++;
    }
  });
  return sum / n;
}

describe('global GBDT forecaster', () => {
  const forecasts = forecastGbdtGlobal(model, history, H, { paths: 50, seed: 4 });

  it('returns a full, ordered, non-negative distribution per series', () => {
    expect(forecasts).toHaveLength(history.length);
    for (const f of forecasts) {
      expect(f.mean).toHaveLength(H);
      expect(f.quantiles).toHaveLength(QUANTILE_LEVELS.length);
      expect(f.paths).toHaveLength(50);
      for (let h = 0; h < H; h++) {
        expect(Number.isFinite(f.mean[h]!)).toBe(true);
        for (let j = 1; j < f.quantiles.length; j++) expect(f.quantiles[j]![h]!).toBeGreaterThanOrEqual(f.quantiles[j - 1]![h]!);
        expect(f.quantiles[0]![h]!).toBeGreaterThanOrEqual(0);
        expect(f.sd![h]!).toBeGreaterThan(0);
        for (const path of f.paths!) expect(path[h]!).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('beats the seasonal naive forecast on held-out weeks', () => {
    const origin = 150 - H;
    const snaive = panel.map((s) => Float64Array.from({ length: H }, (_, h) => s.values[origin + h - 52]!));
    expect(meanAbsoluteError(forecasts.map((f) => f.mean), origin)).toBeLessThan(meanAbsoluteError(snaive, origin));
  });

  it('covers about 80% of held-out weeks with its 10%–90% interval', () => {
    const origin = 150 - H;
    let inside = 0;
    panel.forEach((s, i) => {
      for (let h = 0; h < H; h++) {
        const y = s.values[origin + h]!;
        if (y >= forecasts[i]!.quantiles[1]![h]! && y <= forecasts[i]!.quantiles[5]![h]!) inside++;
      }
    });
    const coverage = inside / (panel.length * H);
    expect(coverage).toBeGreaterThan(0.65);
    expect(coverage).toBeLessThan(0.95);
  });

  it('is reproducible with a seed', () => {
    const again = trainGbdtGlobal(history, options);
    const second = forecastGbdtGlobal(again, history, H);
    expect(Array.from(second[0]!.mean)).toEqual(Array.from(forecasts[0]!.mean));
    expect(again.booster.trees.length).toBe(model.booster.trees.length);
  });

  it('forecasts a series it was not trained on', () => {
    const unseen = syntheticPanel(1, 120, 99)[0]!;
    const [f] = forecastGbdtGlobal(model, [{ ...unseen, id: 'new' }], 5);
    expect(f!.mean).toHaveLength(5);
    const recent = unseen.values.subarray(100).reduce((a, b) => a + b, 0) / 20;
    expect(f!.mean[0]!).toBeGreaterThan(0.3 * recent);
    expect(f!.mean[0]!).toBeLessThan(3 * recent);
  });

  it('gives the same forecasts through onnxruntime (1e-6)', async () => {
    const runner = await createOnnxRunner(exportGbdtToOnnx(model.booster), model.featureNames.length, { inputType: 'float64' });
    const viaOnnx = await forecastGbdtGlobalWith(model, history, H, (X, n) => runner.run(X, n));
    await runner.release();
    viaOnnx.forEach((f, i) => {
      for (let h = 0; h < H; h++) {
        const expected = forecasts[i]!.mean[h]!;
        expect(Math.abs(f.mean[h]! - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
      }
    });
  });

  it('records validation scores and training facts', () => {
    expect(model.validation.series).toBe(60);
    expect(model.validation.points).toBe(60 * H);
    expect(model.validation.scaledMae).toBeLessThan(model.validation.naiveScaledMae);
    expect(model.training.trees).toBeGreaterThan(0);
    expect(model.booster.curve.validLoss.length).toBeGreaterThanOrEqual(model.training.trees);
  });

  it('explains bad input', () => {
    expect(() => trainGbdtGlobal([], options)).toThrow(/at least one series/);
    expect(() => trainGbdtGlobal([history[0]!, history[0]!], options)).toThrow(/"s000" appears twice/);
    expect(() => trainGbdtGlobal(history, { ...options, horizon: 0 })).toThrow(/horizon must be a whole number >= 1/);
    expect(() => forecastGbdtGlobal(model, [{ id: 'x', values: Float64Array.from([1, Infinity]) }], 3)).toThrow(/"x" has an infinite value at period 1/);
  });
});
