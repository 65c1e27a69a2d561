import DownloadIcon from '@mui/icons-material/Download';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import { num } from '../../format';
import { useCommand } from '../../hooks/useCommand';
import { saveGrantedFile } from './download';

const PAGE = 200;

/** Every rejected row of an import (line, column, reason, the row as it was), exportable as CSV. */
export function RejectsDialog({ importId, fileName, onClose }: { importId: number; fileName: string; onClose: () => void }) {
  const { notify } = useApp();
  const [offset, setOffset] = useState(0);
  const rejects = useCommand('import.rejects', { importId, offset, limit: PAGE });
  const total = rejects.data?.total ?? 0;
  const exportCsv = async () => {
    try {
      const file = await call('import.exportRejects', { importId });
      const saved = await saveGrantedFile(file);
      if (saved) notify(`Rejected rows saved as ${saved}.`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="rejects-title">
      <DialogTitle id="rejects-title">Rejected rows of {fileName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {num(total)} row{total === 1 ? '' : 's'} could not be imported. Fix them in the file (or export them, fix and import that) and import again: rows already stored are recognised and not counted twice.
        </Typography>
        <Table size="small" aria-label="Rejected rows" data-testid="rejects-table">
          <TableHead>
            <TableRow>
              <TableCell>Line</TableCell>
              <TableCell>Column</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Row in the file</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(rejects.data?.rows ?? []).map((r, i) => (
              <TableRow key={`${r.line}-${i}`}>
                <TableCell>{r.line}</TableCell>
                <TableCell>{r.column ?? '—'}</TableCell>
                <TableCell>{r.reason}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.raw ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous
        </Button>
        <Button disabled={(rejects.data?.rows.length ?? 0) < PAGE} onClick={() => setOffset(offset + PAGE)}>
          Next
        </Button>
        <Button startIcon={<DownloadIcon />} variant="outlined" onClick={() => void exportCsv()} data-testid="rejects-export">
          Export as CSV
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
