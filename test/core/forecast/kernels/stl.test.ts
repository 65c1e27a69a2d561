import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stl } from '../../../../core/forecast/kernels/stl';
import { reference, series } from '../reference';

describe('stl', () => {
  const y = series(reference.inputs.weekly);

  // STL is deterministic arithmetic following the same algorithm as R's Fortran: agreement to
  // rounding error (1e-9 absolute on values around 100) is expected, anything looser is a bug.
  it('matches R stats::stl(s.window = 11) to 1e-9', () => {
    const r = stl(y, { period: 52, seasonalWindow: 11 });
    reference.stl.window11.seasonal.forEach((v, i) => expect(r.seasonal[i]).toBeCloseTo(v, 9));
    reference.stl.window11.trend.forEach((v, i) => expect(r.trend[i]).toBeCloseTo(v, 9));
  });

  it('matches R stats::stl(s.window = "periodic", robust = TRUE) to 1e-9', () => {
    const r = stl(y, { period: 52, seasonalWindow: 'periodic', robust: true });
    reference.stl.periodicRobust.seasonal.forEach((v, i) => expect(r.seasonal[i]).toBeCloseTo(v, 9));
    reference.stl.periodicRobust.trend.forEach((v, i) => expect(r.trend[i]).toBeCloseTo(v, 9));
  });

  it('refuses histories of two seasons or less', () => {
    expect(() => stl(new Float64Array(14), { period: 7, seasonalWindow: 11 })).toThrow(/two full periods/);
  });

  it('adds back up to the series: seasonal + trend + remainder = y', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 22, maxLength: 60 }), (values) => {
        const x = Float64Array.from(values);
        const r = stl(x, { period: 7, seasonalWindow: 11 });
        for (let i = 0; i < x.length; i++) expect(r.seasonal[i]! + r.trend[i]! + r.remainder[i]!).toBeCloseTo(x[i]!, 6);
      }),
      { numRuns: 50 },
    );
  });

  it('recovers an exactly periodic pattern with a periodic seasonal window', () => {
    const pattern = [5, -3, 2, 0, -4];
    const x = Float64Array.from({ length: 40 }, (_, t) => 10 + pattern[t % 5]!);
    const r = stl(x, { period: 5, seasonalWindow: 'periodic' });
    for (let t = 0; t < x.length; t++) expect(r.seasonal[t]! + r.trend[t]!).toBeCloseTo(x[t]!, 6);
  });
});
