import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function ReportsPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Reports" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['forecast_runs'])]} />
      <NotBuiltYet>PDF and CSV reports arrive with the reorder plan.</NotBuiltYet>
    </>
  );
}
