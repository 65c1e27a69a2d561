import { Alert, Box, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ProductDetail } from '../../../../core/contract/commands/product-detail';
import { money, num, pct } from '../../format';
import { href } from '../../router';
import { madeFromDataText } from '../data-dates';
import { PRIORITY_COLORS } from './labels';

type Line = ProductDetail['recommendationsByLocation'][number];

const orderOf = (line: Line) => line.finalQuantity ?? line.suggestedQuantity;

/** The total to order over the lines and its cost (null when a line with something to order has no cost). */
export function orderTotal(lines: readonly Line[]): { units: number; costCents: number | null } {
  const units = lines.reduce((a, l) => a + orderOf(l), 0);
  const priced = lines.every((l) => orderOf(l) === 0 || l.unitCostCents !== null);
  return { units, costCents: priced ? lines.reduce((a, l) => a + orderOf(l) * (l.unitCostCents ?? 0), 0) : null };
}

const ROWS: Array<{ label: string; value: (l: Line, p: ProductDetail['product']) => string }> = [
  { label: 'You have', value: (l) => `${num(l.onHand, 1)}${l.onOrder > 0 ? ` + ${num(l.onOrder, 1)} on order` : ''}` },
  { label: 'Reorder point', value: (l) => num(l.reorderPoint, 1) },
  { label: 'Order up to', value: (l) => num(l.orderUpToLevel, 1) },
  { label: 'Safety stock', value: (l) => num(l.safetyStock, 1) },
  { label: 'Service level', value: (l, p) => pct(l.figures.serviceLevel ?? p.serviceLevel, 1) },
  { label: 'Lead time', value: (l, p) => `${num(l.figures.leadTimeDays ?? p.leadTimeDays, 1)} days` },
  { label: 'Days of cover', value: (l) => (l.figures.daysOfCover === undefined ? '—' : num(l.figures.daysOfCover, 1)) },
  { label: 'Chance of running out before a delivery', value: (l) => (l.figures.stockoutProbabilityBeforeDelivery === undefined ? '—' : pct(l.figures.stockoutProbabilityBeforeDelivery)) },
];

/**
 * The plan's numbers in a shop with several locations: the plan orders for each location
 * separately, so each figure is under its location's name, with each line's reason and the
 * total to order (what the products list's Order column shows).
 */
export function PlanByLocationCard({ detail }: { detail: ProductDetail }) {
  const lines = detail.recommendationsByLocation;
  const total = orderTotal(lines);
  const newest = lines.reduce((a, l) => (l.createdAt > a.createdAt ? l : a), lines[0]!);
  const cell = { py: 0.5, px: 1 } as const;
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 0.5 }}>
          Reorder numbers
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} data-testid="plan-total">
          {lines.length > 1
            ? `Order ${num(total.units, 1)} in all${total.costCents !== null && total.units > 0 ? ` (${money(total.costCents)})` : ''}: the plan orders for each location separately.`
            : `Planned for ${lines[0]?.locationName ?? 'one location'} only.`}
        </Typography>
        {lines.map((l) => (
          <Alert key={l.locationId} severity={l.suggestedQuantity > 0 ? 'warning' : 'success'} icon={false} sx={{ mb: 1 }} data-testid={`plan-reasoning-${l.locationName}`}>
            <strong>{l.locationName}:</strong> {l.reasoning}
          </Alert>
        ))}
        <Table size="small" aria-label="Reorder numbers by location" data-testid="plan-by-location" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell sx={cell} />
              {lines.map((l) => (
                <TableCell key={l.locationId} align="right" sx={cell}>
                  {l.locationName}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              <TableCell component="th" scope="row" sx={{ ...cell, color: 'text.secondary' }}>
                Suggested order
              </TableCell>
              {lines.map((l) => (
                <TableCell key={l.locationId} align="right" sx={cell} data-testid={`order-at-${l.locationName}`}>
                  {num(orderOf(l), 1)}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="row" sx={{ ...cell, color: 'text.secondary' }}>
                Priority
              </TableCell>
              {lines.map((l) => (
                <TableCell key={l.locationId} align="right" sx={cell}>
                  <Chip label={l.priority} color={PRIORITY_COLORS[l.priority]} size="small" />
                </TableCell>
              ))}
            </TableRow>
            {ROWS.map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row" sx={{ ...cell, color: 'text.secondary' }}>
                  {row.label}
                </TableCell>
                {lines.map((l) => (
                  <TableCell key={l.locationId} align="right" sx={cell}>
                    {row.value(l, detail.product)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box sx={{ mt: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {madeFromDataText('Plan', newest.createdAt, newest.dataAsOf)} · status {lines.map((l) => `${l.status} at ${l.locationName}`).join(', ')} · <a href={href('/reorder')}>open the reorder plan</a>
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}
