/**
 * Per-series running state for feature rows: the value buffer (history, then the
 * model's own forecasts during recursive prediction) with prefix sums, so every
 * window statistic of any row is O(1), and the static per-series codes.
 */
import type { GlobalSeries } from './types';

/** Demand pattern codes (Syntetos, Boylan & Croston 2005 cut-offs ADI 1.32, CV² 0.49). */
export const PATTERN_CODES = { smooth: 0, erratic: 1, intermittent: 2, lumpy: 3 } as const;

export class SeriesState {
  readonly series: GlobalSeries;
  /** Known values then appended forecasts; NaN = missing. */
  values: Float64Array;
  length: number;
  /** Prefix sums over indices < t of non-NaN values: |v|, v, v², count, zero count. */
  private cumAbs: Float64Array;
  private cumSum: Float64Array;
  private cumSq: Float64Array;
  private cumCount: Float64Array;
  private cumZero: Float64Array;
  /** Prefix sums over indices < t of the non-zero values: count, sum, sum of squares. */
  private cumNonZero: Float64Array;
  private cumNonZeroSum: Float64Array;
  private cumNonZeroSq: Float64Array;
  /** lastSale[t] = last index < t with a non-zero value, -1 if none. */
  private lastSale: Int32Array;
  /** Prefix sums of the (forward-filled) price and of its known count. */
  private cumPrice: Float64Array | undefined;
  private cumPriceCount: Float64Array | undefined;
  firstSale: number;
  /** Demand pattern of the whole history (for grouping residuals of this series). */
  readonly pattern: number;
  readonly priceFilled: Float64Array | undefined;

  /** Periods the buffers hold (push beyond it throws). */
  private readonly capacity: number;

  /**
   * With `prefixOf`, a view of that state's first series.values.length periods (series.values
   * must be their prefix): it shares the buffers, so it costs nothing to build, and it cannot
   * grow (push throws), since that would overwrite the periods `prefixOf` holds there.
   */
  constructor(series: GlobalSeries, capacity: number, prefixOf?: SeriesState) {
    this.series = series;
    const n = series.values.length;
    if (prefixOf) {
      if (n > prefixOf.length) throw new RangeError(`series ${series.id}: a prefix of ${n} periods of a state of ${prefixOf.length}`);
      this.values = prefixOf.values;
      this.length = n;
      this.capacity = n;
      this.cumAbs = prefixOf.cumAbs;
      this.cumSum = prefixOf.cumSum;
      this.cumSq = prefixOf.cumSq;
      this.cumCount = prefixOf.cumCount;
      this.cumZero = prefixOf.cumZero;
      this.cumNonZero = prefixOf.cumNonZero;
      this.cumNonZeroSum = prefixOf.cumNonZeroSum;
      this.cumNonZeroSq = prefixOf.cumNonZeroSq;
      this.lastSale = prefixOf.lastSale;
      this.firstSale = prefixOf.firstSale < n ? prefixOf.firstSale : -1;
      this.pattern = this.patternBefore(n);
      this.priceFilled = prefixOf.priceFilled;
      this.cumPrice = prefixOf.cumPrice;
      this.cumPriceCount = prefixOf.cumPriceCount;
      return;
    }
    const size = Math.max(capacity, n) + 1;
    this.capacity = size - 1;
    this.values = new Float64Array(size - 1);
    this.values.set(series.values);
    this.length = 0;
    this.cumAbs = new Float64Array(size);
    this.cumSum = new Float64Array(size);
    this.cumSq = new Float64Array(size);
    this.cumCount = new Float64Array(size);
    this.cumZero = new Float64Array(size);
    this.cumNonZero = new Float64Array(size);
    this.cumNonZeroSum = new Float64Array(size);
    this.cumNonZeroSq = new Float64Array(size);
    this.lastSale = new Int32Array(size).fill(-1);
    this.firstSale = -1;
    this.pushAll(series.values);
    this.pattern = this.patternBefore(n);
    const filled = series.price ? fillForward(series.price, size - 1) : undefined;
    this.priceFilled = filled;
    if (filled) {
      this.cumPrice = new Float64Array(filled.length + 1);
      this.cumPriceCount = new Float64Array(filled.length + 1);
      for (let t = 0; t < filled.length; t++) {
        const p = filled[t]!;
        this.cumPrice[t + 1] = this.cumPrice[t]! + (p === p ? p : 0);
        this.cumPriceCount[t + 1] = this.cumPriceCount[t]! + (p === p ? 1 : 0);
      }
    }
  }

  /** push of every value of an empty state, in one loop with the running sums in locals (same sums). */
  private pushAll(values: Float64Array): void {
    const n = values.length;
    const { cumAbs, cumSum, cumSq, cumCount, cumZero, cumNonZero, cumNonZeroSum, cumNonZeroSq, lastSale } = this;
    let abs = 0;
    let sum = 0;
    let sq = 0;
    let count = 0;
    let zero = 0;
    let nonZero = 0;
    let nonZeroSum = 0;
    let nonZeroSq = 0;
    let last = -1;
    let first = -1;
    for (let t = 0; t < n; t++) {
      const value = values[t]!;
      if (value === value) {
        abs += Math.abs(value);
        sum += value;
        sq += value * value;
        count += 1;
        if (value === 0) zero += 1;
        else {
          nonZero += 1;
          nonZeroSum += value;
          nonZeroSq += value * value;
          last = t;
          if (first < 0) first = t;
        }
      }
      cumAbs[t + 1] = abs;
      cumSum[t + 1] = sum;
      cumSq[t + 1] = sq;
      cumCount[t + 1] = count;
      cumZero[t + 1] = zero;
      cumNonZero[t + 1] = nonZero;
      cumNonZeroSum[t + 1] = nonZeroSum;
      cumNonZeroSq[t + 1] = nonZeroSq;
      lastSale[t + 1] = last;
    }
    this.firstSale = first;
    this.length = n;
  }

