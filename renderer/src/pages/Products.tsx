import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function ProductsPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Products" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['products'])]} />
      <NotBuiltYet>the product table with search and filters arrives with the products screen.</NotBuiltYet>
    </>
  );
}
