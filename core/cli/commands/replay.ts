import { resolve } from 'node:path';
import { isoFromDay } from '../../dates';
import { periodDay } from '../../forecast/global/features/calendar';
import { FREQUENCY_NAMES } from '../../forecast/frequency';
import type { ParsedSeriesFile } from '../../forecast/io/series-csv';
import { readSeriesCsv, SeriesCsvError } from '../../forecast/io/series-csv';
import { buildWeeklySeries } from '../../series/build';
import { readSettings } from '../../db/repos/settings';
import { planProducts } from '../../db/repos/plan-inputs';
import { WorkerPool } from '../../jobs/pool';
import { defaultWorkerCount } from '../../jobs/spawn';
import { periodDaysOf } from '../../inventory/scenarios';
import type { BatchForecaster, PolicyName, ReplayConfig, ReplaySeries } from '../../inventory/replay';
import { PLAN_DEFAULTS } from '../../inventory/plan';
import { calibrateServiceLevel, POLICY_NAMES, replayMany, summarize } from '../../inventory/replay';
import { engineForecaster, joinTrainTest } from '../../inventory/replay-engine';
import { parseCliArgs, positiveInt } from '../args';
import { openCliApp } from '../session';
import type { CliCommand, CliIO } from '../types';
import { UsageError } from '../types';

const usage =
  'shelfcast replay --workspace <file> [--weeks N] [--json]  |  shelfcast replay --train <train.csv> --test <test.csv> --season M [--lead P] [--limit N] [--json] [--service 0.95] [--raw] [--variants 0.9,0.98]';

const LABELS: Record<PolicyName, string> = { shelfcast: 'Shelfcast (sample paths)', normalApprox: 'Normal approximation (seed 000)', lastFourWeeks: 'Order what sold in 4 weeks' };

function serviceLevel(text: string | undefined): number {
  if (text === undefined) return 0.95;
  const value = Number(text);
  if (!(value > 0.5 && value < 1)) throw new UsageError(`--service must be a fraction between 0.5 and 1, e.g. 0.95; got "${text}"`);
  return value;
}

