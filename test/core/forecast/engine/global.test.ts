import { describe, expect, it } from 'vitest';
import type { GlobalBatchSeries } from '../../../../core/forecast/candidates';
import { coldStart } from '../../../../core/forecast/global/cold-start';
import { pooledSeasonal, seasonProfileFeature } from '../../../../core/forecast/global/pooled-seasonal';
import { profileSeries } from '../../../../core/forecast/profile';
import type { SeriesContext } from '../../../../core/forecast/types';

const weekly: SeriesContext = { season: 52, frequency: 'W', allowNegative: false };

function batchEntry(id: string, values: number[] | Float64Array, extra: Partial<GlobalBatchSeries> = {}): GlobalBatchSeries {
  const y = Float64Array.from(values);
  return { id, values: y, context: weekly, profile: profileSeries(y, 'W', 52), origins: [], startPeriod: 0, features: {}, launchObserved: true, applies: false, ...extra };
}

describe('cold start', () => {
  it('scales the median launch curve of the group by the new product’s early sales (by hand)', async () => {
    // Peers sell a, a, 2a, 2a, 3a, ... after launch: after 2 periods the ratios to the early mean are 2, 2, 3.
    const peers = [1, 2, 4, 8].map((a) => batchEntry(`peer-${a}`, [a, a, 2 * a, 2 * a, 3 * a, 3 * a], { group: 'toys' }));
    const other = batchEntry('other', [100, 1, 1, 1, 1, 1], { group: 'food' });
    const fresh = batchEntry('new', [6, 4], { group: 'toys', applies: true });
    const [forecasts] = (await coldStart.forecastAcross([fresh, ...peers, other], 3, {})).filter(Boolean);
    const final = forecasts!.at(-1)!;
    // early mean 5; ratios 2, 2, 3 in every peer: forecasts 10, 10, 15 with no peer spread.
    expect(Array.from(final.mean)).toEqual([10, 10, 15]);
    expect(final.description).toEqual({ early: 5, peers: 4 });
  });

  it('without enough peers forecasts the early level with the product’s own spread', async () => {
    const fresh = batchEntry('new', [6, 4, 5], { applies: true });
    const [forecasts] = await coldStart.forecastAcross([fresh, batchEntry('old', [1, 2, 3, 4, 5, 6, 7], { launchObserved: false })], 2, {});
    expect(Array.from(forecasts!.at(-1)!.mean)).toEqual([5, 5]);
    expect(forecasts!.at(-1)!.sd[0]).toBeCloseTo(1, 12);
  });
});

describe('pooled seasonal profiles', () => {
  it('forecasts every series it applies to, and only those', async () => {
    const rows: GlobalBatchSeries[] = [];
    for (let s = 0; s < 12; s++) {
      const values = Float64Array.from({ length: 160 }, (_, t) => 50 + s + 10 * Math.sin((2 * Math.PI * t) / 52) + ((t * 7 + s) % 5));
      const cuts = [150, 160];
      const features = { 'stl-season-profile': seasonProfileFeature(values, weekly, cuts, 0) };
      rows.push({ ...batchEntry(`s${s}`, values), origins: [150], features, applies: s !== 3 });
    }
    const out = await pooledSeasonal.forecastAcross(rows, 6, {});
    expect(out[3]).toBeUndefined();
    for (const [i, forecasts] of out.entries()) {
      if (i === 3) continue;
      expect(forecasts).toHaveLength(2);
      const final = forecasts![1]!;
      // The yearly peak a quarter period ahead: the pooled forecast follows the season.
      for (let k = 0; k < 6; k++) expect(Math.abs(final.mean[k]! - (50 + i + 2 + 10 * Math.sin((2 * Math.PI * (160 + k)) / 52)))).toBeLessThan(4);
    }
  });
});
