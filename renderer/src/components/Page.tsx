import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 2, gap: 2, flexWrap: 'wrap' }}>
      <Box>
        <Typography variant="h1">{title}</Typography>
        {subtitle ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {subtitle}
          </Typography>
        ) : null}
      </Box>
      {actions ? <Stack direction="row" sx={{ gap: 1 }}>{actions}</Stack> : null}
    </Stack>
  );
}

/** Says plainly which part of a screen is not built yet, instead of showing made-up data. */
export function NotBuiltYet({ children }: { children: ReactNode }) {
  return (
    <Alert severity="info" variant="outlined" sx={{ mb: 2 }} data-testid="not-built-yet">
      Not built yet: {children}
    </Alert>
  );
}

export function ErrorNotice({ error }: { error: { message: string } | undefined }) {
  if (!error) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }}>
      {error.message}
    </Alert>
  );
}
