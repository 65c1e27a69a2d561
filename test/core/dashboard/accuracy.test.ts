import { describe, expect, it } from 'vitest';
import { accuracyGroups } from '../../../core/dashboard/accuracy';

describe('accuracy against naive', () => {
  it('medians, share beating naive and the geometric-mean error reduction, by hand', () => {
    const groups = accuracyGroups([
      { mase: 0.5, naiveMase: 1, abc: 'A' },
      { mase: 1, naiveMase: 1, abc: 'A' },
      { mase: 2, naiveMase: 1, abc: 'C' },
    ]);
    const all = groups.find((g) => g.group === 'all')!;
    expect(all.products).toBe(3);
    expect(all.medianMase).toBe(1);
    expect(all.medianNaiveMase).toBe(1);
    expect(all.beatsNaiveShare).toBeCloseTo(1 / 3, 10);
    // ratios 0.5, 1, 2 → geometric mean 1 → no reduction
    expect(all.errorReduction).toBeCloseTo(0, 10);
    const a = groups.find((g) => g.group === 'A')!;
    // ratios 0.5 and 1 → geometric mean √0.5 → 1 − 0.7071
    expect(a.errorReduction).toBeCloseTo(1 - Math.SQRT1_2, 10);
    expect(a.beatsNaiveShare).toBe(0.5);
    expect(groups.map((g) => g.group)).toEqual(['all', 'A', 'C']);
  });

  it('products without a naive score count in the medians but not in the comparison', () => {
    const [all] = accuracyGroups([
      { mase: 0.8, naiveMase: null, abc: null },
      { mase: 0.4, naiveMase: 0.8, abc: null },
    ]);
    expect(all!.products).toBe(2);
    expect(all!.medianMase).toBeCloseTo(0.6, 10);
    expect(all!.beatsNaiveShare).toBe(1);
    expect(all!.errorReduction).toBeCloseTo(0.5, 10);
  });

  it('an empty run has no figures', () => {
    expect(accuracyGroups([])).toEqual([{ group: 'all', products: 0, medianMase: null, medianNaiveMase: null, errorReduction: null, beatsNaiveShare: null }]);
  });
});
