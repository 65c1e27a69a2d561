import type { ImportKind, SalesPeriod } from '../contract/commands/import';
import type { EventScope, EventType } from './values';

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

