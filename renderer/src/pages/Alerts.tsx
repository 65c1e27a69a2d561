import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function AlertsPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Alerts" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['alerts'])]} />
      <NotBuiltYet>alerts (stockout risk, below reorder point, overstock, dead stock, degraded forecasts, unusual sales) are computed once forecasts and the reorder plan exist.</NotBuiltYet>
    </>
  );
}
