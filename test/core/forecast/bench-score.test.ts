import { describe, expect, it } from 'vitest';
import { scaleConvention, scoreDataset, selectIds, seriesScale } from '../../../core/forecast/bench-score';

const flat = (v: number, n: number) => new Float64Array(n).fill(v);

describe('benchmark scorer (the metrics of bench/score.py)', () => {
  it('picks the scaling lag as score.py does', () => {
    expect(scaleConvention('m4_weekly', 'm4_weekly', 52, 'W')).toEqual({ convention: 'm4', lag: 1 });
    expect(scaleConvention('holdout_m5', 'm5_tiny', 7, 'D')).toEqual({ convention: 'm5', lag: 1 });
    expect(scaleConvention('walmart', 'walmart_store_sales', 52, 'W')).toEqual({ convention: 'season', lag: 52 });
  });

  it('scales by the in-sample naive error: lag 1 when the history is not longer than the season; M5 from the first sale', () => {
    // Lag-2 differences 2 - 1 and 6 - 3.
    expect(seriesScale(Float64Array.from([1, 3, 2, 6]), 2, 'season')).toEqual({ mae: 2, mse: 5 });
    expect(seriesScale(Float64Array.from([1, 3]), 2, 'season')).toEqual({ mae: 2, mse: 4 });
    expect(seriesScale(Float64Array.from([0, 0, 2, 4, 4]), 1, 'm5')).toEqual({ mae: 1, mse: 2 });
  });

  it('computes every metric of a hand-worked example', () => {
    // One series, scale 1 (train 0,1,2,3 with lag 1); actual 2, 4; forecast 3, 3.
    const quantiles = [flat(1, 2), flat(2, 2), flat(2.5, 2), flat(3, 2), flat(3.5, 2), flat(4, 2), flat(5, 2)];
    const score = scoreDataset([{ id: 'a', train: Float64Array.from([0, 1, 2, 3]), actual: Float64Array.from([2, 4]), mean: flat(3, 2), quantiles, weights: Float64Array.from([1, 5]) }], 1, 'season');
    expect(score.mase).toBe(1);
    expect(score.rmsse).toBe(1);
    expect(score.wape).toBeCloseTo(2 / 6, 12);
    expect(score.bias).toBe(0);
    // sMAPE: 200 * 1 / 5 and 200 * 1 / 7, averaged.
    expect(score.smape).toBeCloseTo((40 + 200 / 7) / 2, 12);
    // y = 2: pinball at q10..q90 = (2, 2.5, 3, 3.5, 4): 0.1*0 , 0.75*0.5, 0.5*1, 0.25*1.5, 0.1*2 -> mean 0.29
    // y = 4: 0.1*2, 0.25*1.5, 0.5*1, 0.75*0.5, 0 -> mean 0.29
    expect(score.spl).toBeCloseTo(0.29, 12);
    expect(score.coverage80).toBe(1);
    expect(score.coverage90).toBe(1);
    expect(score.wmae).toBeCloseTo((1 + 5) / 6, 12);
  });

  it('selects the runners’ deterministic subsample', () => {
    expect(selectIds(['d', 'a', 'c', 'b', 'e'], 2)).toEqual(['a', 'c']);
    expect(selectIds(['b', 'a'], 0)).toEqual(['a', 'b']);
  });
});
