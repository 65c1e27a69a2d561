import { describe, expect, it } from 'vitest';
import { makeTextFormat } from '../../../core/alerts/format';
import type { WeekPoint } from '../../../core/alerts/series';
import { seriesAlerts } from '../../../core/alerts/series';

const fmt = makeTextFormat('en-GB', 'GBP');

/** 30 weeks selling exactly 10, then one week selling `last`. */
function weeks(last: number): WeekPoint[] {
  const out: WeekPoint[] = [];
  for (let i = 0; i < 31; i++) out.push({ start: 20_000 + 7 * i, actual: i === 30 ? last : 10, excluded: false, explainedBy: null });
  return out;
}

describe('unusual weeks: a note when outside the 95% band, a warning when far outside', () => {
  // Worked by hand: a steady 10 a week has no error spread, so the band is the central 95%
  // of a Poisson count with mean 10: 4–17. "Far" starts at twice the band's reach: 10 + 2·7 = 24.
  it('20 is above the band: an info note that does not say "far"', () => {
    const [alert] = seriesAlerts(1, 'Tea', weeks(20), fmt).filter((a) => a.kind === 'anomaly');
    expect(alert?.severity).toBe('info');
    expect(alert?.message).toMatch(/sold 20 in the week of .*, above the usual 10 \(expected 4–17\)/);
  });
  it('24 is far above: a warning', () => {
    const [alert] = seriesAlerts(1, 'Tea', weeks(24), fmt).filter((a) => a.kind === 'anomaly');
    expect(alert?.severity).toBe('warning');
    expect(alert?.message).toMatch(/far above the usual 10/);
  });
  it('17 is inside the band: no alert', () => {
    expect(seriesAlerts(1, 'Tea', weeks(17), fmt).filter((a) => a.kind === 'anomaly')).toEqual([]);
  });
  it('a week below the band is a note', () => {
    const [alert] = seriesAlerts(1, 'Tea', weeks(2), fmt).filter((a) => a.kind === 'anomaly');
    expect(alert?.severity).toBe('info');
    expect(alert?.message).toMatch(/sold 2 in the week of .*, below the usual 10/);
  });
});
