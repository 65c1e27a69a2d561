import { describe, expect, it } from 'vitest';
import { createCustomerDrivenForecaster, CUSTOMER_FORECASTER_NAME, ShopModelCache } from '../../../core/customers/forecaster';
import { repeatCustomerShare, residualWeeklyUnits } from '../../../core/customers/residual-demand';
import { ForecastError, QUANTILE_LEVELS } from '../../../core/forecast/types';
import { AS_OF_DAY, shopFixture } from './shop-fixture';

describe('residual demand', () => {
  const lines = [
    { customerKey: 'rep', day: 0, quantity: 1 },
    { customerKey: 'rep', day: 5, quantity: 1 },
    { customerKey: 'rep', day: 15, quantity: 4 }, // a repeat customer at the window start (day 14)
    { customerKey: 'new', day: 10, quantity: 2 }, // one order before the window: not modelled
    { customerKey: 'new', day: 16, quantity: 3 },
    { customerKey: '', day: 22, quantity: 6 },
    { customerKey: 'late', day: 27, quantity: 1 },
    { customerKey: 'late', day: 28, quantity: 100 }, // the as-of day itself: not history
  ];

  it('hand-worked: weeks [14, 21) and [21, 28) before day 28', () => {
    expect(Array.from(residualWeeklyUnits(lines, 28, 2, 2))).toEqual([3, 7]);
    // Units in the window: 4 + 3 + 6 + 1 = 14, of which the modelled customer bought 4.
    expect(repeatCustomerShare(lines, 28, 2, 2)).toBeCloseTo(4 / 14, 12);
    expect(repeatCustomerShare([], 28, 2, 2)).toBe(0);
  });
});

describe('customer-driven Forecaster', () => {
  const cache = new ShopModelCache(shopFixture());
  const weeks = 20;
  const startDay = AS_OF_DAY - 7 * weeks;
  const y = new Float64Array(weeks).fill(50);
  const context = { season: 52, frequency: 'W' as const, startDay, allowNegative: false };

  it('forecasts mean, non-crossing quantiles and paths from the origin after the series', () => {
    const forecaster = createCustomerDrivenForecaster(cache, 'FLOUR', { paths: 300 });
    expect(forecaster.name).toBe(CUSTOMER_FORECASTER_NAME);
    const fitted = forecaster.fit(y, context);
    expect(fitted.describe()).toMatchObject({ productKey: 'FLOUR', originDay: AS_OF_DAY });
    const result = fitted.forecast(4, { paths: 25, seed: 3 });
    expect(result.mean).toHaveLength(4);
    expect(result.quantiles).toHaveLength(QUANTILE_LEVELS.length);
    expect(result.paths).toHaveLength(25);
    for (let step = 0; step < 4; step++) {
      for (let q = 1; q < QUANTILE_LEVELS.length; q++) expect(result.quantiles[q]![step]!).toBeGreaterThanOrEqual(result.quantiles[q - 1]![step]!);
      expect(result.quantiles[0]![step]!).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(result.mean[step]!)).toBe(true);
      expect(result.mean[step]!).toBeGreaterThan(0); // the weekly customer alone orders ~10 a week
    }
    expect(fitted.forecast(4, { seed: 3 }).paths).toBeUndefined();
    expect(Array.from(fitted.forecast(4, { seed: 3 }).mean)).toEqual(Array.from(result.mean));
  });

  it('an earlier origin uses only the history before it', () => {
    const shorter = y.subarray(0, weeks - 8);
    const fitted = createCustomerDrivenForecaster(cache, 'FLOUR', { paths: 100 }).fit(shorter, context);
    expect(fitted.describe()).toMatchObject({ originDay: AS_OF_DAY - 56 });
    expect(fitted.forecast(2).mean).toHaveLength(2);
  });

  it('refuses what it cannot forecast with a ForecastError', () => {
    const forecaster = createCustomerDrivenForecaster(cache, 'FLOUR');
    expect(() => forecaster.fit(y, { ...context, frequency: 'D' })).toThrow(ForecastError);
    expect(() => forecaster.fit(y, { ...context, startDay: undefined })).toThrow(ForecastError);
    expect(() => createCustomerDrivenForecaster(cache, 'NOPE').fit(y, context)).toThrow(ForecastError);
  });

  it('a product with no repeat customers forecasts its residual demand only', () => {
    const fitted = createCustomerDrivenForecaster(cache, 'RARE', { paths: 50 }).fit(y, context);
    const result = fitted.forecast(3);
    for (const m of result.mean) expect(m).toBeGreaterThanOrEqual(0);
  });
});
