import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { isDesktop } from '../../api/bridge';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import type { FileRef } from '../../../../core/contract/common';
import { addBrowserFiles } from '../../dropped';

const ACCEPT = '.csv,.txt,.tsv,.tab,.gz,text/csv,text/plain';

/**
 * Where to drop files (a drop anywhere in the window works too: the shell takes it) or choose
 * them: a file dialog in the desktop app, the browser's file picker in the browser host.
 */
export function DropZone({ onPicked }: { onPicked: (files: FileRef[]) => void }) {
  const { notify } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const choose = async () => {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    try {
      const files = await call('files.pickOpen', { title: 'Choose files to import', multiple: true, filters: [{ name: 'CSV and text files', extensions: ['csv', 'txt', 'tsv', 'gz'] }] });
      onPicked(files);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <Box
      data-testid="import-drop-zone"
      onDragEnter={() => setOver(true)}
      onDragLeave={() => setOver(false)}
      onDrop={() => setOver(false)}
      sx={{
        border: '2px dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 4,
        textAlign: 'center',
        mb: 3,
      }}
    >
      <UploadFileIcon color="primary" sx={{ fontSize: 40 }} />
      <Typography variant="h3" component="p" sx={{ mt: 1 }}>
        Drop your CSV files here
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Sales, products, stock counts, open purchase orders, suppliers, customers or events: several at once, from Shopify, Square, Lightspeed, WooCommerce, a till or a spreadsheet.
      </Typography>
      <Button variant="outlined" onClick={() => void choose()}>
        Choose files…
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        aria-label="Choose files to import"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void addBrowserFiles(files).catch((err: unknown) => notify(String(err), 'error'));
        }}
      />
    </Box>
  );
}
