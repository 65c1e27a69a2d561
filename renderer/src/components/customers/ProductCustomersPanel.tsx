import { Alert, Box, Button, Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { date, money, num, pct } from '../../format';
import { useCommand } from '../../hooks/useCommand';
import { href } from '../../router';

/** Names shown per week; the rest are counted. */
const SHOWN_PER_WEEK = 5;
/** Overdue customers shown before "Show all". */
const AT_RISK_SHOWN = 10;

/**
 * Product detail: orders expected from the product's repeat customers, week by week (with
 * the P10–P90 range of units), and the customers who are overdue against their rhythm.
 */
export function ProductCustomersPanel({ productId }: { productId: number }) {
  const view = useCommand('customers.product', { productId }, { enabled: Number.isInteger(productId) && productId > 0 });
  const [allAtRisk, setAllAtRisk] = useState(false);
  const v = view.data;
  if (view.error) return <Alert severity="error">{view.error.message}</Alert>;
  if (!v) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="product-customers">
      <CardContent>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Expected customer orders
        </Typography>
        {v.run?.stale ? (
          <Alert severity="warning" sx={{ mb: 1 }}>
            New data was imported after these predictions were made; update them on the Customers screen.
          </Alert>
        ) : null}
        {v.status !== 'ok' ? (
          <Typography variant="body2" color="text.secondary">
            {v.message}
          </Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {num(v.summary?.expectedUnits ?? 0)} units in {num(v.summary?.expectedOrders ?? 0, 1)} orders expected from {num(v.summary?.customersModelled ?? 0)} repeat customers
              {v.summary?.expectedRevenueCents !== null && v.summary?.expectedRevenueCents !== undefined ? ` (${money(v.summary.expectedRevenueCents, { whole: true })})` : ''} over{' '}
              {v.weeks.length} weeks. Other buyers come on top of this.
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="Expected customer orders per week">
                <TableHead>
                  <TableRow>
                    <TableCell>Week of</TableCell>
                    <TableCell align="right">Orders</TableCell>
                    <TableCell align="right">Units</TableCell>
                    <TableCell align="right">Range (P10–P90)</TableCell>
                    <TableCell align="right">Revenue</TableCell>
                    <TableCell>Likely to order that week (chance)</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {v.weeks.map((w) => (
                    <TableRow key={w.week}>
                      <TableCell>{date(w.start)}</TableCell>
                      <TableCell align="right">{num(w.expectedOrders, 1)}</TableCell>
                      <TableCell align="right">{num(w.expectedUnits, 1)}</TableCell>
                      <TableCell align="right">
                        {num(w.unitsQuantiles[1], 0)}–{num(w.unitsQuantiles[5], 0)}
                      </TableCell>
                      <TableCell align="right">{money(w.expectedRevenueCents, { whole: true })}</TableCell>
                      <TableCell>
                        {w.expectedCustomers.slice(0, SHOWN_PER_WEEK).map((c, i) => (
                          <span key={c.customerId}>
                            {i > 0 ? ', ' : ''}
                            <Link href={href(`/customers/${c.customerId}`)}>{c.customerName}</Link> ({pct(c.probability)})
                          </span>
                        ))}
                        {w.expectedCustomers.length > SHOWN_PER_WEEK ? ` and ${w.expectedCustomers.length - SHOWN_PER_WEEK} more` : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
        {v.atRisk.length > 0 ? (
          <>
            <Typography variant="h3" sx={{ mt: 2, mb: 1 }}>
              Overdue customers ({v.atRisk.length}), most revenue at stake first
            </Typography>
            <Table size="small" aria-label="Customers overdue for this product">
              <TableHead>
                <TableRow>
                  <TableCell>Customer</TableCell>
                  <TableCell>Last order</TableCell>
                  <TableCell align="right">Revenue at stake</TableCell>
                  <TableCell>Why</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(allAtRisk ? v.atRisk : v.atRisk.slice(0, AT_RISK_SHOWN)).map((c) => (
                  <TableRow key={c.customerId} data-testid="product-at-risk-row">
                    <TableCell>
                      <Link href={href(`/customers/${c.customerId}`)}>{c.customerName}</Link>
                    </TableCell>
                    <TableCell>{date(c.lastOrder)}</TableCell>
                    <TableCell align="right">{money(c.revenueAtStakeCents, { whole: true })}</TableCell>
                    <TableCell sx={{ maxWidth: 480 }}>
                      <Typography variant="body2">{c.reason}</Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {v.atRisk.length > AT_RISK_SHOWN ? (
              <Button size="small" onClick={() => setAllAtRisk((a) => !a)} sx={{ mt: 1 }}>
                {allAtRisk ? 'Show fewer' : `Show all ${v.atRisk.length}`}
              </Button>
            ) : null}
          </>
        ) : null}
        {v.issues.length > 0 ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
            Left out: {v.issues.join(' ')}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}