  /**
   * Demand pattern from the values before t, by ADI and CV² of the non-zero demands
   * (Syntetos, Boylan & Croston 2005 cut-offs 1.32 and 0.49).
   */
  patternBefore(t: number): number {
    const nonZero = this.cumNonZero[t]!;
    if (nonZero === 0) return PATTERN_CODES.lumpy;
    const adi = this.cumCount[t]! / nonZero;
    const mean = this.cumNonZeroSum[t]! / nonZero;
    const cv2 = mean !== 0 ? Math.max(0, this.cumNonZeroSq[t]! / nonZero - mean * mean) / (mean * mean) : 0;
    if (adi < 1.32) return cv2 < 0.49 ? PATTERN_CODES.smooth : PATTERN_CODES.erratic;
    return cv2 < 0.49 ? PATTERN_CODES.intermittent : PATTERN_CODES.lumpy;
  }

  /** Mean of the known prices before t (NaN without prices). */
  priceMeanBefore(t: number): number {
    if (!this.cumPrice || !this.cumPriceCount) return NaN;
    const k = Math.min(t, this.cumPrice.length - 1);
    return this.cumPriceCount[k]! > 0 ? this.cumPrice[k]! / this.cumPriceCount[k]! : NaN;
  }

  /** Appends a value (a known one, or a forecast during recursive prediction). */
  push(value: number): void {
    const t = this.length;
    if (t >= this.capacity) throw new RangeError(`series ${this.series.id}: buffer capacity ${this.capacity} exceeded`);
    this.values[t] = value;
    const known = value === value;
    this.cumAbs[t + 1] = this.cumAbs[t]! + (known ? Math.abs(value) : 0);
    this.cumSum[t + 1] = this.cumSum[t]! + (known ? value : 0);
    this.cumSq[t + 1] = this.cumSq[t]! + (known ? value * value : 0);
    this.cumCount[t + 1] = this.cumCount[t]! + (known ? 1 : 0);
    this.cumZero[t + 1] = this.cumZero[t]! + (known && value === 0 ? 1 : 0);
    const sale = known && value !== 0;
    this.cumNonZero[t + 1] = this.cumNonZero[t]! + (sale ? 1 : 0);
    this.cumNonZeroSum[t + 1] = this.cumNonZeroSum[t]! + (sale ? value : 0);
    this.cumNonZeroSq[t + 1] = this.cumNonZeroSq[t]! + (sale ? value * value : 0);
    this.lastSale[t + 1] = sale ? t : this.lastSale[t]!;
    if (this.firstSale < 0 && known && value !== 0) this.firstSale = t;
    this.length = t + 1;
  }

  /** Drops appended values back to `length` (to reuse the state for another forecast). */
  truncate(length: number): void {
    if (length > this.length) throw new RangeError('truncate cannot grow the buffer');
    this.length = length;
    // The first sale overall is also the first before `length` unless it came later.
    if (this.firstSale >= length) this.firstSale = -1;
  }

  /** Count of known values in [from, to). */
  count(from: number, to: number): number {
    const a = Math.max(0, from);
    return a < to ? this.cumCount[to]! - this.cumCount[a]! : 0;
  }

  meanAbs(from: number, to: number): number {
    const a = Math.max(0, from);
    const n = this.count(a, to);
    return n > 0 ? (this.cumAbs[to]! - this.cumAbs[a]!) / n : NaN;
  }

  mean(from: number, to: number): number {
    const a = Math.max(0, from);
    const n = this.count(a, to);
    return n > 0 ? (this.cumSum[to]! - this.cumSum[a]!) / n : NaN;
  }

  /** Population standard deviation of known values in [from, to). */
  std(from: number, to: number): number {
    const a = Math.max(0, from);
    const n = this.count(a, to);
    if (n < 2) return NaN;
    const mean = (this.cumSum[to]! - this.cumSum[a]!) / n;
    const variance = (this.cumSq[to]! - this.cumSq[a]!) / n - mean * mean;
    return Math.sqrt(Math.max(0, variance));
  }

  zeroShare(from: number, to: number): number {
    const a = Math.max(0, from);
    const n = this.count(a, to);
    return n > 0 ? (this.cumZero[to]! - this.cumZero[a]!) / n : NaN;
  }

  /** Last index < t with a non-zero value, or -1. */
  lastSaleBefore(t: number): number {
    return this.lastSale[t]!;
  }
}

/** Demand pattern of a whole series (see SeriesState.patternBefore). */
export function demandPattern(values: Float64Array): number {
  return new SeriesState({ id: '', values }, values.length).patternBefore(values.length);
}

/** Copies `values` into an array of `length`, carrying the last known value forward over NaN and past the end. */
function fillForward(values: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  let last = NaN;
  for (let t = 0; t < length; t++) {
    const v = t < values.length ? values[t]! : NaN;
    if (v === v) last = v;
    out[t] = last;
  }
  return out;
}
