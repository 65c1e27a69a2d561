import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { alpha, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { FieldInfo, PreviewRow } from '../../../../core/contract/commands/import';

const EXTRA_LABELS: Record<string, string> = { date: 'Date', quantity: 'Quantity', period: 'Period' };

interface Props {
  rows: PreviewRow[];
  fields: FieldInfo[];
  /** The field a file column is mapped to (problems name the column's header). */
  fieldOfColumn: (header: string) => string | undefined;
  label?: string;
  testId?: string;
}

/**
 * Rows exactly as they will be stored (dates as days, money with two decimals); a rejected
 * row keeps its cells as the file writes them, the bad one marked, and the reason beside.
 */
export function PreviewTable({ rows, fields, fieldOfColumn, label: tableLabel = 'Preview of the first rows as they will be stored', testId = 'import-preview' }: Props) {
  const order = [...fields.map((f) => f.name), ...Object.keys(EXTRA_LABELS).filter((k) => !fields.some((f) => f.name === k))];
  const shown = order.filter((key) => rows.some((r) => r.values[key] !== undefined && r.values[key] !== null));
  const label = (key: string) => fields.find((f) => f.name === key)?.label ?? EXTRA_LABELS[key] ?? key;
  if (rows.length === 0) return <Typography variant="body2">The file has no rows to preview.</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={tableLabel} data-testid={testId}>
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
            <TableRow key={`${row.line}-${i}`} data-status={row.status} sx={row.status === 'rejected' ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.08) } : undefined}>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  {row.status === 'ok' ? <CheckCircleOutlineIcon fontSize="inherit" color="success" aria-label="will be imported" /> : <ErrorOutlineIcon fontSize="inherit" color="error" aria-label="rejected" />}
                  {row.line}
                </Box>
              </TableCell>
              {shown.map((key) => {
                const bad = row.status === 'rejected' && row.problems.some((p) => p.column !== null && fieldOfColumn(p.column) === key);
                return (
                  <TableCell key={key} data-bad={bad ? 'true' : undefined} sx={bad ? { color: 'error.main', fontWeight: 700, textDecoration: 'underline wavy' } : undefined}>
                    {row.values[key] ?? '—'}
                  </TableCell>
                );
              })}
              <TableCell>
                {row.status === 'rejected' ? (
                  <Typography variant="body2" color="error" data-testid="preview-reason" sx={{ minWidth: 220 }}>
                    Not imported: {row.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ')}
                  </Typography>
                ) : null}
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
