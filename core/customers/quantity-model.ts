/**
 * Order size: the Pólya-urn predictive of a Dirichlet process whose base measure is the
 * product's pooled order sizes (Blackwell & MacQueen 1973). The next order of a customer with
 * n past orders repeats one of their own sizes with probability n / (n + c), otherwise it is
 * drawn from every customer's orders of the product. So a customer with two orders leans on
 * the pool, a long-standing one on their own habit; sizes stay whole numbers when the data
 * are, which suits intermittent B2B demand.
 */
import type { Rng } from '../forecast/types';

/** c: the pool's weight, in orders. */
export const DEFAULT_QUANTITY_CONCENTRATION = 1;

export interface QuantityModel {
  own: Float64Array;
  pool: Float64Array;
  concentration: number;
}

export function quantityModel(own: readonly number[], pool: readonly number[], concentration = DEFAULT_QUANTITY_CONCENTRATION): QuantityModel {
  const ownValues = Float64Array.from(own.filter((q) => Number.isFinite(q) && q > 0));
  let poolValues = Float64Array.from(pool.filter((q) => Number.isFinite(q) && q > 0));
  if (poolValues.length === 0) poolValues = ownValues.length > 0 ? ownValues : Float64Array.of(1);
  return { own: ownValues, pool: poolValues, concentration: Math.max(0, concentration) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length > 0 ? sum / values.length : 0;
}

/** E[next order size] = (Σ own + c · mean(pool)) / (n + c). */
export function expectedQuantity(model: QuantityModel): number {
  const n = model.own.length;
  const weight = n + model.concentration;
  if (weight === 0) return mean(model.pool);
  return (n * mean(model.own) + model.concentration * mean(model.pool)) / weight;
}

export function sampleQuantity(model: QuantityModel, rng: Rng): number {
  const n = model.own.length;
  const u = rng() * (n + model.concentration);
  if (u < n) return model.own[Math.min(n - 1, Math.floor(u))]!;
  return model.pool[Math.min(model.pool.length - 1, Math.floor(rng() * model.pool.length))]!;
}
