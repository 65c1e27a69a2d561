/**
 * Forecast accuracy against the naive forecast, overall and per ABC class.
 *
 * Per product the backtest gives the chosen model's MASE and the naive forecast's MASE on
 * the same origins. Across products we report the medians (robust to a few wild series),
 * the share of products where the model beats naive, and the typical error reduction
 * 1 − exp(mean(log(MASE_model / MASE_naive))): the geometric mean of relative errors,
 * the aggregate recommended by Davydenko & Fildes (2013) because arithmetic means of
 * ratios are dominated by outliers and are not symmetric.
 */
import type { AccuracyGroup } from '../contract/commands/dashboard';
import { median } from '../alerts/robust';

export interface AccuracyInput {
  mase: number;
  naiveMase: number | null;
  abc: string | null;
}

function group(name: AccuracyGroup['group'], rows: readonly AccuracyInput[]): AccuracyGroup {
  const paired = rows.filter((r) => r.naiveMase !== null && r.naiveMase > 0 && r.mase >= 0 && Number.isFinite(r.mase));
  // A perfect model (MASE 0) has an undefined log ratio; floor the ratio at 1e-3.
  const logRatios = paired.map((r) => Math.log(Math.max(r.mase / r.naiveMase!, 1e-3)));
  return {
    group: name,
    products: rows.length,
    medianMase: rows.length > 0 ? median(rows.map((r) => r.mase)) : null,
    medianNaiveMase: paired.length > 0 ? median(paired.map((r) => r.naiveMase!)) : null,
    errorReduction: logRatios.length > 0 ? 1 - Math.exp(logRatios.reduce((a, b) => a + b, 0) / logRatios.length) : null,
    beatsNaiveShare: paired.length > 0 ? paired.filter((r) => r.mase < r.naiveMase!).length / paired.length : null,
  };
}

export function accuracyGroups(rows: readonly AccuracyInput[]): AccuracyGroup[] {
  const out = [group('all', rows)];
  for (const abc of ['A', 'B', 'C'] as const) {
    const members = rows.filter((r) => r.abc === abc);
    if (members.length > 0) out.push(group(abc, members));
  }
  const unclassified = rows.filter((r) => r.abc === null);
  if (unclassified.length > 0 && unclassified.length < rows.length) out.push(group('unclassified', unclassified));
  return out;
}
