/**
 * Trains the global MLP with TensorFlow.js on whichever backend backend.ts selected:
 * Adam on a pinball loss over the quantile outputs plus a Huber loss on the mean output,
 * seeded initialisation and shuffling, early stopping on a time-ordered validation set
 * with the best epoch's weights kept.
 */
import * as tf from '@tensorflow/tfjs';
import { QUANTILE_LEVELS } from '../../types';
import { deriveSeed, seededRng, shuffleInPlace } from '../random';
import type { MlpWeights } from './mlp';
import { OUTPUTS_PER_STEP } from './mlp';

export { OUTPUTS_PER_STEP };

export interface MlpParams {
  hidden: number[];
  maxEpochs: number;
  batchSize: number;
  learningRate: number;
  /** Rows drawn per epoch (all when there are fewer). */
  samplesPerEpoch: number;
  /** Stop after this many epochs without a better validation loss. */
  patience: number;
  /** Weight of the mean's Huber loss next to the quantiles' pinball loss. */
  meanLossWeight: number;
  seed: number;
}

export const DEFAULT_MLP_PARAMS: MlpParams = {
  hidden: [128, 128],
  maxEpochs: 40,
  batchSize: 256,
  learningRate: 1e-3,
  samplesPerEpoch: 40_000,
  patience: 5,
  meanLossWeight: 0.5,
  seed: 1,
};

export interface SampleSet {
  X: Float32Array;
  /** Scaled targets [nRows, horizon]; NaN where unknown (masked out of the loss). */
  Y: Float32Array;
  nRows: number;
  inputSize: number;
  horizon: number;
}

export interface EpochProgress {
  epoch: number;
  maxEpochs: number;
  trainLoss: number;
  validLoss: number | undefined;
}

export interface MlpTrainResult {
  weights: MlpWeights;
  curve: { trainLoss: number[]; validLoss: number[] };
  bestEpoch: number;
}

export interface MlpTrainOptions {
  signal?: AbortSignal;
  onEpoch?: (progress: EpochProgress) => void;
}

export async function trainMlp(
  train: SampleSet,
  valid: SampleSet | undefined,
  paramsIn: Partial<MlpParams> = {},
  options: MlpTrainOptions = {},
): Promise<MlpTrainResult> {
  const params: MlpParams = { ...DEFAULT_MLP_PARAMS, ...paramsIn };
  if (train.nRows === 0) throw new RangeError('the network has no training rows');
  const H = train.horizon;
  const outputs = H * OUTPUTS_PER_STEP;
  const model = tf.sequential();
  params.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 ? [train.inputSize] : undefined,
        kernelInitializer: tf.initializers.heUniform({ seed: deriveSeed(params.seed, 100 + i) }),
        biasInitializer: 'zeros',
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: outputs,
      activation: 'linear',
      inputShape: params.hidden.length === 0 ? [train.inputSize] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(params.seed, 200) }),
      biasInitializer: 'zeros',
    }),
  );
  const optimizer = tf.train.adam(params.learningRate);
  const tau = tf.tensor1d(Array.from(QUANTILE_LEVELS));
  const rng = seededRng(deriveSeed(params.seed, 300));
  const order = Uint32Array.from({ length: train.nRows }, (_, i) => i);
  const curve = { trainLoss: [] as number[], validLoss: [] as number[] };
  let best = { loss: Infinity, epoch: 0, weights: snapshot(model) };
  try {
    for (let epoch = 1; epoch <= params.maxEpochs; epoch++) {
      if (options.signal?.aborted) throw abortError();
      shuffleInPlace(order, rng);
      const nSamples = Math.min(train.nRows, params.samplesPerEpoch);
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < nSamples; start += params.batchSize) {
        const size = Math.min(params.batchSize, nSamples - start);
        const batch = gatherBatch(train, order, start, size);
        const cost: tf.Scalar = tf.tidy(() => {
          const x = tf.tensor2d(batch.X, [size, train.inputSize]);
          const y = tf.tensor2d(batch.Y, [size, H]);
          const mask = tf.tensor2d(batch.mask, [size, H]);
          const value = optimizer.minimize(() => lossOf(model.apply(x) as tf.Tensor2D, y, mask, tau, H, params.meanLossWeight), true);
          return value ?? tf.scalar(NaN);
        });
        lossSum += (await cost.data())[0]!;
        cost.dispose();
        batches++;
        // Yield now and then so cancellation and progress get through in a worker.
        if (batches % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw abortError();
      }
      const trainLoss = lossSum / Math.max(1, batches);
      curve.trainLoss.push(trainLoss);
      let validLoss: number | undefined;
      if (valid && valid.nRows > 0) {
        validLoss = evaluate(model, valid, tau, params.meanLossWeight);
        curve.validLoss.push(validLoss);
        if (validLoss < best.loss) {
          best = { loss: validLoss, epoch, weights: snapshot(model) };
        }
      } else {
        best = { loss: trainLoss, epoch, weights: snapshot(model) };
      }
      options.onEpoch?.({ epoch, maxEpochs: params.maxEpochs, trainLoss, validLoss });
      if (valid && epoch - best.epoch >= params.patience) break;
    }
  } finally {
    tau.dispose();
    optimizer.dispose();
    model.dispose();
  }
  return { weights: best.weights, curve, bestEpoch: best.epoch };
}

