import { Box, MenuItem, TextField, Typography } from '@mui/material';
import type { Inspection, Mapping } from '../../../../core/contract/commands/import';

const NOT_MAPPED = -1;

const DATE_ORDERS = [
  { value: 'dmy', label: 'Day first (31/01/2026)' },
  { value: 'mdy', label: 'Month first (01/31/2026)' },
  { value: 'ymd', label: 'Year first (2026-01-31)' },
] as const;

/**
 * The column chosen for every field of the kind, and how dates and numbers are read. Every
 * change is inspected again, so the preview below always shows what would be stored.
 */
export function MappingEditor({ inspection, mapping, disabled, onChange }: { inspection: Inspection; mapping: Mapping; disabled: boolean; onChange: (mapping: Mapping) => void }) {
  const setColumn = (field: string, column: number) => {
    const columns = { ...mapping.columns };
    for (const [other, index] of Object.entries(columns)) if (index === column) delete columns[other];
    delete columns[field];
    if (column !== NOT_MAPPED) columns[field] = column;
    onChange({ ...mapping, columns });
  };
  const wide = mapping.kind === 'sales_wide';
  const totals = wide || mapping.kind === 'sales_totals';
  const hasDates = inspection.dateOrder.evidence !== 'This file has no date column.' || wide;

  return (
    <Box data-testid="import-mapping">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 1.5, mb: 2 }}>
        {inspection.fields.map((field) => (
          <TextField
            key={field.name}
            select
            size="small"
            disabled={disabled}
            label={`${field.label}${field.required ? ' *' : field.group ? ' (one of)' : ''}`}
            helperText={field.hint || ' '}
            value={mapping.columns[field.name] ?? NOT_MAPPED}
            onChange={(e) => setColumn(field.name, Number(e.target.value))}
            slotProps={{ htmlInput: { 'aria-label': `Column for ${field.label}`, 'data-field': field.name } }}
          >
            <MenuItem value={NOT_MAPPED}>
              <em>— not in this file</em>
            </MenuItem>
            {inspection.headers.map((header, index) => (
              <MenuItem key={index} value={index}>
                {header || `(column ${index + 1})`}
              </MenuItem>
            ))}
          </TextField>
        ))}
        {wide ? (
          <TextField
            select
            size="small"
            disabled={disabled}
            label="First day/week column *"
            helperText="This column and every later one hold one period's sales."
            value={mapping.wideFirstColumn ?? NOT_MAPPED}
            onChange={(e) => onChange({ ...mapping, wideFirstColumn: Number(e.target.value) === NOT_MAPPED ? undefined : Number(e.target.value) })}
          >
            <MenuItem value={NOT_MAPPED}>
              <em>— choose</em>
            </MenuItem>
            {inspection.headers.map((header, index) => (
              <MenuItem key={index} value={index}>
                {header}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {wide ? (
          <TextField
            size="small"
            type="date"
            disabled={disabled}
            label="Date of day 1 (d_1)"
            helperText="Only for numbered columns (d_1, d_2 …)."
            value={mapping.wideStartDate ?? ''}
            onChange={(e) => onChange({ ...mapping, wideStartDate: e.target.value === '' ? undefined : e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ) : null}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 1.5 }}>
        {hasDates ? (
          <TextField
            select
            size="small"
            disabled={disabled}
            label="Dates are written"
            value={mapping.dateOrder}
            onChange={(e) => onChange({ ...mapping, dateOrder: e.target.value as Mapping['dateOrder'] })}
            helperText={inspection.dateOrder.ambiguous ? 'Both readings fit every date: check the preview.' : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'import-date-order' } }}
          >
            {DATE_ORDERS.map((o) => (
              <MenuItem key={o.value} value={o.value}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        <TextField
          select
          size="small"
          disabled={disabled}
          label="Decimal separator"
          value={mapping.decimalSeparator}
          onChange={(e) => onChange({ ...mapping, decimalSeparator: e.target.value as Mapping['decimalSeparator'] })}
          helperText=" "
        >
          <MenuItem value=".">Point (1,234.50)</MenuItem>
          <MenuItem value=",">Comma (1.234,50)</MenuItem>
        </TextField>
        {totals ? (
          <TextField select size="small" disabled={disabled} label="Each value covers" value={mapping.period} onChange={(e) => onChange({ ...mapping, period: e.target.value as Mapping['period'] })} helperText=" ">
            <MenuItem value="day">a day</MenuItem>
            <MenuItem value="week">a week</MenuItem>
            <MenuItem value="month">a month</MenuItem>
          </TextField>
        ) : null}
      </Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {hasDates ? `${inspection.dateOrder.evidence} ` : ''}
        {inspection.decimal.evidence}
      </Typography>
    </Box>
  );
}
