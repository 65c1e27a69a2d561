import type { Mapping, SalesPeriod } from '../contract/commands/import';
import { isoFromDay } from '../dates';
import type { CellReader } from './cells';
import { indexOf, quote } from './cells';
import { periodHeader } from './detect';
import { keyDayInRange } from './natural-key';
import type { ConvertOptions, Converter, Problem, SaleRecord } from './record-types';
import { canonicalNumber, notANumberReason, parseDateTime, parseTimeOfDay, SECONDS_PER_DAY } from './values';

export function salesConverter(mapping: Mapping, cells: CellReader): Converter {
  const kind = mapping.kind;
  const isTotal = kind === 'sales_totals';
  const period: SalesPeriod = isTotal ? mapping.period : 'day';
  const c = {
    date: indexOf(mapping, 'date'),
    time: indexOf(mapping, 'time'),
    sku: indexOf(mapping, 'sku'),
    productName: indexOf(mapping, 'productName'),
    quantity: indexOf(mapping, 'quantity'),
    unitPrice: indexOf(mapping, 'unitPrice'),
    revenue: indexOf(mapping, 'revenue'),
    customerId: indexOf(mapping, 'customerId'),
    customerName: indexOf(mapping, 'customerName'),
    location: indexOf(mapping, 'location'),
    orderRef: indexOf(mapping, 'orderRef'),
  };
  // One record object, refilled for every row: writers copy what they keep.
  const record: SaleRecord = {
    type: 'sale', day: 0, timeSeconds: -1, sku: '', productName: null, location: null, quantity: 0,
    unitPriceCents: null, revenueCents: null, customerId: null, customerName: null, orderRef: null, isTotal, period,
  };
  // Exports that give an order's date and customer only on its first line (Shopify).
  let previous: { orderRef: string; seconds: number; customerId: string | null; customerName: string | null } | undefined;
  const skip = skipper(mapping, cells);
  return {
    kind,
    convert(row, line, sink) {
      cells.start(row);
      const orderRef = cells.text(c.orderRef, 'orderRef');
      const skipped = skip(row, orderRef);
      if (skipped) {
        sink.reject(line, [skipped], row);
        return;
      }
      const sameOrder = previous !== undefined && orderRef !== null && orderRef === previous.orderRef;
      const seconds = sameOrder && cells.raw(c.date) === '' ? (previous?.seconds ?? Number.NaN) : cells.dateTime(c.date, 'date', true, true);
      const productName = cells.text(c.productName, 'productName');
      const sku = cells.text(c.sku, 'sku') ?? productName;
      if (sku === null) cells.problem(c.sku >= 0 ? 'sku' : 'productName', 'missing SKU');
      const quantity = cells.number(c.quantity, 'quantity', true);
      const unitPriceCents = cells.cents(c.unitPrice, 'unitPrice', false);
      const revenueCents = cells.cents(c.revenue, 'revenue', true);
      let customerId = cells.text(c.customerId, 'customerId');
      let customerName = cells.text(c.customerName, 'customerName');
      if (sameOrder && customerId === null && previous) {
        customerId = previous.customerId;
        customerName = previous.customerName;
      }
      const day = Math.floor(seconds / SECONDS_PER_DAY);
      let timeSeconds = Number.isNaN(seconds) ? -1 : seconds - day * SECONDS_PER_DAY;
      if (c.time >= 0) {
        const timeText = cells.raw(c.time);
        if (timeText !== '') {
          const parsed = parseTimeOfDay(timeText);
          if (Number.isNaN(parsed)) cells.problem('time', `${quote(timeText)} is not a time of day`);
          else timeSeconds = parsed;
        }
      }
      // Only consecutive lines of one order share its first line's details.
      previous = orderRef !== null && !Number.isNaN(seconds) ? { orderRef, seconds, customerId, customerName } : undefined;
      if (cells.problems.length > 0) {
        sink.reject(line, cells.problems, row);
        return;
      }
      record.day = day;
      record.timeSeconds = timeSeconds;
      record.sku = sku ?? '';
      record.productName = productName;
      record.location = cells.text(c.location, 'location');
      record.quantity = quantity;
      record.unitPriceCents = unitPriceCents;
      record.revenueCents = revenueCents;
      record.customerId = customerId;
      record.customerName = customerName;
      record.orderRef = orderRef;
      sink.record(record, line, row);
    },
  };
}

