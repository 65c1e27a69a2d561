/**
 * The Forecaster shell shared by models that remove a seasonal pattern and forecast the
 * rest with an inner ETS-type model (Fourier terms, daily multi-seasonal): `forecastAt`
 * does the work at one history length; this shell fits from the end of the history and
 * runs the backtest origins, warm-starting each inner fit from the first one (the final
 * origin starts from it, the earlier ones reuse it).
 */
import type { EtsFit } from '../kernels/ets';
import { fillMissing } from '../kernels/missing';
import type { Forecaster, OriginForecast, SeriesContext } from '../types';
import { ForecastError } from '../types';
import { gaussianFitted } from './common';

export type AdjustedForecastAt = (
  y: Float64Array,
  n: number,
  context: SeriesContext,
  h: number,
  reuse: EtsFit | undefined,
  warm: EtsFit | undefined,
) => (OriginForecast & { fit: EtsFit }) | undefined;

export function adjustedInnerForecaster(name: string, params: Record<string, unknown>, needs: string, forecastAt: AdjustedForecastAt): Forecaster {
  return {
    name,
    params,
    fit(history: Float64Array, context: SeriesContext) {
      if (history.length === 0) throw new ForecastError('empty history');
      const y = fillMissing(history);
      const first = forecastAt(y, y.length, context, 1, undefined, undefined);
      if (!first) throw new ForecastError(needs);
      return gaussianFitted(name, context, first.description ?? {}, (h) => {
        const r = forecastAt(y, y.length, context, h, first.fit, undefined)!;
        return { mean: r.mean, sd: r.sd };
      });
    },
    forecastFromOrigins(history, context, origins, h) {
      const y = fillMissing(history);
      let shared: EtsFit | undefined;
      return origins.map((origin) => {
        const final = origin === y.length;
        const r = forecastAt(y, origin, context, h, final ? undefined : shared, final ? shared : undefined);
        if (r) shared ??= r.fit;
        return r;
      });
    },
  };
}
