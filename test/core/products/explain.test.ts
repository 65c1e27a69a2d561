import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import { describeClasses, explainModelChoice, modelLabel } from '../../../core/products/explain';

const fmt = makeTextFormat('en-GB', 'GBP');

describe('plain names of the engine’s models', () => {
  it('names single, decomposed and averaged models', () => {
    expect(modelLabel('ets')).toBe('exponential smoothing (ETS)');
    expect(modelLabel('stl_damped')).toBe('a damped trend on the seasonally adjusted sales (STL)');
    expect(modelLabel('fourier_theta')).toBe('the Theta method with a yearly seasonal pattern');
    expect(modelLabel('snaive + fourier_ses')).toBe('an average of 2 models (the seasonal naive forecast (same week last year); simple exponential smoothing with a yearly seasonal pattern)');
    expect(modelLabel('mystery')).toBe('mystery');
  });
});

describe('why this model', () => {
  const candidates = [
    { model: 'naive', origins: 6, mase: 1.2, coverage80: 0.9, naiveMase: 1.2, chosen: false },
    { model: 'theta', origins: 6, mase: 0.9, coverage80: 0.78, naiveMase: 1.2, chosen: true },
  ];

  it('scored against naive only: no "lowest of N", its gain over naive and its coverage', () => {
    expect(explainModelChoice('theta', candidates, fmt)).toBe(
      'The forecast uses the Theta method, scored in a rolling backtest over 6 origins on this product’s own sales (MASE 0.90; lower is better). That is 25% less error than the naive forecast (MASE 1.20). Its 80% range held 78% of the actual weeks in the backtest (80% is right).',
    );
  });

  it('QA: an average of 4 models is one forecast; with naive the only rival nothing says "2 models tried"', () => {
    const averaged = [
      { model: 'snaive + tsb + imapa + gbdt', origins: 3, mase: 0.94, coverage80: 0.77, naiveMase: 1.09, chosen: true },
      { model: 'naive', origins: 3, mase: 1.09, coverage80: null, naiveMase: 1.09, chosen: false },
    ];
    const text = explainModelChoice('snaive + tsb + imapa + gbdt', averaged, fmt);
    expect(text).toMatch(/^The forecast uses an average of 4 models \(.*\), scored in a rolling backtest over 3 origins on this product’s own sales \(MASE 0\.94; lower is better\)\. That is 14% less error than the naive forecast/);
    expect(text).not.toMatch(/models tried|of the 2/);
  });

  it('several forecasts compared: the count includes each scored forecast once', () => {
    const three = [...candidates, { model: 'ets', origins: 6, mase: 1.0, coverage80: 0.8, naiveMase: 1.2, chosen: false }];
    expect(explainModelChoice('theta', three, fmt)).toContain('it had the lowest error of the 3 forecasts compared in a rolling backtest over 6 origins');
  });

  it('a champion kept against a slightly better challenger says so; not beating naive says so', () => {
    const kept = [
      { ...candidates[1]!, mase: 1.3 },
      { model: 'ets', origins: 6, mase: 1.25, coverage80: null, naiveMase: 1.2, chosen: false },
    ];
    const text = explainModelChoice('theta', kept, fmt);
    expect(text).toContain('the current champion: a challenger must beat it by a clear margin to replace it');
    expect(text).toContain('It does not beat the naive forecast here (MASE 1.20)');
  });

  it('without a score it says there is none', () => {
    expect(explainModelChoice('ets', [], fmt)).toBe('The forecast uses exponential smoothing (ETS). No backtest score is stored for it.');
  });

  it('describes the classes in words', () => {
    expect(describeClasses({ abc: 'A', xyz: 'Z', pattern: 'lumpy', isNew: true, isDead: false, historyPeriods: 6 }, fmt)).toBe(
      'This product is class A (the products making the first 80% of sales value), Z (very variable), lumpy demand (many weeks without a sale, very different amounts when it sells), with 6 weeks of history. It is new (less than 8 weeks of sales), so its forecast leans on similar products.',
    );
  });
});
