import { AppBar, Box, Drawer, IconButton, List, ListItemButton, ListItemText, Toolbar, Tooltip, Typography } from '@mui/material';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import { useEffect } from 'react';
import { call, subscribe } from '../api/client';
import { useApp } from '../AppContext';
import { startDropListening } from '../dropped';
import { HomePage } from '../pages/Home';
import { NotFoundPage } from '../pages/NotFound';
import { href, matchPath, navigate, usePath } from '../router';
import { ROUTES } from '../routes';
import { JobsBar } from './JobsBar';
import { shopTitle } from './shop-title';

const NAV_WIDTH = 210;

export function Shell() {
  const { info, settings, notify } = useApp();
  const path = usePath();
  const hasWorkspace = info.workspace !== null;

  useEffect(() => startDropListening(() => navigate('/import')), []);
  useEffect(() => subscribe('app.navigate', ({ route }) => navigate(route)), []);

  let page: React.ReactNode;
  let title = 'Shelfcast';
  if (!hasWorkspace || path === '/') {
    if (hasWorkspace) {
      navigate('/dashboard');
      page = null;
    } else {
      page = <HomePage />;
    }
  } else {
    const match = ROUTES.map((r) => ({ route: r, params: matchPath(r.path, path) })).find((m) => m.params !== undefined);
    if (match?.params) {
      const Page = match.route.component;
      title = match.route.title;
      page = <Page params={match.params} />;
    } else {
      page = <NotFoundPage />;
    }
  }

  useEffect(() => {
    document.title = hasWorkspace ? `${title} · ${settings?.shopName ?? info.workspace?.name ?? ''} · Shelfcast` : 'Shelfcast';
    document.documentElement.dataset.appState = 'ready';
  }, [title, hasWorkspace, settings?.shopName, info.workspace?.name]);

  const toggleTheme = () => {
    const dark = document.documentElement.dataset.theme === 'dark';
    call('settings.update', { theme: dark ? 'light' : 'dark' }).catch((err: unknown) => notify(String(err), 'error'));
  };
  const activeNav = '/' + (path.split('/')[1] ?? '').split('?')[0];

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <a href="#main" className="skip-link" style={{ position: 'absolute', left: -9999 }} onFocus={(e) => (e.currentTarget.style.left = '8px')} onBlur={(e) => (e.currentTarget.style.left = '-9999px')}>
        Skip to content
      </a>
      <AppBar position="fixed" color="default" elevation={1} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, color: 'primary.main' }}>
            Shelfcast
          </Typography>
          {hasWorkspace ? (
            <Typography variant="body2" color="text.secondary" data-testid="shop-name" noWrap>
              {shopTitle(settings?.shopName, info.workspace?.name)}
            </Typography>
          ) : null}
          <Box sx={{ flexGrow: 1 }} />
          {hasWorkspace ? (
            <Tooltip title="Switch light / dark theme">
              <IconButton aria-label="Switch light or dark theme" onClick={toggleTheme} size="small">
                {document.documentElement.dataset.theme === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
              </IconButton>
            </Tooltip>
          ) : null}
        </Toolbar>
      </AppBar>
      {hasWorkspace ? (
        <Drawer variant="permanent" sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}>
          <Toolbar variant="dense" />
          <Box component="nav" aria-label="Main">
            <List dense>
              {ROUTES.filter((r) => r.nav).map((r) => (
                <ListItemButton key={r.path} component="a" href={href(r.path)} selected={activeNav === r.path} aria-current={activeNav === r.path ? 'page' : undefined}>
                  <ListItemText primary={r.title} />
                </ListItemButton>
              ))}
            </List>
          </Box>
        </Drawer>
      ) : null}
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <JobsBar />
        {page}
      </Box>
    </Box>
  );
}
