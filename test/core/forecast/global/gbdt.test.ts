import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, fitBinMapper, MISSING_BIN, sortFloat32 } from '../../../../core/forecast/global/gbdt/binning';
import { predictGbdt } from '../../../../core/forecast/global/gbdt/model';
import { trainGbdt } from '../../../../core/forecast/global/gbdt/train';
import { seededRng } from '../../../../core/forecast/global/random';

function dataset(nRows: number, nFeatures: number, fill: (row: Float32Array, rng: () => number) => number, seed = 1) {
  const rng = seededRng(seed);
  const X = new Float32Array(nRows * nFeatures);
  const y = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) y[r] = fill(X.subarray(r * nFeatures, (r + 1) * nFeatures), rng);
  return { X, y, nRows, nFeatures };
}

/** Leaf values are stored as float32 (for exact ONNX export), so "exact" means to float32 precision. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i]!)));
}

const exact = { nTrees: 1, learningRate: 1, lambdaL2: 0, rowSubsample: 1, featureSubsample: 1, minDataInLeaf: 1, earlyStoppingRounds: 0 };

describe('binning', () => {
  it('routes x <= edges[b] exactly to bins <= b, and NaN to the missing bin', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 20 }), (values, maxBins) => {
        const X = Float32Array.from(values);
        const mapper = fitBinMapper(X, X.length, 1, { maxBins });
        const edges = mapper.edges[0]!;
        expect(edges.length).toBeLessThanOrEqual(maxBins - 1);
        for (const x of X) {
          const bin = binOf(edges, x);
          for (let b = 0; b < edges.length; b++) expect(x <= edges[b]!).toBe(bin <= b);
        }
        expect(binOf(edges, NaN)).toBe(MISSING_BIN);
      }),
      { numRuns: 60 },
    );
  });

  it('binMatrix gives every value the bin binOf gives it, column by column (NaN, ±Infinity and edge values included)', () => {
    const value = fc.oneof(fc.float({ noNaN: true, min: -1e6, max: 1e6 }), fc.constantFrom(NaN, Infinity, -Infinity, 0), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(value, { minLength: 4, maxLength: 400 }), fc.integer({ min: 2, max: 254 }), (nFeatures, values, maxBins) => {
        const nRows = Math.floor(values.length / nFeatures);
        const X = Float32Array.from(values.slice(0, nRows * nFeatures));
        const mapper = fitBinMapper(X, nRows, nFeatures, { maxBins });
        // Values that sit exactly on an edge must land in that edge's bin.
        const probe = new Float32Array(X);
        mapper.edges.forEach((edges, f) => edges.forEach((e, i) => (probe[(i % nRows) * nFeatures + f] = e)));
        const bins = binMatrix(mapper, probe, nRows);
        for (let f = 0; f < nFeatures; f++) {
          for (let r = 0; r < nRows; r++) expect(bins[f * nRows + r]).toBe(binOf(mapper.edges[f]!, probe[r * nFeatures + f]!));
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('trainGbdt', () => {
  it('learns a step function exactly with one depth-1 tree', () => {
    const data = dataset(200, 1, (row, rng) => {
      row[0] = rng();
      return row[0]! <= 0.5 ? 1 : 3;
    });
    const model = trainGbdt(data, undefined, { ...exact, maxLeaves: 2 });
    expect(model.trees).toHaveLength(1);
    expect(model.trees[0]!.feature).toEqual(Int32Array.from([0]));
    const probe = Float32Array.from([0.1, 0.3, 0.7, 0.99]);
    expectClose(predictGbdt(model, probe, 4), [1, 1, 3, 3]);
  });

  it('learns a two-feature staircase exactly (leaf-wise and depth-wise)', () => {
    const target = (a: number, b: number) => (a <= 0.3 ? 0 : 10) + (b <= 0.6 ? 0 : 100);
    for (const growth of ['leafwise', 'depthwise'] as const) {
      // Values on a grid of 200 points: fewer distinct values than bins, so every split point exists.
      const data = dataset(400, 2, (row, rng) => {
        row[0] = Math.floor(rng() * 200) / 200;
        row[1] = Math.floor(rng() * 200) / 200;
        return target(row[0]!, row[1]!);
      });
      const model = trainGbdt(data, undefined, { ...exact, maxLeaves: 4, growth });
      // Targets up to 110 around a base score of ~55: float32 leaves are good to ~1e-5 there.
      expectClose(predictGbdt(model, data.X, data.nRows), data.y, 1e-5);
    }
  });

  it('learns which side missing values go to, consistently in training and prediction', () => {
    const data = dataset(300, 1, (row, rng) => {
      const u = rng();
      row[0] = u < 0.2 ? NaN : u;
      return u < 0.2 ? 5 : u <= 0.6 ? 1 : 2;
    });
    const model = trainGbdt(data, undefined, { ...exact, maxLeaves: 3 });
    expectClose(predictGbdt(model, Float32Array.from([0.3, 0.9, NaN]), 3), [1, 2, 5]);
    // Missing values with the low values: the split must send them left.
    const left = dataset(300, 1, (row, rng) => {
      const u = rng();
      row[0] = u < 0.3 ? NaN : u;
      return u <= 0.6 ? 1 : 2;
    });
    const leftModel = trainGbdt(left, undefined, { ...exact, maxLeaves: 2 });
    expect(leftModel.trees[0]!.missingLeft[0]).toBe(1);
    expectClose(predictGbdt(leftModel, Float32Array.from([0.5, 0.9, NaN]), 3), [1, 2, 1]);
  });

  it('gives the pinball quantile of a known distribution per group', () => {
    // Group 0: y ~ U(0, 1); group 1: y ~ U(10, 12). The 0.9 quantiles are 0.9 and 11.8.
    const data = dataset(20_000, 1, (row, rng) => {
      row[0] = rng() < 0.5 ? 0 : 1;
      return row[0] === 0 ? rng() : 10 + 2 * rng();
    });
    const model = trainGbdt(data, undefined, { ...exact, maxLeaves: 2, objective: { kind: 'quantile', alpha: 0.9 } });
    const [q0, q1] = predictGbdt(model, Float32Array.from([0, 1]), 2);
    expect(q0).toBeCloseTo(0.9, 1);
    expect(q1).toBeCloseTo(11.8, 1);
    let below0 = 0;
    let n0 = 0;
    for (let r = 0; r < data.nRows; r++) {
      if (data.X[r] !== 0) continue;
      n0++;
      if (data.y[r]! <= q0!) below0++;
    }
    expect(below0 / n0).toBeCloseTo(0.9, 2);
  });

  it('fits a Poisson mean with the log link', () => {
    const data = dataset(4000, 1, (row, rng) => {
      row[0] = rng() < 0.5 ? 0 : 1;
      const rate = row[0] === 0 ? 0.5 : 4;
      // Poisson draw by inversion.
      let k = 0;
      let p = Math.exp(-rate);
      let cdf = p;
      const u = rng();
      while (u > cdf) {
        k++;
        p *= rate / k;
        cdf += p;
      }
      return k;
    });
    const model = trainGbdt(data, undefined, { nTrees: 200, learningRate: 0.1, maxLeaves: 2, objective: { kind: 'poisson' }, earlyStoppingRounds: 0 });
    const [m0, m1] = predictGbdt(model, Float32Array.from([0, 1]), 2);
    expect(m0).toBeGreaterThan(0.4);
    expect(m0).toBeLessThan(0.6);
    expect(m1).toBeGreaterThan(3.7);
    expect(m1).toBeLessThan(4.3);
  });

  it('reports the training loss of exactly the model it returns', () => {
    const data = dataset(1000, 3, (row, rng) => {
      for (let f = 0; f < 3; f++) row[f] = rng() < 0.1 ? NaN : rng();
      return Math.sin(6 * (row[0]! || 0)) + 2 * (row[1]! || 0) + 0.1 * rng();
    });
    const model = trainGbdt(data, undefined, { nTrees: 40, rowSubsample: 0.7, featureSubsample: 0.67, earlyStoppingRounds: 0 });
    const predictions = predictGbdt(model, data.X, data.nRows);
    let mse = 0;
    for (let r = 0; r < data.nRows; r++) mse += (predictions[r]! - data.y[r]!) ** 2 / data.nRows;
    expect(mse).toBeCloseTo(model.curve.trainLoss.at(-1)!, 10);
    expect(model.curve.trainLoss.at(-1)!).toBeLessThan(model.curve.trainLoss[0]!);
  });

  it('is reproducible with a seed and varies with it', () => {
    const data = dataset(800, 4, (row, rng) => {
      for (let f = 0; f < 4; f++) row[f] = rng();
      return row[0]! * row[1]! + row[2]! + 0.3 * rng();
    });
    const params = { nTrees: 30, rowSubsample: 0.6, featureSubsample: 0.5, earlyStoppingRounds: 0 };
    const a = predictGbdt(trainGbdt(data, undefined, { ...params, seed: 7 }), data.X, data.nRows);
    const b = predictGbdt(trainGbdt(data, undefined, { ...params, seed: 7 }), data.X, data.nRows);
    const c = predictGbdt(trainGbdt(data, undefined, { ...params, seed: 8 }), data.X, data.nRows);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('stops early on a validation set and keeps the best iteration', () => {
    const train = dataset(500, 1, (row, rng) => {
      row[0] = rng();
      return rng();
    });
    const valid = dataset(200, 1, (row, rng) => {
      row[0] = rng();
      return rng();
    }, 2);
    const model = trainGbdt(train, valid, { nTrees: 300, learningRate: 0.3, earlyStoppingRounds: 10, minDataInLeaf: 2 });
    expect(model.bestIteration).toBeLessThan(300);
    expect(model.trees).toHaveLength(model.bestIteration);
    expect(model.curve.validLoss.length).toBe(model.bestIteration + 10);
    const best = Math.min(...model.curve.validLoss);
    expect(model.curve.validLoss[model.bestIteration - 1]).toBe(best);
  });

  it('can be cancelled', () => {
    const data = dataset(200, 1, (row, rng) => {
      row[0] = rng();
      return rng();
    });
    const controller = new AbortController();
    expect(() =>
      trainGbdt(data, undefined, { nTrees: 50 }, { signal: controller.signal, onIteration: (p) => p.iteration === 3 && controller.abort() }),
    ).toThrow(/cancelled/);
  });

  it('explains bad input', () => {
    const data = dataset(10, 2, (row) => {
      row[0] = 1;
      return -1;
    });
    expect(() => trainGbdt({ ...data, nRows: 11 }, undefined, {})).toThrow(/X has 20 values, expected 11 × 2/);
    expect(() => trainGbdt(data, undefined, { objective: { kind: 'poisson' } })).toThrow(/poisson objective needs targets >= 0; target 0 is -1/);
    expect(() => trainGbdt(data, undefined, { rowSubsample: 0 })).toThrow(/rowSubsample/);
  });
});

describe('sortFloat32 (the bin edges sort)', () => {
  it('orders exactly as the built-in sort: negatives, zeros of both signs, infinities, repeats (property)', () => {
    const value = fc.oneof(
      fc.float({ noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, 1, -1, 3.5),
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 8),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (values) => {
        const expected = Float32Array.from(values).sort();
        const sorted = sortFloat32(Float32Array.from(values));
        expect(sorted.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(Object.is(sorted[i], expected[i])).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sorts a view in place without touching the rest of its buffer', () => {
    const buffer = Float32Array.from([9, 3, -2, 0.5, -7, 9]);
    const view = buffer.subarray(1, 5);
    expect(sortFloat32(view)).toBe(view);
    expect(Array.from(buffer)).toEqual([9, -7, -2, 0.5, 3, 9]);
  });
});