function lossOf(pred: tf.Tensor2D, y: tf.Tensor2D, mask: tf.Tensor2D, tau: tf.Tensor1D, H: number, meanWeight: number): tf.Scalar {
  const batch = pred.shape[0];
  const steps = pred.reshape([batch, H, OUTPUTS_PER_STEP]);
  const mean = steps.slice([0, 0, 0], [batch, H, 1]).reshape([batch, H]);
  const quantiles = steps.slice([0, 0, 1], [batch, H, OUTPUTS_PER_STEP - 1]);
  const error = y.expandDims(2).sub(quantiles);
  const pinball = tf.maximum(error.mul(tau), error.mul(tau.sub(1))).mul(mask.expandDims(2));
  const count = mask.sum().maximum(1);
  const pinballLoss = pinball.sum().div(count.mul(QUANTILE_LEVELS.length));
  // Huber (delta 1) on the mean output.
  const absolute = y.sub(mean).abs();
  const quadratic = tf.minimum(absolute, 1);
  const huber = quadratic.square().mul(0.5).add(absolute.sub(quadratic)).mul(mask);
  return pinballLoss.add(huber.sum().div(count).mul(meanWeight)) as tf.Scalar;
}

function evaluate(model: tf.Sequential, set: SampleSet, tau: tf.Tensor1D, meanWeight: number): number {
  const H = set.horizon;
  const all = Uint32Array.from({ length: set.nRows }, (_, i) => i);
  const batch = gatherBatch(set, all, 0, set.nRows);
  return tf.tidy(() => {
    const x = tf.tensor2d(batch.X, [set.nRows, set.inputSize]);
    const y = tf.tensor2d(batch.Y, [set.nRows, H]);
    const mask = tf.tensor2d(batch.mask, [set.nRows, H]);
    return lossOf(model.predict(x) as tf.Tensor2D, y, mask, tau, H, meanWeight).dataSync()[0]!;
  });
}

function gatherBatch(set: SampleSet, order: Uint32Array, start: number, size: number) {
  const { inputSize, horizon: H } = set;
  const X = new Float32Array(size * inputSize);
  const Y = new Float32Array(size * H);
  const mask = new Float32Array(size * H);
  for (let i = 0; i < size; i++) {
    const row = order[start + i]!;
    X.set(set.X.subarray(row * inputSize, (row + 1) * inputSize), i * inputSize);
    for (let h = 0; h < H; h++) {
      const v = set.Y[row * H + h]!;
      const known = v === v;
      Y[i * H + h] = known ? v : 0;
      mask[i * H + h] = known ? 1 : 0;
    }
  }
  return { X, Y, mask };
}

function snapshot(model: tf.Sequential): MlpWeights {
  return {
    layers: model.layers.map((layer) => {
      const [kernel, bias] = layer.getWeights();
      const shape = kernel!.shape as [number, number];
      const config = layer.getConfig() as { activation?: string };
      return {
        inputs: shape[0],
        outputs: shape[1],
        kernel: Float32Array.from(kernel!.dataSync()),
        bias: Float32Array.from(bias!.dataSync()),
        activation: config.activation === 'relu' ? 'relu' : 'linear',
      };
    }),
  };
}

function abortError(): Error {
  const err = new Error('Training was cancelled.');
  err.name = 'AbortError';
  return err;
}

/** A TensorFlow.js model holding the given weights (to predict with tfjs or continue training). */
export function mlpToTfModel(weights: MlpWeights): tf.Sequential {
  const model = tf.sequential();
  weights.layers.forEach((layer, i) => {
    model.add(tf.layers.dense({ units: layer.outputs, activation: layer.activation, inputShape: i === 0 ? [layer.inputs] : undefined }));
  });
  model.setWeights(
    weights.layers.flatMap((layer) => [tf.tensor2d(layer.kernel, [layer.inputs, layer.outputs]), tf.tensor1d(layer.bias)]),
  );
  return model;
}
