import { describe, expect, it } from 'vitest';
import type { GbdtParams } from '../../../../core/forecast/global/gbdt/model';
import { predictGbdt } from '../../../../core/forecast/global/gbdt/model';
import { trainGbdt } from '../../../../core/forecast/global/gbdt/train';
import { createOnnxRunner } from '../../../../core/forecast/global/onnx/session';
import { exportGbdtToOnnx } from '../../../../core/forecast/global/onnx/tree-export';
import { seededRng } from '../../../../core/forecast/global/random';

const nFeatures = 5;

function randomMatrix(nRows: number, seed: number, missingShare: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length: nRows * nFeatures }, () => (rng() < missingShare ? NaN : rng() * 20 - 10));
}

function trainOn(objective: GbdtParams['objective']) {
  const nRows = 3000;
  const X = randomMatrix(nRows, 1, 0.05);
  const rng = seededRng(2);
  const y = Float64Array.from({ length: nRows }, (_, r) => {
    const a = X[r * nFeatures] || 0;
    const b = X[r * nFeatures + 1] || 0;
    return Math.abs(Math.sin(a)) * 3 + (b > 0 ? 2 : 0) + rng();
  });
  return trainGbdt({ X, y, nRows, nFeatures }, undefined, { objective, nTrees: 120, maxLeaves: 15, earlyStoppingRounds: 0 });
}

describe('GBDT export to ONNX (TreeEnsembleRegressor, ai.onnx.ml opset 3)', () => {
  for (const objective of [{ kind: 'squared' }, { kind: 'quantile', alpha: 0.8 }, { kind: 'poisson' }] as const) {
    it(`agrees with the TypeScript predictor to 1e-6 on random inputs (${objective.kind})`, async () => {
      const model = trainOn(objective);
      const runner = await createOnnxRunner(exportGbdtToOnnx(model), nFeatures, { inputType: 'float64' });
      try {
        const nRows = 5000;
        const X = randomMatrix(nRows, 3, 0.1);
        const expected = predictGbdt(model, X, nRows);
        const actual = await runner.run(X, nRows);
        for (let r = 0; r < nRows; r++) {
          expect(Math.abs(actual[r]! - expected[r]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[r]!)));
        }
      } finally {
        await runner.release();
      }
    });
  }

  it('exports a model without trees as its base score', async () => {
    const X = randomMatrix(50, 4, 0);
    const y = new Float64Array(50).fill(2.5);
    const model = trainGbdt({ X, y, nRows: 50, nFeatures }, undefined, { nTrees: 0 });
    const runner = await createOnnxRunner(exportGbdtToOnnx(model), nFeatures, { inputType: 'float64' });
    expect(Array.from(await runner.run(X.subarray(0, 3 * nFeatures), 3))).toEqual([2.5, 2.5, 2.5]);
    await runner.release();
  });
});
