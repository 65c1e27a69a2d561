/** Writes the demo shop as CSV text (UTF-8, header row, ISO dates, money in pounds with 2 decimals). */
import { isoFromDay } from './calendar';
import type { StockSnapshot } from './simulate';
import type { Customer, OpenPurchaseOrderLine, Product, SaleLine, ShopEvent, SupplierSpec } from './types';
import { compareText } from './random';

export const CSV_HEADERS = {
  'products.csv': ['sku', 'name', 'category', 'unit_cost', 'unit_price', 'supplier', 'lead_time_days', 'moq', 'case_pack', 'shelf_life_days', 'active'],
  'suppliers.csv': ['name', 'lead_time_days', 'min_order_value', 'email', 'phone'],
  'customers.csv': ['customer_id', 'name'],
  'sales.csv': ['date', 'sku', 'quantity', 'unit_price', 'customer_id', 'order_id'],
  'stock.csv': ['date', 'sku', 'on_hand'],
  'stock_history.csv': ['date', 'sku', 'on_hand'],
  'purchase_orders.csv': ['po_number', 'supplier', 'sku', 'quantity', 'expected_date', 'unit_cost'],
  'events.csv': ['name', 'type', 'start', 'end', 'scope', 'scope_value', 'multiplier'],
} as const;

export type CsvFileName = keyof typeof CSV_HEADERS;

/** Pence → '12.34' (exact: no floating-point division). */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(pence));
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(name: CsvFileName, rows: (string | number | null)[][]): string {
  const lines = [CSV_HEADERS[name].join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${lines.join('\n')}\n`;
}

export interface DemoTables {
  products: Product[];
  suppliers: SupplierSpec[];
  customers: Customer[];
  saleLines: SaleLine[];
  endDay: number;
  finalOnHand: number[];
  weeklySnapshots: StockSnapshot[];
  openPurchaseOrders: OpenPurchaseOrderLine[];
  events: ShopEvent[];
}

export function renderCsvFiles(tables: DemoTables): Record<CsvFileName, string> {
  const sales = [...tables.saleLines].sort((a, b) => a.day - b.day || compareText(a.orderId, b.orderId) || compareText(a.sku, b.sku));
  return {
    'products.csv': csv('products.csv', tables.products.map((product) => [product.sku, product.name, product.category, pounds(product.unitCostCents),
      pounds(product.unitPriceCents), product.supplier, product.leadTimeDays, product.moq, product.casePack, product.shelfLifeDays,
      product.active ? 'true' : 'false'])),
    'suppliers.csv': csv('suppliers.csv', tables.suppliers.map((supplier) => [supplier.name, supplier.leadTimeDays,
      pounds(supplier.minOrderValueCents), supplier.email, supplier.phone])),
    'customers.csv': csv('customers.csv', tables.customers.map((customer) => [customer.id, customer.name])),
    'sales.csv': csv('sales.csv', sales.map((line) => [isoFromDay(line.day), line.sku, line.quantity, pounds(line.unitPriceCents),
      line.customerId, line.orderId])),
    'stock.csv': csv('stock.csv', tables.products.map((product) => [isoFromDay(tables.endDay), product.sku, tables.finalOnHand[product.index] ?? 0])),
    'stock_history.csv': csv('stock_history.csv', tables.weeklySnapshots.map((snapshot) => [isoFromDay(snapshot.day), snapshot.sku, snapshot.onHand])),
    'purchase_orders.csv': csv('purchase_orders.csv', tables.openPurchaseOrders.map((line) => [line.poNumber, line.supplier, line.sku, line.quantity,
      isoFromDay(line.expectedDay), pounds(line.unitCostCents)])),
    'events.csv': csv('events.csv', tables.events.map((event) => [event.name, event.type, isoFromDay(event.startDay), isoFromDay(event.endDay),
      event.scope, event.scopeValue, event.multiplier === null ? null : event.multiplier.toFixed(2)])),
  };
}
