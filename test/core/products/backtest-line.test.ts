import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../core/dates';
import { fittedBacktestLine } from '../../../core/products/backtest-line';

const day = (iso: string) => dayFromIso(iso);

describe('the fitted backtest line of the product chart', () => {
  it('adds locations with the same origin, and lets the later origin win where windows overlap (worked by hand)', () => {
    // Origin 6 Jan: 3 weeks of 10, 11, 12 at one location plus 1, 1, 1 at another → 11, 12, 13.
    // Origin 20 Jan: 5, 6 — its first week (20 Jan) overlaps the first window's third week.
    const line = fittedBacktestLine(
      [
        { originDay: day('2025-01-06'), mean: [10, 11, 12] },
        { originDay: day('2025-01-06'), mean: [1, 1, 1] },
        { originDay: day('2025-01-20'), mean: [5, 6] },
      ],
      7,
    );
    expect(line).toEqual([
      { start: '2025-01-06', value: 11, window: 0 },
      { start: '2025-01-13', value: 12, window: 0 },
      { start: '2025-01-20', value: 5, window: 1 },
      { start: '2025-01-27', value: 6, window: 1 },
    ]);
  });

  it('has one point per period, in order, each from the latest origin covering it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ origin: fc.integer({ min: 0, max: 20 }), mean: fc.array(fc.float({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }) }), { maxLength: 6 }), (raw) => {
        const windows = raw.map((w) => ({ originDay: 20_000 + 7 * w.origin, mean: w.mean }));
        const line = fittedBacktestLine(windows, 7);
        const starts = line.map((p) => p.start);
        expect([...starts].sort()).toEqual(starts);
        expect(new Set(starts).size).toBe(starts.length);
        const origins = [...new Set(windows.map((w) => w.originDay))].sort((a, b) => a - b);
        for (const p of line) {
          const d = dayFromIso(p.start);
          const covering = origins.filter((o) => windows.some((w) => w.originDay === o && d >= o && d < o + 7 * w.mean.length));
          expect(origins[p.window]).toBe(covering.at(-1));
        }
      }),
    );
  });
});
