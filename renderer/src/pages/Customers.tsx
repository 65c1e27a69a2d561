import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function CustomersPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Customers" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['customers'])]} />
      <NotBuiltYet>per-customer ordering rhythm, next expected order and at-risk customers arrive with the B2B customer work.</NotBuiltYet>
    </>
  );
}
