import { Alert, Card, CardContent, Grid, Link, Typography } from '@mui/material';
import type { DashboardSummary } from '../../../core/contract/commands/dashboard';
import { AlertList } from '../components/alerts/AlertList';
import type { Tile } from '../components/CountTiles';
import { Tiles } from '../components/CountTiles';
import { AccuracyTable } from '../components/dashboard/AccuracyTable';
import { DeliveriesCard } from '../components/dashboard/DeliveriesCard';
import { atRiskTile } from '../components/dashboard/risk-tile';
import { WeeklySummaryCard } from '../components/dashboard/WeeklySummaryCard';
import { ErrorNotice, PageHeader } from '../components/Page';
import { dataAsOfText } from '../components/data-dates';
import { date, money, num, pct } from '../format';
import { useCommand } from '../hooks/useCommand';
import { useFreshFigures } from '../hooks/useFreshFigures';
import { href } from '../router';

/** The tiles; every one links to the list behind it, and says what it cannot know yet. */
function tiles(d: DashboardSummary): Tile[] {
  const all = d.accuracy?.groups.find((g) => g.group === 'all');
  const counts = d.alerts.counts;
  return [
    {
      label: 'Forecast accuracy vs naive',
      value: all?.errorReduction !== null && all?.errorReduction !== undefined ? `${pct(Math.abs(all.errorReduction))} ${all.errorReduction >= 0 ? 'less' : 'more'} error` : '—',
      hint: all ? `beats “same as last week” for ${pct(all.beatsNaiveShare)} of ${num(all.products)} products` : 'no forecast yet',
      link: '/models',
      testId: 'tile-accuracy',
    },
    {
      label: 'Stock value (at cost)',
      value: d.stock.countedProducts > 0 ? money(d.stock.valueCents, { whole: true }) : '—',
      hint: d.stock.countedProducts > 0 ? `${num(d.stock.countedProducts)} products counted${d.stock.uncostedProducts > 0 ? `, ${num(d.stock.uncostedProducts)} without a cost` : ''}` : 'no stock counts imported',
      link: '/products?sort=stockValueCents:desc',
      testId: 'tile-stock-value',
    },
    {
      label: 'Stock turnover',
      value: d.turnover?.turnsPerYear !== null && d.turnover?.turnsPerYear !== undefined ? `${num(d.turnover.turnsPerYear, 1)} × a year` : '—',
      hint: d.turnover ? `cost of sales in 52 weeks ${money(d.turnover.cogsCents, { whole: true })} ÷ stock value` : 'needs costs and stock counts',
      link: '/products?sort=weeksOfCover:desc',
      testId: 'tile-turnover',
    },
    {
      label: 'At risk of running out',
      value: num(d.atRisk.products),
      hint: atRiskTile(d.atRisk).hint,
      link: atRiskTile(d.atRisk).link,
      testId: 'tile-at-risk',
    },
    {
      label: 'Dead stock',
      value: money(d.deadStock.valueCents, { whole: true }),
      hint: `${num(d.deadStock.products)} ${d.deadStock.products === 1 ? 'product' : 'products'} unsold for 26 weeks`,
      link: '/products?alert=dead_stock&sort=stockValueCents:desc',
      testId: 'tile-dead-stock',
    },
    {
      label: 'Open alerts',
      value: num(counts.critical + counts.warning + counts.info),
      hint: `${num(counts.critical)} critical, ${num(counts.warning)} ${counts.warning === 1 ? 'warning' : 'warnings'}`,
      link: '/alerts',
      testId: 'tile-alerts',
    },
    {
      label: 'Open purchase orders',
      value: num(d.openPurchaseOrders),
      hint: d.nextDeliveries[0]?.expectedDay ? `next due ${date(d.nextDeliveries[0].expectedDay)}` : 'nothing on its way',
      link: '/purchase-orders',
      testId: 'tile-open-orders',
    },
    {
      label: 'Products',
      value: num(d.products),
      hint: d.historyDays > 0 ? `${num(d.historyDays)} days of sales history` : 'no sales yet',
      link: '/products',
      testId: 'count-products',
    },
  ];
}

export function DashboardPage() {
  const summary = useCommand('dashboard.summary', {});
  const d = summary.data;
  useFreshFigures(d?.state);
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={d?.asOfDay ? `Figures from ${dataAsOfText(d.asOfDay)}${d.state.lastRefreshAt ? `, worked out on ${date(d.state.lastRefreshAt)}` : ''}` : d ? 'No sales imported yet' : 'Loading…'}
      />
      <ErrorNotice error={summary.error} />
      {d?.state.stale ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="figures-updating">
          The data changed since these figures were worked out; they are being updated now.
        </Alert>
      ) : null}
      {d && d.historyDays > 0 && d.historyDays < 90 ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This workspace holds less than 90 days of sales history, so forecasts will be rough.
        </Alert>
      ) : null}
      {d && d.products === 0 ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          This shop has no products yet. <Link href={href('/import')}>Import your sales and stock</Link> to see your figures here.
        </Alert>
      ) : null}
      {d ? (
        <div data-testid="dashboard-ready">
          <Tiles tiles={tiles(d)} />
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, lg: 7 }}>
              <WeeklySummaryCard summary={d.summary} />
            </Grid>
            <Grid size={{ xs: 12, lg: 5 }}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="h2" sx={{ mb: 0.5 }}>
                    <Link href={href('/alerts')} underline="hover" color="inherit">
                      Alerts
                    </Link>
                  </Typography>
                  {d.alerts.top.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      No open alerts.
                    </Typography>
                  ) : (
                    <AlertList alerts={d.alerts.top.slice(0, 5)} dense />
                  )}
                </CardContent>
              </Card>
            </Grid>
            <Grid size={{ xs: 12, lg: 7 }}>
              <AccuracyTable accuracy={d.accuracy} />
            </Grid>
            <Grid size={{ xs: 12, lg: 5 }}>
              <DeliveriesCard deliveries={d.nextDeliveries} total={d.openPurchaseOrders} />
            </Grid>
          </Grid>
        </div>
      ) : null}
    </>
  );
}
