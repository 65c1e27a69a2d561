/**
 * Histories packed into one buffer for a pool task: one transferable Float64Array instead of
 * one structured-clone entry per series. Series i is values[offsets[i] .. offsets[i + 1]).
 */
export interface PackedHistories {
  values: Float64Array;
  offsets: Int32Array;
}

export function packHistories(histories: readonly Float64Array[]): PackedHistories {
  const offsets = new Int32Array(histories.length + 1);
  histories.forEach((y, i) => (offsets[i + 1] = offsets[i]! + y.length));
  const values = new Float64Array(offsets[histories.length]!);
  histories.forEach((y, i) => values.set(y, offsets[i]!));
  return { values, offsets };
}

/** Series i of a packed buffer (a view, no copy). */
export function packedHistory(packed: PackedHistories, i: number): Float64Array {
  return packed.values.subarray(packed.offsets[i]!, packed.offsets[i + 1]!);
}
