import { CircularProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { PlotParams } from 'react-plotly.js/factory';

/**
 * Plotly, loaded only when a chart is on screen: the library is large, and the other screens
 * must stay interactive within a second without it. Uses the prebuilt minified bundle through
 * react-plotly.js's factory (the default entry would pull the full source of plotly.js).
 */
const LazyPlot = lazy(async () => {
  const [plotly, factory] = await Promise.all([import('plotly.js-dist-min'), import('react-plotly.js/factory')]);
  return { default: factory.default(plotly.default) };
});

export function Plot(props: PlotParams) {
  return (
    <Suspense
      fallback={
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', p: 2 }}>
          <CircularProgress size={18} />
          <Typography variant="body2">Drawing the chart…</Typography>
        </Stack>
      }
    >
      <LazyPlot {...props} />
    </Suspense>
  );
}
