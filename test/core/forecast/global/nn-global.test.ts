import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../../core/forecast/global/backend';
import { SeriesState } from '../../../../core/forecast/global/features/series-state';
import type { NnGlobalModel } from '../../../../core/forecast/global/nn-global';
import { forecastNnGlobal, forecastNnGlobalWith, trainNnGlobal } from '../../../../core/forecast/global/nn-global';
import { defaultNnInputSpec, nnInputSize, writeNnInput } from '../../../../core/forecast/global/nn/inputs';
import { exportMlpToOnnx } from '../../../../core/forecast/global/onnx/mlp-export';
import { createOnnxRunner } from '../../../../core/forecast/global/onnx/session';
import { QUANTILE_LEVELS } from '../../../../core/forecast/types';
import { syntheticPanel, truncated } from './synthetic';

const H = 8;
const history = truncated(syntheticPanel(40, 140, 7), H);
let model: NnGlobalModel;

beforeAll(async () => {
  model = await trainNnGlobal(history, {
    frequency: 'W',
    season: 52,
    horizon: H,
    mlp: { hidden: [32], maxEpochs: 6, samplesPerEpoch: 3000, batchSize: 128 },
    seed: 2,
  });
}, 120_000);

describe('global neural forecaster', () => {
  it('trains on the selected backend and records it', async () => {
    expect(model.backend).toBe((await selectBackend()).chosen.id);
    expect(model.training.epochs).toBeGreaterThan(0);
    expect(model.curve.validLoss).toHaveLength(model.training.epochs);
    expect(model.validation.points).toBe(40 * H);
  });

  it('forecasts ordered, non-negative quantiles and paths', () => {
    const forecasts = forecastNnGlobal(model, history, H, { paths: 20 });
    for (const f of forecasts) {
      expect(f.quantiles).toHaveLength(QUANTILE_LEVELS.length);
      expect(f.paths).toHaveLength(20);
      for (let h = 0; h < H; h++) {
        expect(f.mean[h]!).toBeGreaterThanOrEqual(0);
        for (let j = 1; j < f.quantiles.length; j++) expect(f.quantiles[j]![h]!).toBeGreaterThanOrEqual(f.quantiles[j - 1]![h]!);
      }
    }
    expect(forecastNnGlobal(model, history, 3)[0]!.mean).toHaveLength(3);
    expect(() => forecastNnGlobal(model, history, H + 1)).toThrow(/at most 8 periods ahead \(asked for 9\)/);
  });

  it('gives the same forecasts through its ONNX export', async () => {
    const runner = await createOnnxRunner(exportMlpToOnnx(model.weights), nnInputSize(model.spec));
    const viaOnnx = await forecastNnGlobalWith(model, history, H, async (X, n) => (await runner.runMatrix(X, n)).values);
    await runner.release();
    const direct = forecastNnGlobal(model, history, H);
    viaOnnx.forEach((f, i) => {
      for (let h = 0; h < H; h++) expect(Math.abs(f.mean[h]! - direct[i]!.mean[h]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, direct[i]!.mean[h]!));
    });
  });

  it('builds inputs without looking past the origin', () => {
    const spec = defaultNnInputSpec('D', 7, 14, { calendar: true });
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 30, maxLength: 400 }), fc.nat(), (values, seed) => {
        const y = Float64Array.from(values);
        const origin = 1 + (seed % (y.length - 1));
        const changed = y.slice();
        for (let t = origin; t < y.length; t++) changed[t] = 1e5;
        const a = new Float32Array(nnInputSize(spec));
        const b = new Float32Array(nnInputSize(spec));
        writeNnInput(spec, new SeriesState({ id: 'a', values: y, startDay: 16000 }, y.length), origin, a, 0);
        writeNnInput(spec, new SeriesState({ id: 'a', values: changed, startDay: 16000 }, y.length), origin, b, 0);
        expect(Array.from(b)).toEqual(Array.from(a));
      }),
      { numRuns: 60 },
    );
  });
});
