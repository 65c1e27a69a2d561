/**
 * Runs the forecast engine (backtest, selection, combination, calibration) on a shared
 * benchmark dataset with and without the global candidates, and writes the forecasts in
 * the scorer's CSV format. What `shelfcast forecast` does, with the candidate set chosen here.
 *
 *   npx tsx scripts/bench-train.engine.ts walmart --global gbdt,nn --out .tmp/walmart-engine.csv
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Candidate } from '../core/forecast/candidates';
import { localCandidates } from '../core/forecast/candidates';
import { forecastMany } from '../core/forecast/engine';
import { gbdtCandidate, nnCandidate } from '../core/forecast/global/candidates';
import { QUANTILE_COLUMNS } from '../core/forecast/types';
import { WorkerPool } from '../core/jobs/pool';
import { defaultWorkerCount } from '../core/jobs/spawn';
import { loadBenchDataset } from './bench-train.data';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'data') },
    global: { type: 'string', default: 'gbdt' },
    out: { type: 'string' },
  },
});
const name = positionals[0];
if (!name) throw new Error('usage: bench-train.engine.ts <dataset> [--global gbdt,nn|none] [--out file.csv]');
const data = loadBenchDataset(join(values.data, name), name);
const globals = values.global === 'none' ? [] : values.global.split(',');
const candidates: Candidate[] = [...localCandidates()];
if (globals.includes('gbdt')) candidates.push(gbdtCandidate());
if (globals.includes('nn')) candidates.push(nnCandidate());
const h = data.meta.horizon;
const pool = new WorkerPool(defaultWorkerCount());
const started = performance.now();
const result = await forecastMany(
  data.series.map((s) => ({ id: s.id, values: s.values, startDay: s.startDay, calendar: s.holiday ? { holiday: s.holiday } : undefined })),
  { horizon: h, season: data.meta.season, frequency: data.meta.freq, runner: pool, candidates },
  { onProgress: (p) => p.current === 0 && console.log(`${p.stepName}…`) },
).finally(() => pool.close());
console.log(`${name}: ${result.series.length} series in ${((performance.now() - started) / 1000).toFixed(1)} s, ${result.fallbacks} fallbacks`);
const usage = new Map<string, number>();
for (const s of result.series) for (const m of s.models) usage.set(m, (usage.get(m) ?? 0) + 1);
console.log('models used:', [...usage].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m}=${n}`).join(' '));
const lines = ['series_id,step,mean,' + QUANTILE_COLUMNS.join(',')];
for (const s of result.series) {
  for (let step = 0; step < h; step++) {
    lines.push(`${s.id},${step + 1},${[s.mean[step]!, ...s.quantiles.map((q) => q[step]!)].map((v) => v.toPrecision(8)).join(',')}`);
  }
}
const out = values.out ?? join('.tmp', `${name}-engine-${values.global}.csv`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}`);
