import { Box, Chip, Link, Stack } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import type { ProductRow } from '../../../../core/contract/commands/products';
import { date, money, num, weeksOfCover } from '../../format';
import { href } from '../../router';
import { PATTERN_LABELS, PRIORITY_COLORS, SEVERITY_COLORS } from './labels';

const qty = (v: number | null | undefined) => num(v ?? null, 1);

/**
 * Columns that carry no information on the loaded page (every row empty) and are hidden until
 * they do, so a shop without categories, suppliers or costs keeps its room for the figures.
 * Sales, forecast, cover and order are never hidden: empty, they say there is no forecast yet.
 */
export const HIDE_WHEN_EMPTY = ['category', 'supplierName', 'xyz', 'onOrder', 'stockValueCents', 'unitCostCents', 'unitPriceCents'] as const satisfies ReadonlyArray<keyof ProductRow>;

export function emptyColumns(rows: readonly ProductRow[]): string[] {
  if (rows.length === 0) return [];
  return HIDE_WHEN_EMPTY.filter((field) => rows.every((r) => r[field] === null || r[field] === ''));
}

const SEVERITY_WORD = { critical: 'critical', warning: 'warning', info: 'info' } as const;

/**
 * The product table's columns, the figures a shop acts on first (they fit 1280 pixels);
 * descriptive columns after them. Short headers carry their full meaning as a tooltip.
 * Every number through format.ts (the shop's locale and currency).
 */
export const PRODUCT_COLUMNS: GridColDef<ProductRow>[] = [
  { field: 'sku', headerName: 'SKU', width: 84 },
  {
    field: 'name',
    headerName: 'Product',
    flex: 1,
    minWidth: 160,
    renderCell: ({ row }) => (
      // Two lines, so variants that share a long prefix ("ALARM CLOCK BAKELIKE …") stay apart.
      <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
      <Link
        href={href(`/products/${row.id}`)}
        underline="hover"
        tabIndex={-1}
        data-testid="product-link"
        title={row.name}
        sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'normal', lineHeight: 1.25, wordBreak: 'break-word' }}
      >
        {row.name}
      </Link>
      </Box>
    ),
  },
  { field: 'abc', headerName: 'ABC', description: 'ABC class: A = the products making the first 80% of sales value, B the next 15%, C the rest.', width: 56, align: 'center', headerAlign: 'center' },
  { field: 'xyz', headerName: 'XYZ', description: 'XYZ class: X steady week to week, Y variable, Z very variable.', width: 56, align: 'center', headerAlign: 'center' },
  {
    field: 'pattern',
    headerName: 'Pattern',
    flex: 0.3,
    minWidth: 112,
    renderCell: ({ row }) => (
      // A "new" or "dead" chip wraps under a long pattern name rather than being cut.
      <Stack direction="row" sx={{ columnGap: 0.5, rowGap: 0.25, alignItems: 'center', alignContent: 'center', flexWrap: 'wrap', height: '100%', lineHeight: 1.2, '& .MuiChip-root': { height: 18 } }}>
        {row.pattern ? PATTERN_LABELS[row.pattern] : '—'}
        {row.isNew ? <Chip size="small" label="new" color="info" variant="outlined" /> : null}
        {row.isDead ? <Chip size="small" label="dead" variant="outlined" /> : null}
      </Stack>
    ),
  },
  {
    field: 'onHand',
    headerName: 'On hand',
    type: 'number',
    width: 80,
    valueFormatter: (v: number | null) => qty(v),
    // A product counted at several locations shows their total, and says so (the product page splits it).
    renderCell: ({ row, formattedValue }) =>
      row.stockLocations > 1 ? (
        <Stack sx={{ alignItems: 'flex-end', justifyContent: 'center', height: '100%', lineHeight: 1.2 }} title={`Total of ${row.stockLocations} locations; the product page shows each`} data-testid="on-hand-locations">
          {formattedValue}
          <Box component="span" sx={{ fontSize: '0.7rem', color: 'text.secondary' }}>
            {row.stockLocations} locations
          </Box>
        </Stack>
      ) : (
        formattedValue
      ),
  },
  { field: 'soldLast28Days', headerName: 'Sold', description: 'Units sold in the last 28 days.', type: 'number', width: 72, valueFormatter: (v: number | null) => qty(v) },
  { field: 'forecastNext28Days', headerName: 'Forecast', description: 'Forecast units for the next 28 days.', type: 'number', width: 84, valueFormatter: (v: number | null) => qty(v) },
  { field: 'weeksOfCover', headerName: 'Cover', description: 'Weeks of cover: how many weeks the stock on hand lasts at the forecast pace.', type: 'number', width: 76, valueFormatter: (v: number | null) => weeksOfCover(v, 1) },
  {
    field: 'suggestedQuantity',
    headerName: 'Order',
    description: 'Suggested order from the latest reorder plan, with its priority; in a shop with several locations, the total over them.',
    type: 'number',
    width: 122,
    // Ordered for several locations: their total, said so under it like On hand (the product page splits it).
    renderCell: ({ row }) => {
      if (row.suggestedQuantity === null) return '—';
      const figure = (
        <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', justifyContent: 'flex-end' }}>
          {qty(row.suggestedQuantity)}
          {row.priority && row.suggestedQuantity > 0 ? <Chip size="small" label={row.priority} color={PRIORITY_COLORS[row.priority]} /> : null}
        </Stack>
      );
      return row.orderLocations > 1 ? (
        <Stack sx={{ alignItems: 'flex-end', justifyContent: 'center', height: '100%', lineHeight: 1.2, '& .MuiChip-root': { height: 18 } }} title={`Total to order for ${row.orderLocations} locations; the product page shows each`} data-testid="order-locations">
          {figure}
          <Box component="span" sx={{ fontSize: '0.7rem', color: 'text.secondary' }}>
            {row.orderLocations} locations
          </Box>
        </Stack>
      ) : (
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'flex-end', height: '100%' }}>
          {figure}
        </Stack>
      );
    },
  },
  {
    field: 'alertSeverity',
    headerName: 'Alerts',
    description: 'Open alerts; the colour is the most severe one.',
    width: 92,
    renderCell: ({ row }) =>
      row.alertSeverity ? (
        <Chip
          size="small"
          label={`${row.alertCount} ${row.alertCount === 1 ? 'alert' : 'alerts'}`}
          title={`${row.alertCount} open ${row.alertCount === 1 ? 'alert' : 'alerts'}, the most severe ${SEVERITY_WORD[row.alertSeverity]}`}
          color={SEVERITY_COLORS[row.alertSeverity]}
          variant={row.alertSeverity === 'info' ? 'outlined' : 'filled'}
        />
      ) : (
        ''
      ),
  },
  { field: 'category', headerName: 'Category', width: 120 },
  { field: 'supplierName', headerName: 'Supplier', width: 150 },
  { field: 'onOrder', headerName: 'On order', type: 'number', width: 90, valueFormatter: (v: number | null) => qty(v) },
  { field: 'stockValueCents', headerName: 'Stock value', type: 'number', width: 110, valueFormatter: (v: number | null) => money(v, { whole: true }) },
  { field: 'unitCostCents', headerName: 'Unit cost', type: 'number', width: 100, valueFormatter: (v: number | null) => money(v) },
  { field: 'unitPriceCents', headerName: 'Price', type: 'number', width: 100, valueFormatter: (v: number | null) => money(v) },
  { field: 'lastSaleDay', headerName: 'Last sale', width: 120, valueFormatter: (v: string | null) => date(v) },
];
