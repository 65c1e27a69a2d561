import { Typography } from '@mui/material';
import { href } from '../router';

export function NotFoundPage() {
  return (
    <Typography>
      There is no such screen. Go to the <a href={href('/dashboard')}>dashboard</a>.
    </Typography>
  );
}
