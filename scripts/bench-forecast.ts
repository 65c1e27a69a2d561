// npm run bench:forecast — runs `shelfcast forecast` on the shared benchmark datasets,
// scores every forecast like bench/score.py (and cross-checks with score.py when Python
// and pandas are there), and prints one table next to the peers of bench/SUMMARY.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetScore, ScoredSeries } from '../core/forecast/bench-score';
import { scaleConvention, scoreDataset, selectIds } from '../core/forecast/bench-score';
import { readSeriesCsv } from '../core/forecast/io/series-csv';
import { ensureBuilt, parsePeerSummary, root } from './bench-forecast-lib';

const DATASETS = ['walmart', 'm4_weekly', 'm5', 'carparts', 'store_item_demand'];
const shared = join(root, '..', 'shared');
const dataRoot = join(shared, 'data');
const only = process.argv.slice(2);

interface Meta {
  name?: string;
  freq?: string;
  season: number;
  horizon: number;
}

function readForecastCsv(path: string): Map<string, { mean: Float64Array; quantiles: Float64Array[] }> {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const rows = new Map<string, number[][]>();
  for (const line of lines) {
    const cells = line.split(',');
    const id = cells[0]!;
    const list = rows.get(id) ?? [];
    list.push(cells.slice(1).map(Number));
    rows.set(id, list);
  }
  const out = new Map<string, { mean: Float64Array; quantiles: Float64Array[] }>();
  for (const [id, list] of rows) {
    list.sort((a, b) => a[0]! - b[0]!);
    out.set(id, { mean: Float64Array.from(list, (r) => r[1]!), quantiles: Array.from({ length: 7 }, (_, k) => Float64Array.from(list, (r) => r[2 + k]!)) });
  }
  return out;
}

function holidayWeights(dir: string): Set<number> | undefined {
  const path = join(dir, 'holidays.csv');
  if (!existsSync(path)) return undefined;
  const days = new Set<number>();
  for (const line of readFileSync(path, 'utf8').trim().split('\n').slice(1)) {
    const [date, flag] = line.split(',');
    if (flag?.trim() === '1') days.add(Date.parse(date!) / 86_400_000);
  }
  return days;
}

function pythonScore(dir: string, forecast: string, limit: number | undefined): Record<string, number> | undefined {
  const python = '/usr/bin/python3';
  const scorer = join(shared, 'bench', 'score.py');
  if (!existsSync(python) || !existsSync(scorer)) return undefined;
  const args = [scorer, dir, forecast, ...(limit ? ['--limit', String(limit)] : [])];
  const result = spawnSync(python, args, { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

const fmt = (v: number | undefined, digits = 3) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits));
const pct = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : `${(100 * v).toFixed(1)}%`);

