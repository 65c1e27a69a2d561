import { describe, expect, it } from 'vitest';
import type { ReplayConfig, ReplayForecaster, PolicyTally } from '../../../core/inventory/replay';
import { addTally, calibrateServiceLevel, CALIBRATION_GRID, emptyTally, replayMany, replaySeries, summarize } from '../../../core/inventory/replay';
import { seededRng, sortedQuantile } from '../../../core/inventory/stats';

const LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

function poisson(rng: () => number, lambda: number): number {
  // Knuth's multiplication method; fine for the small rates used here.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > limit);
  return k - 1;
}

/** The true distribution of iid Poisson demand: what a perfect forecaster would say. */
function oracle(lambda: number, count = 400): ReplayForecaster {
  return (_history, horizon, seed) => {
    const rng = seededRng(seed);
    const paths = Array.from({ length: count }, () => Float64Array.from({ length: horizon }, () => poisson(rng, lambda)));
    const quantiles = LEVELS.map((level) => {
      const column = Float64Array.from(paths, (p) => p[0]!).sort();
      return new Float64Array(horizon).fill(sortedQuantile(column, level));
    });
    return { mean: new Float64Array(horizon).fill(lambda), quantiles, paths };
  };
}

const config: ReplayConfig = { periodDays: 7, reviewPeriods: 1, leadTimePeriods: 1, serviceLevel: 0.95, serviceMeasure: 'fill', trigger: 'reviewCycle', seed: 1 };

describe('replay, worked by hand', () => {
  it('constant demand of 10 with a forecaster that knows it: never short, 10 on the shelf after each delivery', async () => {
    const known: ReplayForecaster = (_h, horizon) => {
      const flat = new Float64Array(horizon).fill(10);
      return { mean: flat, quantiles: LEVELS.map(() => flat), paths: [flat, flat] };
    };
    const values = new Float64Array(20).fill(10);
    const tallies = await replaySeries({ id: 's', values, testStart: 10, unitCostCents: 300 }, { ...config, serviceMeasure: 'cycle' }, known);
    // Start at s = 10 (one week); order up to S = 20 every week, 10 arrives each next week
    // and sells during it: 10 after receiving, 0 after selling, an average of 5.
    const ours = summarize(tallies.shelfcast);
    expect(ours.fillRate).toBe(1);
    expect(ours.stockoutPeriods).toBe(0);
    expect(ours.orders).toBe(10);
    expect(ours.avgStockUnits).toBeCloseTo(5, 12);
    expect(ours.avgStockValue).toBeCloseTo(15, 12);
    // The 4-week rule keeps 40 and starts there (its own level): week 1 sells 40 → 30 (average
    // 35) and orders 10, which arrives each week after (30 → 20, average 25).
    const lastFour = summarize(tallies.lastFourWeeks);
    expect(lastFour.fillRate).toBe(1);
    expect(lastFour.avgStockUnits).toBeCloseTo((35 + 9 * 25) / 10, 12);
    expect(tallies.lastFourWeeks.demand).toBe(100);
  });
});

describe('starting stock', () => {
  it('each policy and service level starts at its own reorder point', async () => {
    // One test period: nothing ordered can arrive, so the stock is what each started with.
    const rng = seededRng(9);
    const values = Float64Array.from({ length: 31 }, () => poisson(rng, 5));
    const outcome = await replayMany(
      [{ id: 's', values, testStart: 30, unitCostCents: 100 }],
      { ...config, variants: [0.8, 0.99] },
      async (histories, horizon, seed) => [await oracle(5)(histories[0]!, horizon, seed)],
    );
    const startOf = (t: PolicyTally) => t.stockUnitsSum + t.met / 2; // the average (start + start − sold) / 2, plus half the sold
    expect(startOf(outcome.variants['shelfcast@0.99']!)).toBeGreaterThan(startOf(outcome.variants['shelfcast@0.8']!));
    expect(startOf(outcome.variants['normalApprox@0.99']!)).toBeGreaterThan(startOf(outcome.variants['normalApprox@0.8']!));
  });
});

describe('replay with the true distribution (iid Poisson demand)', () => {
  it('our fill-rate policy lands near its 95% target, and the tallies are consistent', async () => {
    const total: Record<string, PolicyTally> = { shelfcast: emptyTally(), normalApprox: emptyTally(), lastFourWeeks: emptyTally() };
    const rng = seededRng(42);
    for (let s = 0; s < 60; s++) {
      const lambda = 3 + 10 * rng();
      const values = Float64Array.from({ length: 80 }, () => poisson(rng, lambda));
      const tallies = await replaySeries({ id: `s${s}`, values, testStart: 20, unitCostCents: 100 }, config, oracle(lambda));
      for (const name of Object.keys(total)) addTally(total[name]!, tallies[name as keyof typeof tallies]);
    }
    const ours = summarize(total.shelfcast!);
    expect(ours.fillRate).toBeGreaterThan(0.94);
    expect(ours.fillRate).toBeLessThan(0.98);
    for (const tally of Object.values(total)) {
      expect(tally.met).toBeLessThanOrEqual(tally.demand);
      expect(tally.periods).toBe(60 * 60);
    }
  });
});

describe('service calibration on the history before the test window', () => {
  it('finds the level whose realised fill rate meets the target, and keeps it in the test window', async () => {
    const rng = seededRng(7);
    const series = Array.from({ length: 30 }, (_, s) => {
      const lambda = 2 + 6 * rng();
      return { id: `s${s}`, lambda, values: Float64Array.from({ length: 70 }, () => poisson(rng, lambda)), testStart: 50, unitCostCents: 100 };
    });
    // One forecaster for all series: the oracle of each, found by the history's length and first value.
    const oracles = new Map(series.map((s) => [s.values, oracle(s.lambda, 200)]));
    const batch = async (histories: Float64Array[], horizon: number, seed: number) =>
      Promise.all(histories.map((h) => [...oracles.entries()].find(([values]) => values.buffer === h.buffer)![1](h, horizon, seed)));
    const calibration = await calibrateServiceLevel(series, config, batch, 8);
    expect(calibration.series).toBe(30);
    expect(calibration.curve.map((c) => c.level)).toEqual([...CALIBRATION_GRID]);
    // Realised fill rises with the level, and the chosen level sits where it crosses 95%.
    for (let i = 1; i < calibration.curve.length; i++) expect(calibration.curve[i]!.fillRate).toBeGreaterThanOrEqual(calibration.curve[i - 1]!.fillRate - 0.01);
    expect(calibration.level).toBeGreaterThan(0.8);
    expect(calibration.level).toBeLessThan(0.99);
    const outcome = await replayMany(series, { ...config, shelfcastServiceLevel: calibration.level }, batch);
    expect(Math.abs(summarize(outcome.totals.shelfcast).fillRate - 0.95)).toBeLessThan(0.025);
  });
});
