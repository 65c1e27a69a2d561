import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLocated, productsText as coreText } from '../../../core/inventory/located-counts';
import { productsText, productsTextOf } from '../../../renderer/src/components/located-counts';

describe('products counted over locations', () => {
  it('one location reads "N products"; several say the lines and locations', () => {
    expect(productsText({ products: 3, lines: 3, locations: 1 })).toBe('3 products');
    expect(productsText({ products: 1, lines: 1, locations: 1 })).toBe('1 product');
    expect(productsText({ products: 3, lines: 4, locations: 2 })).toBe('3 products · 4 lines at 2 locations');
    expect(productsTextOf([{ sku: 'TEA', at: 'Main shop' }, { sku: 'TEA', at: 'Harbour kiosk' }, { sku: 'SOAP', at: 'Main shop' }], (l) => l.sku, (l) => l.at)).toBe('2 products · 3 lines at 2 locations');
    // A shop with one location names none (null): the lines are the products.
    expect(productsTextOf([{ sku: 'TEA' }, { sku: 'SOAP' }], (l) => l.sku, () => null)).toBe('2 products');
  });

  it('the screen and the PDFs word it alike, and count distinct products and locations', () => {
    const line = fc.record({ product: fc.integer({ min: 1, max: 6 }), location: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: (l) => `${l.product}:${l.location}`, maxLength: 18 }), (lines) => {
        const count = countLocated(lines, (l) => l.product, (l) => l.location);
        expect(count.products).toBe(new Set(lines.map((l) => l.product)).size);
        expect(count.products).toBeLessThanOrEqual(count.lines);
        expect(count.lines).toBeLessThanOrEqual(count.products * count.locations);
        const text = productsText(count);
        expect(text).toBe(coreText(count));
        expect(text.startsWith(`${count.products} product`)).toBe(true);
        expect(text.includes('locations')).toBe(count.locations > 1);
      }),
    );
  });

  it('the sentence form puts the lines in brackets', () => {
    expect(coreText({ products: 2, lines: 3, locations: 2 }, { style: 'sentence' })).toBe('2 products (3 lines at 2 locations)');
    expect(coreText({ products: 1, lines: 1, locations: 1 }, { style: 'sentence' })).toBe('1 product');
  });
});
