import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function EventsPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Events" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['events'])]} />
      <NotBuiltYet>listing, adding and editing promotions, closures and holidays arrives with the events screen.</NotBuiltYet>
    </>
  );
}
