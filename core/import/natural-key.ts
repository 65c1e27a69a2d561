/**
 * Natural keys of imported rows, stored as INTEGER in `sales.natural_key`.
 *
 * A key is 53 bits (a safe JavaScript integer): the day (17 bits, offset so that 1900-01-01
 * is 0) followed by a 36-bit hash of the row's other key fields. Putting the day first
 * keeps keys of a date-sorted file nearly in order, so SQLite's unique index grows at its end
 * instead of at random pages, which is what makes a million-row import fast.
 *
 * Hashes can collide; the importer never trusts a key alone: when a key is already taken it
 * compares the stored row with the new one and probes the next key (see writers/sales.ts).
 */

/** 1900-01-01 as a day number (days since 1970-01-01). */
export const FIRST_KEY_DAY = -25_567;
const DAY_SPAN = 2 ** 17;
const HASH_SPAN = 2 ** 36;

const floatView = new Float64Array(1);
const wordsView = new Uint32Array(floatView.buffer);

/**
 * Two 32-bit hashes fed together (FNV-1a and a multiply-xorshift), finalised with
 * murmur3's fmix32 and combined into 36 bits. Values are fed without building strings,
 * which matters at a million rows.
 */
export class KeyHasher {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  reset(): this {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
    return this;
  }

  private word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    this.b = Math.imul(this.b ^ w, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  /** A number, exactly (its 64 bits), or null (distinct from every number). */
  number(value: number | null): this {
    if (value === null) {
      this.word(0x6e756c6c);
      this.word(0x6e756c6c);
      return this;
    }
    floatView[0] = value === 0 ? 0 : value; // -0 and 0 are the same value
    this.word(wordsView[0] ?? 0);
    this.word(wordsView[1] ?? 0);
    return this;
  }

  /** A string, or null (distinct from every string, the empty one included). */
  text(value: string | null): this {
    if (value === null) {
      this.word(0xfffffffe);
      return this;
    }
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    this.word(0xffffffff);
    return this;
  }

  hash36(): number {
    let a = this.a;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    let b = this.b;
    b ^= b >>> 16;
    b = Math.imul(b, 0x7feb352d);
    b ^= b >>> 15;
    return (a >>> 0) * 16 + (b & 15);
  }

  /** The natural key of a row of `day` whose other key fields were fed to this hasher. */
  key(day: number): number {
    return (day - FIRST_KEY_DAY) * HASH_SPAN + this.hash36();
  }
}

export function keyDayInRange(day: number): boolean {
  return day >= FIRST_KEY_DAY && day < FIRST_KEY_DAY + DAY_SPAN;
}

/** The day a key belongs to (for checks and tests). */
export function dayOfKey(key: number): number {
  return Math.floor(key / HASH_SPAN) + FIRST_KEY_DAY;
}