/** The reason a row is not a sale (a preset's skip rules), or null. */
function skipper(mapping: Mapping, cells: CellReader): (row: readonly string[], orderRef: string | null) => Problem | null {
  const rules = (mapping.skip ?? []).map((rule) => ({ ...rule, values: rule.values.map((v) => v.toLowerCase()) }));
  let skippedOrder: { orderRef: string; problem: Problem } | undefined;
  return (row, orderRef) => {
    if (rules.length === 0) return null;
    for (const rule of rules) {
      const cell = (row[rule.column] ?? '').trim();
      const lower = cell.toLowerCase();
      const hit = rule.when === 'filled' ? cell !== '' : rule.when === 'equals' ? rule.values.includes(lower) : rule.values.some((v) => lower.includes(v));
      if (!hit) continue;
      const problem = { column: cells.header(rule.column), reason: `not imported: ${rule.reason}` };
      if (rule.wholeOrder && orderRef !== null) skippedOrder = { orderRef, problem };
      return problem;
    }
    if (skippedOrder && orderRef === skippedOrder.orderRef) return skippedOrder.problem;
    return null;
  };
}


/** The day each period column of a wide file stands for (undefined: not a period column). */
export function wideColumnDays(mapping: Mapping, headers: readonly string[]): Array<number | undefined> {
  const first = mapping.wideFirstColumn;
  const days: Array<number | undefined> = headers.map(() => undefined);
  if (first === undefined) return days;
  const start = mapping.wideStartDate === undefined ? undefined : Math.floor(parseDateTime(mapping.wideStartDate, 'ymd') / SECONDS_PER_DAY);
  for (let i = first; i < headers.length; i++) {
    const period = periodHeader(headers[i] ?? '');
    if (period === null) continue;
    if ('day' in period) days[i] = period.day;
    else if (start !== undefined && !Number.isNaN(start)) days[i] = start + (period.number - 1) * (period.unit === 'week' ? 7 : 1);
  }
  return days;
}

export function wideConverter(mapping: Mapping, headers: readonly string[], options: ConvertOptions, cells: CellReader): Converter {
  const days = wideColumnDays(mapping, headers);
  const columns = days.flatMap((day, index) => (day === undefined ? [] : [index]));
  return {
    kind: 'sales_wide',
    convert(row, line, sink) {
      cells.start(row);
      const productName = cells.text(indexOf(mapping, 'productName'), 'productName');
      const sku = cells.text(indexOf(mapping, 'sku'), 'sku') ?? productName;
      if (sku === null) {
        cells.problem(mapping.columns['sku'] !== undefined ? 'sku' : 'productName', 'missing SKU');
        sink.reject(line, cells.problems, row);
        return;
      }
      const location = cells.text(indexOf(mapping, 'location'), 'location');
      for (const index of columns) {
        const day = days[index] ?? 0;
        const text = (row[index] ?? '').trim();
        if (text === '') continue; // an empty cell is a missing value, not a zero
        const header = headers[index] ?? '';
        const canonical = canonicalNumber(text, mapping.decimalSeparator);
        const quantity = canonical === null ? Number.NaN : Number(canonical);
        if (!Number.isFinite(quantity)) {
          sink.reject(line, [{ column: header, reason: notANumberReason(text) }], row);
          continue;
        }
        if (day > options.today || !keyDayInRange(day)) {
          sink.reject(line, [{ column: header, reason: `date ${isoFromDay(day)} is in the future` }], row);
          continue;
        }
        sink.record(
          { type: 'sale', day, timeSeconds: -1, sku, productName, location, quantity, unitPriceCents: null, revenueCents: null, customerId: null, customerName: null, orderRef: null, isTotal: true, period: mapping.period },
          line,
          row,
        );
      }
    },
  };
}

