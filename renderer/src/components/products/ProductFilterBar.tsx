import { Autocomplete, Box, Button, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AlertKind, FilterOptions, ProductFilters } from '../../../../core/contract/commands/products';
import { ALERT_KIND_LABELS, PATTERN_LABELS } from './labels';

export interface FilterState {
  search: string;
  abc: Array<'A' | 'B' | 'C' | 'none'>;
  xyz: Array<'X' | 'Y' | 'Z' | 'none'>;
  pattern: ProductFilters['pattern'];
  supplierIds: number[];
  categories: string[];
  alert: AlertKind | 'any' | null;
}

export const EMPTY_FILTERS: FilterState = { search: '', abc: [], xyz: [], pattern: [], supplierIds: [], categories: [], alert: null };

const ABC_OPTIONS = ['A', 'B', 'C', 'none'] as const;
const XYZ_OPTIONS = ['X', 'Y', 'Z', 'none'] as const;
const PATTERN_OPTIONS = ['smooth', 'erratic', 'intermittent', 'lumpy', 'new', 'dead', 'unclassified'] as const;

function MultiSelect<T extends string>({ id, label, options, value, onChange, labelOf, width = 150 }: { id: string; label: string; options: readonly T[]; value: T[]; onChange: (v: T[]) => void; labelOf?: (v: T) => string; width?: number }) {
  return (
    <TextField
      id={id}
      select
      size="small"
      label={label}
      value={value}
      sx={{ width }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => (selected as T[]).map((v) => (labelOf ? labelOf(v) : v)).join(', '),
        },
      }}
      onChange={(e) => onChange(e.target.value as unknown as T[])}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {labelOf ? labelOf(o) : o}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Search and filters of the products table; the search is applied after a short pause in typing. */
export function ProductFilterBar({ value, options, onChange }: { value: FilterState; options: FilterOptions | undefined; onChange: (next: FilterState) => void }) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  useEffect(() => {
    if (search === value.search) return;
    const timer = setTimeout(() => onChange({ ...value, search }), 250);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  const suppliers = options?.suppliers ?? [];
  const categories = options?.categories ?? [];
  const active = JSON.stringify({ ...value, search }) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <Box role="search" aria-label="Search and filter products" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 1.5, alignItems: 'center' }}>
      <TextField id="product-search" size="small" label="Search" value={search} onChange={(e) => setSearch(e.target.value)} sx={{ width: 180 }} type="search" />
      <MultiSelect id="filter-abc" label="ABC" options={ABC_OPTIONS} value={value.abc} onChange={(abc) => onChange({ ...value, abc })} labelOf={(v) => (v === 'none' ? 'Not classified' : v)} width={84} />
      <MultiSelect id="filter-xyz" label="XYZ" options={XYZ_OPTIONS} value={value.xyz} onChange={(xyz) => onChange({ ...value, xyz })} labelOf={(v) => (v === 'none' ? 'Not classified' : v)} width={84} />
      <MultiSelect id="filter-pattern" label="Pattern" options={PATTERN_OPTIONS} value={value.pattern} onChange={(pattern) => onChange({ ...value, pattern })} labelOf={(v) => PATTERN_LABELS[v] ?? v} width={120} />
      <Autocomplete
        multiple
        size="small"
        id="filter-supplier"
        options={suppliers}
        getOptionLabel={(s) => `${s.name} (${s.count})`}
        value={suppliers.filter((s) => value.supplierIds.includes(s.id))}
        onChange={(_e, picked) => onChange({ ...value, supplierIds: picked.map((s) => s.id) })}
        renderInput={(params) => <TextField {...params} label="Supplier" />}
        sx={{ width: 160 }}
        limitTags={1}
      />
      <Autocomplete
        multiple
        size="small"
        id="filter-category"
        options={categories}
        getOptionLabel={(c) => `${c.name === '' ? 'No category' : c.name} (${c.count})`}
        value={categories.filter((c) => value.categories.includes(c.name))}
        onChange={(_e, picked) => onChange({ ...value, categories: picked.map((c) => c.name) })}
        renderInput={(params) => <TextField {...params} label="Category" />}
        sx={{ width: 160 }}
        limitTags={1}
      />
      <TextField id="filter-alert" select size="small" label="Alert" value={value.alert ?? ''} sx={{ width: 150 }} onChange={(e) => onChange({ ...value, alert: e.target.value === '' ? null : (e.target.value as FilterState['alert']) })}>
        <MenuItem value="">All products</MenuItem>
        <MenuItem value="any">Any open alert</MenuItem>
        {(Object.keys(ALERT_KIND_LABELS) as AlertKind[]).map((k) => (
          <MenuItem key={k} value={k}>
            {ALERT_KIND_LABELS[k]}
          </MenuItem>
        ))}
      </TextField>
      {active ? (
        <Button size="small" onClick={() => onChange(EMPTY_FILTERS)}>
          Clear filters
        </Button>
      ) : null}
    </Box>
  );
}
