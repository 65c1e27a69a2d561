/**
 * From sale lines to per-customer order histories for one product. An order is one day on
 * which the customer bought the product: lines of the same customer and day (several
 * invoices, split lines) are one order with their quantities added. Returns on the same day
 * are netted; a day whose net quantity is not positive is not an order.
 */

/** One sale line of one product, as stored (days since 1970-01-01, money in cents). */
export interface CustomerSaleLine {
  customerKey: string;
  day: number;
  quantity: number;
  unitPriceCents?: number | null;
}

export interface CustomerHistory {
  customerKey: string;
  /** Distinct order days, ascending. */
  orderDays: number[];
  /** Net quantity of each order, aligned with orderDays, all > 0. */
  quantities: number[];
  /** Unit price of the customer's latest priced line, or null. */
  lastUnitPriceCents: number | null;
}

/** A customer left out of the analysis, and why (shown to the owner, never thrown). */
export interface CustomerIssue {
  customerKey: string;
  message: string;
}

export interface HistoriesResult {
  histories: CustomerHistory[];
  issues: CustomerIssue[];
}

function lineProblem(line: CustomerSaleLine): string | null {
  if (!Number.isInteger(line.day)) return `a sale line has an invalid date (day ${String(line.day)})`;
  if (!Number.isFinite(line.quantity)) return `a sale line on day ${line.day} has a quantity that is not a number`;
  const price = line.unitPriceCents;
  if (price !== undefined && price !== null && !(Number.isFinite(price) && price >= 0)) {
    return `a sale line on day ${line.day} has an invalid unit price (${String(price)})`;
  }
  return null;
}

/**
 * Groups lines by customer and day, keeping only days before `asOfDay` (the history a
 * prediction made on `asOfDay` may see). A customer with an unusable line is left out with
 * the reason; the others are unaffected.
 */
export function buildCustomerHistories(lines: readonly CustomerSaleLine[], asOfDay: number): HistoriesResult {
  const byCustomer = new Map<string, CustomerSaleLine[]>();
  const issues: CustomerIssue[] = [];
  const rejected = new Set<string>();
  for (const line of lines) {
    const key = typeof line.customerKey === 'string' ? line.customerKey.trim() : '';
    if (key === '') continue; // anonymous sales belong to no customer
    if (rejected.has(key)) continue;
    const problem = lineProblem(line);
    if (problem !== null) {
      rejected.add(key);
      byCustomer.delete(key);
      issues.push({ customerKey: key, message: `Customer ${key} left out: ${problem}.` });
      continue;
    }
    if (line.day >= asOfDay) continue;
    let list = byCustomer.get(key);
    if (!list) {
      list = [];
      byCustomer.set(key, list);
    }
    list.push(line);
  }

  const histories: CustomerHistory[] = [];
  for (const [customerKey, customerLines] of byCustomer) {
    const netByDay = new Map<number, number>();
    let lastPricedDay = -Infinity;
    let lastUnitPriceCents: number | null = null;
    for (const line of customerLines) {
      netByDay.set(line.day, (netByDay.get(line.day) ?? 0) + line.quantity);
      const price = line.unitPriceCents;
      if (line.quantity > 0 && price !== undefined && price !== null && price > 0 && line.day >= lastPricedDay) {
        lastPricedDay = line.day;
        lastUnitPriceCents = price;
      }
    }
    const days = [...netByDay.keys()].filter((d) => (netByDay.get(d) ?? 0) > 0).sort((a, b) => a - b);
    if (days.length === 0) continue;
    histories.push({ customerKey, orderDays: days, quantities: days.map((d) => netByDay.get(d) ?? 0), lastUnitPriceCents });
  }
  histories.sort((a, b) => (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0));
  return { histories, issues };
}
