import { countTile, Tiles } from '../components/CountTiles';
import { ErrorNotice, NotBuiltYet, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

export function PurchaseOrdersPage() {
  const overview = useCommand('workspace.overview', {});
  return (
    <>
      <PageHeader title="Purchase orders" />
      <ErrorNotice error={overview.error} />
      <Tiles tiles={[countTile('In this workspace', overview.data?.counts['purchase_orders'])]} />
      <NotBuiltYet>purchase orders (draft, sent, received) arrive with the reorder plan.</NotBuiltYet>
    </>
  );
}
