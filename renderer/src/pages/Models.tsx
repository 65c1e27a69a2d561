import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function ModelsPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Models" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['forecast_runs'])]} />
      <NotBuiltYet>the model registry (champions, challengers, backtest scores, training curves) arrives with the forecast engine.</NotBuiltYet>
    </>
  );
}
