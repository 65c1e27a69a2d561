import type { GlobalBatchSeries, GlobalCandidate } from '../candidates';
import { sortedQuantile } from '../kernels/stats';
import type { OriginForecast } from '../types';

/**
 * Cold start for new products (fewer than 8 weeks of sales): the launch curve of the
 * product's peers — same category or supplier (`group`) when known, otherwise every series
 * of the run whose launch is in the data — scaled to the new product's own early sales.
 * For a product with `age` periods of sales averaging `early`, each peer p contributes the
 * ratios r_p(j) = y_p(age + j) / mean(y_p(0..age-1)) of what it sold after the same age to
 * what it sold in those first periods; the forecast is early * median_p r_p(j), with the
 * spread of the ratios (interquartile range / 1.349) as its uncertainty. With fewer than
 * MIN_PEERS peers the ratios are 1 (a flat forecast at the early-sales level) with the
 * product's own variability.
 */

const MIN_PEERS = 3;

function launchRatios(peers: readonly GlobalBatchSeries[], age: number, h: number): Float64Array[] {
  const ratios: Float64Array[] = [];
  for (const p of peers) {
    const y = p.values;
    if (!p.launchObserved || y.length < age + h) continue;
    let early = 0;
    for (let t = 0; t < age; t++) early += y[t]!;
    early /= age;
    if (!(early > 0)) continue;
    ratios.push(Float64Array.from({ length: h }, (_, j) => y[age + j]! / early));
  }
  return ratios;
}

function forecastNew(y: Float64Array, cut: number, h: number, peers: readonly GlobalBatchSeries[]): OriginForecast | undefined {
  if (cut < 1) return undefined;
  let early = 0;
  for (let t = 0; t < cut; t++) early += y[t]!;
  early /= cut;
  let ownSd = 0;
  for (let t = 0; t < cut; t++) ownSd += (y[t]! - early) ** 2;
  ownSd = cut > 1 ? Math.sqrt(ownSd / (cut - 1)) : Math.abs(early);
  const ratios = launchRatios(peers, cut, h);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const column = new Float64Array(ratios.length);
  for (let j = 0; j < h; j++) {
    if (ratios.length < MIN_PEERS) {
      mean[j] = early;
      sd[j] = ownSd;
      continue;
    }
    ratios.forEach((r, k) => (column[k] = r[j]!));
    column.sort();
    mean[j] = early * sortedQuantile(column, 0.5);
    sd[j] = Math.max(ownSd, (early * (sortedQuantile(column, 0.75) - sortedQuantile(column, 0.25))) / 1.349);
  }
  return { mean, sd, description: { early, peers: ratios.length } };
}

export const coldStart: GlobalCandidate = {
  kind: 'global',
  name: 'cold_start',
  complexity: 2,
  seasonal: false,
  seesAllSeries: true,
  appliesTo: (s) => s.profile.isNew && !s.profile.allZero,
  async forecastAcross(batch, horizon) {
    const byGroup = new Map<string, GlobalBatchSeries[]>();
    for (const s of batch) {
      if (s.group === undefined) continue;
      const list = byGroup.get(s.group) ?? [];
      list.push(s);
      byGroup.set(s.group, list);
    }
    return batch.map((s) => {
      if (s.applies === false) return undefined;
      const grouped = s.group !== undefined ? (byGroup.get(s.group) ?? []).filter((p) => p !== s) : [];
      const peers = grouped.length >= MIN_PEERS ? grouped : batch.filter((p) => p !== s);
      return [...s.origins, s.values.length].map((cut) => forecastNew(s.values, cut, horizon, peers));
    });
  },
};
