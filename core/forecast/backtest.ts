import { localCandidate, seriesFeature } from './candidates';
import type { ForecastResult, OriginForecast, SeriesContext } from './types';

/**
 * Rolling-origin evaluation: every candidate forecasts h steps from each backtest origin
 * and from the end of the history (the final forecast), in one compact block per series.
 */

export interface CandidateRuns {
  names: string[];
  /** Number of origins including the final one (the last). */
  originCount: number;
  horizon: number;
  /** Means and sds laid out [candidate][origin][step]. */
  mean: Float64Array;
  sd: Float64Array;
  /** 1 where candidate c produced a finite forecast at origin o: index c * originCount + o. */
  valid: Uint8Array;
  /** Why a candidate failed (first failure), null when it did not. */
  errors: (string | null)[];
  /** Description of each candidate's final fit (null when it failed there). */
  descriptions: (Record<string, unknown> | null)[];
  /** Series features computed for global candidates (see registerSeriesFeature). */
  features?: Record<string, Float64Array>;
  /**
   * Candidates' room left after names.length in the buffers of mean, sd and valid (views
   * from their start): appendCandidates fills it instead of copying the arrays.
   */
  spare?: number;
}

/**
 * Backtest origins for a history of length n: `count` origins ending h steps before the
 * end, `stride` periods apart, keeping at least `minHistory` periods before each origin.
 */
export function backtestOrigins(n: number, horizon: number, count: number, stride: number, minHistory = 3): number[] {
  const origins: number[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const origin = n - horizon - k * stride;
    if (origin >= minHistory) origins.push(origin);
  }
  return origins;
}

/** The standard deviation implied by a result: its own sd, else the q90 - q10 spread. */
function spreadOf(result: ForecastResult, h: number): Float64Array {
  if (result.sd) return result.sd;
  const lower = result.quantiles[1]!;
  const upper = result.quantiles[5]!;
  return Float64Array.from({ length: h }, (_, i) => Math.max(0, upper[i]! - lower[i]!) / 2.5631);
}

export function runLocalCandidates(
  y: Float64Array,
  context: SeriesContext,
  originsWithFinal: readonly number[],
  horizon: number,
  names: readonly string[],
  featureNames: readonly string[] = [],
  startPeriod = 0,
  /** Room for this many more candidates (the global ones the engine appends) after the local ones. */
  spare = 0,
): CandidateRuns {
  const originCount = originsWithFinal.length;
  const block = originCount * horizon;
  const mean = new Float64Array((names.length + spare) * block).subarray(0, names.length * block);
  const sd = new Float64Array((names.length + spare) * block).subarray(0, names.length * block);
  const valid = new Uint8Array((names.length + spare) * originCount).subarray(0, names.length * originCount);
  const errors: (string | null)[] = [];
  const descriptions: (Record<string, unknown> | null)[] = [];
  const shared: SeriesContext = { ...context, memo: new Map() };
  names.forEach((name, c) => {
    const candidate = localCandidate(name);
    let forecasts: (OriginForecast | undefined)[] = [];
    let error: string | null = null;
    try {
      if (!candidate) throw new Error(`unknown candidate ${name}`);
      const forecaster = candidate.forecaster;
      forecasts = forecaster.forecastFromOrigins
        ? forecaster.forecastFromOrigins(y, shared, originsWithFinal, horizon)
        : originsWithFinal.map((origin) => {
            const result = forecaster.fit(y.subarray(0, origin), shared).forecast(horizon);
            return { mean: result.mean, sd: spreadOf(result, horizon) };
          });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    let description: Record<string, unknown> | null = null;
    for (let o = 0; o < originCount; o++) {
      const f = forecasts[o];
      if (!f) continue;
      let finite = true;
      for (let i = 0; i < horizon; i++) if (!Number.isFinite(f.mean[i]!) || !Number.isFinite(f.sd[i]!)) finite = false;
      if (!finite) {
        error ??= `non-finite forecast at origin ${originsWithFinal[o]}`;
        continue;
      }
      const offset = c * block + o * horizon;
      // (A plain copy: a subarray view per candidate and origin cost more than the copy itself on short series.)
      const fMean = f.mean;
      const fSd = f.sd;
      for (let i = 0; i < horizon; i++) {
        mean[offset + i] = fMean[i]!;
        sd[offset + i] = fSd[i]!;
      }
      valid[c * originCount + o] = 1;
      if (o === originCount - 1) description = f.description ?? {};
    }
    if (!error && !valid[c * originCount + originCount - 1]) error = 'no forecast from the end of the history';
    errors.push(error);
    descriptions.push(description);
  });
  const features: Record<string, Float64Array> = {};
  for (const featureName of featureNames) {
    const feature = seriesFeature(featureName);
    if (!feature) continue;
    try {
      features[featureName] = feature(y, shared, originsWithFinal, startPeriod);
    } catch {
      // A feature that cannot be computed leaves its global candidate out for this series.
    }
  }
  return { names: [...names], originCount, horizon, mean, sd, valid, errors, descriptions, features, ...(spare > 0 ? { spare } : {}) };
}
