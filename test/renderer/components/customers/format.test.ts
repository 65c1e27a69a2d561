import { describe, expect, it } from 'vitest';
import { nextExpectedText, rhythmText, unitsAtStakeText, unitsAtStakeTitle } from '../../../../renderer/src/components/customers/format';

describe('customer prediction wording', () => {
  it('says "1 day apart", not "1 days apart"', () => {
    expect(rhythmText({ orderCount: 2, meanIntervalDays: 1, typicalIntervalDays: 14, intervalSpreadDays: null })).toBe('twice, 1 day apart');
    expect(rhythmText({ orderCount: 2, meanIntervalDays: 7, typicalIntervalDays: 14, intervalSpreadDays: null })).toBe('twice, 7 days apart');
    expect(rhythmText({ orderCount: 5, meanIntervalDays: 20, typicalIntervalDays: 21, intervalSpreadDays: 4 })).toBe('every ~21 days ± 4');
  });

  it('an overdue row shows the passed due date, and the later range only as "if still buying"', () => {
    const row = { atRisk: true, dueOrder: '2011-08-18', nextOrder: '2012-02-05', nextOrderLow: '2011-12-17', nextOrderHigh: '2012-09-25' };
    const text = nextExpectedText(row);
    expect(text.main).toContain('Was due');
    expect(text.main).not.toContain('2012');
    expect(text.detail.startsWith('if still buying: ')).toBe(true);
    expect(nextExpectedText({ ...row, atRisk: false }).main).not.toContain('Was due');
  });

  it('states the units that revenue at stake prices', () => {
    expect(unitsAtStakeText({ unitsAtStake: 475.2 })).toBe('475 units');
    expect(unitsAtStakeTitle({ unitsAtStake: 438, typicalIntervalDays: 42, expectedQuantity: 219 }, 12)).toBe(
      '438 units: what they would buy in 12 weeks ordering every ~42 days, about 219 a time, at the latest price. Not discounted for the chance they have stopped.',
    );
  });
});
