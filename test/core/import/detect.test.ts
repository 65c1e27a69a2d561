import { describe, expect, it } from 'vitest';
import { mappingProblems, rankKinds, suggest, wideStart } from '../../../core/import/detect';
import { DateOrderVote, DecimalVote, PeriodVote } from '../../../core/import/infer';

const named = (headers: string[], columns: Record<string, number>) => Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, headers[index]]));

describe('kind detection from headers', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['date,sku,quantity,unit_price,customer_id,order_id', 'sales_lines', { date: 'date', sku: 'sku', quantity: 'quantity', unitPrice: 'unit_price', customerId: 'customer_id', orderRef: 'order_id' }],
    ['sku,name,category,unit_cost,unit_price,supplier,lead_time_days,moq,case_pack,shelf_life_days,active', 'products', { sku: 'sku', name: 'name', category: 'category', unitCost: 'unit_cost', unitPrice: 'unit_price', supplier: 'supplier', leadTimeDays: 'lead_time_days', moq: 'moq', casePack: 'case_pack', shelfLifeDays: 'shelf_life_days', active: 'active' }],
    ['name,lead_time_days,min_order_value,email,phone', 'suppliers', { name: 'name', leadTimeDays: 'lead_time_days', minOrderValue: 'min_order_value', email: 'email', phone: 'phone' }],
    ['customer_id,name', 'customers', { customerId: 'customer_id', name: 'name' }],
    ['date,sku,on_hand', 'stock', { date: 'date', sku: 'sku', quantity: 'on_hand' }],
    ['po_number,supplier,sku,quantity,expected_date,unit_cost', 'purchase_orders', { poNumber: 'po_number', supplier: 'supplier', sku: 'sku', quantity: 'quantity', expectedDate: 'expected_date', unitCost: 'unit_cost' }],
    ['name,type,start,end,scope,scope_value,multiplier', 'events', { name: 'name', type: 'type', start: 'start', end: 'end', scope: 'scope', scopeValue: 'scope_value', multiplier: 'multiplier' }],
    ['Item Code,Description,Qty Sold,Sale Date', 'sales_lines', { sku: 'Item Code', productName: 'Description', quantity: 'Qty Sold', date: 'Sale Date' }],
    ['SKU,Stock Level,Warehouse', 'stock', { sku: 'SKU', quantity: 'Stock Level', location: 'Warehouse' }],
  ];
  it.each(cases)('%s → %s', (header, kind, expected) => {
    const headers = header.split(',');
    const suggestion = suggest(headers);
    expect(suggestion.kind).toBe(kind);
    expect(named(headers, suggestion.columns)).toEqual(expected);
  });

  it('maps a forced kind even when another scores higher', () => {
    const headers = ['date', 'sku', 'quantity'];
    expect(suggest(headers, 'stock')).toMatchObject({ kind: 'stock', columns: { date: 0, sku: 1, quantity: 2 } });
    expect(rankKinds(headers)[0]?.kind).toBe('sales_lines');
  });
});

describe('presets for real exports', () => {
  const cases: Array<[string, string, string, Record<string, string>]> = [
    [
      'shopify-orders',
      'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Location',
      'sales_lines',
      { date: 'Created at', sku: 'Lineitem sku', productName: 'Lineitem name', quantity: 'Lineitem quantity', unitPrice: 'Lineitem price', customerId: 'Email', customerName: 'Billing Name', location: 'Location', orderRef: 'Name' },
    ],
    [
      'square-item-sales',
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID',
      'sales_lines',
      { date: 'Date', time: 'Time', sku: 'SKU', productName: 'Item', quantity: 'Qty', revenue: 'Gross Sales', customerId: 'Customer ID', customerName: 'Customer Name', location: 'Location', orderRef: 'Transaction ID' },
    ],
    [
      'lightspeed-sales',
      'Sale Date,Receipt Number,Line Type,Customer Code,Customer Name,Product,SKU,Quantity,Price,Tax,Discount,Total,Outlet,Register',
      'sales_lines',
      { date: 'Sale Date', orderRef: 'Receipt Number', customerId: 'Customer Code', customerName: 'Customer Name', productName: 'Product', sku: 'SKU', quantity: 'Quantity', unitPrice: 'Price', revenue: 'Total', location: 'Outlet' },
    ],
    [
      'woocommerce-orders',
      'Order ID,Order Number,Order Date,Order Status,Customer User ID,Billing Email,SKU,Item Name,Quantity,Item Cost,Line Total',
      'sales_lines',
      { orderRef: 'Order Number', date: 'Order Date', customerId: 'Customer User ID', sku: 'SKU', productName: 'Item Name', quantity: 'Quantity', unitPrice: 'Item Cost', revenue: 'Line Total' },
    ],
    [
      'generic-pos',
      'Date,Time,Receipt No,Item Code,Description,Qty,Unit Price,Total,Customer,Store',
      'sales_lines',
      { date: 'Date', time: 'Time', orderRef: 'Receipt No', sku: 'Item Code', productName: 'Description', quantity: 'Qty', unitPrice: 'Unit Price', revenue: 'Total', customerId: 'Customer', location: 'Store' },
    ],
    ['walmart-weekly', 'Store,Dept,Date,Weekly_Sales,IsHoliday', 'sales_totals', { sku: 'Dept', location: 'Store', date: 'Date', quantity: 'Weekly_Sales' }],
    [
      'online-retail-uci',
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      'sales_lines',
      { orderRef: 'InvoiceNo', sku: 'StockCode', productName: 'Description', quantity: 'Quantity', date: 'InvoiceDate', unitPrice: 'UnitPrice', customerId: 'CustomerID' },
    ],
    [
      'online-retail',
      'invoice,date,sku,description,quantity,unit_price,customer_id,country',
      'sales_lines',
      { orderRef: 'invoice', date: 'date', sku: 'sku', productName: 'description', quantity: 'quantity', unitPrice: 'unit_price', customerId: 'customer_id' },
    ],
    ['store-item-demand', 'date,store,item,sales', 'sales_totals', { date: 'date', location: 'store', sku: 'item', quantity: 'sales' }],
    ['series', 'series_id,date,value', 'sales_totals', { sku: 'series_id', date: 'date', quantity: 'value' }],
  ];
  it.each(cases)('%s', (id, header, kind, expected) => {
    const headers = header.split(',');
    const suggestion = suggest(headers);
    expect(suggestion.preset?.id).toBe(id);
    expect(suggestion.kind).toBe(kind);
    expect(named(headers, suggestion.columns)).toEqual(expected);
  });

  it('recognises the M5 wide layout with its start date', () => {
    const headers = ['id', 'item_id', 'dept_id', 'cat_id', 'store_id', 'state_id', ...Array.from({ length: 30 }, (_, i) => `d_${i + 1}`)];
    const suggestion = suggest(headers);
    expect(suggestion).toMatchObject({ kind: 'sales_wide', wideFirstColumn: 6, wideStartDate: '2011-01-29', period: 'day', columns: { sku: 1, location: 4 } });
  });

  it('finds a generic wide layout with dates as column names', () => {
    const headers = ['sku', 'name', '2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05'];
    expect(wideStart(headers)).toBe(2);
    const suggestion = suggest(headers);
    expect(suggestion).toMatchObject({ kind: 'sales_wide', wideFirstColumn: 2, columns: { sku: 0, productName: 1 } });
    expect(mappingProblems({ kind: 'sales_wide', columns: suggestion.columns, wideFirstColumn: 2 }, headers)).toEqual([]);
    expect(mappingProblems({ kind: 'sales_wide', columns: { sku: 0 }, wideFirstColumn: 0 }, ['sku', 'd_1', 'd_2', 'd_3', 'd_4', 'd_5']).join(' ')).toMatch(/enter the date of day 1/);
  });

  it('lists what a mapping still lacks', () => {
    expect(mappingProblems({ kind: 'sales_lines', columns: { date: 0 } }, ['date', 'x'])).toEqual(['Choose the column that holds: Quantity, SKU or Product name.']);
    expect(mappingProblems({ kind: 'purchase_orders', columns: { sku: 0, quantity: 1 } }, ['sku', 'qty'])).toEqual(['Choose the column that holds: PO number or Supplier.']);
  });
});

