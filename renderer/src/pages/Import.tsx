import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function ImportPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Import" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['imports'])]} />
      <NotBuiltYet>the import screen (drop zone, column mapping, preview, import history with undo) is being built.</NotBuiltYet>
    </>
  );
}
