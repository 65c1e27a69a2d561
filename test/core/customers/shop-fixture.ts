/** A small synthetic wholesaler for the customer-model tests. Days are plain day numbers. */
import type { CustomerSaleLine } from '../../../core/customers/orders';
import type { ProductSales } from '../../../core/customers/shop-model';

export const AS_OF_DAY = 400;

function every(customerKey: string, from: number, to: number, step: number, quantity: number, unitPriceCents = 250): CustomerSaleLine[] {
  const lines: CustomerSaleLine[] = [];
  for (let day = from; day <= to; day += step) lines.push({ customerKey, day, quantity, unitPriceCents });
  return lines;
}

/** Background customers so the shop-level priors have something to learn from. */
function background(product: string, customers: number, seedStep: number): CustomerSaleLine[] {
  const lines: CustomerSaleLine[] = [];
  for (let c = 0; c < customers; c++) {
    const step = 10 + ((c * seedStep) % 40);
    const start = (c * 13) % 60;
    const stop = c % 3 === 0 ? 250 : 420; // a third of them stop ordering
    lines.push(...every(`${product}-bg${c}`, start, stop, step, 5 + (c % 4) * 5, 300));
  }
  return lines;
}

export function shopFixture(): ProductSales[] {
  const flour: CustomerSaleLine[] = [
    ...every('weekly', 50, 393, 7, 10),
    ...every('monthly', 100, 390, 30, 40),
    ...every('lapsed', 10, 200, 14, 20),
    { customerKey: 'twice', day: 300, quantity: 8, unitPriceCents: 250 },
    { customerKey: 'twice', day: 340, quantity: 8, unitPriceCents: 250 },
    { customerKey: 'once', day: 350, quantity: 3, unitPriceCents: 250 },
    { customerKey: 'broken', day: 120, quantity: 5, unitPriceCents: 250 },
    { customerKey: 'broken', day: Number.NaN, quantity: 5, unitPriceCents: 250 },
    { customerKey: '', day: 395, quantity: 30, unitPriceCents: 240 },
    // Sales after the as-of day must not be seen by the model.
    ...every('weekly', 400, 460, 7, 1000),
    ...background('flour', 12, 7),
  ];
  const rare: CustomerSaleLine[] = [
    { customerKey: 'x1', day: 100, quantity: 1, unitPriceCents: 999 },
    { customerKey: 'x2', day: 300, quantity: 2, unitPriceCents: 999 },
  ];
  return [
    { productKey: 'FLOUR', productName: 'Flour 25 kg', lines: flour },
    { productKey: 'RARE', productName: 'Rare spice', lines: rare },
    { productKey: 'SUGAR', productName: 'Sugar 10 kg', lines: background('sugar', 15, 11) },
    { productKey: 'OIL', productName: 'Olive oil 5 l', lines: background('oil', 10, 5) },
  ];
}

/** A product whose sales cannot be read at all. */
export function unreadableProduct(): ProductSales {
  return {
    productKey: 'BROKEN',
    productName: 'Broken export',
    get lines(): CustomerSaleLine[] {
      throw new Error('the export was truncated');
    },
  };
}
