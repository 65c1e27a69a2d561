import { describe, expect, it } from 'vitest';
import { deserializeGlobalModel, forecastGlobal, forecastGlobalOnnx, exportGlobalModelToOnnx, globalForecaster, ModelFileError, serializeGlobalModel, trainGbdtGlobal } from '../../../../core/forecast/global';
import { QUANTILE_LEVELS } from '../../../../core/forecast/types';
import type { SeriesContext } from '../../../../core/forecast/types';
import { syntheticPanel } from './synthetic';

const model = trainGbdtGlobal(syntheticPanel(30, 100, 4), { frequency: 'W', season: 52, horizon: 6, gbdt: { nTrees: 40, learningRate: 0.2 }, seed: 1 });

describe('global model behind the Forecaster interface', () => {
  const forecaster = globalForecaster(model);
  const context = (allowNegative: boolean): SeriesContext => ({ season: 52, frequency: 'W', allowNegative, startDay: 15_000 });
  const cases: [string, Float64Array, boolean][] = [
    ['all zero', new Float64Array(60), false],
    ['constant', new Float64Array(60).fill(7), false],
    ['length 1', Float64Array.from([4]), false],
    ['huge', Float64Array.from({ length: 80 }, (_, t) => 1e12 * (1 + (t % 5))), false],
    ['with negatives', Float64Array.from({ length: 80 }, (_, t) => (t % 7 === 0 ? -30 : 50 + (t % 3))), true],
    ['with missing values', Float64Array.from({ length: 80 }, (_, t) => (t % 9 === 0 ? NaN : 20)), false],
  ];
  for (const [name, y, allowNegative] of cases) {
    it(`gives finite, ordered quantiles of the right length (${name})`, () => {
      const before = y.slice();
      const fitted = forecaster.fit(y, context(allowNegative));
      const a = fitted.forecast(6, { paths: 5, seed: 3 });
      const b = fitted.forecast(6, { paths: 5, seed: 3 });
      expect(Array.from(y)).toEqual(Array.from(before));
      expect(a.mean).toHaveLength(6);
      expect(a.quantiles).toHaveLength(QUANTILE_LEVELS.length);
      expect(a.paths).toHaveLength(5);
      expect(Array.from(a.paths![0]!)).toEqual(Array.from(b.paths![0]!));
      for (let h = 0; h < 6; h++) {
        expect(Number.isFinite(a.mean[h]!)).toBe(true);
        for (let j = 0; j < a.quantiles.length; j++) {
          expect(Number.isFinite(a.quantiles[j]![h]!)).toBe(true);
          if (j > 0) expect(a.quantiles[j]![h]!).toBeGreaterThanOrEqual(a.quantiles[j - 1]![h]!);
          if (!allowNegative) expect(a.quantiles[j]![h]!).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }

  it('refuses an empty history with a clear message', () => {
    expect(() => forecaster.fit(new Float64Array(0), context(false))).toThrow(/at least one period/);
  });
});

describe('model files', () => {
  it('round-trips a model bit for bit', async () => {
    const text = serializeGlobalModel(model);
    const back = deserializeGlobalModel(text);
    const series = syntheticPanel(5, 90, 8);
    const a = forecastGlobal(model, series, 6);
    const b = forecastGlobal(back, series, 6);
    expect(Array.from(b[2]!.mean)).toEqual(Array.from(a[2]!.mean));
    expect(Array.from(b[2]!.quantiles[6]!)).toEqual(Array.from(a[2]!.quantiles[6]!));
    const viaOnnx = await forecastGlobalOnnx(back, exportGlobalModelToOnnx(back), series, 6);
    for (let h = 0; h < 6; h++) expect(Math.abs(viaOnnx[2]!.mean[h]! - a[2]!.mean[h]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, a[2]!.mean[h]!));
  });

  it('says what is wrong with a bad file', () => {
    expect(() => deserializeGlobalModel('{', 'gbdt-v1.json')).toThrow(ModelFileError);
    expect(() => deserializeGlobalModel('{"format":"other"}', 'gbdt-v1.json')).toThrow('gbdt-v1.json is not a Shelfcast global model file');
    expect(() => deserializeGlobalModel('{"format":"shelfcast-global-model","version":9}', 'x.json')).toThrow('x.json has format version 9; this app reads version 1');
  });
});
