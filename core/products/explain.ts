/**
 * Plain sentences that explain a product's classification and why its forecast model was
 * chosen, with the backtest numbers that justify it (PRODUCT.md §1: every number explains
 * itself).
 */
import type { TextFormat } from '../alerts/format';

const MODEL_NAMES: Record<string, string> = {
  naive: 'the naive forecast (last week again)',
  snaive: 'the seasonal naive forecast (same week last year)',
  seasonal_naive: 'the seasonal naive forecast (same week last year)',
  ma: 'a moving average',
  moving_average: 'a moving average',
  ses: 'simple exponential smoothing',
  holt: 'Holt’s linear trend',
  damped: 'a damped trend',
  ets: 'exponential smoothing (ETS)',
  theta: 'the Theta method',
  croston: 'Croston’s method for intermittent demand',
  sba: 'the Syntetos–Boylan approximation for intermittent demand',
  tsb: 'the TSB method for intermittent demand',
  adida: 'temporal aggregation (ADIDA)',
  stl: 'seasonal decomposition (STL)',
  fourier: 'a trend with yearly seasonality',
  imapa: 'temporal aggregation at several levels (IMAPA)',
  pooled_ses: 'exponential smoothing with a seasonal profile pooled from similar products',
  customers: 'your repeat customers’ own ordering rhythms',
  coldstart: 'the new-product profile of similar products',
  cold_start: 'the new-product profile of similar products',
  gbdt: 'the gradient-boosted tree model trained across all products',
  mlp: 'the neural network trained across all products',
  nn: 'the neural network trained across all products',
  ensemble: 'a combination of the best models',
  combination: 'a combination of the best models',
};

/**
 * A plain name for an engine model: "stl_damped" is a damped trend on the seasonally
 * adjusted sales, "fourier_theta" the Theta method with a yearly pattern, and "a + b"
 * the average of the models it names.
 */
export function modelLabel(model: string): string {
  const parts = model.split(' + ').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) return `an average of ${parts.length} models (${parts.map(modelLabel).join('; ')})`;
  const name = model.toLowerCase();
  const known = MODEL_NAMES[name];
  if (known) return known;
  if (name.startsWith('stl_')) return `${modelLabel(name.slice(4))} on the seasonally adjusted sales (STL)`;
  if (name.startsWith('fourier_')) return `${modelLabel(name.slice(8))} with a yearly seasonal pattern`;
  return model;
}

const ABC: Record<string, string> = { A: 'class A (the products making the first 80% of sales value)', B: 'class B (the next 15% of sales value)', C: 'class C (the last 5% of sales value)' };
const XYZ: Record<string, string> = { X: 'X (steady week to week)', Y: 'Y (variable)', Z: 'Z (very variable)' };
const PATTERN: Record<string, string> = {
  smooth: 'smooth demand (sells most weeks, similar amounts)',
  erratic: 'erratic demand (sells most weeks, very different amounts)',
  intermittent: 'intermittent demand (many weeks without a sale)',
  lumpy: 'lumpy demand (many weeks without a sale, very different amounts when it sells)',
};

export function describeClasses(c: { abc: string | null; xyz: string | null; pattern: string | null; isNew: boolean; isDead: boolean; historyPeriods: number | null }, fmt: TextFormat): string {
  const parts: string[] = [];
  if (c.abc) parts.push(ABC[c.abc] ?? `class ${c.abc}`);
  if (c.xyz) parts.push(XYZ[c.xyz] ?? c.xyz);
  if (c.pattern) parts.push(PATTERN[c.pattern] ?? c.pattern);
  let text = parts.length > 0 ? `This product is ${parts.join(', ')}` : 'This product is not classified yet';
  if (c.historyPeriods !== null) text += `, with ${fmt.qty(c.historyPeriods)} weeks of history`;
  text += '.';
  if (c.isNew) text += ' It is new (less than 8 weeks of sales), so its forecast leans on similar products.';
  if (c.isDead) text += ' It has not sold in 26 weeks.';
  return text;
}

export interface CandidateScore {
  model: string;
  origins: number;
  mase: number | null;
  coverage80: number | null;
  naiveMase: number | null;
  chosen: boolean;
}

function isNaive(model: string): boolean {
  return model.trim().toLowerCase() === 'naive';
}

export function explainModelChoice(chosenModel: string, candidates: readonly CandidateScore[], fmt: TextFormat): string {
  const chosen = candidates.find((c) => c.chosen);
  const name = modelLabel(chosenModel);
  if (!chosen || chosen.mase === null) return `The forecast uses ${name}. No backtest score is stored for it.`;
  const best = candidates.filter((c) => c.mase !== null).reduce((a, b) => (b.mase! < a.mase! ? b : a), chosen);
  const naive = chosen.naiveMase ?? candidates.find((c) => isNaive(c.model))?.mase ?? null;
  const origins = chosen.origins > 0 ? ` over ${fmt.qty(chosen.origins)} ${chosen.origins === 1 ? 'origin' : 'origins'}` : '';
  // An average counts as one forecast however many models it averages, so the count is of
  // forecasts compared, never "models tried" (which read as a contradiction of "an average of
  // 4 models"). When naive is the only other forecast scored, the next sentence compares with it.
  const scored = candidates.filter((c) => c.mase !== null);
  const rivals = scored.filter((c) => c !== chosen && !isNaive(c.model));
  const backtest = `a rolling backtest${origins} on this product’s own sales`;
  let text: string;
  if (best !== chosen) text = `The forecast uses ${name}, the current champion: a challenger must beat it by a clear margin to replace it`;
  else if (rivals.length > 0) text = `The forecast uses ${name}: it had the lowest error of the ${fmt.qty(scored.length)} forecasts compared in ${backtest}`;
  else text = `The forecast uses ${name}, scored in ${backtest}`;
  text += ` (MASE ${fmt.decimal(chosen.mase, 2)}; lower is better).`;
  if (naive !== null && naive > 0) {
    const gain = 1 - chosen.mase / naive;
    text +=
      gain > 0.005
        ? ` That is ${fmt.percent(gain)} less error than the naive forecast (MASE ${fmt.decimal(naive, 2)}).`
        : ` It does not beat the naive forecast here (MASE ${fmt.decimal(naive, 2)}): this product’s sales are hard to predict, so its safety stock is wider.`;
  }
  if (chosen.coverage80 !== null) {
    text += ` Its 80% range held ${fmt.percent(chosen.coverage80)} of the actual weeks in the backtest (80% is right).`;
  }
  return text;
}
