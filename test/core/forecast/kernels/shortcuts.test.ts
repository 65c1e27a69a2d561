import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autocorrelations, classicalSeasonalFigure } from '../../../../core/forecast/kernels/decompose';
import { fitFourier, fourierSeasonal, fourierSeasonalRange } from '../../../../core/forecast/kernels/fourier';
import { loessAt, loessSmooth } from '../../../../core/forecast/kernels/loess';

/**
 * The kernels take shortcuts that must not change a single bit: tabulated weights in loess
 * (the general path runs when robustness weights are given, and weights of 1 leave every
 * weight as it is) and interleaved sums in the classical decomposition and the
 * autocorrelations (against the textbook one-at-a-time loops written out here).
 */

const values = (min: number, max: number) => fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: min, maxLength: max });

function bits(a: ArrayLike<number>): string[] {
  return Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));
}

describe('loess shortcuts give the general path bit for bit', () => {
  it('loessSmooth without robustness equals loessSmooth with robustness weights of 1', () => {
    fc.assert(
      fc.property(values(2, 80), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 12 }), (list, halfSpan, degree, jump) => {
        const y = Float64Array.from(list);
        const n = y.length;
        const span = 2 * halfSpan + 1;
        const ones = new Float64Array(n).fill(1);
        const plain = new Float64Array(n);
        const general = new Float64Array(n);
        loessSmooth(y, n, span, degree, jump, undefined, plain, new Float64Array(n + 2));
        loessSmooth(y, n, span, degree, jump, ones, general, new Float64Array(n + 2));
        expect(bits(plain)).toEqual(bits(general));
      }),
    );
  });

  it('loessAt over a whole short series, inside and one step outside it, equals the general path', () => {
    fc.assert(
      fc.property(values(1, 40), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1 }), (list, halfSpan, degree) => {
        const y = Float64Array.from(list);
        const n = y.length;
        const ones = new Float64Array(n).fill(1);
        const weights = new Float64Array(n);
        for (let xs = 0; xs <= n + 1; xs++) {
          const plain = new Float64Array(1);
          const general = new Float64Array(1);
          const ok = loessAt(y, n, 2 * halfSpan + 1, degree, xs, 1, n, weights, undefined, plain, 0);
          expect(loessAt(y, n, 2 * halfSpan + 1, degree, xs, 1, n, weights, ones, general, 0)).toBe(ok);
          if (ok) expect(bits(plain)).toEqual(bits(general));
        }
      }),
    );
  });
});

function figureOneAtATime(y: Float64Array, n: number, m: number, multiplicative: boolean): Float64Array {
  const half = Math.floor(m / 2);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = 0.5 * (y[t - half]! + y[t + half]!);
      for (let j = t - half + 1; j < t + half; j++) trend += y[j]!;
    } else for (let j = t - half; j <= t + half; j++) trend += y[j]!;
    trend /= m;
    sums[t % m] = sums[t % m]! + (multiplicative ? y[t]! / trend : y[t]! - trend);
    counts[t % m] = counts[t % m]! + 1;
  }
  const figure = Float64Array.from(sums, (s, k) => (counts[k]! > 0 ? s / counts[k]! : multiplicative ? 1 : 0));
  const average = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => (multiplicative ? f / average : f - average));
}

function acfOneAtATime(y: Float64Array, n: number, maxLag: number): Float64Array {
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t]! - mean) ** 2;
  const r = new Float64Array(maxLag);
  if (!(denominator > 0)) return r;
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (y[t]! - mean) * (y[t + k]! - mean);
    r[k - 1] = s / denominator;
  }
  return r;
}

describe('interleaved sums equal one-at-a-time sums bit for bit', () => {
  it('classicalSeasonalFigure, odd and even seasons, additive and multiplicative', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 4, maxLength: 120 }), fc.integer({ min: 2, max: 13 }), fc.boolean(), (list, m, multiplicative) => {
        const y = Float64Array.from(list);
        expect(bits(classicalSeasonalFigure(y, y.length, m, multiplicative))).toEqual(bits(figureOneAtATime(y, y.length, m, multiplicative)));
      }),
    );
  });

  it('autocorrelations for any number of lags, up to and beyond the series length', () => {
    fc.assert(
      fc.property(values(1, 90), fc.integer({ min: 1, max: 60 }), (list, maxLag) => {
        const y = Float64Array.from(list);
        expect(bits(autocorrelations(y, y.length, maxLag))).toEqual(bits(acfOneAtATime(y, y.length, maxLag)));
      }),
    );
  });
});

describe('fourierSeasonalRange', () => {
  it('equals fourierSeasonal point by point bit for bit, inside the fitted window (cached columns, four at a time) and outside it', () => {
    fc.assert(
      fc.property(values(12, 90), fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.integer({ min: 1, max: 20 }), (list, offset, withTrend, maxHarmonics) => {
        const x = Float64Array.from(list);
        const fit = fitFourier(x, x.length, 365.25 / 7, maxHarmonics, offset, withTrend);
        const from = Math.max(0, offset - 5);
        const to = offset + x.length + 7;
        const range = fourierSeasonalRange(fit, from, to, new Float64Array(to - from));
        const row = new Float64Array(fit.coefficients.length);
        const pointwise = Float64Array.from({ length: to - from }, (_, i) => fourierSeasonal(fit, from + i, row));
        expect(bits(range)).toEqual(bits(pointwise));
      }),
    );
  });
});
