import { describe, expect, it } from 'vitest';
import type { ProductRow } from '../../../../core/contract/commands/products';
import { PRODUCT_COLUMNS, emptyColumns } from '../../../../renderer/src/components/products/columns';

const row = (over: Partial<ProductRow>): ProductRow => ({ category: null, supplierName: null, xyz: 'Y', onOrder: null, stockValueCents: null, unitCostCents: null, unitPriceCents: 100, ...over }) as ProductRow;

describe('product table columns', () => {
  it('hides descriptive columns that are empty on every row, never the figures', () => {
    const hidden = emptyColumns([row({}), row({ category: '' })]);
    expect(hidden).toEqual(['category', 'supplierName', 'onOrder', 'stockValueCents', 'unitCostCents']);
    expect(emptyColumns([row({ category: 'Gifts' })])).not.toContain('category');
    expect(emptyColumns([])).toEqual([]);
    for (const field of ['soldLast28Days', 'forecastNext28Days', 'weeksOfCover', 'suggestedQuantity', 'onHand']) expect(hidden).not.toContain(field);
  });

  it('the figures a shop acts on fit 1280 pixels (content ~1000 px) before the descriptive columns', () => {
    const fields = PRODUCT_COLUMNS.map((c) => c.field);
    const firstDescriptive = fields.indexOf('category');
    for (const field of ['soldLast28Days', 'forecastNext28Days', 'weeksOfCover', 'suggestedQuantity', 'alertSeverity']) expect(fields.indexOf(field)).toBeLessThan(firstDescriptive);
    const width = PRODUCT_COLUMNS.slice(0, firstDescriptive).reduce((s, c) => s + (c.flex ? (c.minWidth ?? 0) : (c.width ?? 100)), 0);
    expect(width).toBeLessThanOrEqual(1000);
  });

  it('short headers explain themselves in a tooltip', () => {
    for (const field of ['soldLast28Days', 'forecastNext28Days', 'weeksOfCover']) {
      const column = PRODUCT_COLUMNS.find((c) => c.field === field)!;
      expect(column.headerName!.length).toBeLessThanOrEqual(8);
      expect(column.description).toBeTruthy();
    }
  });
});
