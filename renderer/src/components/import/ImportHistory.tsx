import UndoIcon from '@mui/icons-material/Undo';
import { Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ImportRecord } from '../../../../core/contract/commands/import';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import { dateTime, num } from '../../format';
import { useCommand } from '../../hooks/useCommand';
import { RejectsDialog } from './RejectsDialog';

const KIND_NAMES: Record<string, string> = {
  sales_lines: 'Sales lines',
  sales_totals: 'Sales totals',
  sales_wide: 'Sales (one column per period)',
  products: 'Products',
  stock: 'Stock on hand',
  purchase_orders: 'Purchase orders',
  suppliers: 'Suppliers',
  customers: 'Customers',
  events: 'Events',
};

/** Past imports, newest first; each can be undone as a whole, and its rejected rows looked at. */
export function ImportHistory() {
  const { notify } = useApp();
  const history = useCommand('import.history', {});
  const [confirm, setConfirm] = useState<ImportRecord>();
  const [rejectsOf, setRejectsOf] = useState<ImportRecord>();

  const undo = async (record: ImportRecord) => {
    setConfirm(undefined);
    try {
      await call('import.undo', { importId: record.importId });
      notify(`Undoing the import of ${record.fileName}…`, 'info');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const rows = history.data ?? [];
  return (
    <Card variant="outlined" sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Import history
        </Typography>
        {rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Nothing imported yet.
          </Typography>
        ) : (
          <Table size="small" aria-label="Import history" data-testid="import-history">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>File</TableCell>
                <TableCell>Holds</TableCell>
                <TableCell align="right">Read</TableCell>
                <TableCell align="right">Imported</TableCell>
                <TableCell align="right">Rejected</TableCell>
                <TableCell align="right">Duplicates</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.importId} data-testid="import-history-row" data-file={r.fileName}>
                  <TableCell>{dateTime(r.at)}</TableCell>
                  <TableCell>{r.fileName}</TableCell>
                  <TableCell>{KIND_NAMES[r.kind] ?? r.kind}</TableCell>
                  <TableCell align="right">{num(r.rowsRead)}</TableCell>
                  <TableCell align="right">{num(r.imported)}</TableCell>
                  <TableCell align="right">
                    {r.rejected > 0 ? (
                      <Button size="small" onClick={() => setRejectsOf(r)} aria-label={`Show the ${r.rejected} rejected rows of ${r.fileName}`}>
                        {num(r.rejected)}
                      </Button>
                    ) : (
                      '0'
                    )}
                  </TableCell>
                  <TableCell align="right">{num(r.duplicates)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" startIcon={<UndoIcon />} onClick={() => setConfirm(r)} aria-label={`Undo the import of ${r.fileName}`}>
                      Undo
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <Dialog open={confirm !== undefined} onClose={() => setConfirm(undefined)} aria-labelledby="undo-title">
        <DialogTitle id="undo-title">Undo this import?</DialogTitle>
        <DialogContentText component="div" sx={{ px: 3 }}>
          Everything {confirm?.fileName} brought in is removed in one step: its {num(confirm?.imported ?? 0)} rows, the products, customers and suppliers it created that nothing else uses, and the values it changed go back to what they were.
        </DialogContentText>
        <DialogContent />
        <DialogActions>
          <Button onClick={() => setConfirm(undefined)}>Keep it</Button>
          <Button color="error" variant="contained" onClick={() => confirm && void undo(confirm)} data-testid="import-undo-confirm">
            Undo the import
          </Button>
        </DialogActions>
      </Dialog>
      {rejectsOf ? <RejectsDialog importId={rejectsOf.importId} fileName={rejectsOf.fileName} onClose={() => setRejectsOf(undefined)} /> : null}
    </Card>
  );
}
