import { CircularProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { PlotParams } from 'react-plotly.js/factory';

/**
 * Plotly, loaded only when a chart is wanted: the library is large (4.6 MB), and the other
 * screens must stay interactive within a second without it. Uses the prebuilt minified
 * bundle through react-plotly.js's factory (the default entry would pull plotly.js's source).
 */
// One download for every chart of the session.
let loading: Promise<{ default: React.ComponentType<PlotParams> }> | undefined;
function loadPlot(): Promise<{ default: React.ComponentType<PlotParams> }> {
  loading ??= Promise.all([import('plotly.js-dist-min'), import('react-plotly.js/factory')]).then(([plotly, factory]) => ({ default: factory.default(plotly.default) }));
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
