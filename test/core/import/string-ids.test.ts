import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIds } from '../../../core/import/string-ids';

describe('StringIds', () => {
  it('answers exactly as a Map does, through growth and overwrites (property)', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'SKU-1', 'sku-1', 'é', '\u0000', 'a'.repeat(40)));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: -5, max: 2 ** 40 })), { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (entries, probes) => {
        const map = new Map<string, number>();
        const table = new StringIds();
        for (const [k, v] of entries) {
          map.set(k, v);
          table.set(k, v);
        }
        expect(table.size).toBe(map.size);
        for (const k of [...map.keys(), ...probes]) expect(table.get(k)).toBe(map.get(k));
      }),
      { numRuns: 300 },
    );
  });

  it('finds keys built from other strings (equal text, different string objects)', () => {
    const table = StringIds.from([['SKU-00042', 7]]);
    const text = 'x,SKU-00042,y';
    expect(table.get(text.slice(2, 11))).toBe(7);
    expect(table.get(['SKU', '00042'].join('-'))).toBe(7);
    expect(table.get('SKU-00043')).toBeUndefined();
  });
});
