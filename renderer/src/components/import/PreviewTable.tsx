import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { FieldInfo, PreviewRow } from '../../../../core/contract/commands/import';

const EXTRA_LABELS: Record<string, string> = { date: 'Date', quantity: 'Quantity', period: 'Period' };

/** The first rows exactly as they will be stored (dates as days, money with two decimals), or why not. */
export function PreviewTable({ rows, fields }: { rows: PreviewRow[]; fields: FieldInfo[] }) {
  const order = [...fields.map((f) => f.name), ...Object.keys(EXTRA_LABELS).filter((k) => !fields.some((f) => f.name === k))];
  const shown = order.filter((key) => rows.some((r) => r.values[key] !== undefined && r.values[key] !== null));
  const label = (key: string) => fields.find((f) => f.name === key)?.label ?? EXTRA_LABELS[key] ?? key;
  if (rows.length === 0) return <Typography variant="body2">The file has no rows to preview.</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Preview of the first rows as they will be stored" data-testid="import-preview">
        <TableHead>
          <TableRow>
            <TableCell>Line</TableCell>
            {shown.map((key) => (
              <TableCell key={key}>{label(key)}</TableCell>
            ))}
            <TableCell>Notes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={`${row.line}-${i}`} data-status={row.status} sx={row.status === 'rejected' ? { bgcolor: 'error.light', '& td': { color: 'error.contrastText' } } : undefined}>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  {row.status === 'ok' ? <CheckCircleOutlineIcon fontSize="inherit" color="success" aria-label="will be imported" /> : <ErrorOutlineIcon fontSize="inherit" aria-label="rejected" />}
                  {row.line}
                </Box>
              </TableCell>
              {row.status === 'ok'
                ? shown.map((key) => <TableCell key={key}>{row.values[key] ?? '—'}</TableCell>)
                : [
                    <TableCell key="problems" colSpan={shown.length}>
                      {row.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ')}
                    </TableCell>,
                  ]}
              <TableCell>
                {row.notes.map((note) => (
                  <Tooltip key={note} title={note === 'new product' ? 'This SKU is not in your products yet; it will be added, named as in the file.' : note}>
                    <Chip size="small" label={note} sx={{ mr: 0.5 }} />
                  </Tooltip>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
