/**
 * Small builders over onnx-proto for the graphs Shelfcast exports (tree ensembles and
 * MLPs): attributes, initialisers, value infos and the model wrapper.
 */
import onnxProto from 'onnx-proto';

export const onnx = onnxProto.onnx;
const AttributeType = onnx.AttributeProto.AttributeType;
const DataType = onnx.TensorProto.DataType;

/** ONNX IR version 8 is read by onnxruntime 1.30 (and every runtime since 1.10). */
export const IR_VERSION = 8;
export const DEFAULT_OPSET = 13;

export type Attribute = InstanceType<typeof onnx.AttributeProto>;

const textEncoder = new TextEncoder();

export const attr = {
  int: (name: string, value: number) => onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value }),
  ints: (name: string, values: ArrayLike<number>) => onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: Array.from(values) }),
  float: (name: string, value: number) => onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value }),
  floats: (name: string, values: ArrayLike<number>) => onnx.AttributeProto.create({ name, type: AttributeType.FLOATS, floats: Array.from(values) }),
  string: (name: string, value: string) => onnx.AttributeProto.create({ name, type: AttributeType.STRING, s: textEncoder.encode(value) }),
  strings: (name: string, values: string[]) =>
    onnx.AttributeProto.create({ name, type: AttributeType.STRINGS, strings: values.map((v) => textEncoder.encode(v)) }),
  doubleTensor: (name: string, values: ArrayLike<number>) =>
    onnx.AttributeProto.create({
      name,
      type: AttributeType.TENSOR,
      t: onnx.TensorProto.create({ dataType: DataType.DOUBLE, dims: [values.length], doubleData: Array.from(values) }),
    }),
};

/** A float32 initialiser with the given shape (raw little-endian bytes). */
export function floatTensor(name: string, dims: number[], values: Float32Array) {
  const size = dims.reduce((a, b) => a * b, 1);
  if (values.length !== size) throw new RangeError(`tensor ${name}: ${values.length} values for shape [${dims.join(', ')}]`);
  return onnx.TensorProto.create({
    name,
    dataType: DataType.FLOAT,
    dims,
    rawData: new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)),
  });
}

export function int64Tensor(name: string, values: number[]) {
  return onnx.TensorProto.create({ name, dataType: DataType.INT64, dims: [values.length], int64Data: values });
}

/** A float (or double) matrix value info with a symbolic batch dimension. */
export function floatInput(name: string, columns: number, elemType: 'float' | 'double' = 'float') {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: elemType === 'double' ? DataType.DOUBLE : DataType.FLOAT,
        shape: { dim: [{ dimParam: 'N' }, { dimValue: columns }] },
      },
    },
  });
}

export function node(opType: string, inputs: string[], outputs: string[], attributes: Attribute[] = [], domain = '') {
  return onnx.NodeProto.create({ opType, input: inputs, output: outputs, attribute: attributes, domain, name: `${opType}_${outputs[0]}` });
}

export interface ModelParts {
  graphName: string;
  nodes: ReturnType<typeof node>[];
  inputs: ReturnType<typeof floatInput>[];
  outputs: ReturnType<typeof floatInput>[];
  initializers?: ReturnType<typeof floatTensor>[];
  /** Opset versions by domain ('' = ai.onnx). */
  opsets: Record<string, number>;
  docString?: string;
  metadata?: Record<string, string>;
}

/** Serialises a model to ONNX protobuf bytes. */
export function encodeModel(parts: ModelParts): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'shelfcast',
    producerVersion: '1',
    docString: parts.docString ?? '',
    opsetImport: Object.entries(parts.opsets).map(([domain, version]) => onnx.OperatorSetIdProto.create({ domain, version })),
    metadataProps: Object.entries(parts.metadata ?? {}).map(([key, value]) => onnx.StringStringEntryProto.create({ key, value })),
    graph: onnx.GraphProto.create({
      name: parts.graphName,
      node: parts.nodes,
      input: parts.inputs,
      output: parts.outputs,
      initializer: parts.initializers ?? [],
    }),
  });
  return onnx.ModelProto.encode(model).finish();
}
