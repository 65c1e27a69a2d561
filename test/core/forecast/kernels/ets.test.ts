import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EtsTrend } from '../../../../core/forecast/kernels/ets';
import { autoEts, etsForecast, etsState, fitEts } from '../../../../core/forecast/kernels/ets';
import { reference, relativeError, series } from '../reference';

function forecastOf(y: Float64Array, trend: EtsTrend, h: number) {
  const fit = fitEts(y, 0, y.length, trend);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  etsForecast(fit, etsState(y, 0, y.length, fit), h, mean, sd);
  return { fit, mean, sd };
}

describe('additive ETS against R forecast::ets', () => {
  const weekly = series(reference.inputs.weekly);
  const trendy = series(reference.inputs.trend);

  // Both minimise the same sum of squares; R searches initial states with Nelder-Mead while we
  // solve for them exactly, so where R reaches the optimum the forecasts agree to optimiser
  // tolerance (1e-4 relative), and where it stops early ours must fit at least as well.
  it('ETS(A,N,N) matches R: alpha to 1e-3, forecasts and sigma^2 to 1e-4 relative', () => {
    const r = reference.etsInterior.ANN;
    const { fit, mean } = forecastOf(weekly, 'none', 6);
    expect(fit.alpha).toBeCloseTo(r.par.alpha!, 3);
    expect(relativeError(mean, r.mean)).toBeLessThan(1e-4);
    expect(Math.abs(fit.sigma2 - r.sigma2) / r.sigma2).toBeLessThan(1e-4);
  });

  it('ETS(A,A,N) matches R: forecasts to 1e-3 and sigma^2 to 1e-4 relative', () => {
    const r = reference.etsInterior.AAN;
    const { fit, mean } = forecastOf(weekly, 'additive', 6);
    expect(relativeError(mean, r.mean)).toBeLessThan(1e-3);
    expect(Math.abs(fit.sigma2 - r.sigma2) / r.sigma2).toBeLessThan(1e-4);
  });

  it('ETS(A,Ad,N) fits at least as well as R (same objective, R stops early here)', () => {
    const { fit } = forecastOf(weekly, 'damped', 6);
    expect(fit.sigma2).toBeLessThanOrEqual(reference.etsInterior.AAdN.sigma2 * (1 + 1e-6));
  });

  it('ranks the three models by AICc as R does (AICc differ from R by one constant)', () => {
    const ours = (['none', 'additive', 'damped'] as const).map((t) => fitEts(weekly, 0, weekly.length, t).aicc);
    const theirs = [reference.etsInterior.ANN.aicc, reference.etsInterior.AAN.aicc, reference.etsInterior.AAdN.aicc];
    const order = (v: number[]) => v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
    expect(order(ours)).toEqual(order(theirs));
    expect(autoEts(weekly, 0, weekly.length).trend).toBe('additive');
    // The ANN - AAN difference is exact (no optimiser in play for ANN's single parameter).
    expect(ours[0]! - ours[1]!).toBeCloseTo(theirs[0]! - theirs[1]!, 2);
  });

  it('on a boundary case never fits worse than R', () => {
    for (const [name, trend] of [['ANN', 'none'], ['AAN', 'additive'], ['AAdN', 'damped']] as const) {
      const { fit } = forecastOf(trendy, trend, 6);
      expect(fit.sigma2, name).toBeLessThanOrEqual(reference.ets[name].sigma2 * (1 + 1e-6));
    }
  });
});

describe('additive ETS by hand', () => {
  it('SES forecast is the last level and sd grows as sigma * sqrt(1 + (h - 1) alpha^2)', () => {
    const y = Float64Array.from([10, 12, 11, 13, 12, 14, 13, 15]);
    const { fit, mean, sd } = forecastOf(y, 'none', 3);
    let level = fit.level0;
    for (const v of y) level += fit.alpha * (v - level);
    expect(mean[0]).toBeCloseTo(level, 10);
    expect(mean[2]).toBeCloseTo(level, 10);
    const sigma = Math.sqrt(fit.sigma2);
    expect(sd[0]).toBeCloseTo(sigma, 10);
    expect(sd[2]).toBeCloseTo(sigma * Math.sqrt(1 + 2 * fit.alpha * fit.alpha), 10);
  });

  it('the concentrated initial level is the least-squares one (moving it raises the SSE)', () => {
    const y = Float64Array.from([5, 7, 6, 9, 8, 10, 9, 12, 11, 13]);
    const fit = fitEts(y, 0, y.length, 'none');
    const sse = (level0: number) => {
      let level = level0;
      let total = 0;
      for (const v of y) {
        total += (v - level) ** 2;
        level += fit.alpha * (v - level);
      }
      return total;
    };
    expect(sse(fit.level0)).toBeCloseTo(fit.sse, 8);
    expect(sse(fit.level0 + 0.01)).toBeGreaterThan(fit.sse);
    expect(sse(fit.level0 - 0.01)).toBeGreaterThan(fit.sse);
  });

  it('is translation-equivariant: shifting the series shifts the forecast', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 12, maxLength: 40 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (values, shift) => {
        const y = Float64Array.from(values);
        const a = forecastOf(y, 'none', 2).mean[0]!;
        const b = forecastOf(Float64Array.from(values, (v) => v + shift), 'none', 2).mean[0]!;
        expect(b - shift).toBeCloseTo(a, 4);
      }),
      { numRuns: 40 },
    );
  });

  it('handles constant, zero and huge series without NaN', () => {
    for (const y of [new Float64Array(20).fill(7), new Float64Array(20), Float64Array.from({ length: 20 }, (_, i) => 1e12 + i * 1e9)]) {
      for (const trend of ['none', 'additive', 'damped'] as const) {
        const { mean, sd } = forecastOf(y, trend, 4);
        for (const v of [...mean, ...sd]) expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});
