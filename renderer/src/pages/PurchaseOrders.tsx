import { Alert, Box, Button, Card, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import type { PurchaseOrder } from '../../../core/contract/commands/purchase-orders';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { ErrorNotice, PageHeader } from '../components/Page';
import { ReportButtons } from '../components/ReportButtons';
import { date, money, num } from '../format';
import { useCommand } from '../hooks/useCommand';

/**
 * The order's dates, by one rule (core/db/repos/purchase-orders.ts): a draft has no order date
 * and is expected a lead time after the day it is sent; lateness is worked in the main process
 * against the workspace's today, the same day the dashboard and the plan use.
 */
function orderDates(order: PurchaseOrder): string {
  const expected = order.expectedDate ? date(order.expectedDate) : 'no date given';
  if (order.status === 'draft') return `not sent yet · expected ${expected} if sent today`;
  return `${order.orderDate ? `ordered ${date(order.orderDate)}` : 'order date not given'} · expected ${expected}`;
}

const STATUS_COLOR = { draft: 'default', sent: 'info', received: 'success', cancelled: 'default' } as const;
type Filter = 'open' | 'all';

function LineQuantity({ order, line }: { order: PurchaseOrder; line: PurchaseOrder['lines'][number] }) {
  const { notify } = useApp();
  const [value, setValue] = useState(String(line.quantity));
  if (order.status !== 'draft') return <>{num(line.quantity, 1)}</>;
  const save = async () => {
    const quantity = Number(value);
    if (!(quantity >= 0) || quantity === line.quantity) return;
    try {
      await call('po.updateLine', { lineId: line.id, quantity });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <TextField
      size="small"
      type="number"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      slotProps={{ htmlInput: { min: 0, step: line.casePack, 'aria-label': `Quantity of ${line.sku}${line.deliverTo === null ? '' : ` for ${line.deliverTo}`} on ${order.number}` } }}
      sx={{ width: 100 }}
    />
  );
}

function OrderCard({ order }: { order: PurchaseOrder }) {
  const { notify } = useApp();
  const move = async (to: 'sent' | 'received' | 'cancelled') => {
    if (to === 'cancelled' && !window.confirm(`Cancel ${order.number}? Its lines can then be ordered again.`)) return;
    try {
      await call('po.transition', { id: order.id, to });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const late = order.lateDays;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} component="section" aria-label={`Purchase order ${order.number}`} data-testid={`po-${order.number}`}>
      <Stack direction="row" sx={{ px: 2, py: 1.5, alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Typography variant="h2">{order.supplierName ?? 'No supplier'}</Typography>
            <Chip size="small" label={order.status} color={STATUS_COLOR[order.status]} data-testid="po-status" />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {order.number} · <span data-testid="po-dates">{orderDates(order)}</span>
            {late > 0 ? (
              <Box component="span" sx={{ color: 'error.main', fontWeight: 600 }} data-testid="po-late">
                {' '}
                ({late} {late === 1 ? 'day' : 'days'} late)
              </Box>
            ) : null}{' '}
            · {order.lines.length} {order.lines.length === 1 ? 'line' : 'lines'} ·{' '}
            <strong>{money(order.totalCents)}</strong>
          </Typography>
        </Box>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <ReportButtons spec={{ kind: 'po', poId: order.id }} label="Order" />
          {order.status === 'draft' ? (
            <Button variant="contained" size="small" onClick={() => void move('sent')} disabled={order.lines.length === 0}>
              Mark as sent
            </Button>
          ) : null}
          {order.status === 'sent' ? (
            <Button variant="contained" size="small" onClick={() => void move('received')}>
              Mark as received
            </Button>
          ) : null}
          {order.status === 'draft' || order.status === 'sent' ? (
            <Button size="small" color="inherit" onClick={() => void move('cancelled')}>
              Cancel order
            </Button>
          ) : null}
        </Stack>
      </Stack>
      {order.belowMinimum && order.minOrderValueCents !== null ? (
        <Alert severity="warning" sx={{ mx: 2, mb: 1 }}>
          Below the supplier’s minimum order value of {money(order.minOrderValueCents)} by {money(order.minOrderValueCents - order.totalCents)}.
        </Alert>
      ) : null}
      <Table size="small" aria-label={`Lines of ${order.number}`}>
        <TableHead>
          <TableRow>
            <TableCell>SKU</TableCell>
            <TableCell>Product</TableCell>
            <TableCell align="right">Quantity</TableCell>
            <TableCell align="right">Cases</TableCell>
            <TableCell align="right">Unit cost</TableCell>
            <TableCell align="right">Line cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.lines.map((line) => (
            <TableRow key={line.id} data-testid={line.deliverTo === null ? `po-line-${line.sku}` : `po-line-${line.sku}@${line.deliverTo}`}>
              <TableCell>{line.sku}</TableCell>
              <TableCell>
                {line.productName}
                {line.deliverTo !== null ? (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    deliver to {line.deliverTo}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell align="right">
                {/* Keyed on the saved quantity: the main process rounds to whole cases, and the field shows what it saved. */}
                <LineQuantity key={line.quantity} order={order} line={line} />
              </TableCell>
              <TableCell align="right">{line.casePack > 1 ? `${num(line.cases, 1)} × ${num(line.casePack)}` : '—'}</TableCell>
              <TableCell align="right">{money(line.unitCostCents)}</TableCell>
              <TableCell align="right">{money(line.lineCostCents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

export function PurchaseOrdersPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const orders = useCommand('po.list', filter === 'open' ? { status: ['draft', 'sent'] } : {});
  return (
    <>
      <PageHeader
        title="Purchase orders"
        subtitle="Drafts come from accepted reorder lines. Sent orders count as on order; receiving one puts its goods on the shelf."
        actions={
          <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v: Filter | null) => v && setFilter(v)} aria-label="Which orders">
            <ToggleButton value="open">Open</ToggleButton>
            <ToggleButton value="all">All</ToggleButton>
          </ToggleButtonGroup>
        }
      />
      <ErrorNotice error={orders.error} />
      {orders.data && orders.data.length === 0 ? (
        <Alert severity="info">No {filter === 'open' ? 'open ' : ''}purchase orders. Accept lines on the Reorder screen and choose “Create purchase orders”.</Alert>
      ) : null}
      {(orders.data ?? []).map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
    </>
  );
}
