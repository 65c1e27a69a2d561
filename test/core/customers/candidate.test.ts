import { describe, expect, it } from 'vitest';
import { customerDrivenCandidate } from '../../../core/customers/candidate';
import { ShopModelCache } from '../../../core/customers/forecaster';
import { localCandidates } from '../../../core/forecast/candidates';
import { forecastMany } from '../../../core/forecast/engine';
import { profileSeries } from '../../../core/forecast/profile';
import { AS_OF_DAY, shopFixture } from './shop-fixture';

const WEEKS = 57;
const START_DAY = AS_OF_DAY - 7 * WEEKS;
const products = shopFixture();

/** Weekly units of a product from START_DAY up to the as-of day (what the series builder makes). */
function weekly(productKey: string): Float64Array {
  const y = new Float64Array(WEEKS);
  const product = products.find((p) => p.productKey === productKey)!;
  for (const line of product.lines) {
    if (!Number.isFinite(line.day) || line.day < START_DAY || line.day >= AS_OF_DAY) continue;
    y[Math.floor((line.day - START_DAY) / 7)]! += line.quantity;
  }
  return y;
}

describe('customer-driven global candidate', () => {
  const cache = new ShopModelCache(products);
  const candidate = customerDrivenCandidate(cache, { productKeyOf: (id) => id, paths: 150 });

  it('forecasts every origin of a repeat-customer product and skips the others', async () => {
    const batch = ['FLOUR', 'RARE'].map((id) => {
      const values = weekly(id);
      return { id, values, context: { season: 52, frequency: 'W' as const, startDay: START_DAY, allowNegative: false }, profile: profileSeries(values, 'W', 52), origins: [WEEKS - 8, WEEKS - 4], startPeriod: 0 };
    });
    const [flour, rare] = await candidate.forecastAcross(batch, 4, {});
    expect(rare).toBeUndefined();
    expect(flour).toHaveLength(3);
    for (const origin of flour!) {
      expect(origin!.mean).toHaveLength(4);
      for (let i = 0; i < 4; i++) {
        expect(origin!.mean[i]!).toBeGreaterThan(0);
        expect(origin!.sd[i]!).toBeGreaterThanOrEqual(0);
      }
    }
    expect(flour![2]!.description).toMatchObject({ originDay: AS_OF_DAY });
  });

  it('competes in the engine backtest next to the statistical models', async () => {
    const inputs = ['FLOUR', 'SUGAR', 'RARE'].map((id) => ({ id, values: weekly(id), startDay: START_DAY }));
    const result = await forecastMany(inputs, { horizon: 4, season: 52, frequency: 'W', origins: 2, candidates: [...localCandidates(), candidate] });
    expect(result.series).toHaveLength(3);
    expect(result.groups.some((g) => g.key.split(',').includes('customers'))).toBe(true);
    for (const s of result.series) for (const m of s.mean) expect(Number.isFinite(m) && m >= 0).toBe(true);
  });
});
