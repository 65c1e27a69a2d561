import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function ReorderPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Reorder" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['recommendations'])]} />
      <NotBuiltYet>reorder recommendations (what to order, from whom, how much and why) arrive with the reorder plan.</NotBuiltYet>
    </>
  );
}
