import type { ImportKind, Mapping, SalesPeriod } from '../contract/commands/import';
import { isoFromDay } from '../dates';
import { periodHeader } from './detect';
import { fieldDef } from './fields';
import { keyDayInRange } from './natural-key';
import type { EventScope, EventType } from './values';
import { canonicalNumber, centsFromCanonical, notANumberReason, parseBool, parseDateTime, parseEventType, parseScope, parseTimeOfDay, SECONDS_PER_DAY } from './values';

/** Rows as they will be stored, before the database resolves SKUs and customers to ids. */
export interface SaleRecord {
  type: 'sale';
  day: number;
  /** Seconds into the day when the file gives a time, else -1. Only used in the natural key. */
  timeSeconds: number;
  sku: string;
  productName: string | null;
  location: string | null;
  quantity: number;
  unitPriceCents: number | null;
  revenueCents: number | null;
  customerId: string | null;
  customerName: string | null;
  orderRef: string | null;
  isTotal: boolean;
  period: SalesPeriod;
}

export interface ProductRecord {
  type: 'product';
  sku: string;
  name: string;
  category: string | null;
  unitCostCents: number | null;
  unitPriceCents: number | null;
  supplier: string | null;
  leadTimeDays: number | null;
  moq: number | null;
  casePack: number | null;
  shelfLifeDays: number | null;
  active: number | null;
}

export interface StockRecord {
  type: 'stock';
  sku: string;
  onHand: number;
  day: number;
  location: string | null;
}

export interface PurchaseOrderRecord {
  type: 'po';
  poNumber: string | null;
  supplier: string | null;
  sku: string;
  quantity: number;
  expectedDay: number | null;
  unitCostCents: number | null;
}

export interface SupplierRecord {
  type: 'supplier';
  name: string;
  leadTimeDays: number | null;
  minOrderValueCents: number | null;
  email: string | null;
  phone: string | null;
  contact: string | null;
}

export interface CustomerRecord {
  type: 'customer';
  customerId: string;
  name: string | null;
}

export interface EventRecord {
  type: 'event';
  name: string;
  startDay: number;
  endDay: number;
  eventType: EventType;
  scope: EventScope;
  scopeValue: string | null;
  multiplier: number | null;
}

export type ImportRecordRow = SaleRecord | ProductRecord | StockRecord | PurchaseOrderRecord | SupplierRecord | CustomerRecord | EventRecord;

export interface Problem {
  column: string | null;
  reason: string;
}

export interface RecordSink {
  record(record: ImportRecordRow, line: number, row: readonly string[]): void;
  reject(line: number, problems: Problem[], row: readonly string[]): void;
}

export interface ConvertOptions {
  /** Dates after this day are rejected for sales and stock. */
  today: number;
}

export interface Converter {
  kind: ImportKind;
  convert(row: readonly string[], line: number, sink: RecordSink): void;
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** Column index of each field (-1: not mapped), read once so the row loop does no lookups by name. */
function indexOf(mapping: Mapping, field: string): number {
  return mapping.columns[field] ?? -1;
}

interface NumberRule {
  min: number;
  strict?: boolean;
  reason: string;
}

/**
 * Reads the mapped cells of one row with the mapping's date order and decimal separator,
 * collecting every problem of the row (so the owner sees them all at once). Cells are
 * addressed by column index; the field name is only used in messages.
 */
class CellReader {
  problems: Problem[] = [];
  private row: readonly string[] = [];

  constructor(
    private readonly mapping: Mapping,
    private readonly headers: readonly string[],
    private readonly options: ConvertOptions,
  ) {}

  start(row: readonly string[]): void {
    this.row = row;
    if (this.problems.length > 0) this.problems = [];
  }

  column(field: string): string | null {
    const index = this.mapping.columns[field];
    return index === undefined ? null : this.header(index);
  }

  header(index: number): string {
    return this.headers[index] ?? `column ${index + 1}`;
  }

  private label(field: string): string {
    return (fieldDef(this.mapping.kind, field)?.label ?? field).toLowerCase();
  }

  problem(field: string | null, reason: string): void {
    this.problems.push({ column: field === null ? null : this.column(field), reason });
  }

  raw(index: number): string {
    if (index < 0) return '';
    const value = this.row[index];
    return value === undefined ? '' : value.trim();
  }

  text(index: number, field: string, required = false): string | null {
    const value = this.raw(index);
    if (value !== '') return value;
    if (required) this.problem(field, `missing ${this.label(field)}`);
    return null;
  }

  /** Seconds since 1970 of the cell's date (and time); NaN when absent or wrong. */
  dateTime(index: number, field: string, required: boolean, notInFuture: boolean): number {
    const value = this.raw(index);
    if (value === '') {
      if (required) this.problem(field, `missing ${this.label(field)}`);
      return Number.NaN;
    }
    const seconds = parseDateTime(value, this.mapping.dateOrder);
    const day = Math.floor(seconds / SECONDS_PER_DAY);
    if (Number.isNaN(seconds) || !keyDayInRange(day)) {
      const order = this.mapping.dateOrder === 'ymd' ? "this column's dates are written year first" : `read ${this.mapping.dateOrder === 'dmy' ? 'day first' : 'month first'}`;
      this.problem(field, `${quote(value)} is not a date (${order})`);
      return Number.NaN;
    }
    if (notInFuture && day > this.options.today) {
      this.problem(field, `${this.label(field)} ${isoFromDay(day)} is in the future`);
      return Number.NaN;
    }
    return seconds;
  }

