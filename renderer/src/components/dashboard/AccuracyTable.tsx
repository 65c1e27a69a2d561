import { Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { DashboardSummary } from '../../../../core/contract/commands/dashboard';
import { useApp } from '../../AppContext';
import { date, num, pct } from '../../format';
import { fixed } from '../format-extra';
import { href } from '../../router';

const GROUP_LABELS = { all: 'All products', A: 'Class A', B: 'Class B', C: 'Class C', unclassified: 'Not classified' } as const;

/** Forecast accuracy against the naive forecast, overall and per ABC class; each row links to its products. */
export function AccuracyTable({ accuracy }: { accuracy: DashboardSummary['accuracy'] }) {
  const locale = useApp().settings?.locale ?? 'en-GB';
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 0.5 }}>
          Forecast accuracy
        </Typography>
        {accuracy ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Backtests of the forecast of {date(accuracy.runAsOfDay)} on your own sales. MASE below 1 beats the naive forecast (“same as last week”).
            </Typography>
            <Table size="small" aria-label="Forecast accuracy against the naive forecast">
              <TableHead>
                <TableRow>
                  <TableCell>Products</TableCell>
                  <TableCell align="right">Less error than naive</TableCell>
                  <TableCell align="right">Beat naive</TableCell>
                  <TableCell align="right">MASE (median)</TableCell>
                  <TableCell align="right">Naive MASE</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {accuracy.groups.map((g) => (
                  <TableRow key={g.group} data-testid={`accuracy-${g.group}`}>
                    <TableCell>
                      <Link href={href(g.group === 'all' ? '/products' : g.group === 'unclassified' ? '/products?abc=none' : `/products?abc=${g.group}`)}>
                        {GROUP_LABELS[g.group]} ({num(g.products)})
                      </Link>
                    </TableCell>
                    <TableCell align="right">{pct(g.errorReduction)}</TableCell>
                    <TableCell align="right">{pct(g.beatsNaiveShare)}</TableCell>
                    <TableCell align="right">{fixed(g.medianMase, 2, locale)}</TableCell>
                    <TableCell align="right">{fixed(g.medianNaiveMase, 2, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            No forecast yet, so there is no accuracy to show. Make a plan on the Reorder screen; it forecasts every product first.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
