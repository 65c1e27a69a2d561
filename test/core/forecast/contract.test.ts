import { describe, expect, it } from 'vitest';
import { localCandidates } from '../../../core/forecast/candidates';
import type { Forecaster, ForecastResult, SeriesContext } from '../../../core/forecast/types';
import { ForecastError, QUANTILE_LEVELS } from '../../../core/forecast/types';
import { ets, holt, ses, dampedTrend } from '../../../core/forecast/models/ets';
import { movingAverage } from '../../../core/forecast/models/simple';

/**
 * The one contract every model meets (CONVENTIONS.md §8, after statsforecast's assert_class):
 * right lengths, deterministic, finite, non-crossing quantiles, non-negative unless the
 * history has negatives, sample paths on request; for all-zero, constant, length-1, huge and
 * negative-containing series. A model may refuse a history with ForecastError (the engine
 * then falls back) but never with anything else, and the benchmarks never refuse.
 */

const models: Forecaster[] = [...localCandidates().map((c) => c.forecaster), ses, holt, dampedTrend, ets, movingAverage(4)];
const neverRefuse = new Set(['naive', 'snaive', 'ma', 'ma4', 'ets', 'ses', 'holt', 'damped', 'theta', 'croston', 'sba', 'tsb', 'adida', 'imapa']);

const wave = (n: number, period: number, level = 50) => Float64Array.from({ length: n }, (_, t) => level + 10 * Math.sin((2 * Math.PI * t) / period) + 3 * Math.sin(1.3 * t));
const cases: { name: string; y: Float64Array }[] = [
  { name: 'all zero', y: new Float64Array(60) },
  { name: 'constant', y: new Float64Array(60).fill(5) },
  { name: 'length 1', y: Float64Array.from([3]) },
  { name: 'length 2', y: Float64Array.from([3, 0]) },
  { name: 'huge', y: Float64Array.from(wave(120, 52), (v) => v * 1e12) },
  { name: 'negative values', y: Float64Array.from(wave(120, 12), (v, t) => (t % 9 === 0 ? -v / 3 : v - 40)) },
  { name: 'intermittent', y: Float64Array.from({ length: 80 }, (_, t) => (t % 5 === 0 ? 1 + (t % 3) : 0)) },
  { name: 'seasonal weekly', y: wave(140, 52) },
  { name: 'missing values', y: Float64Array.from(wave(70, 12), (v, t) => (t % 11 === 3 ? NaN : v)) },
  { name: 'two years daily', y: wave(800, 7, 30) },
];
const contexts: Omit<SeriesContext, 'allowNegative'>[] = [
  { season: 52, frequency: 'W' },
  { season: 12, frequency: 'M' },
  { season: 7, frequency: 'D' },
  { season: 4, frequency: 'Q' },
  { season: 1, frequency: 'Y' },
];

function checkResult(result: ForecastResult, h: number, allowNegative: boolean, label: string): void {
  expect(result.mean, label).toHaveLength(h);
  expect(result.quantiles, label).toHaveLength(QUANTILE_LEVELS.length);
  for (let i = 0; i < h; i++) {
    expect(Number.isFinite(result.mean[i]!), `${label} mean ${i}`).toBe(true);
    if (!allowNegative) expect(result.mean[i]!, `${label} mean ${i}`).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < result.quantiles.length; k++) {
      const q = result.quantiles[k]!;
      expect(q, label).toHaveLength(h);
      expect(Number.isFinite(q[i]!), `${label} q${k} ${i}`).toBe(true);
      if (!allowNegative) expect(q[i]!, `${label} q${k} ${i}`).toBeGreaterThanOrEqual(0);
      if (k > 0) expect(q[i]!, `${label} crossing at q${k} step ${i}`).toBeGreaterThanOrEqual(result.quantiles[k - 1]![i]!);
    }
  }
}

describe.each(models.map((m) => [m.name, m] as const))('contract: %s', (name, model) => {
  for (const context of contexts) {
    it(`holds for every kind of series (${context.frequency}, season ${context.season})`, () => {
      for (const { name: caseName, y } of cases) {
        const label = `${name} / ${caseName} / season ${context.season}`;
        const allowNegative = y.some((v) => v < 0);
        const full: SeriesContext = { ...context, allowNegative };
        const before = Float64Array.from(y);
        let first: ForecastResult;
        try {
          first = model.fit(y, full).forecast(6, { paths: 3, seed: 7 });
        } catch (err) {
          expect(err, label).toBeInstanceOf(ForecastError);
          expect(neverRefuse.has(name), `${label} must not refuse`).toBe(false);
          continue;
        }
        expect(Array.from(y), `${label} mutated its input`).toEqual(Array.from(before));
        checkResult(first, 6, allowNegative, label);
        expect(first.paths, label).toHaveLength(3);
        for (const path of first.paths!) {
          expect(path, label).toHaveLength(6);
          for (const v of path) {
            expect(Number.isFinite(v), label).toBe(true);
            if (!allowNegative) expect(v, label).toBeGreaterThanOrEqual(0);
          }
        }
        const again = model.fit(y, full).forecast(6, { paths: 3, seed: 7 });
        expect(Array.from(again.mean), `${label} not deterministic`).toEqual(Array.from(first.mean));
        expect(again.quantiles.map((q) => Array.from(q)), label).toEqual(first.quantiles.map((q) => Array.from(q)));
        expect(again.paths!.map((p) => Array.from(p)), label).toEqual(first.paths!.map((p) => Array.from(p)));
        const describe = model.fit(y, full).describe();
        expect(() => JSON.stringify(describe), label).not.toThrow();
        if (model.forecastFromOrigins && y.length >= 4) {
          const origins = [y.length - 2, y.length];
          const fromOrigins = model.forecastFromOrigins(y, { ...full, memo: new Map() }, origins, 5);
          expect(fromOrigins, label).toHaveLength(2);
          for (const f of fromOrigins) {
            if (!f) continue;
            expect(f.mean, label).toHaveLength(5);
            for (let i = 0; i < 5; i++) {
              expect(Number.isFinite(f.mean[i]!) && Number.isFinite(f.sd[i]!) && f.sd[i]! >= 0, label).toBe(true);
            }
          }
        }
      }
    });
  }
});