  /** A number; NaN when absent (and reported when required) or unreadable. */
  number(index: number, field: string, required: boolean, rule?: NumberRule): number {
    const value = this.raw(index);
    if (value === '') {
      if (required) this.problem(field, `missing ${this.label(field)}`);
      return Number.NaN;
    }
    const canonical = canonicalNumber(value, this.mapping.decimalSeparator);
    const number = canonical === null ? Number.NaN : Number(canonical);
    if (!Number.isFinite(number)) {
      this.problem(field, notANumberReason(value));
      return Number.NaN;
    }
    if (rule && (rule.strict ? number <= rule.min : number < rule.min)) {
      this.problem(field, rule.reason.replace('{value}', value));
      return Number.NaN;
    }
    return number;
  }

  optionalNumber(index: number, field: string, rule?: NumberRule): number | null {
    const value = this.number(index, field, false, rule);
    return Number.isNaN(value) ? null : value;
  }

  /** Money in cents; null when the cell is empty. */
  cents(index: number, field: string, allowNegative: boolean): number | null {
    const value = this.raw(index);
    if (value === '') return null;
    const canonical = canonicalNumber(value, this.mapping.decimalSeparator);
    const cents = canonical === null ? Number.NaN : centsFromCanonical(canonical);
    if (Number.isNaN(cents)) {
      this.problem(field, `${quote(value)} is not an amount of money`);
      return null;
    }
    if (!allowNegative && cents < 0) {
      this.problem(field, `${this.label(field)} cannot be negative (${value})`);
      return null;
    }
    return cents;
  }
}

const nonNegative = (what: string): NumberRule => ({ min: 0, reason: `${what} cannot be negative ({value})` });
const positive = (what: string): NumberRule => ({ min: 0, strict: true, reason: `${what} must be more than zero ({value})` });

function salesConverter(mapping: Mapping, cells: CellReader): Converter {
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
      if (orderRef !== null && !Number.isNaN(seconds)) previous = { orderRef, seconds, customerId, customerName };
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

/** Rows whose width does not fit the header: cut short, or with values beyond the last column. */
function withShapeCheck(converter: Converter, mapping: Mapping, headers: readonly string[]): Converter {
  const width = headers.length;
  const needed = Math.max(...Object.values(mapping.columns), mapping.kind === 'sales_wide' ? width - 1 : -1, ...(mapping.skip ?? []).map((r) => r.column)) + 1;
  return {
    kind: converter.kind,
    convert(row, line, sink) {
      if (row.length > width) {
        for (let i = width; i < row.length; i++) {
          if ((row[i] ?? '').trim() !== '') {
            sink.reject(line, [{ column: null, reason: `the line has ${row.length} values but the header has ${width} columns` }], row);
            return;
          }
        }
      } else if (row.length < needed) {
        sink.reject(line, [{ column: null, reason: `the line has only ${row.length} of the ${width} columns` }], row);
        return;
      }
      converter.convert(row, line, sink);
    },
  };
}

/**
 * A converter for one mapping: `convert` reads a row and hands the sink either a record
 * (valid only during the call; the sink copies what it keeps) or the row's problems.
 */
export function createConverter(mapping: Mapping, headers: readonly string[], options: ConvertOptions): Converter {
  return withShapeCheck(kindConverter(mapping, headers, options), mapping, headers);
}

function kindConverter(mapping: Mapping, headers: readonly string[], options: ConvertOptions): Converter {
  const cells = new CellReader(mapping, headers, options);
  const kind = mapping.kind;
  const at = (field: string) => indexOf(mapping, field);
  const finish = (sink: RecordSink, line: number, row: readonly string[], record: () => ImportRecordRow) => {
    if (cells.problems.length > 0) sink.reject(line, cells.problems, row);
    else sink.record(record(), line, row);
  };

  switch (kind) {
    case 'sales_lines':
    case 'sales_totals':
      return salesConverter(mapping, cells);
    case 'sales_wide':
      return wideConverter(mapping, headers, options, cells);
    case 'products':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const sku = cells.text(at('sku'), 'sku', true);
          const name = cells.text(at('name'), 'name', true);
          const unitCostCents = cells.cents(at('unitCost'), 'unitCost', false);
          const unitPriceCents = cells.cents(at('unitPrice'), 'unitPrice', false);
          const leadTimeDays = cells.optionalNumber(at('leadTimeDays'), 'leadTimeDays', nonNegative('lead time'));
          const moq = cells.optionalNumber(at('moq'), 'moq', nonNegative('minimum order quantity'));
          const casePack = cells.optionalNumber(at('casePack'), 'casePack', positive('case pack'));
          const shelfLifeDays = cells.optionalNumber(at('shelfLifeDays'), 'shelfLifeDays', positive('shelf life'));
          const activeText = cells.raw(at('active'));
          let active: number | null = null;
          if (activeText !== '') {
            active = parseBool(activeText);
            if (Number.isNaN(active)) {
              cells.problem('active', `${quote(activeText)} is not yes or no`);
              active = null;
            }
          }
          finish(sink, line, row, () => ({
            type: 'product',
            sku: sku ?? '',
            name: name ?? '',
            category: cells.text(at('category'), 'category'),
            unitCostCents,
            unitPriceCents,
            supplier: cells.text(at('supplier'), 'supplier'),
            leadTimeDays,
            moq,
            casePack,
            shelfLifeDays,
            active,
          }));
        },
      };
    case 'stock':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const sku = cells.text(at('sku'), 'sku', true);
          const onHand = cells.number(at('quantity'), 'quantity', true, { min: 0, reason: 'negative stock ({value})' });
          const seconds = cells.raw(at('date')) === '' ? options.today * SECONDS_PER_DAY : cells.dateTime(at('date'), 'date', false, true);
          finish(sink, line, row, () => ({ type: 'stock', sku: sku ?? '', onHand, day: Math.floor(seconds / SECONDS_PER_DAY), location: cells.text(at('location'), 'location') }));
        },
      };
    case 'purchase_orders':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const poNumber = cells.text(at('poNumber'), 'poNumber');
          const supplier = cells.text(at('supplier'), 'supplier');
          if (poNumber === null && supplier === null) cells.problem(at('poNumber') >= 0 ? 'poNumber' : 'supplier', 'missing PO number and supplier');
          const sku = cells.text(at('sku'), 'sku', true);
          const quantity = cells.number(at('quantity'), 'quantity', true, positive('quantity ordered'));
          const expected = cells.raw(at('expectedDate')) === '' ? Number.NaN : cells.dateTime(at('expectedDate'), 'expectedDate', false, false);
          const unitCostCents = cells.cents(at('unitCost'), 'unitCost', false);
          finish(sink, line, row, () => ({
            type: 'po',
            poNumber,
            supplier,
            sku: sku ?? '',
            quantity,
            expectedDay: Number.isNaN(expected) ? null : Math.floor(expected / SECONDS_PER_DAY),
            unitCostCents,
          }));
        },
      };
    case 'suppliers':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const name = cells.text(at('name'), 'name', true);
          const leadTimeDays = cells.optionalNumber(at('leadTimeDays'), 'leadTimeDays', nonNegative('lead time'));
          const minOrderValueCents = cells.cents(at('minOrderValue'), 'minOrderValue', false);
          finish(sink, line, row, () => ({
            type: 'supplier',
            name: name ?? '',
            leadTimeDays,
            minOrderValueCents,
            email: cells.text(at('email'), 'email'),
            phone: cells.text(at('phone'), 'phone'),
            contact: cells.text(at('contact'), 'contact'),
          }));
        },
      };
    case 'customers':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const customerId = cells.text(at('customerId'), 'customerId', true);
          finish(sink, line, row, () => ({ type: 'customer', customerId: customerId ?? '', name: cells.text(at('name'), 'name') }));
        },
      };
    case 'events':
      return {
        kind,
        convert(row, line, sink) {
          cells.start(row);
          const name = cells.text(at('name'), 'name', true);
          const start = cells.dateTime(at('start'), 'start', true, false);
          const end = cells.raw(at('end')) === '' ? start : cells.dateTime(at('end'), 'end', false, false);
          const startDay = Math.floor(start / SECONDS_PER_DAY);
          const endDay = Math.floor(end / SECONDS_PER_DAY);
          if (!Number.isNaN(start) && !Number.isNaN(end) && endDay < startDay) cells.problem('end', `end ${isoFromDay(endDay)} is before the start ${isoFromDay(startDay)}`);
          const scopeText = cells.raw(at('scope'));
          const scope = parseScope(scopeText);
          if (scope === null) cells.problem('scope', `${quote(scopeText)} is not all, category or sku`);
          const scopeValue = cells.text(at('scopeValue'), 'scopeValue');
          if (scope !== null && scope !== 'all' && scopeValue === null) cells.problem('scopeValue', `missing the ${scope} the event applies to`);
          const multiplier = cells.optionalNumber(at('multiplier'), 'multiplier', nonNegative('multiplier'));
          finish(sink, line, row, () => ({
            type: 'event',
            name: name ?? '',
            startDay,
            endDay,
            eventType: parseEventType(cells.raw(at('type'))),
            scope: scope ?? 'all',
            scopeValue: scope === 'all' ? null : scopeValue,
            multiplier,
          }));
        },
      };
  }
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

function wideConverter(mapping: Mapping, headers: readonly string[], options: ConvertOptions, cells: CellReader): Converter {
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
