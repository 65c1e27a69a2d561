import type { ImportKind, SalesPeriod } from '../contract/commands/import';

/**
 * Column layouts of real exports. A preset applies when every requirement finds one of its
 * alternatives among the (normalised) headers; its columns then win over plain synonyms.
 * Column values list alternatives in order of preference.
 */
export interface Preset {
  id: string;
  name: string;
  kind: ImportKind;
  requires: ReadonlyArray<readonly string[]>;
  columns: Readonly<Record<string, readonly string[]>>;
  period?: SalesPeriod;
  wide?: { firstHeader: string; startDate?: string };
  /** Rows that are not sales, by (normalised) header. */
  skip?: ReadonlyArray<{ header: string; when: 'filled' | 'equals' | 'contains'; values: readonly string[]; reason: string; wholeOrder: boolean }>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'shopify-orders',
    name: 'Shopify orders export',
    kind: 'sales_lines',
    requires: [['name'], ['createdat'], ['lineitemquantity'], ['lineitemsku', 'lineitemname']],
    columns: {
      date: ['createdat', 'paidat'],
      sku: ['lineitemsku'],
      productName: ['lineitemname'],
      quantity: ['lineitemquantity'],
      unitPrice: ['lineitemprice'],
      customerId: ['email', 'billingemail'],
      customerName: ['billingname', 'shippingname'],
      location: ['location'],
      orderRef: ['name'],
    },
    skip: [
      { header: 'cancelledat', when: 'filled', values: [], reason: 'the order was cancelled', wholeOrder: true },
      { header: 'lineitemname', when: 'contains', values: ['gift card'], reason: 'a gift card is not a product', wholeOrder: false },
    ],
  },
  {
    id: 'square-item-sales',
    name: 'Square item sales',
    kind: 'sales_lines',
    requires: [['date'], ['time'], ['item'], ['qty'], ['transactionid', 'paymentid']],
    columns: {
      date: ['date'],
      time: ['time'],
      sku: ['sku'],
      productName: ['item'],
      quantity: ['qty'],
      revenue: ['grosssales', 'netsales'],
      customerId: ['customerid', 'customerreferenceid'],
      customerName: ['customername'],
      location: ['location'],
      orderRef: ['transactionid', 'paymentid'],
    },
    skip: [
      { header: 'itemizationtype', when: 'equals', values: ['custom amount'], reason: 'a custom amount is not a product', wholeOrder: false },
      { header: 'item', when: 'equals', values: ['custom amount'], reason: 'a custom amount is not a product', wholeOrder: false },
    ],
  },
  {
    id: 'lightspeed-sales',
    name: 'Lightspeed sales lines',
    kind: 'sales_lines',
    requires: [['saledate', 'date', 'completedat'], ['receiptnumber', 'saleid', 'invoicenumber'], ['quantity', 'qty'], ['sku', 'customsku', 'systemid', 'manufactsku']],
    columns: {
      date: ['saledate', 'completedat', 'date'],
      orderRef: ['receiptnumber', 'saleid', 'invoicenumber'],
      sku: ['sku', 'customsku', 'systemid', 'manufactsku'],
      productName: ['product', 'item', 'description'],
      quantity: ['quantity', 'qty'],
      unitPrice: ['price', 'unitprice'],
      revenue: ['total', 'subtotal'],
      customerId: ['customercode', 'customerid', 'customer'],
      customerName: ['customername'],
      location: ['outlet', 'shop', 'location'],
    },
  },
  {
    id: 'woocommerce-orders',
    name: 'WooCommerce orders export',
    kind: 'sales_lines',
    requires: [['orderdate'], ['orderstatus', 'status'], ['ordernumber', 'orderid'], ['sku'], ['quantity', 'qty']],
    columns: {
      date: ['orderdate', 'paiddate', 'datepaid'],
      orderRef: ['ordernumber', 'orderid'],
      sku: ['sku'],
      productName: ['itemname', 'productname', 'lineitemname'],
      quantity: ['quantity', 'qty'],
      unitPrice: ['itemcost', 'itemprice', 'price'],
      revenue: ['linetotal', 'itemtotal'],
      customerId: ['customeruserid', 'customerid', 'billingemail', 'customeremail'],
      customerName: ['customername', 'billingname'],
    },
  },
  {
    id: 'generic-pos',
    name: 'Generic POS sales export',
    kind: 'sales_lines',
    requires: [['date', 'saledate', 'transactiondate'], ['receipt', 'receiptno', 'receiptnumber', 'ticket', 'ticketnumber'], ['itemcode', 'plu', 'barcode', 'sku'], ['qty', 'quantity']],
    columns: {
      date: ['date', 'saledate', 'transactiondate'],
      time: ['time'],
      orderRef: ['receipt', 'receiptno', 'receiptnumber', 'ticket', 'ticketnumber'],
      sku: ['itemcode', 'plu', 'sku', 'barcode'],
      productName: ['description', 'itemname', 'item'],
      quantity: ['qty', 'quantity'],
      unitPrice: ['unitprice', 'price'],
      revenue: ['total', 'amount', 'linetotal'],
      customerId: ['customer', 'customerid', 'customerno'],
      location: ['store', 'shop', 'location', 'till'],
    },
  },
  {
    id: 'walmart-weekly',
    name: 'Walmart weekly sales (Store, Dept, Date, Weekly_Sales)',
    kind: 'sales_totals',
    requires: [['store'], ['dept'], ['date'], ['weeklysales']],
    columns: { sku: ['dept'], location: ['store'], date: ['date'], quantity: ['weeklysales'] },
    period: 'week',
  },
  {
    id: 'online-retail-uci',
    name: 'Online Retail (UCI) transactions',
    kind: 'sales_lines',
    requires: [['invoiceno'], ['stockcode'], ['quantity'], ['invoicedate'], ['unitprice']],
    columns: {
      orderRef: ['invoiceno'],
      sku: ['stockcode'],
      productName: ['description'],
      quantity: ['quantity'],
      date: ['invoicedate'],
      unitPrice: ['unitprice'],
      customerId: ['customerid'],
    },
  },
  {
    id: 'online-retail',
    name: 'Online Retail transactions',
    kind: 'sales_lines',
    requires: [['invoice'], ['date'], ['sku'], ['quantity'], ['unitprice'], ['customerid'], ['country']],
    columns: {
      orderRef: ['invoice'],
      date: ['date'],
      sku: ['sku'],
      productName: ['description'],
      quantity: ['quantity'],
      unitPrice: ['unitprice'],
      customerId: ['customerid'],
    },
  },
  {
    id: 'm5-wide',
    name: 'M5 daily sales (one column per day, d_1 = 2011-01-29)',
    kind: 'sales_wide',
    requires: [['itemid'], ['storeid'], ['d1']],
    columns: { sku: ['itemid'], location: ['storeid'] },
    period: 'day',
    wide: { firstHeader: 'd1', startDate: '2011-01-29' },
  },
  {
    id: 'store-item-demand',
    name: 'Store item demand (date, store, item, sales)',
    kind: 'sales_totals',
    requires: [['date'], ['store'], ['item'], ['sales']],
    columns: { date: ['date'], location: ['store'], sku: ['item'], quantity: ['sales'] },
    period: 'day',
  },
  {
    id: 'series',
    name: 'Series table (series_id, date, value)',
    kind: 'sales_totals',
    requires: [['seriesid', 'uniqueid'], ['date', 'ds'], ['value', 'y']],
    columns: { sku: ['seriesid', 'uniqueid'], date: ['date', 'ds'], quantity: ['value', 'y'] },
  },
];

export function findPreset(normalizedHeaders: readonly string[]): Preset | undefined {
  const present = new Set(normalizedHeaders);
  return PRESETS.find((preset) => preset.requires.every((alternatives) => alternatives.some((h) => present.has(h))));
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
