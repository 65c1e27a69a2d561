import { Alert } from '@mui/material';
import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { date, num } from '../format';
import { useCommand } from '../hooks/useCommand';

export function DashboardPage() {
  const overview = useCommand('workspace.overview', {});
  const counts = overview.data?.counts;
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={overview.data?.firstSaleDay ? `Sales history ${date(overview.data.firstSaleDay)} – ${date(overview.data.lastSaleDay)} (${num(overview.data.historyDays)} days)` : 'No sales imported yet'}
      />
      <ErrorNotice error={overview.error} />
      {overview.data && overview.data.historyDays > 0 && overview.data.historyDays < 90 ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This workspace holds less than 90 days of sales history, so forecasts will be rough.
        </Alert>
      ) : null}
      <Tiles
        tiles={[
          countTile('Products', counts?.products, '/products', 'count-products'),
          countTile('Sales lines', counts?.sales, '/import', 'count-sales'),
          countTile('Suppliers', counts?.suppliers, '/purchase-orders'),
          countTile('Customers', counts?.customers, '/customers'),
          countTile('Stock counts', counts?.stock_snapshots, '/products'),
          countTile('Open purchase orders', counts?.purchase_orders, '/purchase-orders'),
          countTile('Events', counts?.events, '/events'),
          countTile('Imports', counts?.imports, '/import'),
        ]}
      />
      <NotBuiltYet>forecast accuracy against a naive forecast, stock value, turnover, products at risk of stockout, dead stock value and alerts arrive with the forecast, reorder and dashboard work.</NotBuiltYet>
    </>
  );
}
