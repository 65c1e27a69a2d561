import { Alert, Box, Button, Card, CardActions, CardContent, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { isDesktop } from '../api/bridge';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { date } from '../format';
import { navigate } from '../router';

/** First run: try the demo shop or start with your own data. */
export function HomePage() {
  const { info, notify } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<unknown>, then: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      navigate(then);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const tryDemo = () => run(() => call('workspace.createDemo', {}), '/dashboard');
  const importOwn = () =>
    run(async () => {
      if (isDesktop) {
        const target = await call('files.pickSave', { title: 'Where should Shelfcast keep your shop’s data?', defaultName: 'My shop.shelfcast', filters: [{ name: 'Shelfcast workspace', extensions: ['shelfcast'] }] });
        if (!target) throw new Error('No file chosen.');
        await call('workspace.create', { fileId: target.fileId });
      } else {
        await call('workspace.createDefault', {});
      }
      notify('A new, empty workspace was created. Drop your sales export here to begin.', 'info');
    }, '/import');
  const openOther = () =>
    run(async () => {
      const [file] = await call('files.pickOpen', { title: 'Open a Shelfcast workspace', multiple: false, filters: [{ name: 'Shelfcast workspace', extensions: ['shelfcast'] }] });
      if (!file) throw new Error('No file chosen.');
      await call('workspace.open', { fileId: file.fileId });
    }, '/dashboard');

  const recent = info.recent.filter((r) => r.exists);

  return (
    <Box sx={{ maxWidth: 880, mx: 'auto', mt: 4 }}>
      <Typography variant="h1" sx={{ mb: 1 }}>
        Welcome to Shelfcast
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 4 }}>
        Shelfcast reads your till and stock exports, forecasts what each product will sell, and tells you what to reorder, from whom, how much and why. Everything stays on this computer.
      </Typography>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3 }}>
        <Card sx={{ flex: 1 }} variant="outlined">
          <CardContent>
            <Typography variant="h2" sx={{ mb: 1 }}>
              Try the demo shop
            </Typography>
            <Typography variant="body2" color="text.secondary">
              A neighbourhood deli with two and a half years of sales, suppliers, stock and open orders. Look around without touching your own data.
            </Typography>
          </CardContent>
          <CardActions>
            <Button variant="contained" onClick={() => void tryDemo()} disabled={busy}>
              Try the demo shop
            </Button>
          </CardActions>
        </Card>
        <Card sx={{ flex: 1 }} variant="outlined">
          <CardContent>
            <Typography variant="h2" sx={{ mb: 1 }}>
              Import your data
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Start a new workspace and drop in your sales export (Shopify, Square, Lightspeed, WooCommerce or any CSV), your product list and stock counts.
            </Typography>
          </CardContent>
          <CardActions>
            <Button variant="outlined" onClick={() => void importOwn()} disabled={busy}>
              Import your data
            </Button>
            {isDesktop ? (
              <Button onClick={() => void openOther()} disabled={busy}>
                Open a workspace…
              </Button>
            ) : null}
          </CardActions>
        </Card>
      </Stack>
      {recent.length > 0 ? (
        <Box sx={{ mt: 4 }}>
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            Recent workspaces
          </Typography>
          <List dense aria-label="Recent workspaces">
            {recent.map((r) => (
              <ListItemButton key={r.path} onClick={() => void run(() => call('workspace.openRecent', { path: r.path }), '/dashboard')} disabled={busy}>
                <ListItemText primary={r.name} secondary={`${r.path} · opened ${date(r.openedAt)}`} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      ) : null}
    </Box>
  );
}
