#!/usr/bin/env node
// Policy replay benchmark (npm run bench:replay): runs `shelfcast replay` on the Walmart,
// M5 and car parts data sets in ../shared/data at a 95% service target and prints, per
// data set, each policy's fill rate, stockout periods, average stock and orders, and the
// two targets: calibration (our fill rate within 1.5 points of 95%) and dominance (a fill
// rate at least as high as the normal approximation's with less average stock).
// Options: --limit N (deterministic subsample of each data set), --only walmart,m5.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.SHELFCAST_DATA ?? join(root, '..', 'shared', 'data');
const { values } = parseArgs({ options: { limit: { type: 'string' }, only: { type: 'string' } } });
const DATASETS = [
  { name: 'walmart', season: 52 },
  { name: 'm5', season: 7 },
  { name: 'carparts', season: 12 },
].filter((d) => !values.only || values.only.split(',').includes(d.name));

if (!existsSync(dataDir)) {
  console.log(`bench:replay skipped: the benchmark data folder ${dataDir} is not here (set SHELFCAST_DATA).`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli.mjs'))) {
  console.error('bench:replay: run `npm run build` first.');
  process.exit(2);
}

const TARGET = 0.95;
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const rows = [];
for (const dataset of DATASETS) {
  const dir = join(dataDir, dataset.name);
  const args = ['bin/shelfcast.mjs', 'replay', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--season', String(dataset.season), '--service', String(TARGET), '--json'];
  if (values.limit) args.push('--limit', values.limit);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(`${dataset.name}: replay failed (${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    process.exitCode = 1;
    continue;
  }
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const ours = result.policies.shelfcast;
  const normal = result.policies.normalApprox;
  const calibrated = Math.abs(ours.fillRate - TARGET) <= 0.015;
  const dominates = ours.fillRate >= normal.fillRate && ours.avgStockUnits < normal.avgStockUnits;
  rows.push({ dataset: dataset.name, series: result.series, seconds, result, calibrated, dominates });
  console.log(`\n${dataset.name}: ${result.series} series, ${seconds.toFixed(1)} s`);
  for (const [name, p] of Object.entries(result.policies)) {
    console.log(`  ${name.padEnd(14)} fill ${pct(p.fillRate).padStart(7)}  stockout periods ${String(p.stockoutPeriods).padStart(6)}  avg stock ${p.avgStockUnits.toFixed(2).padStart(10)} units  orders ${p.orders}`);
  }
  console.log(`  calibration (|fill − 95%| ≤ 1.5 points): ${calibrated ? 'met' : 'NOT met'} (${pct(ours.fillRate)})`);
  console.log(`  dominance over the normal approximation: ${dominates ? 'met' : 'NOT met'} (fill ${pct(ours.fillRate)} vs ${pct(normal.fillRate)}, stock ${ours.avgStockUnits.toFixed(2)} vs ${normal.avgStockUnits.toFixed(2)})`);
}
console.log(`\n${JSON.stringify({ bench: 'replay', target: TARGET, results: rows.map((r) => ({ dataset: r.dataset, series: r.series, seconds: r.seconds, calibrated: r.calibrated, dominates: r.dominates, policies: r.result.policies })) })}`);
