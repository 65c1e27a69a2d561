/**
 * onnxruntime-node sessions for exported models. Loaded lazily so that code paths
 * which never serve ONNX do not pay for the native module.
 */
import type { InferenceSession } from 'onnxruntime-node';

export interface OnnxRunner {
  /** Runs the model on a row-major float32 matrix; returns the first output as float64. */
  run(X: Float32Array, nRows: number): Promise<Float64Array>;
  /** The first output with its width (columns per row). */
  runMatrix(X: Float32Array, nRows: number): Promise<{ values: Float32Array | Float64Array; columns: number }>;
  release(): Promise<void>;
}

export interface RunnerOptions {
  threads?: number;
  /** Element type of the model's input (the tree export takes double). */
  inputType?: 'float32' | 'float64';
}

export async function createOnnxRunner(modelBytes: Uint8Array, nFeatures: number, options: RunnerOptions = {}): Promise<OnnxRunner> {
  const ort = await import('onnxruntime-node');
  const session: InferenceSession = await ort.InferenceSession.create(modelBytes, {
    intraOpNumThreads: options.threads ?? 0,
    graphOptimizationLevel: 'all',
  });
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  const runMatrix = async (X: Float32Array, nRows: number) => {
    if (X.length !== nRows * nFeatures) throw new RangeError(`expected ${nRows} × ${nFeatures} feature values, got ${X.length}`);
    const input =
      options.inputType === 'float64'
        ? new ort.Tensor('float64', Float64Array.from(X), [nRows, nFeatures])
        : new ort.Tensor('float32', X, [nRows, nFeatures]);
    const result = await session.run({ [inputName]: input });
    const output = result[outputName]!;
    const values = output.data as Float32Array | Float64Array;
    const columns = nRows > 0 ? values.length / nRows : 0;
    return { values, columns };
  };
  return {
    runMatrix,
    async run(X, nRows) {
      const { values, columns } = await runMatrix(X, nRows);
      const out = new Float64Array(nRows);
      for (let r = 0; r < nRows; r++) out[r] = values[r * columns]!;
      return out;
    },
    release: () => session.release(),
  };
}
