import type { Mapping } from '../contract/commands/import';
import { isoFromDay } from '../dates';
import type { ConvertOptions, Converter, ImportRecordRow, RecordSink } from './record-types';
import { CellReader, indexOf, nonNegative, positive, quote } from './cells';
import { salesConverter, wideConverter } from './sales-rows';
import { parseBool, parseEventType, parseScope, SECONDS_PER_DAY } from './values';

export type {
  ConvertOptions,
  Converter,
  CustomerRecord,
  EventRecord,
  ImportRecordRow,
  Problem,
  ProductRecord,
  PurchaseOrderRecord,
  RecordSink,
  SaleRecord,
  StockRecord,
  SupplierRecord,
} from './record-types';
export { wideColumnDays } from './sales-rows';

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

