import { Alert, AlertTitle, Box } from '@mui/material';

export function StartupError({ message }: { message: string }) {
  return (
    <Box sx={{ p: 4 }}>
      <Alert severity="error">
        <AlertTitle>Shelfcast could not start</AlertTitle>
        {message}
      </Alert>
    </Box>
  );
}
