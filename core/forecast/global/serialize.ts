/**
 * Model files: a trained global model as JSON (typed arrays as base64 of their bytes,
 * so the file is compact and every float comes back bit for bit), next to its ONNX
 * export for serving. Loading checks the format tag and version.
 */
import type { GbdtGlobalModel } from './gbdt-global';
import type { NnGlobalModel } from './nn-global';

export type GlobalModel = GbdtGlobalModel | NnGlobalModel;

const FORMAT = 'shelfcast-global-model';
const VERSION = 1;

type TypedKind = 'f32' | 'f64' | 'i32' | 'u32' | 'u8';
interface EncodedArray {
  $typed: TypedKind;
  base64: string;
}

function kindOf(value: unknown): TypedKind | undefined {
  if (value instanceof Float32Array) return 'f32';
  if (value instanceof Float64Array) return 'f64';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Uint8Array) return 'u8';
  return undefined;
}

function isEncoded(value: unknown): value is EncodedArray {
  return typeof value === 'object' && value !== null && '$typed' in value && 'base64' in value;
}

function decode(value: EncodedArray): ArrayBufferView {
  const bytes = Buffer.from(value.base64, 'base64');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  switch (value.$typed) {
    case 'f32':
      return new Float32Array(buffer);
    case 'f64':
      return new Float64Array(buffer);
    case 'i32':
      return new Int32Array(buffer);
    case 'u32':
      return new Uint32Array(buffer);
    case 'u8':
      return new Uint8Array(buffer);
  }
}

export function serializeGlobalModel(model: GlobalModel): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, model }, (_key, value: unknown) => {
    const kind = kindOf(value);
    if (!kind) return typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value;
    const view = value as ArrayBufferView;
    return { $typed: kind, base64: Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64') } satisfies EncodedArray;
  });
}

export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

export function deserializeGlobalModel(text: string, source = 'model file'): GlobalModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) => {
      if (isEncoded(value)) return decode(value);
      if (typeof value === 'object' && value !== null && '$number' in value) return Number((value as { $number: string }).$number);
      return value;
    });
  } catch (err) {
    throw new ModelFileError(`${source} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const envelope = parsed as { format?: unknown; version?: unknown; model?: { kind?: unknown } };
  if (envelope?.format !== FORMAT) throw new ModelFileError(`${source} is not a Shelfcast global model file`);
  if (envelope.version !== VERSION) throw new ModelFileError(`${source} has format version ${String(envelope.version)}; this app reads version ${VERSION}`);
  const kind = envelope.model?.kind;
  if (kind !== 'gbdt' && kind !== 'nn') throw new ModelFileError(`${source} holds an unknown model kind ${String(kind)}`);
  return envelope.model as GlobalModel;
}
