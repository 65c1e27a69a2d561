import { writeTransaction } from '../db/transaction';
import { isoFromDay } from '../dates';
import type { Db } from '../db/connection';
import type { BacktestRow, ClassRow, StoredSeriesForecast } from '../db/repos/forecast-runs';
import {
  currentChampions,
  dataFingerprint,
  finishForecastRun,
  insertBacktests,
  insertForecasts,
  registerVersion,
  replaceClasses,
  startForecastRun,
} from '../db/repos/forecast-runs';
import { readSettings } from '../db/repos/settings';
import { loadCustomerSales } from '../db/repos/customer-sales';
import { customerDrivenCandidate } from '../customers/candidate';
import { ShopModelCache } from '../customers/forecaster';
import type { Candidate } from '../forecast/candidates';
import { defaultCandidates } from '../forecast/engine/prepare';
import { forecastMany } from '../forecast/engine';
import type { SeriesForecast, SeriesInput } from '../forecast/engine';
import type { TaskRunner } from '../forecast/engine/types';
import type { RunOptions } from '../jobs/progress';
import { stepper, throwIfAborted } from '../jobs/progress';
import type { DemandSeries } from '../series/build';
import { buildWeeklySeries } from '../series/build';
import { classifySeries } from './classify-series';

export const FORECAST_STEPS = ['load', 'build series', 'classify', 'backtest', 'fit', 'forecast', 'save'] as const;

export interface WorkspaceForecastOptions {
  /** Sample paths kept per product for the plan (default 200). */
  paths?: number;
  seed?: number;
  /** Backtest origins (default 3). */
  origins?: number;
  /** Where the engine runs its per-series work (a worker pool); in-process when absent. */
  runner?: TaskRunner;
  /** Forecast as if the data ended on this day (replay). */
  asOfDay?: number;
}

export interface WorkspaceForecastSummary {
  runId: number;
  asOfDate: string;
  firstForecastDate: string;
  horizonWeeks: number;
  series: number;
  fallbacks: Array<{ sku: string; intended: string[]; reason: string }>;
  /** Mean backtest MASE of the chosen models and of the naive forecast over the same windows. */
  accuracy: { mase: number; naiveMase: number; products: number } | null;
  durationMs: number;
}

/** Which engine step belongs to which step of the job (progress is reported in job steps). */
const ENGINE_TO_JOB_STEP: Record<string, (typeof FORECAST_STEPS)[number]> = {
  prepare: 'backtest',
  backtest: 'backtest',
  global: 'backtest',
  select: 'fit',
  forecast: 'forecast',
};

export function seriesKey(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}

/**
 * The workspace forecast: weekly series from the sales, classification stored per product,
 * the engine's backtest-chosen models and calibrated distributions, and everything stored
 * in one transaction (run, forecasts, sample paths, backtests, registry, classes). A
 * cancelled or failed run leaves the previous forecast in place.
 */
