import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { fileUrl, isDesktop } from '../api/bridge';
import { call } from '../api/client';
import { useApp } from '../AppContext';

export interface ReportSpec {
  kind: 'reorder' | 'po' | 'slow';
  poId?: number;
  supplier?: string;
}

/**
 * PDF and CSV of a report, made by the core. The desktop app saves through a dialog and
 * prints; the browser host downloads the file or opens the PDF in a tab to print it.
 */
export function ReportButtons({ spec, label, disabled }: { spec: ReportSpec; label: string; disabled?: boolean }) {
  const { notify } = useApp();
  const [busy, setBusy] = useState(false);

  const run = async (format: 'pdf' | 'csv', mode: 'save' | 'open') => {
    setBusy(true);
    try {
      const file = await call('reports.generate', { ...spec, format });
      if (isDesktop) {
        if (mode === 'open') {
          await call('app.print', { fileId: file.fileId });
          notify(`Opened ${file.name} in your PDF viewer: print it from there.`, 'info');
        }
        else {
          const saved = await call('files.saveAs', { fileId: file.fileId, defaultName: file.name });
          if (saved.saved) notify(`Saved ${saved.name ?? file.name}.`, 'success');
        }
      } else if (mode === 'open') {
        window.open(fileUrl(file.fileId, true), '_blank', 'noopener');
      } else {
        const link = document.createElement('a');
        link.href = fileUrl(file.fileId);
        link.download = file.name;
        link.dataset.testid = `download-${spec.kind}-${format}`;
        document.body.appendChild(link);
        link.click();
        link.remove();
      }
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} disabled={disabled || busy} onClick={() => void run('pdf', 'save')}>
        {label} PDF
      </Button>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} disabled={disabled || busy} onClick={() => void run('csv', 'save')}>
        CSV
      </Button>
      <Button size="small" startIcon={<PrintIcon />} disabled={disabled || busy} onClick={() => void run('pdf', 'open')}>
        Print
      </Button>
    </Stack>
  );
}
