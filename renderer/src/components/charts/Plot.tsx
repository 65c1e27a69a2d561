import { CircularProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { PlotParams } from 'react-plotly.js/factory';

/**
 * Plotly, loaded only when a chart is wanted, and only its "basic" prebuilt bundle (1.1 MB
 * instead of 4.6 MB: scatter, bar and pie traces — every chart here is scatter lines,
 * bands and markers), through react-plotly.js's factory (the default entry would pull
 * plotly.js's source).
 */
// One download for every chart of the session.
let loading: Promise<{ default: React.ComponentType<PlotParams> }> | undefined;
export function loadPlot(): Promise<{ default: React.ComponentType<PlotParams> }> {
  loading ??= Promise.all([import('plotly.js/dist/plotly-basic.min.js'), import('react-plotly.js/factory')]).then(([plotly, factory]) => ({ default: factory.default(plotly.default) }));
  return loading;
}

const LazyPlot = lazy(loadPlot);

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
