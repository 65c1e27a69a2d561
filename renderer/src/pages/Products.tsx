import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { GridColumnVisibilityModel, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { ProductListQuery, ProductSortField } from '../../../core/contract/commands/products';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { PRODUCT_COLUMNS, emptyColumns } from '../components/products/columns';
import type { FilterState } from '../components/products/ProductFilterBar';
import { EMPTY_FILTERS, ProductFilterBar } from '../components/products/ProductFilterBar';
import { ErrorNotice, PageHeader } from '../components/Page';
import { date, num } from '../format';
import { useCommand } from '../hooks/useCommand';
import { useFreshFigures } from '../hooks/useFreshFigures';
import { queryParams, usePath } from '../router';

// The data grid is loaded with this screen, not with the app: the other screens start faster.
const ProductGrid = lazy(() => import('../components/products/ProductGrid').then((m) => ({ default: m.ProductGrid })));

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Filters and sort from the address, so dashboard tiles can link to the list behind them. */
function fromQuery(path: string): { filters: FilterState; sort: GridSortModel } {
  const q = queryParams(path);
  const [field, direction] = (q.get('sort') ?? 'name:asc').split(':');
  // Every column of the table is a sort field of products.list.
  const sortField = PRODUCT_COLUMNS.some((c) => c.field === field) ? (field as ProductSortField) : 'name';
  return {
    filters: {
      ...EMPTY_FILTERS,
      search: q.get('q') ?? '',
      abc: list(q.get('abc')) as FilterState['abc'],
      xyz: list(q.get('xyz')) as FilterState['xyz'],
      pattern: list(q.get('pattern')) as FilterState['pattern'],
      supplierIds: list(q.get('supplier')).map(Number).filter(Number.isInteger),
      categories: list(q.get('category')),
      alert: (q.get('alert') as FilterState['alert']) ?? null,
    },
    sort: [{ field: sortField, sort: direction === 'desc' ? 'desc' : 'asc' }],
  };
}

export function ProductsPage() {
  const { notify } = useApp();
  const path = usePath();
  const initial = useMemo(() => fromQuery(path), [path]);
  const [filters, setFilters] = useState<FilterState>(initial.filters);
  const [sortModel, setSortModel] = useState<GridSortModel>(initial.sort);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 100 });
  const [visibility, setVisibility] = useState<GridColumnVisibilityModel>();

  useEffect(() => {
    setFilters(initial.filters);
    setSortModel(initial.sort);
    setPagination((p) => ({ ...p, page: 0 }));
  }, [initial]);

  useEffect(() => {
    call('products.columns.get', {})
      .then((choice) => setVisibility(Object.fromEntries(choice.hidden.map((field) => [field, false]))))
      .catch(() => setVisibility({}));
  }, []);

  const sort = sortModel[0];
  const query: ProductListQuery = {
    offset: pagination.page * pagination.pageSize,
    limit: pagination.pageSize,
    sort: { field: (sort?.field ?? 'name') as ProductSortField, direction: sort?.sort === 'desc' ? 'desc' : 'asc' },
    search: filters.search,
    filters: { abc: filters.abc, xyz: filters.xyz, pattern: filters.pattern, supplierIds: filters.supplierIds, categories: filters.categories, alert: filters.alert, includeInactive: false },
  };
  const products = useCommand('products.list', query);
  const options = useCommand('products.filterOptions', {});
  const state = useCommand('alerts.state', {});
  useFreshFigures(state.data);

  const changeFilters = useCallback((next: FilterState) => {
    setFilters(next);
    setPagination((p) => ({ ...p, page: 0 }));
  }, []);

  const data = products.data;
  // Empty columns are hidden for this page only; the owner's own choice is what is saved.
  const autoHidden = useMemo(() => emptyColumns(data?.rows ?? []), [data]);
  const shownVisibility = useMemo(() => (visibility ? { ...Object.fromEntries(autoHidden.map((f) => [f, false])), ...visibility } : undefined), [autoHidden, visibility]);

  const changeVisibility = (model: GridColumnVisibilityModel) => {
    const own = Object.fromEntries(Object.entries(model).filter(([field, shown]) => shown || !autoHidden.includes(field) || visibility?.[field] === false));
    setVisibility(own);
    const hidden = Object.entries(own)
      .filter(([, shown]) => !shown)
      .map(([field]) => field);
    call('products.columns.set', { hidden }).catch((err: unknown) => notify(String(err), 'error'));
  };

  const subtitle = data
    ? `${num(data.total)} ${data.total === 1 ? 'product' : 'products'}${data.asOfDay ? ` · figures as of ${date(data.asOfDay)}` : ''}`
    : 'Loading…';
  return (
    <>
      <PageHeader title="Products" subtitle={subtitle} />
      <ErrorNotice error={products.error} />
      {state.data?.stale ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="figures-updating">
          The data changed since the stock and sales figures were worked out; they are being updated now.
        </Alert>
      ) : null}
      {data && !data.hasForecast ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          No forecast yet: forecast and weeks-of-cover columns stay empty until one is made.
        </Typography>
      ) : null}
      <ProductFilterBar value={filters} options={options.data} onChange={changeFilters} />
      <Box sx={{ height: 'calc(100vh - 220px)', minHeight: 360 }} data-testid="products-grid" data-ready={data && !products.loading ? 'true' : 'false'}>
        {shownVisibility ? (
          <Suspense fallback={<LinearProgress aria-label="Loading the table" />}>
            <ProductGrid
              rows={data?.rows ?? []}
              total={data?.total ?? 0}
              loading={products.loading}
              pagination={pagination}
              onPagination={setPagination}
              sortModel={sortModel}
              onSort={(model) => {
                setSortModel(model.length > 0 ? model : [{ field: 'name', sort: 'asc' }]);
                setPagination((p) => ({ ...p, page: 0 }));
              }}
              visibility={shownVisibility}
              onVisibility={changeVisibility}
              emptyText={filters === EMPTY_FILTERS ? 'No products yet. Import a product list or sales to see them here.' : 'No product matches these filters.'}
            />
          </Suspense>
        ) : null}
      </Box>
    </>
  );
}
