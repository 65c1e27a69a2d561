import { describe, expect, it } from 'vitest';
import { autoEts, etsForecast, etsState, withErrorClip } from '../../../../core/forecast/kernels/ets';
import { SMOOTHING_LOSS_HORIZON } from '../../../../core/forecast/models/common';
import { ets } from '../../../../core/forecast/models/ets';
import { fitThetaCore, theta, thetaCoreForecast } from '../../../../core/forecast/models/theta';
import type { SeriesContext } from '../../../../core/forecast/types';

/** A weekly series whose first half trends down and second half trends up: a long fit and a recent one disagree. */
function vShaped(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, t) => 200 + Math.abs(t - n / 2) * 1.5 + 8 * Math.sin(t * 1.7) + ((t * 37) % 11));
}

const weekly: SeriesContext = { season: 52, frequency: 'W', allowNegative: false };

/** Mean and sd of an automatic ETS fitted to y[from..to) (weekly error clip), h steps ahead. */
function etsOn(y: Float64Array, from: number, to: number, h: number): { mean: Float64Array; sd: Float64Array } {
  const fit = withErrorClip(autoEts(y, from, to), 3);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  etsForecast(fit, etsState(y, from, to, fit), h, mean, sd);
  return { mean, sd };
}

describe('ets fits the most recent smoothing window', () => {
  it('a 300-week history forecasts as an ETS fitted on its last 156 weeks', () => {
    const y = vShaped(300);
    const own = ets.fit(y, weekly).forecast(4);
    const { mean, sd } = etsOn(y, 144, 300, 4);
    expect(Array.from(own.mean)).toEqual(Array.from(mean));
    expect(Array.from(own.sd!)).toEqual(Array.from(sd));
    // The recent upward trend is what it follows.
    expect(own.mean[3]!).toBeGreaterThan(own.mean[0]!);
  });

  it('backtest origins use the window ending at each origin, and the final fit matches fit()', () => {
    const y = vShaped(300);
    const [first, , last] = ets.forecastFromOrigins!(y, weekly, [250, 270, 300], 4);
    const { mean } = etsOn(y, 94, 250, 4);
    expect(Array.from(first!.mean)).toEqual(Array.from(mean));
    const whole = ets.fit(y, weekly).forecast(4);
    // The final origin is warm-started from the first fit, so it agrees with a cold fit to optimiser tolerance.
    for (let i = 0; i < 4; i++) expect(Math.abs(last!.mean[i]! - whole.mean[i]!)).toBeLessThan(0.05 * Math.abs(whole.mean[i]!));
  });

  it('a history shorter than the window is fitted whole, as before', () => {
    const y = vShaped(120);
    const own = ets.fit(y, weekly).forecast(3);
    const { mean } = etsOn(y, 0, 120, 3);
    expect(Array.from(own.mean)).toEqual(Array.from(mean));
  });
});

describe('theta fits its lines on the most recent smoothing window', () => {
  it('a 300-week non-seasonal history forecasts as the theta lines of its last 156 weeks', () => {
    const y = vShaped(300);
    const own = theta.fit(y, weekly).forecast(4);
    expect(own.sd).toBeDefined();
    const core = fitThetaCore(y.subarray(144, 300), 156, undefined, 3, SMOOTHING_LOSS_HORIZON);
    const expected = thetaCoreForecast(core, 4);
    expect(Array.from(own.mean)).toEqual(Array.from(expected.mean));
    expect(Array.from(own.sd!)).toEqual(Array.from(expected.sd));
    // The drift is the recent upward one, not the whole history's (about flat).
    expect(core.halfSlope).toBeGreaterThan(0.5);
  });
});
