// npm run bench:forecast:launch — how the engine forecasts products it has no backtest for.
// m5 (../shared/data) aggregated to weeks: each launched item (zeros, then its first sale)
// is cut k weeks after its first sale and forecast 13 weeks ahead next to every full series
// (its peers); the cut ones are scored on the 13 weeks that followed, against naive (the last
// week) alone. MASE is scaled by the item's mean absolute week-to-week change; SPL averages
// the pinball loss of q10..q90 on the same scale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forecastMany } from '../core/forecast/engine';
import type { SeriesInput } from '../core/forecast/engine';
import { QUANTILE_LEVELS } from '../core/forecast/types';
import { root } from './bench-forecast-lib';

const H = 13;
const WEEKS_AFTER_LAUNCH = [2, 3, 4, 6, 8, 10, 12];
const file = join(root, '..', 'shared', 'data', 'm5', 'train.csv');
if (!existsSync(file)) {
  process.stdout.write(`bench:forecast:launch skipped: ${file} is not there (../shared is not part of a clone).\n`);
  process.exit(0);
}

const daily = new Map<string, number[]>();
for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
  const [id, , value] = line.split(',');
  const values = daily.get(id!) ?? [];
  values.push(Number(value));
  daily.set(id!, values);
}
const inputs: SeriesInput[] = [];
const truth = new Map<string, { k: number; actual: Float64Array; scale: number; last: number }>();
for (const [id, d] of daily) {
  const weeks = Math.floor(d.length / 7);
  const offset = d.length - weeks * 7;
  const y = Float64Array.from({ length: weeks }, (_, w) => d.slice(offset + w * 7, offset + w * 7 + 7).reduce((a, b) => a + b, 0));
  inputs.push({ id, values: y });
  let first = 0;
  while (first < y.length && y[first] === 0) first++;
  if (first < 1 || first >= y.length) continue;
  let change = 0;
  for (let t = first + 1; t < y.length; t++) change += Math.abs(y[t]! - y[t - 1]!);
  const scale = change / (y.length - first - 1) || 1;
  for (const k of WEEKS_AFTER_LAUNCH) {
    if (first + k + H > y.length) continue;
    inputs.push({ id: `${id}@${k}`, values: y.slice(0, first + k) });
    truth.set(`${id}@${k}`, { k, actual: y.slice(first + k, first + k + H), scale, last: y[first + k - 1]! });
  }
}

const result = await forecastMany(inputs, { horizon: H, season: 52, frequency: 'W' });
interface Tally { n: number; mase: number; spl: number; naiveMase: number; models: Map<string, number> }
const byWeeks = new Map<number, Tally>();
for (const s of result.series) {
  const t = truth.get(s.id);
  if (!t) continue;
  const tally = byWeeks.get(t.k) ?? { n: 0, mase: 0, spl: 0, naiveMase: 0, models: new Map<string, number>() };
  let absolute = 0;
  let naiveAbsolute = 0;
  let pinball = 0;
  for (let i = 0; i < H; i++) {
    const actual = t.actual[i]!;
    absolute += Math.abs(s.mean[i]! - actual);
    naiveAbsolute += Math.abs(t.last - actual);
    for (let q = 1; q < QUANTILE_LEVELS.length - 1; q++) {
      const e = actual - s.quantiles[q]![i]!;
      pinball += Math.max(QUANTILE_LEVELS[q]! * e, (QUANTILE_LEVELS[q]! - 1) * e);
    }
  }
  tally.n++;
  tally.mase += absolute / H / t.scale;
  tally.naiveMase += naiveAbsolute / H / t.scale;
  tally.spl += pinball / (QUANTILE_LEVELS.length - 2) / H / t.scale;
  const models = s.models.join(' + ');
  tally.models.set(models, (tally.models.get(models) ?? 0) + 1);
  byWeeks.set(t.k, tally);
}
process.stdout.write('| weeks after launch | items | MASE | naive alone MASE | SPL | models |\n| ---: | ---: | ---: | ---: | ---: | --- |\n');
for (const [k, t] of [...byWeeks].sort((a, b) => a[0] - b[0])) {
  const models = [...t.models].sort((a, b) => b[1] - a[1]).map(([m, c]) => `${m} (${c})`).join(', ');
  process.stdout.write(`| ${k} | ${t.n} | ${(t.mase / t.n).toFixed(3)} | ${(t.naiveMase / t.n).toFixed(3)} | ${(t.spl / t.n).toFixed(3)} | ${models} |\n`);
}
