/**
 * Seeded pseudo-random numbers for the demo generator. Nothing here reads the clock or
 * Math.random, so the same seed always gives the same shop.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", 2018), seeded through splitmix32 so that nearby seeds give unrelated streams.
 */

/**
 * Orders strings by UTF-16 code units. Unlike localeCompare it does not depend on the
 * machine's locale, which would make the generated files differ between computers.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a 32-bit hash of a string: turns a stream name into a seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw xoshiro128** state (for checking against hand-worked outputs). */
  static fromState(state: [number, number, number, number]): SeededRandom {
    const rng = new SeededRandom(0);
    rng.s0 = state[0] >>> 0;
    rng.s1 = state[1] >>> 0;
    rng.s2 = state[2] >>> 0;
    rng.s3 = state[3] >>> 0;
    return rng;
  }

  /** An independent stream named after what it is used for (stable when other streams change). */
  static stream(masterSeed: number, name: string): SeededRandom {
    return new SeededRandom((hashString(name) ^ Math.imul(masterSeed >>> 0, 0x9e3779b1)) >>> 0);
  }

  /** The next raw 32-bit output. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.uint32() / 4294967296;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer in [low, high] inclusive. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.uniform() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.uniform() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.uniform() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal by the Box–Muller transform. */
  normal(): number {
    const u1 = 1 - this.uniform(); // (0, 1]: log(u1) is finite
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. */
  gamma(shape: number): number {
    if (shape <= 0) throw new Error(`gamma shape must be positive, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  /** Poisson: inversion by sequential search for small means, rounded normal above 40. */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    let k = 0;
    let probability = Math.exp(-mean);
    let cumulative = probability;
    const u = this.uniform();
    while (u > cumulative && k < 1000) {
      k++;
      probability *= mean / k;
      cumulative += probability;
    }
    return k;
  }

  /**
   * Negative binomial as a gamma–Poisson mixture: mean `mean`, variance mean + mean²/size.
   * Small `size` = overdispersed (lumpy) demand.
   */
  negativeBinomial(mean: number, size: number): number {
    if (!(mean > 0)) return 0;
    return this.poisson((mean * this.gamma(size)) / size);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
