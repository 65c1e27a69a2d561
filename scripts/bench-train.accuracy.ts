/**
 * Trains a global model on a shared benchmark dataset and writes its test-period
 * forecasts in the scorer's CSV format (series_id,step,mean,q05..q95), for
 * `/usr/bin/python3 ../shared/bench/score.py <dataset dir> <csv> --limit N`.
 *
 *   npx tsx scripts/bench-train.accuracy.ts walmart --model gbdt --out .tmp/walmart-gbdt.csv
 *   options: --data <dir of datasets> --limit N --refit --groups pattern --gbdt '{"nTrees":300}' --seed 1
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ForecastResult } from '../core/forecast/types';
import { QUANTILE_COLUMNS } from '../core/forecast/types';
import type { GbdtGlobalOptions } from '../core/forecast/global/gbdt-global';
import { trainGbdtGlobal } from '../core/forecast/global/gbdt-global';
import { forecastGbdtGlobal } from '../core/forecast/global/gbdt-forecast';
import type { GbdtParams } from '../core/forecast/global/gbdt/model';
import { featureImportance } from '../core/forecast/global/gbdt/model';
import { forecastNnGlobal, trainNnGlobal } from '../core/forecast/global/nn-global';
import type { MlpParams } from '../core/forecast/global/nn/train';
import { loadBenchDataset, selectIds } from './bench-train.data';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'data') },
    model: { type: 'string', default: 'gbdt' },
    out: { type: 'string' },
    limit: { type: 'string' },
    refit: { type: 'boolean', default: false },
    groups: { type: 'string', default: 'pooled' },
    gbdt: { type: 'string', default: '{}' },
    mlp: { type: 'string', default: '{}' },
    features: { type: 'string', default: '{}' },
    overrides: { type: 'string', default: '{}' },
    seed: { type: 'string', default: '1' },
    steps: { type: 'string', default: '2' },
    'max-targets': { type: 'string' },
    scale: { type: 'string', default: 'noise' },
    quantiles: { type: 'string', default: 'residual' },
  },
});

const name = positionals[0];
if (!name) throw new Error('usage: bench-train.accuracy.ts <dataset> [--model gbdt] [--out file.csv]');
const dir = join(values.data, name);
const t0 = performance.now();
const data = loadBenchDataset(dir, name);
const t1 = performance.now();
console.log(`${name}: ${data.series.length} series, loaded in ${((t1 - t0) / 1000).toFixed(1)} s`);

let forecasts: ForecastResult[];
const h = data.meta.horizon;
const wanted = new Set(selectIds(data.series.map((s) => s.id), values.limit ? Number(values.limit) : undefined));
const target = data.series.filter((s) => wanted.has(s.id));
if (values.model === 'gbdt') {
  const cpu0 = process.cpuUsage();
  const featureOptions = JSON.parse(values.features) as Record<string, unknown>;
  const model = trainGbdtGlobal(data.series, {
    frequency: data.meta.freq,
    season: data.meta.season,
    horizon: h,
    features: {
      calendar: data.realDates,
      holidays: data.hasHolidays,
      price: data.hasPrice,
      categories: data.categories,
      ...featureOptions,
    },
    featureOverrides: JSON.parse(values.overrides) as GbdtGlobalOptions['featureOverrides'],
    gbdt: JSON.parse(values.gbdt) as Partial<GbdtParams>,
    refit: values.refit,
    stepsPerTarget: Number(values.steps),
    maxTargetsPerSeries: values['max-targets'] ? Number(values['max-targets']) : undefined,
    errorScale: values.scale === 'level' ? 'level' : 'noise',
    quantileMethod: values.quantiles === 'pinball' ? 'pinball' : 'residual',
    residualGroups: values.groups === 'pattern' ? 'pattern' : 'pooled',
    seed: Number(values.seed),
  });
  const t2 = performance.now();
  const trainSeconds = (t2 - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(`CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  console.log(
    `trained in ${trainSeconds.toFixed(1)} s: ${model.training.rows} rows (+${model.training.validRows} validation), ` +
      `${model.training.trees} trees, ${Math.round((model.training.rows + model.training.validRows) / trainSeconds)} rows/s`,
  );
  console.log('validation window:', JSON.stringify(model.validation));
  const importance = featureImportance(model.booster);
  const top = [...importance].map((v, i) => [model.featureNames[i], v] as const).sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log('importance:', top.map(([n, v]) => `${n}=${v.toFixed(3)}`).join(' '));
  forecasts = forecastGbdtGlobal(model, target, h);
  console.log(`forecast ${target.length} series in ${((performance.now() - t2) / 1000).toFixed(2)} s`);
} else if (values.model === 'nn') {
  const t2 = performance.now();
  const model = await trainNnGlobal(
    data.series,
    {
      frequency: data.meta.freq,
      season: data.meta.season,
      horizon: h,
      inputs: { calendar: data.realDates, holidays: data.hasHolidays, price: data.hasPrice },
      mlp: JSON.parse(values.mlp) as Partial<MlpParams>,
      seed: Number(values.seed),
    },
    { onEpoch: (p) => console.log(`epoch ${p.epoch}: train ${p.trainLoss.toFixed(4)} valid ${p.validLoss?.toFixed(4)}`) },
  );
  const t3 = performance.now();
  console.log(
    `trained in ${((t3 - t2) / 1000).toFixed(1)} s on ${model.backend}: ${model.training.rows} rows, ${model.training.epochs} epochs (best ${model.bestEpoch}), ` +
      `${Math.round((Math.min(model.training.rows, 40_000) * model.training.epochs) / ((t3 - t2) / 1000))} windows/s`,
  );
  console.log('validation window:', JSON.stringify(model.validation), 'shift', Array.from(model.quantileShift, (v) => v.toFixed(3)).join(' '));
  forecasts = forecastNnGlobal(model, target, h);
} else {
  throw new Error(`unknown --model ${values.model}`);
}

const lines = ['series_id,step,mean,' + QUANTILE_COLUMNS.join(',')];
target.forEach((s, i) => {
  const f = forecasts[i]!;
  for (let step = 0; step < h; step++) {
    const cells = [f.mean[step]!, ...f.quantiles.map((q) => q[step]!)].map((v) => (Number.isFinite(v) ? v.toPrecision(8) : 'NaN'));
    lines.push(`${s.id},${step + 1},${cells.join(',')}`);
  }
});
const out = values.out ?? join('.tmp', `${name}-${values.model}.csv`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}`);
