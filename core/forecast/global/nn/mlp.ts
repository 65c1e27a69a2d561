/**
 * A trained multilayer perceptron as plain weights, with a TypeScript forward pass:
 * serving needs neither TensorFlow.js nor a session (the ONNX export computes the same).
 */
import { QUANTILE_LEVELS } from '../../types';

/** Outputs per horizon step: the mean, then the quantiles in QUANTILE_LEVELS order. */
export const OUTPUTS_PER_STEP = 1 + QUANTILE_LEVELS.length;

export interface DenseLayer {
  inputs: number;
  outputs: number;
  /** Row-major [inputs, outputs], as tfjs stores a dense kernel. */
  kernel: Float32Array;
  bias: Float32Array;
  activation: 'relu' | 'linear';
}

export interface MlpWeights {
  layers: DenseLayer[];
}

export function mlpInputSize(weights: MlpWeights): number {
  return weights.layers[0]?.inputs ?? 0;
}

export function mlpOutputSize(weights: MlpWeights): number {
  return weights.layers.at(-1)?.outputs ?? 0;
}

/** Forward pass over the rows of a row-major matrix; returns a row-major [nRows, outputs] matrix. */
export function mlpForward(weights: MlpWeights, X: Float32Array, nRows: number): Float64Array {
  const inputSize = mlpInputSize(weights);
  if (X.length !== nRows * inputSize) throw new RangeError(`expected ${nRows} × ${inputSize} inputs, got ${X.length}`);
  let current: Float32Array | Float64Array = X;
  let width = inputSize;
  for (const layer of weights.layers) {
    const next = new Float64Array(nRows * layer.outputs);
    const { kernel, bias, outputs } = layer;
    for (let r = 0; r < nRows; r++) {
      const outBase = r * outputs;
      for (let j = 0; j < outputs; j++) next[outBase + j] = bias[j]!;
      const inBase = r * width;
      for (let i = 0; i < width; i++) {
        const x = current[inBase + i]!;
        if (x === 0) continue;
        const kBase = i * outputs;
        for (let j = 0; j < outputs; j++) next[outBase + j] = next[outBase + j]! + x * kernel[kBase + j]!;
      }
      if (layer.activation === 'relu') for (let j = 0; j < outputs; j++) if (next[outBase + j]! < 0) next[outBase + j] = 0;
    }
    current = next;
    width = outputs;
  }
  return current as Float64Array;
}
