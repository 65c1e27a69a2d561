import { describe, expect, it } from 'vitest';
import { SLOW_STOCK_RULES as PDF_RULES } from '../../../../core/reports/slow-report';
import { SLOW_STOCK_RULES, coverWeeksText, slowStockSummary } from '../../../../renderer/src/components/reports/slow-stock-format';

describe('slow-stock heading and cover', () => {
  it('the heading adds the "Beyond 13 weeks" column and names the stock value beside it', () => {
    const lines = [
      { sku: 'A', locationName: null, health: 'dead' as const, moneyTiedUpCents: 20_412, excessValueCents: 20_412 },
      { sku: 'B', locationName: null, health: 'slow' as const, moneyTiedUpCents: 7_245, excessValueCents: 5_000 },
      { sku: 'C', locationName: null, health: 'overstock' as const, moneyTiedUpCents: 10_000, excessValueCents: 1_921 },
    ];
    const text = slowStockSummary(lines);
    expect(text).toContain('3 products (1 dead, 1 slow, 1 overstocked)');
    expect(text).toContain('£273.33 of stock beyond 13 weeks of cover');
    expect(text).toContain('out of £376.57 of stock on hand');
  });

  it('with lines at two locations it counts products, then the lines and locations the kinds count', () => {
    const lines = [
      { sku: 'JAM', locationName: 'Harbour kiosk', health: 'dead' as const, moneyTiedUpCents: 9_000, excessValueCents: 9_000 },
      { sku: 'MUG', locationName: 'Harbour kiosk', health: 'dead' as const, moneyTiedUpCents: 10_000, excessValueCents: 10_000 },
      { sku: 'MUG', locationName: 'Main shop', health: 'dead' as const, moneyTiedUpCents: 2_000, excessValueCents: 2_000 },
    ];
    expect(slowStockSummary(lines)).toMatch(/^2 products · 3 lines at 2 locations \(3 dead, 0 slow, 0 overstocked\) · £210\.00 of stock beyond/);
    // All at one location of a shop with several: one line per product, nothing to add.
    expect(slowStockSummary(lines.slice(0, 2))).toMatch(/^2 products \(2 dead, 0 slow, 0 overstocked\)/);
  });

  it('cover stays in weeks: no "years" mixed into the column', () => {
    expect(coverWeeksText(36.4)).toBe('36');
    expect(coverWeeksText(9409)).toBe('520+');
    expect(coverWeeksText(null)).toBe('—');
  });
  it('the screen states the rule’s exceptions in the PDF’s words', () => {
    expect(SLOW_STOCK_RULES).toBe(PDF_RULES);
  });
});
