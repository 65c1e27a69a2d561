import { Alert, Snackbar } from '@mui/material';

export interface Notice {
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
  key: number;
}

export function Notifier({ notice, onClose }: { notice: Notice | undefined; onClose: () => void }) {
  return (
    <Snackbar key={notice?.key} open={notice !== undefined} autoHideDuration={6000} onClose={onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert onClose={onClose} severity={notice?.severity ?? 'info'} variant="filled" role="status" sx={{ width: '100%' }}>
        {notice?.message}
      </Alert>
    </Snackbar>
  );
}