async function readDataset(path: string, label: string) {
  try {
    return await readSeriesCsv(path);
  } catch (err) {
    if (err instanceof SeriesCsvError) throw new UsageError(`${label}: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new UsageError(`cannot read ${path} (${code})`);
    throw err;
  }
}

/**
 * The test window must come after the history: a test file that overlaps or precedes the
 * training file (files swapped, or an export cut at the wrong date) would replay demand the
 * forecasts had already seen. Names the first such series and how many there are.
 */
function checkTestFollowsTrain(train: ParsedSeriesFile, test: ParsedSeriesFile): void {
  const lastTrainDay = new Map(train.series.map((s) => [s.id, periodDay(s.startDay, train.frequency, s.values.length - 1)]));
  const early = test.series.filter((s) => {
    const last = lastTrainDay.get(s.id);
    return last !== undefined && s.values.length > 0 && s.startDay <= last;
  });
  if (early.length === 0) return;
  const first = early[0]!;
  throw new UsageError(
    `--test must start after --train ends: series ${first.id} has test dates from ${isoFromDay(first.startDay)} but training dates up to ${isoFromDay(lastTrainDay.get(first.id)!)}` +
      `${early.length > 1 ? ` (and ${early.length - 1} more series like it)` : ''}`,
  );
}

/**
 * Both files must count the same periods: a weekly test file after a daily history would be
 * replayed as days. A test file with one row per series says nothing about its periods.
 */
function checkSameFrequency(train: ParsedSeriesFile, test: ParsedSeriesFile): void {
  if (test.frequency === train.frequency || !test.series.some((s) => s.values.length >= 2)) return;
  throw new UsageError(`--test has ${FREQUENCY_NAMES[test.frequency]} dates but --train has ${FREQUENCY_NAMES[train.frequency]} dates: both files must use the same periods`);
}

/** Every Nth series of the sorted ids (the benchmark's deterministic subsample). */
function subsample<T extends { id: string }>(series: T[], limit: number | undefined): T[] {
  if (limit === undefined || limit >= series.length) return series;
  const sorted = [...series].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Array.from({ length: limit }, (_, i) => sorted[Math.floor((i * sorted.length) / limit)]!);
}

function print(io: CliIO, json: boolean, outcome: Awaited<ReturnType<typeof replayMany>>, series: number, extra: Record<string, unknown>): void {
  const policies = Object.fromEntries(POLICY_NAMES.map((name) => [name, summarize(outcome.totals[name])]));
  const variants = Object.fromEntries(Object.entries(outcome.variants).map(([key, tally]) => [key, summarize(tally)]));
  if (json) {
    io.stdout(`${JSON.stringify({ policies, series, ...extra, ...(Object.keys(variants).length > 0 ? { variants } : {}) })}\n`);
    return;
  }
  const { calibration, ...facts } = extra as { calibration?: { level: number; series: number } | null } & Record<string, unknown>;
  io.stdout(`Policy replay over ${series} series (${Object.entries(facts).map(([k, v]) => `${k} ${String(v)}`).join(', ')})\n`);
  if (calibration) io.stdout(`  Our policy plans at a service level of ${calibration.level.toFixed(3)}, calibrated on the ${calibration.series} series' periods just before the window.\n`);
  for (const name of POLICY_NAMES) {
    const p = policies[name]!;
    io.stdout(
      `  ${LABELS[name].padEnd(34)} fill rate ${(p.fillRate * 100).toFixed(2)}%  stockout periods ${p.stockoutPeriods}  ` +
        `average stock ${p.avgStockUnits.toFixed(2)} units / ${p.avgStockValue.toFixed(2)}  orders ${p.orders}\n`,
    );
  }
  for (const [key, p] of Object.entries(variants)) {
    io.stdout(`  ${key.padEnd(34)} fill rate ${(p.fillRate * 100).toFixed(2)}%  average stock ${p.avgStockUnits.toFixed(2)} units\n`);
  }
}

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'Replays the reorder policy over past weeks (or a benchmark data set) against two simple policies.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, {
      workspace: { type: 'string' },
      weeks: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      season: { type: 'string' },
      lead: { type: 'string' },
      limit: { type: 'string' },
      service: { type: 'string' },
      paths: { type: 'string' },
      json: { type: 'boolean' },
      measure: { type: 'string' },
      variants: { type: 'string' },
      raw: { type: 'boolean' },
    });
    const level = serviceLevel(values.service);
    const measure = values.measure ?? 'fill';
    if (measure !== 'fill' && measure !== 'cycle') throw new UsageError(`--measure must be fill or cycle, got "${measure}"`);
    const paths = positiveInt(values.paths, '--paths', 500);
    const json = values.json ?? false;
    const variants = (values.variants ?? '').split(',').filter((v) => v.trim() !== '').map((v) => serviceLevel(v.trim()));
    const pool = new WorkerPool(defaultWorkerCount());
    const progress = (step: number, steps: number) => io.stderr(`replay: period ${step} of ${steps}\n`);
    try {
      if (values.workspace !== undefined) {
        const weeks = positiveInt(values.weeks, '--weeks', 13);
        const app = await openCliApp(values.workspace, io);
        try {
          const settings = readSettings(app.db);
          const built = buildWeeklySeries(app.db, { weekStart: settings.weekStart, country: settings.country, horizon: 4 });
          const products = new Map(planProducts(app.db).map((p) => [p.productId, p]));
          const series: ReplaySeries[] = built.series
            .filter((s) => s.values.length > weeks + 8)
            .map((s) => {
              const p = products.get(s.productId);
              const leadDays = p?.productLeadTimeDays ?? p?.supplierLeadTimeDays ?? settings.defaultLeadTimeDays;
              return {
                id: s.sku,
                values: s.values,
                testStart: s.values.length - weeks,
                unitCostCents: s.unitCostCents ?? 0,
                leadTimePeriods: Math.max(1, Math.round(leadDays / 7)),
                casePack: p?.casePack ?? 1,
                moq: p?.moq ?? 0,
              };
            });
          if (series.length === 0) throw new UsageError(`no product has more than ${weeks + 8} weeks of sales to replay ${weeks} weeks`);
          const config: ReplayConfig = { periodDays: 7, reviewPeriods: Math.max(1, Math.round(settings.reviewPeriodDays / 7)), leadTimePeriods: 1, serviceLevel: level, serviceMeasure: measure, trigger: PLAN_DEFAULTS.trigger, seed: 1, variants };
          const forecaster: BatchForecaster = engineForecaster({ season: 52, frequency: 'W', paths, runner: pool });
          const calibration = values.raw ? null : await calibrateServiceLevel(series, config, forecaster, 8, (step, steps) => io.stderr(`replay: calibrating, period ${step} of ${steps}\n`));
          const outcome = await replayMany(series, { ...config, ...(calibration ? { shelfcastServiceLevel: calibration.level } : {}) }, forecaster, progress);
          print(io, json, outcome, series.length, { weeks, serviceLevel: level, serviceMeasure: measure, calibration });
        } finally {
          await app.dispose();
        }
        return 0;
      }
      if (values.train === undefined || values.test === undefined || values.season === undefined) throw new UsageError(`give --workspace, or --train, --test and --season. Usage: ${usage}`);
      const season = positiveInt(values.season, '--season');
      const lead = positiveInt(values.lead, '--lead', 1);
      const limit = values.limit === undefined ? undefined : positiveInt(values.limit, '--limit');
      const train = await readDataset(resolve(io.cwd, values.train), '--train');
      const test = await readDataset(resolve(io.cwd, values.test), '--test');
      checkTestFollowsTrain(train, test);
      checkSameFrequency(train, test);
      const chosen = subsample(train.series, limit);
      const chosenIds = new Set(chosen.map((s) => s.id));
      const trainIds = new Set(train.series.map((s) => s.id));
      const joined = joinTrainTest(chosen, test.series.filter((s) => chosenIds.has(s.id)), 100, lead, train.frequency);
      // Series of the subsample without a test window, and test series with no history at all.
      const skipped = joined.skipped + test.series.filter((s) => !trainIds.has(s.id)).length;
      if (skipped > 0) io.stderr(`replay: ${skipped === 1 ? '1 series is' : `${skipped} series are`} in only one of the two files and left out\n`);
      if (joined.filledPeriods > 0) {
        io.stderr(`replay: ${joined.filledPeriods} periods between the training and test files (in ${joined.filledSeries} series) have no rows and are replayed as 0\n`);
      }
      const periodDays = periodDaysOf(train.frequency);
      // Review weekly, or every period when a period is longer than a week.
      const reviewPeriods = Math.max(1, Math.round(7 / periodDays));
      const config: ReplayConfig = { periodDays, reviewPeriods, leadTimePeriods: lead, serviceLevel: level, serviceMeasure: measure, trigger: PLAN_DEFAULTS.trigger, seed: 1, variants };
      const forecaster = engineForecaster({ season, frequency: train.frequency, paths, runner: pool });
      const calibration = values.raw ? null : await calibrateServiceLevel(joined.series, config, forecaster, Math.max(8, season), (step, steps) => io.stderr(`replay: calibrating, period ${step} of ${steps}\n`));
      const outcome = await replayMany(joined.series, { ...config, ...(calibration ? { shelfcastServiceLevel: calibration.level } : {}) }, forecaster, progress);
      print(io, json, outcome, joined.series.length, { frequency: train.frequency, leadTimePeriods: lead, reviewPeriods, serviceLevel: level, serviceMeasure: measure, calibration });
      return 0;
    } finally {
      await pool.close();
    }
  },
};
