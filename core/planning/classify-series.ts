import type { ClassRow } from '../db/repos/forecast-runs';
import { abcClasses, coefficientOfVariation, demandPattern, intermittencyStats, isDeadProduct, isNewProduct, xyzClass } from '../forecast/classify';
import type { DemandSeries } from '../series/build';

const YEAR_WEEKS = 52;

/** The observed (not censored) values of the last `n` periods. */
function lastObserved(values: Float64Array, n: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, values.length - n); i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

/**
 * ABC by sales value over the last 52 weeks (across all series), XYZ by the coefficient of
 * variation of weekly demand over the same window, demand pattern by ADI / CV² over the
 * whole history, new (< 8 weeks) and dead (no sale in 26 weeks). PRODUCT.md §6.
 */
export function classifySeries(series: readonly DemandSeries[]): ClassRow[] {
  const values = series.map((s) => {
    let total = 0;
    for (let i = Math.max(0, s.valueCents.length - YEAR_WEEKS); i < s.valueCents.length; i++) total += s.valueCents[i]!;
    return total;
  });
  const abc = abcClasses(values);
  return series.map((s, i) => {
    const recent = lastObserved(s.values, YEAR_WEEKS);
    const observed = lastObserved(s.values, s.values.length);
    const stats = intermittencyStats(observed);
    const cv = coefficientOfVariation(recent);
    const hasDemand = stats.nonZeroCount > 0;
    return {
      productId: s.productId,
      locationId: s.locationId,
      abc: abc[i] ?? 'C',
      xyz: Number.isFinite(cv) ? xyzClass(cv) : hasDemand ? 'Z' : null,
      pattern: hasDemand ? demandPattern(stats) : null,
      isNew: isNewProduct(s.values.length, 1),
      isDead: isDeadProduct(s.values.map((v) => (Number.isNaN(v) ? 0 : v)), 1),
      adi: Number.isFinite(stats.adi) ? stats.adi : null,
      cv2: hasDemand ? stats.cv2 : null,
      historyPeriods: s.values.length,
    };
  });
}
