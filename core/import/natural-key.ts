/**
 * Natural keys of imported rows, stored as INTEGER in `sales.natural_key`.
 *
 * A key is 53 bits (a safe JavaScript integer): the day (17 bits, offset so that 1900-01-01
 * is 0) followed by a 36-bit hash of the rest of the row's key fields. Putting the day first
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

/** Two 32-bit hashes in one pass: FNV-1a and a multiply-xorshift, each finalised (murmur3 fmix32). */
export function hash36(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= b >>> 16;
  b = Math.imul(b, 0x7feb352d);
  b ^= b >>> 15;
  return (a >>> 0) * 16 + (b & 15);
}

export function keyDayInRange(day: number): boolean {
  return day >= FIRST_KEY_DAY && day < FIRST_KEY_DAY + DAY_SPAN;
}

/** The natural key of a row of `day` whose other key fields are `material`. */
export function naturalKey(day: number, material: string): number {
  return (day - FIRST_KEY_DAY) * HASH_SPAN + hash36(material);
}

/** The day a key belongs to (for checks and tests). */
export function dayOfKey(key: number): number {
  return Math.floor(key / HASH_SPAN) + FIRST_KEY_DAY;
}
