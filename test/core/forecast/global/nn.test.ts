import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../../core/forecast/global/backend';
import { mlpForward } from '../../../../core/forecast/global/nn/mlp';
import { mlpToTfModel, OUTPUTS_PER_STEP, trainMlp } from '../../../../core/forecast/global/nn/train';
import type { SampleSet } from '../../../../core/forecast/global/nn/train';
import { exportMlpToOnnx } from '../../../../core/forecast/global/onnx/mlp-export';
import { createOnnxRunner } from '../../../../core/forecast/global/onnx/session';
import { seededRng } from '../../../../core/forecast/global/random';

const horizon = 2;
const inputSize = 6;

/** y_h = x_0 + h·x_1 + uniform noise in [0, 1). */
function samples(nRows: number, seed: number): SampleSet {
  const rng = seededRng(seed);
  const X = new Float32Array(nRows * inputSize);
  const Y = new Float32Array(nRows * horizon);
  for (let r = 0; r < nRows; r++) {
    for (let i = 0; i < inputSize; i++) X[r * inputSize + i] = rng() * 2 - 1;
    for (let h = 0; h < horizon; h++) Y[r * horizon + h] = X[r * inputSize]! + (h + 1) * X[r * inputSize + 1]! + rng();
  }
  return { X, Y, nRows, inputSize, horizon };
}

let backendId = '';
beforeAll(async () => {
  backendId = (await selectBackend()).chosen.id;
});

describe('global MLP', () => {
  it('learns the conditional quantiles of a known noise distribution', async () => {
    const result = await trainMlp(samples(4000, 1), samples(500, 2), { hidden: [32], maxEpochs: 60, samplesPerEpoch: 4000, batchSize: 128, learningRate: 3e-3, patience: 8 });
    expect(result.curve.trainLoss.at(-1)!).toBeLessThan(result.curve.trainLoss[0]!);
    // At x = 0 the target is U(0, 1): quantile τ is τ, the mean 0.5.
    const out = mlpForward(result.weights, new Float32Array(inputSize), 1);
    // A small network on 4,000 rows: within 0.1 of the truth.
    for (let h = 0; h < horizon; h++) {
      expect(Math.abs(out[h * OUTPUTS_PER_STEP]! - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(out[h * OUTPUTS_PER_STEP + 2]! - 0.1)).toBeLessThan(0.1); // q10
      expect(Math.abs(out[h * OUTPUTS_PER_STEP + 6]! - 0.9)).toBeLessThan(0.1); // q90
    }
  }, 120_000);

  it('is reproducible with a seed', async () => {
    const data = samples(600, 3);
    const params = { hidden: [8], maxEpochs: 3, samplesPerEpoch: 600, batchSize: 64, seed: 11 };
    const a = await trainMlp(data, undefined, params);
    const b = await trainMlp(data, undefined, params);
    const c = await trainMlp(data, undefined, { ...params, seed: 12 });
    expect(Array.from(a.weights.layers[0]!.kernel)).toEqual(Array.from(b.weights.layers[0]!.kernel));
    expect(Array.from(a.weights.layers[0]!.kernel)).not.toEqual(Array.from(c.weights.layers[0]!.kernel));
  });

  it('can be cancelled between epochs', async () => {
    const controller = new AbortController();
    await expect(
      trainMlp(samples(300, 4), undefined, { hidden: [4], maxEpochs: 50, samplesPerEpoch: 300 }, {
        signal: controller.signal,
        onEpoch: (p) => p.epoch === 2 && controller.abort(),
      }),
    ).rejects.toThrow(/cancelled/);
  });

  it('gives the same outputs in tfjs, in ONNX (within 1e-5) and in the TypeScript forward pass', async () => {
    const result = await trainMlp(samples(800, 5), undefined, { hidden: [16, 16], maxEpochs: 2, samplesPerEpoch: 800 });
    const rng = seededRng(9);
    const nRows = 500;
    const X = Float32Array.from({ length: nRows * inputSize }, () => rng() * 6 - 3);
    const tfModel = mlpToTfModel(result.weights);
    const expected = tf.tidy(() => (tfModel.predict(tf.tensor2d(X, [nRows, inputSize])) as tf.Tensor).dataSync().slice());
    tfModel.dispose();
    const runner = await createOnnxRunner(exportMlpToOnnx(result.weights), inputSize);
    const { values, columns } = await runner.runMatrix(X, nRows);
    await runner.release();
    expect(columns).toBe(horizon * OUTPUTS_PER_STEP);
    const forward = mlpForward(result.weights, X, nRows);
    for (let i = 0; i < expected.length; i++) {
      const tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]!));
      expect(Math.abs(values[i]! - expected[i]!)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(forward[i]! - expected[i]!)).toBeLessThanOrEqual(tolerance);
    }
    expect(backendId).not.toBe('');
  });
});