export async function forecastWorkspace(db: Db, options: WorkspaceForecastOptions = {}, run: RunOptions = {}): Promise<WorkspaceForecastSummary> {
  const started = Date.now();
  const steps = stepper(FORECAST_STEPS, run.onProgress);
  steps.start('load');
  const settings = readSettings(db);
  const horizon = settings.horizonWeeks;
  const fingerprint = dataFingerprint(db);

  steps.start('build series');
  const buildOptions = { weekStart: settings.weekStart, country: settings.country, horizon, ...(options.asOfDay !== undefined ? { asOfDay: options.asOfDay } : {}) };
  const set = buildWeeklySeries(db, buildOptions);
  const usable = set.series.filter((s) => s.values.length > 0);
  throwIfAborted(run.signal);

  steps.start('classify', usable.length);
  const classes = classifySeries(set.series);
  throwIfAborted(run.signal);

  const inputs: SeriesInput[] = usable.map((s) => toEngineInput(s));
  const candidates = candidatesFor(db, usable);
  const engineProgress: RunOptions['onProgress'] = (p) => {
    const jobStep = ENGINE_TO_JOB_STEP[p.stepName] ?? 'backtest';
    const index = FORECAST_STEPS.indexOf(jobStep);
    run.onProgress?.({ ...p, step: index + 1, steps: FORECAST_STEPS.length, stepName: jobStep, message: p.message || `${jobStep}: ${p.current} of ${p.total} products` });
  };
  steps.start('backtest', inputs.length);
  const result = await forecastMany(
    inputs,
    {
      horizon,
      season: 52,
      frequency: 'W',
      origins: options.origins ?? 3,
      paths: options.paths ?? 200,
      seed: options.seed ?? 1,
      candidates,
      ...(options.runner ? { runner: options.runner } : {}),
    },
    { ...(run.signal ? { signal: run.signal } : {}), onProgress: engineProgress },
  );
  throwIfAborted(run.signal);

  steps.start('save', result.series.length);
  const byId = new Map(usable.map((s) => [seriesKey(s.productId, s.locationId), s]));
  const summary = writeTransaction(db, () => {
    const runId = startForecastRun(db, { asOfDay: set.forecastStartDay, period: 'week', horizon, fingerprint });
    const stored: StoredSeriesForecast[] = [];
    const backtests: BacktestRow[] = [];
    const champions = currentChampions(db);
    const fallbacks: WorkspaceForecastSummary['fallbacks'] = [];
    let maseSum = 0;
    let naiveSum = 0;
    let scored = 0;
    for (const forecast of result.series) {
      const series = byId.get(forecast.id);
      if (!series) continue;
      stored.push({
        productId: series.productId,
        locationId: series.locationId,
        firstPeriodStart: set.forecastStartDay,
        periodDays: set.periodDays,
        mean: forecast.mean,
        quantiles: forecast.quantiles,
        ...(forecast.paths ? { paths: forecast.paths } : {}),
        backtest: forecast.backtest.map((w) => ({ originDay: series.startDay + w.start * set.periodDays, mean: w.mean })),
      });
      const label = modelLabel(forecast);
      backtests.push(...backtestRows(series, forecast, label, options.origins ?? 3));
      if (Number.isFinite(forecast.metrics.mase) && Number.isFinite(forecast.metrics.naiveMase)) {
        maseSum += forecast.metrics.mase;
        naiveSum += forecast.metrics.naiveMase;
        scored++;
      }
      if (forecast.fallback) fallbacks.push({ sku: series.sku, intended: forecast.fallback.intended, reason: forecast.fallback.reason });
      const previous = champions.get(forecast.id);
      registerVersion(db, runId, { productId: series.productId, locationId: series.locationId, model: label, params: forecast.params, metrics: { ...forecast.metrics, distribution: forecast.distribution, previousChampion: previous?.model ?? null } }, true);
    }
    insertForecasts(db, runId, stored);
    insertBacktests(db, runId, backtests);
    replaceClasses(db, classes);
    const details = {
      asOfDate: isoFromDay(set.lastSaleDay),
      series: stored.length,
      fallbacks,
      groups: result.groups,
      intervalWidening: result.intervalWidening,
      accuracy: scored > 0 ? { mase: maseSum / scored, naiveMase: naiveSum / scored, products: scored } : null,
    };
    finishForecastRun(db, runId, 'done', { nSeries: stored.length, nFallbacks: fallbacks.length, durationMs: Date.now() - started, details });
    return { runId, fallbacks, accuracy: details.accuracy };
  });
  steps.advance(result.series.length, result.series.length);

  return {
    runId: summary.runId,
    asOfDate: isoFromDay(set.lastSaleDay),
    firstForecastDate: isoFromDay(set.forecastStartDay),
    horizonWeeks: horizon,
    series: result.series.length,
    fallbacks: summary.fallbacks,
    accuracy: summary.accuracy,
    durationMs: Date.now() - started,
  };
}

/**
 * The engine's default candidates, plus the customer-driven forecast when the shop sells to
 * repeat customers (PRODUCT.md §8). The customer model sums a product over locations, so
 * it competes only in single-location workspaces.
 */
function candidatesFor(db: Db, series: readonly DemandSeries[]): Candidate[] {
  const candidates = defaultCandidates();
  const locations = new Set(series.map((s) => s.locationId));
  if (locations.size !== 1) return candidates;
  const customerSales = loadCustomerSales(db);
  if (customerSales.products.length === 0) return candidates;
  const cache = new ShopModelCache(customerSales.products);
  candidates.push(customerDrivenCandidate(cache, { productKeyOf: (id) => id.split(':')[0] ?? id }));
  return candidates;
}

export function toEngineInput(series: DemandSeries): SeriesInput {
  const input: SeriesInput = {
    id: seriesKey(series.productId, series.locationId),
    values: series.values,
    startDay: series.startDay,
    calendar: { holiday: series.holiday, eventMultiplier: series.eventMultiplier },
  };
  const group = series.category ?? (series.supplierId !== null ? `supplier:${series.supplierId}` : undefined);
  if (group) input.group = group;
  return input;
}

export function modelLabel(forecast: Pick<SeriesForecast, 'models'>): string {
  return forecast.models.join(' + ');
}

function backtestRows(series: DemandSeries, forecast: SeriesForecast, label: string, origins: number): BacktestRow[] {
  const m = forecast.metrics;
  const base = { productId: series.productId, locationId: series.locationId, origins };
  const rows: BacktestRow[] = [{ ...base, model: label, mase: m.mase, spl: m.spl, wape: m.wape, bias: m.bias, coverage80: m.coverage80, naiveMase: m.naiveMase }];
  if (label !== 'naive' && Number.isFinite(m.naiveMase)) {
    rows.push({ ...base, model: 'naive', mase: m.naiveMase, spl: Number.NaN, wape: Number.NaN, bias: Number.NaN, coverage80: Number.NaN, naiveMase: m.naiveMase });
  }
  return rows;
}

export type { ClassRow };
