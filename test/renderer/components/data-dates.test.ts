import { describe, expect, it } from 'vitest';
import { dayBeforeIso, madeFromDataText, planMadeText } from '../../../renderer/src/components/data-dates';

describe('one vocabulary for the dates behind a figure', () => {
  it('a plan stored for 16 Nov (the day after its data) reads "data as of 15 Nov", made on its creation day', () => {
    expect(dayBeforeIso('2026-11-16')).toBe('2026-11-15');
    expect(dayBeforeIso('2026-03-01')).toBe('2026-02-28');
    expect(planMadeText({ createdAt: '2026-11-23T08:00:00.000Z', asOfDate: '2026-11-16' })).toBe('Plan made on 23 Nov 2026 from data as of 15 Nov 2026');
  });

  it('a forecast says the same words', () => {
    expect(madeFromDataText('Forecast', '2026-11-23T08:00:00.000Z', '2026-11-15')).toBe('Forecast made on 23 Nov 2026 from data as of 15 Nov 2026');
    expect(madeFromDataText('Plan', '2026-11-23T08:00:00.000Z', null)).toBe('Plan made on 23 Nov 2026');
  });
});
