import { Box, CircularProgress, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { loadPlot } from '../charts/Plot';

// Plotly is big: load it only when a curve is on screen (one download shared with the other charts).
const Plot = lazy(loadPlot);

export interface TrainingCurveProps {
  title: string;
  /** "Tree" or "Epoch": what one step of the x axis is. */
  unit: string;
  trainLoss: number[];
  validLoss: number[];
  /** Step kept by early stopping (1-based), marked on the chart. */
  best?: number;
}

/** Training and validation loss per tree or epoch. */
export function TrainingCurve({ title, unit, trainLoss, validLoss, best }: TrainingCurveProps) {
  if (trainLoss.length === 0) {
    return <Typography color="text.secondary">No training curve was recorded for this version.</Typography>;
  }
  const x = trainLoss.map((_, i) => i + 1);
  const data: object[] = [
    { x, y: trainLoss, type: 'scatter', mode: 'lines', name: 'Training loss' },
    { x: validLoss.map((_, i) => i + 1), y: validLoss, type: 'scatter', mode: 'lines', name: 'Validation loss (final weeks)' },
  ];
  const shapes = best ? [{ type: 'line', x0: best, x1: best, yref: 'paper', y0: 0, y1: 1, line: { dash: 'dot', width: 1 } }] : [];
  return (
    <Box data-testid="training-curve" sx={{ width: '100%', minHeight: 280 }}>
      <Suspense fallback={<CircularProgress size={24} />}>
        <Plot
          data={data}
          layout={{
            title: { text: title, font: { size: 14 } },
            autosize: true,
            height: 280,
            margin: { l: 50, r: 20, t: 40, b: 40 },
            xaxis: { title: { text: unit } },
            yaxis: { title: { text: 'Loss' } },
            legend: { orientation: 'h', y: -0.25 },
            shapes,
          }}
          config={{ displaylogo: false, responsive: true }}
          useResizeHandler
          style={{ width: '100%' }}
        />
      </Suspense>
    </Box>
  );
}
