import { describe, expect, it } from 'vitest';
import { inForecastRuns } from '../../renderer/src/components/models/GlobalModelCard';

describe('how a global model takes part in forecast runs, in words', () => {
  it('counts the products whose chosen forecast includes it', () => {
    expect(inForecastRuns('gbdt', 38, 4)).toMatch(/part of the chosen forecast for 38 products\.$/);
    expect(inForecastRuns('gbdt', 1, 4)).toMatch(/for 1 product\.$/);
  });
  it('says so when no forecast has run, and when the model won nothing', () => {
    expect(inForecastRuns('gbdt', 0, null)).toMatch(/No forecast has run yet\./);
    expect(inForecastRuns('gbdt', 0, 4)).toMatch(/won no product’s backtest/);
    expect(inForecastRuns('nn', 0, 4)).toMatch(/native TensorFlow/);
  });
});
