import type { ImportKind } from '../contract/commands/import';

export type FieldType = 'text' | 'date' | 'time' | 'quantity' | 'money' | 'number' | 'bool' | 'eventType' | 'scope';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** One field of the group must be mapped. */
  group?: string;
  hint: string;
  /** Header spellings that map to this field (compared after normalizeHeader). */
  synonyms: readonly string[];
}

export const KIND_LABELS: Record<ImportKind, string> = {
  sales_lines: 'Sales lines (one row per item sold)',
  sales_totals: 'Sales totals (one row per item per day or week)',
  sales_wide: 'Sales totals, one column per day or week',
  products: 'Products / catalog',
  stock: 'Stock on hand',
  purchase_orders: 'Open purchase orders',
  suppliers: 'Suppliers',
  customers: 'Customers',
  events: 'Events (promotions, holidays, closures)',
};

/** Lower case, letters and digits only: "Lineitem SKU" and "lineitem_sku" compare equal. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const DATE = ['date', 'datum', 'fecha', 'data', 'verkaufsdatum', 'belegdatum', 'day', 'saledate', 'salesdate', 'orderdate', 'transactiondate', 'invoicedate', 'createdat', 'soldat', 'datetime', 'timestamp', 'ds', 'paidat', 'receiptdate', 'businessdate', 'weekending', 'weekdate', 'period', 'completedat', 'orderdatetime'];
const SKU = ['sku', 'itemsku', 'variantsku', 'itemcode', 'itemid', 'productcode', 'productid', 'stockcode', 'variantsku', 'lineitemsku', 'article', 'articlenumber', 'articleno', 'itemnumber', 'itemno', 'partnumber', 'partno', 'barcode', 'upc', 'ean', 'plu', 'code', 'seriesid', 'productsku', 'customsku', 'systemid', 'item', 'artikelnummer', 'artnr', 'artikel', 'referenz', 'referencia', 'reference', 'ref', 'codigo', 'codice'];
const PRODUCT_NAME = ['description', 'productname', 'itemname', 'lineitemname', 'product', 'title', 'itemdescription', 'productdescription', 'articlename', 'beschreibung', 'bezeichnung', 'artikelbezeichnung', 'descripcion', 'designation', 'libelle', 'descrizione', 'produkt', 'produit', 'producto', 'prodotto', 'item'];
const QUANTITY = ['quantity', 'qty', 'units', 'quantitysold', 'lineitemquantity', 'unitssold', 'sales', 'count', 'value', 'weeklysales', 'dailysales', 'sold', 'qtysold', 'volume', 'itemssold', 'demand', 'y', 'menge', 'anzahl', 'stuck', 'cantidad', 'quantite', 'quantita', 'qte', 'aantal', 'antal'];
const UNIT_PRICE = ['unitprice', 'price', 'lineitemprice', 'sellingprice', 'saleprice', 'sellprice', 'itemprice', 'priceeach', 'retailprice', 'preis', 'einzelpreis', 'vkpreis', 'prix', 'prixunitaire', 'precio', 'preciounitario', 'prezzo', 'prijs', 'pris'];
const REVENUE = ['revenue', 'linetotal', 'total', 'grosssales', 'netsales', 'salesamount', 'amount', 'linerevenue', 'subtotal', 'extendedprice', 'totalprice', 'linesubtotal', 'itemtotal', 'nrevenue', 'umsatz', 'betrag', 'gesamt', 'montant', 'importe', 'importo', 'bedrag'];
const CUSTOMER_ID = ['customerid', 'customer', 'customernumber', 'clientid', 'customercode', 'email', 'customeremail', 'accountnumber', 'accountid', 'buyer', 'clientnumber', 'customeruserid', 'billingemail', 'kunde', 'kundennummer', 'kundennr', 'client', 'cliente', 'klant'];
const CUSTOMER_NAME = ['customername', 'billingname', 'clientname', 'buyername', 'companyname'];
const LOCATION = ['location', 'store', 'shop', 'outlet', 'branch', 'storeid', 'storecode', 'warehouse', 'site', 'locationid', 'storename', 'shopname', 'outletname', 'filiale', 'laden', 'magasin', 'boutique', 'tienda', 'negozio', 'winkel'];
const ORDER_REF = ['orderid', 'order', 'ordernumber', 'orderno', 'invoice', 'invoiceno', 'invoicenumber', 'invoiceid', 'receipt', 'receiptnumber', 'receiptno', 'transactionid', 'ticket', 'ticketnumber', 'saleid', 'orderref', 'bon', 'bonnummer', 'belegnummer', 'beleg', 'rechnung', 'rechnungsnummer', 'facture', 'factura', 'ticketnumero', 'recibo'];
const TIME = ['time', 'saletime', 'transactiontime', 'ordertime', 'hour'];
const SUPPLIER = ['supplier', 'vendor', 'suppliername', 'vendorname', 'manufacturer'];
const LEAD_TIME = ['leadtime', 'leadtimedays', 'leadtimeindays', 'defaultleadtime', 'defaultleadtimedays', 'deliverydays'];

const f = (name: string, label: string, type: FieldType, required: boolean, hint: string, synonyms: readonly string[], group?: string): FieldDef =>
  group === undefined ? { name, label, type, required, hint, synonyms } : { name, label, type, required, hint, synonyms, group };

const SALES_COMMON = {
  date: f('date', 'Date', 'date', true, 'The day of the sale (a time of day, if present, is kept apart).', DATE),
  sku: f('sku', 'SKU', 'text', true, 'The product code. Unknown codes become new products.', SKU, 'product'),
  productName: f('productName', 'Product name', 'text', false, 'Used as the name of new products (and as the SKU when the SKU is empty).', PRODUCT_NAME, 'product'),
  quantity: f('quantity', 'Quantity', 'quantity', true, 'Units sold; negative numbers are returns and are netted.', QUANTITY),
  location: f('location', 'Location', 'text', false, 'Store or outlet; new ones are added.', LOCATION),
};

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  sales_lines: [
    SALES_COMMON.date,
    f('time', 'Time of day', 'time', false, 'Only used to tell sales of the same day apart.', TIME),
    { ...SALES_COMMON.sku, required: false },
    SALES_COMMON.productName,
    SALES_COMMON.quantity,
    f('unitPrice', 'Unit price', 'money', false, 'Price of one unit.', UNIT_PRICE),
    f('revenue', 'Line revenue', 'money', false, 'Money taken for the line.', REVENUE),
    f('customerId', 'Customer ID', 'text', false, 'Links sales to customers (new ones are added).', CUSTOMER_ID),
    f('customerName', 'Customer name', 'text', false, 'Name of new customers.', CUSTOMER_NAME),
    SALES_COMMON.location,
    f('orderRef', 'Order / invoice', 'text', false, 'Order, invoice or receipt number.', ORDER_REF),
  ],
  sales_totals: [
    SALES_COMMON.date,
    { ...SALES_COMMON.sku, required: false },
    SALES_COMMON.productName,
    { ...SALES_COMMON.quantity, hint: 'Units (or value) sold in the period; negative totals are net returns.' },
    f('revenue', 'Revenue', 'money', false, 'Money taken in the period.', REVENUE),
    SALES_COMMON.location,
  ],
  sales_wide: [{ ...SALES_COMMON.sku, required: false }, { ...SALES_COMMON.productName, synonyms: [...PRODUCT_NAME, 'name'] }, SALES_COMMON.location],
  products: [
    f('sku', 'SKU', 'text', true, 'Unique product code.', SKU),
    f('name', 'Name', 'text', true, 'Product name.', ['name', ...PRODUCT_NAME]),
    f('category', 'Category', 'text', false, '', ['category', 'categories', 'department', 'dept', 'producttype', 'type', 'group', 'productgroup', 'family', 'productcategory', 'catid']),
    f('unitCost', 'Unit cost', 'money', false, 'What one unit costs you.', ['unitcost', 'cost', 'costprice', 'costperitem', 'purchaseprice', 'buyprice', 'supplyprice', 'averagecost']),
    f('unitPrice', 'Unit price', 'money', false, 'Selling price of one unit.', ['unitprice', 'price', 'retailprice', 'sellingprice', 'regularprice', 'sellprice', 'rrp', 'msrp', 'variantprice', 'saleprice']),
    f('supplier', 'Supplier', 'text', false, 'Supplier name; new suppliers are added.', SUPPLIER),
    f('leadTimeDays', 'Lead time (days)', 'number', false, 'Days from order to delivery.', LEAD_TIME),
    f('moq', 'Minimum order quantity', 'number', false, '', ['moq', 'minimumorderquantity', 'minorderqty', 'minorderquantity', 'minqty', 'minimumorder']),
    f('casePack', 'Case pack', 'number', false, 'Units per case.', ['casepack', 'packsize', 'casesize', 'unitspercase', 'innerpack', 'pack', 'casequantity', 'caseqty', 'ordermultiple']),
    f('shelfLifeDays', 'Shelf life (days)', 'number', false, '', ['shelflife', 'shelflifedays', 'shelflifeindays', 'bestbeforedays']),
    f('active', 'Active', 'bool', false, 'yes/no, true/false, 1/0, active/inactive.', ['active', 'status', 'enabled', 'published', 'isactive']),
  ],
  stock: [
    f('sku', 'SKU', 'text', true, 'The product code. Unknown codes become new products.', SKU),
    f('quantity', 'On hand', 'quantity', true, 'Units in stock; negative stock is rejected.', ['onhand', 'quantityonhand', 'qtyonhand', 'stock', 'stocklevel', 'stockonhand', 'soh', 'inventory', 'available', 'instock', 'inventoryqty', 'variantinventoryqty', 'currentstock', 'quantity', 'qty', 'count', 'units']),
    f('date', 'Date counted', 'date', false, 'Day of the count; today when absent.', ['date', 'countdate', 'countedon', 'counted', 'countedat', 'stocktakedate', 'asof', 'asofdate', 'snapshotdate', 'stockdate', 'day']),
    f('location', 'Location', 'text', false, 'Store or warehouse.', LOCATION),
  ],
  purchase_orders: [
    f('poNumber', 'PO number', 'text', false, 'Purchase order number; one PO per supplier and date when absent.', ['ponumber', 'po', 'pono', 'purchaseorder', 'purchaseordernumber', 'purchaseorderid', 'poid', 'ordernumber', 'orderno', 'orderid'], 'po'),
    f('supplier', 'Supplier', 'text', false, 'Supplier name; new suppliers are added.', SUPPLIER, 'po'),
    f('sku', 'SKU', 'text', true, 'The product code. Unknown codes become new products.', SKU),
    f('quantity', 'Quantity ordered', 'quantity', true, 'Units on order (more than zero).', ['quantity', 'qty', 'ordered', 'quantityordered', 'orderqty', 'orderquantity', 'qtyordered', 'units', 'openquantity', 'outstanding']),
    f('expectedDate', 'Expected date', 'date', false, 'When the delivery is due.', ['expecteddate', 'expected', 'duedate', 'deliverydate', 'eta', 'expecteddelivery', 'arrivaldate', 'expectedday', 'expectedon']),
    f('unitCost', 'Unit cost', 'money', false, 'Cost of one unit on this order.', ['unitcost', 'cost', 'price', 'unitprice', 'costprice', 'supplyprice']),
  ],
  suppliers: [
    f('name', 'Name', 'text', true, 'Supplier name (unique).', ['name', 'supplier', 'suppliername', 'vendor', 'vendorname', 'company', 'companyname']),
    f('leadTimeDays', 'Lead time (days)', 'number', false, 'Usual days from order to delivery.', LEAD_TIME),
    f('minOrderValue', 'Minimum order value', 'money', false, '', ['minordervalue', 'minimumordervalue', 'minimumorder', 'mov', 'minorder', 'minimumorderamount']),
    f('email', 'Email', 'text', false, '', ['email', 'emailaddress', 'contactemail', 'mail']),
    f('phone', 'Phone', 'text', false, '', ['phone', 'telephone', 'tel', 'phonenumber', 'mobile']),
    f('contact', 'Contact person', 'text', false, '', ['contact', 'contactname', 'contactperson', 'rep', 'accountmanager']),
  ],
  customers: [
    f('customerId', 'Customer ID', 'text', true, 'The id your sales files use for the customer.', ['customerid', 'id', 'customer', 'customernumber', 'customercode', 'accountnumber', 'clientid', 'code', 'email']),
    f('name', 'Name', 'text', false, '', ['name', 'customername', 'fullname', 'company', 'companyname', 'clientname']),
  ],
  events: [
    f('name', 'Name', 'text', true, 'What the event is.', ['name', 'event', 'eventname', 'title', 'description', 'holiday']),
    f('start', 'Start date', 'date', true, 'First day.', ['start', 'startdate', 'from', 'begin', 'begins', 'date', 'fromdate', 'startday']),
    f('end', 'End date', 'date', false, 'Last day; the start day when absent.', ['end', 'enddate', 'to', 'until', 'ends', 'todate', 'endday']),
    f('type', 'Type', 'eventType', false, 'promo, holiday, closure or other.', ['type', 'eventtype', 'kind', 'category']),
    f('scope', 'Applies to', 'scope', false, 'all, category or sku.', ['scope', 'appliesto', 'level']),
    f('scopeValue', 'Category or SKU', 'text', false, 'Which category or SKU, when the scope says so.', ['scopevalue', 'target', 'sku', 'categoryname', 'appliestovalue']),
    f('multiplier', 'Expected multiplier', 'number', false, 'Expected sales multiplier, e.g. 1.5 (0 = closed).', ['multiplier', 'expectedmultiplier', 'uplift', 'lift', 'factor', 'effect']),
  ],
};

/** Headers that say which kind a file is (a products list does not have "on hand"). */
export const KIND_SIGNS: Partial<Record<ImportKind, readonly string[]>> = {
  stock: ['onhand', 'stockonhand', 'qtyonhand', 'quantityonhand', 'soh', 'stocklevel', 'countedon', 'countdate', 'stocktakedate', 'instock'],
  purchase_orders: ['ponumber', 'purchaseorder', 'purchaseordernumber', 'expecteddate', 'eta', 'duedate', 'quantityordered', 'qtyordered'],
  events: ['start', 'startdate', 'end', 'enddate', 'multiplier', 'uplift', 'eventtype', 'scope'],
  suppliers: ['minordervalue', 'minimumordervalue', 'mov'],
  products: ['unitcost', 'costprice', 'casepack', 'packsize', 'moq', 'shelflife', 'shelflifedays', 'regularprice', 'sellprice'],
  customers: ['customerid', 'customernumber', 'customername'],
};

export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
  return FIELDS[kind];
}

export function fieldDef(kind: ImportKind, name: string): FieldDef | undefined {
  return FIELDS[kind].find((field) => field.name === name);
}