async function main(): Promise<void> {
  if (!existsSync(dataRoot)) {
    process.stdout.write(`bench:forecast skipped: ${dataRoot} is absent (the shared benchmark data is not part of the repository).\n`);
    return;
  }
  const summaryPath = join(shared, 'bench', 'SUMMARY.md');
  const peers = existsSync(summaryPath) ? parsePeerSummary(readFileSync(summaryPath, 'utf8')) : new Map();
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'shelfcast-bench-'));
  const cores = availableParallelism();
  const table: string[] = [];
  const checks: string[] = [];
  try {
    for (const dataset of DATASETS) {
      if (only.length && !only.includes(dataset)) continue;
      const dir = join(dataRoot, dataset);
      if (!existsSync(join(dir, 'train.csv'))) {
        table.push(`| ${dataset} | skipped: ${dir} not found | | | | | | | | | |`);
        continue;
      }
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
      const out = join(work, `${dataset}.csv`);
      const started = performance.now();
      const run = spawnSync(process.execPath, [join(root, 'bin', 'shelfcast.mjs'), 'forecast', '--train', join(dir, 'train.csv'), '--horizon', String(meta.horizon), '--season', String(meta.season), '--out', out], { encoding: 'utf8' });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) {
        table.push(`| ${dataset} | failed: ${run.stderr.trim().split('\n').pop()} | | | | | | | | | |`);
        continue;
      }
      const cpuSeconds = Number(/cpu ([\d.]+) s/.exec(run.stderr)?.[1] ?? NaN);
      const forecasts = readForecastCsv(out);
      const train = await readSeriesCsv(join(dir, 'train.csv'));
      const test = await readSeriesCsv(join(dir, 'test.csv'));
      const trainById = new Map(train.series.map((s) => [s.id, s]));
      const holidays = holidayWeights(dir);
      const step = train.frequency === 'W' ? 7 : 1;
      const scored: ScoredSeries[] = test.series.map((t) => {
        const f = forecasts.get(t.id);
        if (!f) throw new Error(`${dataset}: no forecast for ${t.id}`);
        const weights = holidays ? Float64Array.from(t.values, (_, i) => (holidays.has(t.startDay + i * step) ? 5 : 1)) : undefined;
        return { id: t.id, train: trainById.get(t.id)!.values, actual: t.values, mean: f.mean, quantiles: f.quantiles, ...(weights ? { weights } : {}) };
      });
      const { convention, lag } = scaleConvention(dataset, meta.name ?? '', meta.season, meta.freq ?? '');
      const peer = peers.get(dataset);
      const limit = peer?.limit;
      const subsets: [string, ScoredSeries[], number | undefined][] = [['all', scored, undefined]];
      if (limit) {
        const keep = new Set(selectIds(scored.map((s) => s.id), limit));
        subsets.unshift([`limit ${limit}`, scored.filter((s) => keep.has(s.id)), limit]);
      }
      for (const [label, series, subsetLimit] of subsets) {
        const score: DatasetScore = scoreDataset(series, lag, convention);
        const owa = convention === 'm4' ? 0.5 * (score.smape / 9.161 + score.mase / 2.777) : undefined;
        const extra = [score.wmae !== undefined ? `WMAE ${score.wmae.toFixed(0)}` : '', owa !== undefined ? `OWA ${owa.toFixed(3)}` : ''].filter(Boolean).join(', ');
        const bestMase = peer ? Math.min(...peer.rows.map((r: { mase: number }) => r.mase)) : NaN;
        const bestSpl = peer ? Math.min(...peer.rows.map((r: { spl: number }) => r.spl)) : NaN;
        table.push(
          `| ${dataset} | ${label} (${score.n}) | ${fmt(score.mase)} | ${fmt(score.spl)} | ${pct(score.coverage80)} | ${fmt(score.smape, 2)} | ${fmt(score.wape)} | ${fmt(score.bias)} | ${extra} | ` +
            `${label === 'all' ? `${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s cpu, ${(train.series.length / seconds).toFixed(0)} series/s, ${((cpuSeconds * 1000) / train.series.length).toFixed(2)} ms cpu/series` : ''} | ` +
            `${peer && label !== 'all' ? `${fmt(bestMase)} / ${fmt(bestSpl)}` : ''} |`,
        );
        const py = pythonScore(dir, out, subsetLimit);
        if (py) {
          const differences = (['mase', 'spl', 'coverage80', 'smape'] as const).filter((k) => Math.abs((py[k] ?? NaN) - score[k === 'coverage80' ? 'coverage80' : k]) > 1e-9 * Math.max(1, Math.abs(py[k] ?? 0)));
          checks.push(`${dataset} ${label}: ${differences.length ? `score.py differs on ${differences.join(', ')}` : 'score.py agrees'}`);
        }
      }
      if (peer) {
        for (const r of peer.rows) {
          table.push(`| ${dataset} | peer ${r.method} (${r.n}) | ${fmt(r.mase)} | ${fmt(r.spl)} | ${pct(r.coverage80)} | ${fmt(r.smape, 2)} | | | ${r.wmae !== undefined ? `WMAE ${r.wmae.toFixed(0)}` : ''} | ${r.secondsPerSeries} s/series | |`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const globalModels = process.env.SHELFCAST_GLOBAL_MODELS;
  process.stdout.write(
    `Shelfcast forecast benchmark (${cores} cores; ${globalModels ? `global models: ${globalModels}` : 'default candidates (statistical + GBDT; SHELFCAST_GLOBAL_MODELS=none for statistical only)'}; peers from ${summaryPath})\n\n`,
  );
  process.stdout.write('| dataset | series | MASE | SPL | cov80 | sMAPE | WAPE | bias | other | time | best peer MASE / SPL |\n');
  process.stdout.write('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n');
  process.stdout.write(`${table.join('\n')}\n\n${checks.join('\n')}\n`);
}

await main();
