/**
 * Applying the owner's manual overrides to a forecast (PRODUCT.md §2.6: the owner decides).
 *
 * An override covers the forecast periods whose start day lies in [startDay, endDay]
 * (null: unbounded). Where several cover one period, the newest wins: a later override
 * replaces an earlier judgement instead of compounding with it.
 *
 *  - percent p: the whole distribution is scaled by (1 + p/100): mean and every quantile.
 *  - units u (per week): the distribution is rescaled so that its mean is u, keeping its
 *    shape (its coefficient of variation); when the model expected nothing (mean 0) there is
 *    no shape to keep, so the period becomes Poisson(u), the distribution of counts that
 *    arrive independently at a steady rate (the plainest model of "about u a week").
 *    For daily forecasts u/7 per day.
 */
import { poissonQuantile } from './poisson';

export interface OverrideRule {
  id: number;
  kind: 'percent' | 'units';
  value: number;
  startDay: number | null;
  endDay: number | null;
  /** Larger is newer (the row id or creation order). */
  order: number;
}

export interface ForecastStep {
  periodStart: number;
  mean: number;
  /** Quantiles at QUANTILE_LEVELS, ascending. */
  quantiles: number[];
}

export const OVERRIDE_QUANTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export function overrideFor(rules: readonly OverrideRule[], periodStart: number): OverrideRule | null {
  let chosen: OverrideRule | null = null;
  for (const rule of rules) {
    if (rule.startDay !== null && periodStart < rule.startDay) continue;
    if (rule.endDay !== null && periodStart > rule.endDay) continue;
    if (chosen === null || rule.order > chosen.order) chosen = rule;
  }
  return chosen;
}

/** One step with one override applied; `periodDays` converts units per week to the period. */
export function applyOverrideToStep(step: ForecastStep, rule: OverrideRule, periodDays: number, levels: readonly number[] = OVERRIDE_QUANTILE_LEVELS): ForecastStep {
  if (rule.kind === 'percent') {
    const factor = Math.max(0, 1 + rule.value / 100);
    return { periodStart: step.periodStart, mean: step.mean * factor, quantiles: step.quantiles.map((q) => q * factor) };
  }
  const target = Math.max(0, rule.value) * (periodDays / 7);
  const factor = step.mean > 0 ? target / step.mean : NaN;
  // A mean too small to scale from (0, or so small the factor overflows) has no shape to keep.
  if (Number.isFinite(factor)) {
    return { periodStart: step.periodStart, mean: target, quantiles: step.quantiles.map((q) => q * factor) };
  }
  return { periodStart: step.periodStart, mean: target, quantiles: levels.map((p) => poissonQuantile(target, p)) };
}

/** The forecast as the plan should use it; steps without an override are returned as they are. */
export function applyOverrides(steps: readonly ForecastStep[], rules: readonly OverrideRule[], periodDays: number): { steps: ForecastStep[]; overridden: boolean[] } {
  const overridden: boolean[] = [];
  const out = steps.map((step) => {
    const rule = overrideFor(rules, step.periodStart);
    overridden.push(rule !== null);
    return rule ? applyOverrideToStep(step, rule, periodDays) : step;
  });
  return { steps: out, overridden };
}

/** Scales sample paths the same way (for the plan, which sums paths over the lead time). */
export function applyOverridesToPaths(paths: readonly Float64Array[], periodStarts: readonly number[], means: ArrayLike<number>, rules: readonly OverrideRule[], periodDays: number, seed = 1): Float64Array[] {
  const factors: Array<number | null> = periodStarts.map((start, k) => {
    const rule = overrideFor(rules, start);
    if (!rule) return 1;
    if (rule.kind === 'percent') return Math.max(0, 1 + rule.value / 100);
    const mean = means[k] ?? 0;
    const factor = mean > 0 ? (Math.max(0, rule.value) * (periodDays / 7)) / mean : NaN;
    return Number.isFinite(factor) ? factor : null;
  });
  // Where the model expected nothing, paths get Poisson draws with the override's rate,
  // from a small seeded generator so the plan stays reproducible.
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return paths.map((path) => {
    const out = new Float64Array(path.length);
    for (let k = 0; k < path.length; k++) {
      const factor = factors[k];
      if (factor === null || factor === undefined) {
        const rule = overrideFor(rules, periodStarts[k] ?? 0);
        const rate = rule ? Math.max(0, rule.value) * (periodDays / 7) : 0;
        out[k] = poissonQuantile(rate, uniform());
      } else {
        out[k] = path[k]! * factor;
      }
    }
    return out;
  });
}
