/**
 * Sorted samples with prefix sums, so that quantiles, tail probabilities and expected
 * shortfalls E[(X − s)⁺] cost O(log n) each. The fill-rate search and the budget cap
 * evaluate these many times per product; 10,000 products must plan in seconds.
 */
export class SortedSamples {
  readonly sorted: Float64Array;
  /** prefix[i] = sum of the i smallest samples. */
  private readonly prefix: Float64Array;

  constructor(values: Float64Array) {
    this.sorted = Float64Array.from(values).sort();
    this.prefix = new Float64Array(this.sorted.length + 1);
    for (let i = 0; i < this.sorted.length; i++) this.prefix[i + 1] = this.prefix[i]! + this.sorted[i]!;
  }

  get size(): number {
    return this.sorted.length;
  }

  get mean(): number {
    return this.size > 0 ? this.prefix[this.size]! / this.size : 0;
  }

  get max(): number {
    return this.size > 0 ? this.sorted[this.size - 1]! : 0;
  }

  /** Standard deviation (population form; the samples are the whole scenario set). */
  get sd(): number {
    const m = this.mean;
    let ss = 0;
    for (let i = 0; i < this.size; i++) ss += (this.sorted[i]! - m) ** 2;
    return this.size > 0 ? Math.sqrt(ss / this.size) : 0;
  }

  /** Hyndman & Fan type 7 quantile (linear between order statistics), monotone in p. */
  quantile(p: number): number {
    const n = this.size;
    if (n === 0) return 0;
    const h = (n - 1) * Math.min(1, Math.max(0, p));
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const a = this.sorted[lo]!;
    return a + (h - lo) * (this.sorted[hi]! - a);
  }

  /** Number of samples ≤ s (binary search). */
  private countAtMost(s: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** P(X > s). */
  tailProbability(s: number): number {
    return this.size > 0 ? (this.size - this.countAtMost(s)) / this.size : 0;
  }

  /** E[(X − s)⁺], the expected shortfall of a stock level s. */
  expectedExcess(s: number): number {
    const n = this.size;
    if (n === 0) return 0;
    const k = this.countAtMost(s);
    const above = this.prefix[n]! - this.prefix[k]!;
    return (above - s * (n - k)) / n;
  }
}
