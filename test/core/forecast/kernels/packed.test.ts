import { describe, expect, it } from 'vitest';
import { packedHistory, packHistories } from '../../../../core/forecast/kernels/packed';

describe('packed histories for pool tasks', () => {
  it('puts the series end to end and gives each back as a view', () => {
    const packed = packHistories([Float64Array.of(1, 2, 3), new Float64Array(0), Float64Array.of(4, Number.NaN)]);
    expect(Array.from(packed.offsets)).toEqual([0, 3, 3, 5]);
    expect(Array.from(packed.values)).toEqual([1, 2, 3, 4, Number.NaN]);
    expect(Array.from(packedHistory(packed, 0))).toEqual([1, 2, 3]);
    expect(packedHistory(packed, 1)).toHaveLength(0);
    expect(Array.from(packedHistory(packed, 2))).toEqual([4, Number.NaN]);
    // Survives structured cloning (as a worker receives it).
    expect(Array.from(packedHistory(structuredClone(packed), 2))).toEqual([4, Number.NaN]);
    expect(packHistories([]).values).toHaveLength(0);
  });
});
