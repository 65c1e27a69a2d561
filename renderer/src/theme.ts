import { createTheme } from '@mui/material/styles';
import type { Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

export function makeTheme(mode: ThemeMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1f5f8b' : '#7cb8e4' },
      secondary: { main: mode === 'light' ? '#b5651d' : '#f0a45d' },
      background: mode === 'light' ? { default: '#f6f7f9', paper: '#ffffff' } : { default: '#121417', paper: '#1b1e22' },
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif', h1: { fontSize: '1.6rem', fontWeight: 600 }, h2: { fontSize: '1.25rem', fontWeight: 600 }, h3: { fontSize: '1.05rem', fontWeight: 600 } },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: false } },
      MuiListItemButton: {
        styleOverrides: {
          root: ({ theme }) => ({ '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 } }),
        },
      },
    },
  });
}
