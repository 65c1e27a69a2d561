import { ProductCustomersPanel } from '../components/customers/ProductCustomersPanel';
import { NotBuiltYet, PageHeader } from '../components/Page';

export function ProductDetailPage({ params }: { params: Record<string, string> }) {
  return (
    <>
      <PageHeader title={`Product ${params.id ?? ''}`} />
      <ProductCustomersPanel productId={Number(params.id)} />
      <NotBuiltYet>the product detail (history and forecast chart, model and its backtest, reorder numbers, overrides and what-if) arrives with the products screen.</NotBuiltYet>
    </>
  );
}
