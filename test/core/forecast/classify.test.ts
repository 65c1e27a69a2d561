import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abcClasses,
  coefficientOfVariation,
  demandPattern,
  intermittencyStats,
  isDeadProduct,
  isNewProduct,
  periodsPerWeek,
  xyzClass,
} from '../../../core/forecast/classify';

describe('ABC by value share', () => {
  it('classifies by the share of the products ranked above: A below 80%, B below 95%, C the rest', () => {
    // Shares 50, 25, 10, 8, 5, 2 (%): share above each 0, 50, 75, 85, 93, 98.
    expect(abcClasses([500, 250, 100, 80, 50, 20])).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
  });
  it('does not depend on the input order and puts zero or negative value in C', () => {
    // 500, 250 and 20 of 770: shares above 0%, 64.9% and 97.4%.
    expect(abcClasses([20, 500, 0, 250, -5])).toEqual(['C', 'A', 'C', 'A', 'C']);
  });
  it('a single dominant product is A; all-zero values are all C', () => {
    // Shares above: 0%, 90%, 95%.
    expect(abcClasses([900, 50, 50])).toEqual(['A', 'B', 'C']);
    expect(abcClasses([0, 0])).toEqual(['C', 'C']);
  });
  it('every A product is worth at least every B product, and B at least C (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const classes = abcClasses(values);
        const rank = { A: 0, B: 1, C: 2 };
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (rank[classes[i]!] < rank[classes[j]!]) expect(values[i]).toBeGreaterThanOrEqual(values[j]!);
          }
        }
      }),
    );
  });
});

describe('XYZ by coefficient of variation', () => {
  it('computes the sample CV and cuts at 0.5 and 1.0', () => {
    // mean 10, sample sd sqrt(((-2)^2 + 0 + 2^2) / 2) = 2, CV 0.2.
    expect(coefficientOfVariation([8, 10, 12])).toBeCloseTo(0.2, 12);
    expect(xyzClass(0.2)).toBe('X');
    expect(xyzClass(0.5)).toBe('X');
    expect(xyzClass(0.7)).toBe('Y');
    expect(xyzClass(1.5)).toBe('Z');
    expect(coefficientOfVariation([0, 0])).toBe(Infinity);
  });
});

describe('demand pattern by ADI and CV^2', () => {
  it('computes ADI from the first demand on and CV^2 of the non-zero sizes', () => {
    // Leading zeros are ignored: 8 periods from the first demand, 4 demands -> ADI 2.
    const stats = intermittencyStats([0, 0, 0, 4, 0, 2, 0, 6, 0, 4, 0]);
    expect(stats.firstDemand).toBe(3);
    expect(stats.adi).toBe(2);
    // sizes 4, 2, 6, 4: mean 4, population variance 2, CV^2 = 2 / 16.
    expect(stats.cv2).toBeCloseTo(0.125, 12);
    expect(demandPattern(stats)).toBe('intermittent');
  });
  it('splits at 1.32 and 0.49', () => {
    expect(demandPattern({ adi: 1, cv2: 0.1 })).toBe('smooth');
    expect(demandPattern({ adi: 1.31, cv2: 0.5 })).toBe('erratic');
    expect(demandPattern({ adi: 1.32, cv2: 0.2 })).toBe('intermittent');
    expect(demandPattern({ adi: 3, cv2: 0.49 })).toBe('lumpy');
  });
  it('treats an all-zero history as never demanded', () => {
    expect(intermittencyStats([0, 0, 0])).toEqual({ adi: Infinity, cv2: 0, nonZeroCount: 0, firstDemand: -1 });
  });
});

describe('new and dead products', () => {
  it('new below 8 weeks of history, in any frequency', () => {
    expect(isNewProduct(7, periodsPerWeek('W'))).toBe(true);
    expect(isNewProduct(8, periodsPerWeek('W'))).toBe(false);
    expect(isNewProduct(55, periodsPerWeek('D'))).toBe(true);
    expect(isNewProduct(56, periodsPerWeek('D'))).toBe(false);
  });
  it('dead with no sale in the last 26 weeks', () => {
    const y = [5, 3, ...new Array<number>(26).fill(0)];
    expect(isDeadProduct(y, 1)).toBe(true);
    expect(isDeadProduct([...y.slice(0, -1), 1], 1)).toBe(false);
    // Shorter histories are not judged dead (they are new or unknown).
    expect(isDeadProduct(new Array<number>(20).fill(0), 1)).toBe(false);
  });
});
