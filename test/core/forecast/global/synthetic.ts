import type { GlobalSeries } from '../../../../core/forecast/global/features/types';
import { seededRng } from '../../../../core/forecast/global/random';

/**
 * A small weekly panel with a shared yearly shape (a December peak), per-series volume
 * and mild trend, and multiplicative noise: what a global model should learn quickly.
 */
export function syntheticPanel(nSeries: number, length: number, seed = 1): GlobalSeries[] {
  const rng = seededRng(seed);
  const startDay = 14_644; // 2010-02-05, a Friday
  return Array.from({ length: nSeries }, (_, i) => {
    const volume = 20 + 200 * rng();
    const trend = (rng() - 0.5) * 0.004;
    const values = Float64Array.from({ length }, (_, t) => {
      const week = (t + 5) % 52;
      const season = 1 + 0.6 * Math.exp(-((week - 46) ** 2) / 8) + 0.2 * Math.sin((2 * Math.PI * week) / 52);
      return Math.round(volume * season * (1 + trend * t) * (0.85 + 0.3 * rng()));
    });
    return { id: `s${String(i).padStart(3, '0')}`, values, startDay, allowNegative: false };
  });
}

/** The series cut to their first `length` periods. */
export function truncated(series: GlobalSeries[], cut: number): GlobalSeries[] {
  return series.map((s) => ({ ...s, values: s.values.subarray(0, s.values.length - cut) }));
}
