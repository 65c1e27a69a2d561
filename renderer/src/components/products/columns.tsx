import { Chip, Link, Stack } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import type { ProductRow } from '../../../../core/contract/commands/products';
import { date, money, num, weeksOfCover } from '../../format';
import { href } from '../../router';
import { PATTERN_LABELS, PRIORITY_COLORS, SEVERITY_COLORS } from './labels';

const qty = (v: number | null | undefined) => num(v ?? null, 1);

/** The product table's columns; every number through format.ts (the shop's locale and currency). */
export const PRODUCT_COLUMNS: GridColDef<ProductRow>[] = [
  { field: 'sku', headerName: 'SKU', width: 120 },
  {
    field: 'name',
    headerName: 'Product',
    flex: 1,
    minWidth: 200,
    renderCell: ({ row }) => (
      <Link href={href(`/products/${row.id}`)} underline="hover" tabIndex={-1} data-testid="product-link">
        {row.name}
      </Link>
    ),
  },
  { field: 'category', headerName: 'Category', width: 120 },
  { field: 'supplierName', headerName: 'Supplier', width: 160 },
  { field: 'abc', headerName: 'ABC', width: 64, align: 'center', headerAlign: 'center' },
  { field: 'xyz', headerName: 'XYZ', width: 64, align: 'center', headerAlign: 'center' },
  {
    field: 'pattern',
    headerName: 'Pattern',
    width: 130,
    renderCell: ({ row }) => (
      <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', height: '100%' }}>
        {row.pattern ? PATTERN_LABELS[row.pattern] : '—'}
        {row.isNew ? <Chip size="small" label="new" color="info" variant="outlined" /> : null}
        {row.isDead ? <Chip size="small" label="dead" variant="outlined" /> : null}
      </Stack>
    ),
  },
  { field: 'onHand', headerName: 'On hand', type: 'number', width: 90, valueFormatter: (v: number | null) => qty(v) },
  { field: 'onOrder', headerName: 'On order', type: 'number', width: 90, valueFormatter: (v: number | null) => qty(v) },
  { field: 'stockValueCents', headerName: 'Stock value', type: 'number', width: 110, valueFormatter: (v: number | null) => money(v, { whole: true }) },
  { field: 'soldLast28Days', headerName: 'Sold, 28 days', type: 'number', width: 110, valueFormatter: (v: number | null) => qty(v) },
  { field: 'forecastNext28Days', headerName: 'Forecast, 28 days', type: 'number', width: 130, valueFormatter: (v: number | null) => qty(v) },
  { field: 'weeksOfCover', headerName: 'Weeks of cover', type: 'number', width: 120, valueFormatter: (v: number | null) => weeksOfCover(v, 1) },
  {
    field: 'suggestedQuantity',
    headerName: 'Order',
    type: 'number',
    width: 120,
    renderCell: ({ row }) =>
      row.suggestedQuantity === null ? (
        '—'
      ) : (
        <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', justifyContent: 'flex-end', height: '100%' }}>
          {qty(row.suggestedQuantity)}
          {row.priority && row.suggestedQuantity > 0 ? <Chip size="small" label={row.priority} color={PRIORITY_COLORS[row.priority]} /> : null}
        </Stack>
      ),
  },
  {
    field: 'alertSeverity',
    headerName: 'Alerts',
    width: 100,
    renderCell: ({ row }) =>
      row.alertSeverity ? <Chip size="small" label={`${row.alertCount} ${row.alertSeverity}`} color={SEVERITY_COLORS[row.alertSeverity]} variant={row.alertSeverity === 'info' ? 'outlined' : 'filled'} /> : '',
  },
  { field: 'unitCostCents', headerName: 'Unit cost', type: 'number', width: 100, valueFormatter: (v: number | null) => money(v) },
  { field: 'unitPriceCents', headerName: 'Price', type: 'number', width: 100, valueFormatter: (v: number | null) => money(v) },
  { field: 'lastSaleDay', headerName: 'Last sale', width: 120, valueFormatter: (v: string | null) => date(v) },
];
