/**
 * Exports a GBDT model to ONNX as one ai.onnx.ml TreeEnsembleRegressor node
 * (ml opset 3: thresholds, leaf weights and base score as double tensors). onnxruntime
 * picks its threshold and accumulator type from the input type, so the input is double:
 * the features are float32 values (see binning.ts) and every comparison and sum then
 * matches the TypeScript predictor. Opset 5 of ai.onnx.ml replaced this operator and
 * onnxruntime 1.30 rejects it there, so the model pins ml opset 3.
 * Input "features": double [N, F]; output "prediction": float [N, 1] on the response scale
 * (the sum is in double; only the output is rounded to float32).
 */
import type { GbdtModel } from '../gbdt/model';
import { attr, encodeModel, floatInput, node } from './proto';

export const TREE_INPUT = 'features';
export const TREE_OUTPUT = 'prediction';
export const TREE_ML_OPSET = 3;

export function exportGbdtToOnnx(model: GbdtModel, metadata: Record<string, string> = {}): Uint8Array {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const modes: string[] = [];
  const thresholds: number[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const missingTracksTrue: number[] = [];
  const targetTreeIds: number[] = [];
  const targetNodeIds: number[] = [];
  const targetWeights: number[] = [];

  model.trees.forEach((tree, treeId) => {
    const nInternal = tree.feature.length;
    // Node ids: internal nodes 0..nInternal-1 as in the tree, then leaf l as nInternal + l.
    const ref = (child: number) => (child < 0 ? nInternal + ~child : child);
    for (let i = 0; i < nInternal; i++) {
      treeIds.push(treeId);
      nodeIds.push(i);
      featureIds.push(tree.feature[i]!);
      modes.push('BRANCH_LEQ');
      thresholds.push(tree.threshold[i]!);
      trueIds.push(ref(tree.left[i]!));
      falseIds.push(ref(tree.right[i]!));
      missingTracksTrue.push(tree.missingLeft[i]!);
    }
    for (let l = 0; l < tree.leafValue.length; l++) {
      treeIds.push(treeId);
      nodeIds.push(nInternal + l);
      featureIds.push(0);
      modes.push('LEAF');
      thresholds.push(0);
      trueIds.push(0);
      falseIds.push(0);
      missingTracksTrue.push(0);
      targetTreeIds.push(treeId);
      targetNodeIds.push(nInternal + l);
      targetWeights.push(tree.leafValue[l]!);
    }
  });
  if (model.trees.length === 0) {
    // An ensemble needs at least one tree: a single zero leaf leaves the base score.
    treeIds.push(0);
    nodeIds.push(0);
    featureIds.push(0);
    modes.push('LEAF');
    thresholds.push(0);
    trueIds.push(0);
    falseIds.push(0);
    missingTracksTrue.push(0);
    targetTreeIds.push(0);
    targetNodeIds.push(0);
    targetWeights.push(0);
  }

  const scoreName = model.link === 'exp' ? 'raw_score' : TREE_OUTPUT;
  const nodes = [
    node(
      'TreeEnsembleRegressor',
      [TREE_INPUT],
      [scoreName],
      [
        attr.int('n_targets', 1),
        attr.ints('nodes_treeids', treeIds),
        attr.ints('nodes_nodeids', nodeIds),
        attr.ints('nodes_featureids', featureIds),
        attr.strings('nodes_modes', modes),
        attr.doubleTensor('nodes_values_as_tensor', thresholds),
        attr.ints('nodes_truenodeids', trueIds),
        attr.ints('nodes_falsenodeids', falseIds),
        attr.ints('nodes_missing_value_tracks_true', missingTracksTrue),
        attr.ints('target_treeids', targetTreeIds),
        attr.ints('target_nodeids', targetNodeIds),
        attr.ints('target_ids', targetTreeIds.map(() => 0)),
        attr.doubleTensor('target_weights_as_tensor', targetWeights),
        attr.doubleTensor('base_values_as_tensor', [model.baseScore]),
        attr.string('aggregate_function', 'SUM'),
        attr.string('post_transform', 'NONE'),
      ],
      'ai.onnx.ml',
    ),
  ];
  if (model.link === 'exp') nodes.push(node('Exp', [scoreName], [TREE_OUTPUT]));
  return encodeModel({
    graphName: 'shelfcast_gbdt',
    nodes,
    inputs: [floatInput(TREE_INPUT, model.nFeatures, 'double')],
    outputs: [floatInput(TREE_OUTPUT, 1)],
    opsets: { '': 13, 'ai.onnx.ml': TREE_ML_OPSET },
    docString: `Shelfcast global GBDT: ${model.trees.length} trees, objective ${model.objective.kind}`,
    metadata: { feature_names: JSON.stringify(model.featureNames), ...metadata },
  });
}
