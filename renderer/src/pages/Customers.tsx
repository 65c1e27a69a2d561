import { Box, FormControlLabel, MenuItem, Stack, Switch, TablePagination, TextField } from '@mui/material';
import { useState } from 'react';
import { CustomerRunBar } from '../components/customers/CustomerRunBar';
import { PredictionsTable } from '../components/customers/PredictionsTable';
import { ErrorNotice, PageHeader } from '../components/Page';
import { useCommand } from '../hooks/useCommand';

const SORTS = [
  { value: 'revenueAtStake', label: 'Revenue at stake' },
  { value: 'nextOrder', label: 'Next expected order' },
  { value: 'confidence', label: 'Confidence' },
  { value: 'expectedUnits', label: 'Expected units' },
  { value: 'customer', label: 'Customer name' },
] as const;

type Sort = (typeof SORTS)[number]['value'];

/** Repeat customers per product: their rhythm, next expected order and who is overdue. */
export function CustomersPage() {
  const [search, setSearch] = useState('');
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const [sort, setSort] = useState<Sort>('revenueAtStake');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const status = useCommand('customers.status', {});
  const list = useCommand('customers.list', { search: search.trim() || undefined, atRiskOnly, sort, limit: pageSize, offset: page * pageSize });
  const run = status.data?.run;
  return (
    <>
      <PageHeader title="Customers" subtitle="When each repeat customer will order each product again, and who has gone quiet against their own rhythm." />
      <ErrorNotice error={status.error ?? list.error} />
      <CustomerRunBar run={status.data ? run ?? null : undefined} customersWithSales={status.data?.customersWithSales} />
      {run ? (
        <>
          <Stack direction="row" sx={{ gap: 2, mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              size="small"
              label="Search customer or product"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(0);
              }}
              sx={{ minWidth: 260 }}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={atRiskOnly}
                  onChange={(e) => {
                    setAtRiskOnly(e.target.checked);
                    setPage(0);
                  }}
                />
              }
              label="Overdue only"
            />
            <TextField select size="small" label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as Sort)} sx={{ minWidth: 200 }}>
              {SORTS.map((s) => (
                <MenuItem key={s.value} value={s.value}>
                  {s.label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Box sx={{ overflowX: 'auto' }}>
            <PredictionsTable rows={list.data?.rows ?? []} show="both" horizonWeeks={list.data?.run?.horizonWeeks} />
          </Box>
          <TablePagination
            component="div"
            count={list.data?.total ?? 0}
            page={page}
            onPageChange={(_e, p) => setPage(p)}
            rowsPerPage={pageSize}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
            rowsPerPageOptions={[25, 50, 100, 250]}
          />
        </>
      ) : null}
    </>
  );
}
