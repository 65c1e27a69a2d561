import { Box, Card, CardContent, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { Tiles } from '../components/CountTiles';
import { CustomerRunBar } from '../components/customers/CustomerRunBar';
import { nextExpectedText, overdueText, rhythmText } from '../components/customers/format';
import { ErrorNotice, PageHeader } from '../components/Page';
import { date, money, num, pct } from '../format';
import { useCommand } from '../hooks/useCommand';
import { href } from '../router';

/** Bars of P(an order in week k): how sure we are, week by week. */
function WeekBars({ weeks }: { weeks: Array<{ week: number; start: string; orderProbability: number; expectedUnits: number }> }) {
  return (
    <Stack direction="row" sx={{ gap: 0.5, alignItems: 'flex-end', height: 40 }} aria-label="Chance of an order per week">
      {weeks.map((w) => (
        <Tooltip key={w.week} title={`Week of ${date(w.start)}: ${pct(w.orderProbability)} chance of an order, ${num(w.expectedUnits, 1)} units expected`}>
          <Box sx={{ width: 10, height: `${Math.max(2, Math.round(40 * w.orderProbability))}px`, bgcolor: 'primary.main', borderRadius: 0.5 }} />
        </Tooltip>
      ))}
    </Stack>
  );
}

export function CustomerDetailPage({ params }: { params: Record<string, string> }) {
  const customerId = Number(params.id);
  const valid = Number.isInteger(customerId) && customerId > 0;
  const detail = useCommand('customers.detail', { customerId: valid ? customerId : 1 }, { enabled: valid });
  const d = detail.data;
  return (
    <>
      <PageHeader title={d?.customer.name ?? 'Customer'} subtitle={d ? `Customer ID ${d.customer.externalId}` : undefined} />
      <ErrorNotice error={valid ? detail.error : { message: `"${params.id ?? ''}" is not a customer number.` }} />
      {d ? (
        <>
          <CustomerRunBar run={d.run} />
          <Tiles
            tiles={[
              { label: 'Order days', value: num(d.history.orderDays), hint: d.history.firstOrder ? `${date(d.history.firstOrder)} – ${date(d.history.lastOrder)}` : undefined },
              { label: 'Bought', value: money(d.history.revenueCents, { whole: true }), hint: `${num(d.history.products)} products` },
              { label: 'Products bought repeatedly', value: num(d.summary.predictedProducts), hint: `${num(d.summary.expectedUnits, 0)} units expected` },
              { label: 'Overdue products', value: num(d.summary.atRiskProducts), hint: d.summary.atRiskProducts > 0 ? `${money(d.summary.revenueAtStakeCents, { whole: true })} at stake` : undefined },
            ]}
          />
          <Card variant="outlined">
            <CardContent sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="Products this customer reorders">
                <TableHead>
                  <TableRow>
                    <TableCell>Product</TableCell>
                    <TableCell>Rhythm</TableCell>
                    <TableCell>Last order</TableCell>
                    <TableCell>Next expected</TableCell>
                    <TableCell align="right">Confidence</TableCell>
                    <TableCell>Weeks ahead</TableCell>
                    <TableCell>Why</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {d.predictions.map((p) => (
                    <TableRow key={p.productId} data-testid="customer-product-row">
                      <TableCell>
                        <Link href={href(`/products/${p.productId}`)}>{p.productName}</Link>
                        <Typography variant="caption" color="text.secondary" component="div">
                          {p.sku}
                        </Typography>
                      </TableCell>
                      <TableCell>{rhythmText(p)}</TableCell>
                      <TableCell>{date(p.lastOrder)}</TableCell>
                      <TableCell>
                        {nextExpectedText(p).main}
                        <Typography variant="caption" color="text.secondary" component="div">
                          {nextExpectedText(p).detail}
                        </Typography>
                        {p.atRisk ? (
                          <Typography variant="caption" color="warning.main" component="div">
                            {overdueText(p)}
                          </Typography>
                        ) : null}
                        {p.likelyOrder && p.likelyOrder !== p.nextOrder ? (
                          <Typography variant="caption" color="text.secondary" component="div">
                            if within {d.run?.horizonWeeks ?? ''} weeks: ~{date(p.likelyOrder)}
                          </Typography>
                        ) : null}
                      </TableCell>
                      <TableCell align="right">{pct(p.confidence)}</TableCell>
                      <TableCell>
                        <WeekBars weeks={p.weeks} />
                      </TableCell>
                      <TableCell sx={{ minWidth: 320, maxWidth: 520 }}>
                        <Typography variant="caption">{p.reason}</Typography>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {d.predictions.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {d.run ? 'This customer has not ordered any product at least twice yet, so there is no rhythm to predict from.' : 'No predictions yet.'}
                </Typography>
              ) : null}
            </CardContent>
          </Card>
        </>
      ) : null}
    </>
  );
}
