import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { forecastMany } from '../../forecast/engine';
import { defaultCandidates } from '../../forecast/engine/prepare';
import type { SeriesForecast } from '../../forecast/engine';
import type { ParsedSeriesFile } from '../../forecast/io/series-csv';
import { readSeriesCsv, SeriesCsvError } from '../../forecast/io/series-csv';
import { WorkerPool } from '../../jobs/pool';
import { defaultWorkerCount } from '../../jobs/spawn';
import { parseCliArgs, positiveInt, requireOption } from '../args';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast forecast --train <train.csv> --horizon <H> --season <M> --out <forecasts.csv>';

/**
 * Shortest text for a number rounded to 10 significant digits: String(Number(v.toPrecision(10))).
 * Without an exponent, that is toPrecision's text less its trailing zeros (a decimal of at
 * most 10 digits is the shortest text of the double nearest to it), which skips parsing the
 * text back: a quarter of a million numbers for walmart's forecasts.
 */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const text = v.toPrecision(10);
  if (text.indexOf('e') >= 0 || text.indexOf('.') < 0) return String(Number(text));
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeForecasts(path: string, series: readonly SeriesForecast[], horizon: number): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write('series_id,step,mean,q05,q10,q25,q50,q75,q90,q95\n');
  let buffer = '';
  for (const s of series) {
    const id = csvField(s.id);
    for (let i = 0; i < horizon; i++) {
      buffer += `${id},${i + 1},${formatNumber(s.mean[i]!)}`;
      for (const q of s.quantiles) buffer += `,${formatNumber(q[i]!)}`;
      buffer += '\n';
    }
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

/** The training file, with file-level problems turned into usage errors (exit code 2). */
async function readCsv(train: string): Promise<ParsedSeriesFile> {
  try {
    return await readSeriesCsv(train);
  } catch (err) {
    if (err instanceof SeriesCsvError) throw new UsageError(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new UsageError(`cannot read ${train} (${code})`);
    throw err;
  }
}

/**
 * Forecasts every series of a `series_id,date,value` file (the benchmark layout) with the
 * full engine: frequency inferred from the dates, candidates backtested and chosen per
 * series, calibrated quantiles. Uses every core through the worker pool.
 */
export const forecastCommand: CliCommand = {
  name: 'forecast',
  summary: 'Forecasts every series of a series_id,date,value CSV and writes mean and quantiles per step.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, {
      train: { type: 'string' },
      horizon: { type: 'string' },
      season: { type: 'string' },
      out: { type: 'string' },
    });
    const train = resolve(io.cwd, requireOption(values.train, '--train', usage));
    const out = resolve(io.cwd, requireOption(values.out, '--out', usage));
    const horizon = positiveInt(values.horizon, '--horizon');
    const season = positiveInt(values.season, '--season');
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    // The workers start (load their code) while this thread reads the file.
    const pool = new WorkerPool(defaultWorkerCount());
    let file;
    let loaded = started;
    let result;
    try {
      file = await readCsv(train);
      loaded = performance.now();
      result = await forecastMany(
        file.series.map((s) => ({ id: s.id, values: s.values, startDay: s.startDay })),
        { horizon, season, frequency: file.frequency, runner: pool, candidates: defaultCandidates() },
      );
    } catch (err) {
      await pool.close();
      throw err;
    }
    // The workers stop while the forecasts are written (terminating them takes ~15 ms).
    const closing = pool.close();
    const fitted = performance.now();
    try {
      await writeForecasts(out, result.series, horizon);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot write ${out}${code ? ` (${code})` : ''}`);
    } finally {
      await closing;
    }
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    // CPU time of this process including its worker threads: the cost independent of other load on the machine.
    const cpu = process.cpuUsage(cpuStart);
    const gaps = file.filledGaps ? `, ${file.filledGaps} missing periods as 0` : '';
    const missing = file.missingValues ? `, ${file.missingValues} missing values interpolated` : '';
    io.stderr(
      `forecast: ${result.series.length} series (${file.frequency}, ${file.rows} rows${gaps}${missing}), ` +
        `read ${seconds(loaded - started)} s, fit ${seconds(fitted - loaded)} s, total ${seconds(performance.now() - started)} s, ` +
        `cpu ${seconds((cpu.user + cpu.system) / 1000)} s, ${result.fallbacks} fallbacks` +
        `${result.intervalWidening > 1 ? `, intervals widened ×${result.intervalWidening.toFixed(2)} for the optimism of model choice` : ''}\n`,
    );
    return 0;
  },
};
