import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ProductChart } from '../../../../core/contract/commands/product-detail';
import { date, num } from '../../format';

/** The chart's numbers as a table: for keyboard and screen-reader users, and for reading exact figures. */
export function ChartTable({ chart }: { chart: ProductChart }) {
  const anomalies = new Set(chart.anomalies.map((a) => a.start));
  const history = chart.history.slice(-26);
  return (
    <Box sx={{ maxHeight: 420, overflow: 'auto' }} tabIndex={0} role="region" aria-label="Sales and forecast table">
      <Table size="small" stickyHeader aria-label="Weekly sales and forecast">
        <TableHead>
          <TableRow>
            <TableCell>{chart.period === 'week' ? 'Week of' : 'Day'}</TableCell>
            <TableCell align="right">Sold</TableCell>
            <TableCell align="right">Forecast (median)</TableCell>
            <TableCell align="right">80% range</TableCell>
            <TableCell align="right">90% range</TableCell>
            <TableCell>Note</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((h) => (
            <TableRow key={h.start}>
              <TableCell>{date(h.start)}</TableCell>
              <TableCell align="right">{num(h.units, 1)}</TableCell>
              <TableCell />
              <TableCell />
              <TableCell />
              <TableCell>{[h.excluded ? 'one-off, ignored by the forecast' : '', anomalies.has(h.start) ? 'unusual' : ''].filter(Boolean).join('; ')}</TableCell>
            </TableRow>
          ))}
          {chart.forecast.map((f, i) => (
            <TableRow key={f.start} selected>
              <TableCell>{date(f.start)}</TableCell>
              <TableCell />
              <TableCell align="right">
                {num(f.q50, 1)}
                {chart.adjusted ? ` → ${num(chart.adjusted[i]?.q50, 1)} with your override` : ''}
              </TableCell>
              <TableCell align="right">
                {num(f.q10, 0)}–{num(f.q90, 0)}
              </TableCell>
              <TableCell align="right">
                {num(f.q05, 0)}–{num(f.q95, 0)}
              </TableCell>
              <TableCell />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
