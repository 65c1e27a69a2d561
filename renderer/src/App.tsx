import { CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../../core/contract/commands/app';
import type { Settings } from '../../core/contract/commands/settings';
import { call, setShownWorkspace, subscribe } from './api/client';
import { AppContext } from './AppContext';
import type { AppContextValue } from './AppContext';
import { Shell } from './components/Shell';
import { StartupError } from './components/StartupError';
import { setFormatSettings } from './format';
import { makeTheme } from './theme';
import { Notifier } from './components/Notifier';
import type { Notice } from './components/Notifier';

export function App() {
  const [info, setInfo] = useState<AppInfo>();
  const [settings, setSettings] = useState<Settings>();
  const [startupError, setStartupError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');

  const latestRefresh = useRef(0);

  // Only the newest refresh lands: an answer still on its way from before another workspace
  // was opened would otherwise put the previous shop's name, path and formats back on screen.
  const refreshInfo = useCallback(() => {
    const ticket = ++latestRefresh.current;
    call('app.info', {})
      .then(async (next) => {
        const loaded = next.workspace ? await call('settings.get', {}) : undefined;
        if (ticket !== latestRefresh.current) return;
        if (loaded) setFormatSettings({ locale: loaded.locale, currency: loaded.currency });
        setSettings(loaded);
        setInfo(next);
      })
      .catch((err: unknown) => {
        if (ticket === latestRefresh.current) setStartupError(err instanceof Error ? err.message : String(err));
      });
  }, []);

  useEffect(() => {
    refreshInfo();
    return subscribe('workspace.changed', refreshInfo);
  }, [refreshInfo]);

  // From the commit that puts a workspace's screens up, commands say they are meant for it
  // (before that commit they still name the previous one, and a change is refused).
  const shownPath = info ? (info.workspace?.path ?? null) : undefined;
  useLayoutEffect(() => {
    if (shownPath !== undefined) setShownWorkspace(shownPath);
  }, [shownPath]);

  const mode = settings?.theme === 'dark' || (settings?.theme !== 'light' && prefersDark) ? 'dark' : 'light';
  const theme = useMemo(() => makeTheme(mode), [mode]);

  const context = useMemo<AppContextValue | undefined>(
    () =>
      info && {
        info,
        settings,
        refreshInfo,
        notify: (message, severity = 'info') => setNotice({ message, severity, key: Date.now() }),
      },
    [info, settings, refreshInfo],
  );

  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {startupError ? <StartupError message={startupError} /> : null}
      {context ? (
        <AppContext.Provider value={context}>
          <Shell />
          <Notifier notice={notice} onClose={() => setNotice(undefined)} />
        </AppContext.Provider>
      ) : null}
    </ThemeProvider>
  );
}
