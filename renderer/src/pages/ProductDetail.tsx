import { Box, Button, Card, CardContent, Chip, Grid, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { ProductDetail } from '../../../core/contract/commands/product-detail';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { AlertList } from '../components/alerts/AlertList';
import { ChartTable } from '../components/charts/ChartTable';
import { ForecastChart } from '../components/charts/ForecastChart';
import { Tiles } from '../components/CountTiles';
import { ProductCustomersPanel } from '../components/customers/ProductCustomersPanel';
import { ErrorNotice, PageHeader } from '../components/Page';
import { ModelCard } from '../components/products/ModelCard';
import { OverridesCard } from '../components/products/OverridesCard';
import { PlanByLocationCard } from '../components/products/PlanByLocationCard';
import { PlanCard } from '../components/products/PlanCard';
import { StockByLocationCard } from '../components/products/StockByLocationCard';
import { WhatIfCard } from '../components/products/WhatIfCard';
import { date, money, num } from '../format';
import { useCommand } from '../hooks/useCommand';
import { href } from '../router';

export function ProductDetailPage({ params }: { params: Record<string, string> }) {
  const { notify } = useApp();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useCommand('products.detail', { id: valid ? id : 1 }, { enabled: valid });
  const chart = useCommand('products.chart', { id: valid ? id : 1, locationId: null }, { enabled: valid });
  const [asTable, setAsTable] = useState(false);
  const d = detail.data;

  if (!valid) return <PageHeader title="Product" subtitle="There is no such product." />;
  const unmark = async (markId: number) => {
    try {
      await call('alerts.removeOneOff', { id: markId });
      notify('The week counts again from the next forecast.', 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const forecast4 = chart.data?.forecast.slice(0, chart.data.periodDays === 7 ? 4 : 28).reduce((a, f) => a + f.mean, 0);
  return (
    <>
      <Link href={href('/products')} variant="body2" sx={{ display: 'inline-block', mb: 1 }}>
        ← All products
      </Link>
      <PageHeader
        title={d ? d.product.name : 'Product'}
        subtitle={d ? [d.product.sku, d.product.category, d.product.supplierName ? `from ${d.product.supplierName}` : null, !d.product.active ? 'inactive' : null].filter(Boolean).join(' · ') : undefined}
        actions={
          d?.classes ? (
            <Stack direction="row" sx={{ gap: 0.5 }}>
              {d.classes.abc ? <Chip label={`Class ${d.classes.abc}`} color="primary" variant="outlined" /> : null}
              {d.classes.xyz ? <Chip label={d.classes.xyz} variant="outlined" /> : null}
              {d.classes.pattern ? <Chip label={d.classes.pattern} variant="outlined" /> : null}
            </Stack>
          ) : undefined
        }
      />
      <ErrorNotice error={detail.error} />
      {d ? (
        <Tiles
          tiles={[
            { label: 'On hand', value: d.stock.onHand === null ? 'not counted' : num(d.stock.onHand, 1), hint: onHandHint(d.stock), testId: 'tile-on-hand' },
            { label: 'On order', value: num(d.stock.onOrder, 1), hint: d.stock.receipts.length > 0 ? d.stock.receipts.map((r) => `${num(r.quantity, 1)} on ${r.poNumber}${r.expectedDay ? ` due ${date(r.expectedDay)}` : ''}`).join('; ') : 'nothing on order', link: '/purchase-orders' },
            { label: 'Sold, last 28 days', value: num(d.soldLast28Days, 1), hint: `${num(d.soldLast52Weeks, 0)} in the last 52 weeks` },
            { label: 'Forecast, next 4 weeks', value: forecast4 === undefined || chart.data?.forecast.length === 0 ? '—' : num(forecast4, 1), hint: d.revenue ? `about ${money(d.revenue.next4WeeksCents, { whole: true })} of sales; ${money(d.revenue.horizonCents, { whole: true })} over ${num(d.revenue.horizonWeeks)} weeks` : chart.data?.forecast.length ? 'no price, so no revenue forecast' : 'no forecast yet' },
          ]}
        />
      ) : null}
      {d && d.stock.byLocation.length > 0 ? <StockByLocationCard locations={d.stock.byLocation} /> : null}
      <Card variant="outlined" sx={{ mb: 3 }}>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
            <Typography variant="h2">Sales and forecast</Typography>
            <Button size="small" onClick={() => setAsTable((t) => !t)} aria-pressed={asTable}>
              {asTable ? 'Show as chart' : 'Show as table'}
            </Button>
          </Stack>
          <ErrorNotice error={chart.error} />
          {chart.data ? (
            <>
              {chart.data.history.length === 0 ? <Typography color="text.secondary">No sales of this product yet.</Typography> : asTable ? <ChartTable chart={chart.data} /> : <ForecastChart chart={chart.data} />}
              <Typography variant="caption" color="text.secondary" component="p" data-testid="chart-caption">
                {chart.data.forecast.length > 0 ? 'Dashed: the forecast’s median; shaded: the ranges that should hold 50%, 80% and 90% of weeks. ' : 'No forecast yet. '}
                {chart.data.adjusted ? 'Orange: the forecast with your override. ' : ''}
                {chart.data.events.length > 0 ? 'Shaded columns: holidays (grey) and your events (amber). ' : ''}
                {chart.data.stockouts.length > 0 ? `Red bars at the bottom: ${chart.data.stockouts.length} ${chart.data.stockouts.length === 1 ? 'period' : 'periods'} out of stock (sales there understate demand). ` : ''}
                {chart.data.anomalies.length > 0 ? `Red rings: ${chart.data.anomalies.length} unusual ${chart.data.anomalies.length === 1 ? 'week' : 'weeks'}. ` : ''}
                {chart.data.backtest && chart.data.backtest.length > 0
                  ? `Green dashes: what the chosen forecast said over its ${new Set(chart.data.backtest.map((b) => b.window)).size} backtest windows, made without those weeks' sales — how far it sits from the black line is how far off it was.`
                  : ''}
              </Typography>
            </>
          ) : null}
        </CardContent>
      </Card>
      {d ? (
        <>
          <Grid container spacing={3} sx={{ mb: 3 }}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <ModelCard detail={d} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              {d.recommendationsByLocation.length > 0 ? <PlanByLocationCard detail={d} /> : <PlanCard detail={d} />}
            </Grid>
          </Grid>
        </>
      ) : null}
      <Box sx={{ mb: 3 }}>
        <WhatIfCard productId={id} locations={d ? whatIfLocations(d) : []} />
      </Box>
      {d ? (
        <>
          <ProductCustomersPanel productId={d.product.id} />
          <Grid container spacing={3} sx={{ mb: 3 }}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <OverridesCard productId={d.product.id} overrides={d.overrides} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="h2" sx={{ mb: 1 }}>
                    Alerts
                  </Typography>
                  {d.openAlerts.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      No open alert for this product.
                    </Typography>
                  ) : (
                    <AlertList alerts={d.openAlerts} showProduct={false} dense />
                  )}
                  <Typography variant="h3" sx={{ mt: 2, mb: 0.5 }}>
                    Weeks marked as one-offs
                  </Typography>
                  <List dense aria-label="Weeks marked as one-offs">
                    {(chart.data?.oneOffs ?? []).map((m) => (
                      <ListItem key={m.id} disableGutters secondaryAction={<Button size="small" onClick={() => void unmark(m.id)}>Count it again</Button>}>
                        <ListItemText primary={`${date(m.start)} – ${date(m.end)}`} secondary={m.reason ?? undefined} />
                      </ListItem>
                    ))}
                    {chart.data?.oneOffs.length === 0 ? (
                      <ListItem disableGutters>
                        <ListItemText primary="None. Unusual weeks can be marked from their alert." />
                      </ListItem>
                    ) : null}
                  </List>
                </CardContent>
              </Card>
            </Grid>
          </Grid>
        </>
      ) : null}
    </>
  );
}

/**
 * The locations the what-if can work on in a shop with several: where the product sold (the
 * plan's lines are there), most sales first as the what-if's own default. Empty in a shop with one.
 */
function whatIfLocations(d: ProductDetail): Array<{ id: number; name: string }> {
  if (d.stock.byLocation.length === 0 && d.recommendationsByLocation.length === 0) return [];
  const planned = new Set(d.recommendationsByLocation.map((r) => r.locationId));
  return d.locations.filter((l) => l.units > 0 || planned.has(l.id)).map((l) => ({ id: l.id, name: l.name }));
}

/** Where the On hand figure comes from; in a shop with several locations, how many it adds up. */
function onHandHint(stock: ProductDetail['stock']): string {
  const counted = stock.byLocation.filter((l) => l.onHand !== null).length;
  if (stock.byLocation.length > 0 && stock.countDay) return `${counted === 1 ? 'at 1 location' : `total of ${counted} locations`} (below), moved by sales and deliveries since their counts`;
  return stock.countDay ? `counted ${date(stock.countDay)}, moved by sales and deliveries since` : 'no stock count imported';
}
