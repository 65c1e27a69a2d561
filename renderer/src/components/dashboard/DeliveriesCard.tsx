import { Card, CardContent, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { DashboardSummary } from '../../../../core/contract/commands/dashboard';
import { date, money, num } from '../../format';
import { href } from '../../router';

export function DeliveriesCard({ deliveries, total }: { deliveries: DashboardSummary['nextDeliveries']; total: number }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 0.5 }}>
          <Link href={href('/purchase-orders')} underline="hover" color="inherit">
            Next deliveries
          </Link>
        </Typography>
        {deliveries.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No sent purchase order is waiting for delivery.
          </Typography>
        ) : (
          <List dense aria-label="Next deliveries">
            {deliveries.map((d) => (
              <ListItem key={d.poId} disableGutters secondaryAction={d.late ? <Chip size="small" color="warning" label="late" /> : undefined}>
                <ListItemText
                  primary={`${d.supplierName ?? 'No supplier'} · ${d.expectedDay ? date(d.expectedDay) : 'no date given'}`}
                  secondary={`${d.number}: ${num(d.lines)} ${d.lines === 1 ? 'line' : 'lines'}, ${num(d.units, 1)} units${d.valueCents !== null ? `, ${money(d.valueCents)}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        )}
        {total > deliveries.length ? (
          <Link href={href('/purchase-orders')} variant="body2">
            All {num(total)} open orders
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
