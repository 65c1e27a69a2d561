import type { GridColumnVisibilityModel, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { DataGrid } from '@mui/x-data-grid';
import type { ProductRow } from '../../../../core/contract/commands/products';
import { navigate } from '../../router';
import { PRODUCT_COLUMNS } from './columns';

export interface ProductGridProps {
  rows: ProductRow[];
  total: number;
  loading: boolean;
  pagination: GridPaginationModel;
  onPagination: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSort: (model: GridSortModel) => void;
  visibility: GridColumnVisibilityModel;
  onVisibility: (model: GridColumnVisibilityModel) => void;
  emptyText: string;
}

/**
 * The products table: MUI X DataGrid (community) with paging, sorting and filtering on the
 * server (products.list), rows virtualised, a row opening its product by click or Enter.
 */
export function ProductGrid(p: ProductGridProps) {
  return (
    <DataGrid
      rows={p.rows}
      columns={PRODUCT_COLUMNS}
      rowCount={p.total}
      loading={p.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      disableColumnFilter
      disableRowSelectionOnClick
      paginationModel={p.pagination}
      onPaginationModelChange={p.onPagination}
      pageSizeOptions={[25, 50, 100]}
      sortModel={p.sortModel}
      onSortModelChange={p.onSort}
      sortingOrder={['asc', 'desc']}
      columnVisibilityModel={p.visibility}
      onColumnVisibilityModelChange={p.onVisibility}
      density="compact"
      rowHeight={46}
      onRowClick={({ row }) => navigate(`/products/${row.id}`)}
      onCellKeyDown={({ row }, event) => {
        if (event.key === 'Enter') navigate(`/products/${row.id}`);
      }}
      aria-label="Products"
      localeText={{ noRowsLabel: p.emptyText }}
      sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell:focus-visible, & .MuiDataGrid-cell:focus': { outline: (t) => `2px solid ${t.palette.primary.main}`, outlineOffset: -2 } }}
    />
  );
}