describe('inference from the data', () => {
  it('decides the day/month order from the whole column', () => {
    const vote = new DateOrderVote();
    ['01/02/2024', '03/04/2024', '05/06/2024'].forEach((v, i) => vote.add(v, i + 2));
    expect(vote.decided).toBe(false);
    expect(vote.result('dmy')).toMatchObject({ order: 'dmy', ambiguous: true });
    expect(vote.result('mdy')).toMatchObject({ order: 'mdy', ambiguous: true });
    vote.add('02/13/2024', 57);
    expect(vote.result('dmy')).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(vote.result('dmy').evidence).toContain('"02/13/2024" on line 57');
    const iso = new DateOrderVote();
    for (let i = 1; i <= 20; i++) iso.add(`2024-01-${String(i).padStart(2, '0')}`, i + 1);
    expect(iso.result('mdy')).toMatchObject({ order: 'ymd', ambiguous: false });
    // one date written the other way in a year-first column is an error, not a hint
    iso.add('06/11/2026', 30);
    expect(iso.result('mdy')).toMatchObject({ order: 'ymd', ambiguous: false });
    expect(iso.result('mdy').evidence).toContain('1 date(s) written another way will be rejected');
  });

  it('decides the decimal separator', () => {
    const comma = new DecimalVote();
    ['1,234', '12,50', '3'].forEach((v) => comma.add(v));
    expect(comma.result().separator).toBe(',');
    const point = new DecimalVote();
    ['1,234', '1,234.50', '12.5'].forEach((v) => point.add(v));
    expect(point.result().separator).toBe('.');
    const unknown = new DecimalVote();
    ['1,234', '5'].forEach((v) => unknown.add(v));
    expect(unknown.result().separator).toBe('.');
    const euro = new DecimalVote();
    ['1.234,56 €'].forEach((v) => euro.add(v));
    expect(euro.result().separator).toBe(',');
  });

  it('takes its example from a value that parses, never from one the import will reject', () => {
    // bad_stock.csv: line 7 says "1.5e"; the hint read 'numbers are written like "1.5e"'
    const vote = new DecimalVote();
    ['120', '80', '-7', '40', '1.5e', '2.5'].forEach((v) => vote.add(v));
    expect(vote.result()).toMatchObject({ separator: '.', decided: true });
    expect(vote.result().evidence).toBe('Decimal point: numbers are written like "2.5".');
    const onlyBad = new DecimalVote();
    ['1.5e', '12.5.3', '7'].forEach((v) => onlyBad.add(v));
    expect(onlyBad.result()).toMatchObject({ decided: false, evidence: 'The numbers have no decimals, so the decimal separator does not matter.' });
  });

  it('tells daily, weekly and monthly totals apart', () => {
    const week = new PeriodVote();
    [0, 7, 14, 28].forEach((d) => week.add(d));
    expect(week.result()).toBe('week');
    const day = new PeriodVote();
    [0, 1, 7].forEach((d) => day.add(d));
    expect(day.result()).toBe('day');
    const month = new PeriodVote();
    [0, 31, 59, 90].forEach((d) => month.add(d));
    expect(month.result()).toBe('month');
  });
});
