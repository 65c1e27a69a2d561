// Loads the R oracle outputs (test/fixtures/reference/r-forecast.json, made by generate-r.R).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EtsCase {
  par: Record<string, number>;
  sigma2: number;
  aicc: number;
  mean: number[];
}

export interface RReference {
  forecastVersion: string;
  inputs: { weekly: number[]; monthly: number[]; trend: number[]; intermittent: number[] };
  stl: Record<'window11' | 'periodicRobust', { seasonal: number[]; trend: number[] }>;
  ets: Record<'ANN' | 'AAN' | 'AAdN', EtsCase>;
  etsInterior: Record<'ANN' | 'AAN' | 'AAdN', EtsCase>;
  thetaf: Record<'seasonal' | 'nonSeasonal', { mean: number[]; lower80: number[]; upper80: number[] }>;
  decompose: { multiplicativeFigure: number[] };
  acf: number[];
  croston: { mean: number[] };
  naive: { mean: number[]; upper80: number[] };
  snaive: { mean: number[]; upper80: number[] };
  stlfAnn: { mean: number[] };
  counts: Record<'poisson' | 'negbin', { p: number[]; q: number[]; lambda?: number; mu?: number; size?: number }>;
  normalQuantiles: { p: number[]; q: number[] };
}

export const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'reference', 'r-forecast.json'), 'utf8'),
) as RReference;

export const series = (values: number[]) => Float64Array.from(values);

/** Largest absolute difference relative to the largest magnitude of the reference. */
export function relativeError(actual: ArrayLike<number>, expected: readonly number[]): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return worst / Math.max(scale, 1e-12);
}
