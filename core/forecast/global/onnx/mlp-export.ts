/**
 * Exports the global MLP's trained weights to ONNX, graph built with onnx-proto:
 * for each dense layer MatMul(x, kernel) → Add(bias) → Relu (none on the last).
 * Input "inputs": float [N, inputSize]; output "outputs": float [N, H × (1 + 7)]
 * (per step: mean, then the quantiles; calibration shift and scaling are applied after).
 */
import type { MlpWeights } from '../nn/mlp';
import { encodeModel, floatInput, floatTensor, node } from './proto';

export const MLP_INPUT = 'inputs';
export const MLP_OUTPUT = 'outputs';

export function exportMlpToOnnx(weights: MlpWeights, metadata: Record<string, string> = {}): Uint8Array {
  const nodes: ReturnType<typeof node>[] = [];
  const initializers: ReturnType<typeof floatTensor>[] = [];
  let current = MLP_INPUT;
  weights.layers.forEach((layer, i) => {
    const last = i === weights.layers.length - 1;
    const kernelName = `dense${i}_kernel`;
    const biasName = `dense${i}_bias`;
    initializers.push(floatTensor(kernelName, [layer.inputs, layer.outputs], layer.kernel));
    initializers.push(floatTensor(biasName, [layer.outputs], layer.bias));
    const product = `dense${i}_matmul`;
    const sum = last && layer.activation === 'linear' ? MLP_OUTPUT : `dense${i}_add`;
    nodes.push(node('MatMul', [current, kernelName], [product]));
    nodes.push(node('Add', [product, biasName], [sum]));
    current = sum;
    if (layer.activation === 'relu') {
      const activated = last ? MLP_OUTPUT : `dense${i}_relu`;
      nodes.push(node('Relu', [sum], [activated]));
      current = activated;
    }
  });
  const inputSize = weights.layers[0]?.inputs ?? 0;
  const outputSize = weights.layers.at(-1)?.outputs ?? 0;
  return encodeModel({
    graphName: 'shelfcast_mlp',
    nodes,
    inputs: [floatInput(MLP_INPUT, inputSize)],
    outputs: [floatInput(MLP_OUTPUT, outputSize)],
    initializers,
    opsets: { '': 13 },
    docString: `Shelfcast global MLP: ${weights.layers.map((l) => l.outputs).join('-')}`,
    metadata,
  });
}
