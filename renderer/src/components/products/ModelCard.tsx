import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ProductDetail } from '../../../../core/contract/commands/product-detail';
import { useApp } from '../../AppContext';
import { pct } from '../../format';
import { madeFromDataText } from '../data-dates';
import { fixed } from '../format-extra';

/** Which model forecasts this product, why, and its backtest scores next to the naive forecast. */
export function ModelCard({ detail }: { detail: ProductDetail }) {
  const locale = useApp().settings?.locale ?? 'en-GB';
  const model = detail.model;
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Why this forecast
        </Typography>
        {detail.classes ? (
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="class-description">
            {detail.classes.description}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            This product has not been classified yet; classes come with the first forecast.
          </Typography>
        )}
        {model ? (
          <>
            <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="model-reason">
              {model.reason}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              {madeFromDataText('Forecast', model.runAt, model.dataAsOf)}. MASE compares the error with the naive forecast’s typical error (below 1 beats it); WAPE is the error as a share of sales; coverage is how often the 80% range held the actual.
            </Typography>
            <Table size="small" aria-label="Backtest scores of the models tried">
              <TableHead>
                <TableRow>
                  <TableCell>Model</TableCell>
                  <TableCell align="right">MASE</TableCell>
                  <TableCell align="right">WAPE</TableCell>
                  <TableCell align="right">Bias</TableCell>
                  <TableCell align="right">80% coverage</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {model.candidates.map((c) => (
                  <TableRow key={c.model} selected={c.chosen}>
                    <TableCell>
                      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                        {c.model}
                        {c.chosen ? <Chip size="small" color="primary" label="used" /> : null}
                      </Stack>
                    </TableCell>
                    <TableCell align="right">{fixed(c.mase, 2, locale)}</TableCell>
                    <TableCell align="right">{pct(c.wape)}</TableCell>
                    <TableCell align="right">{pct(c.bias)}</TableCell>
                    <TableCell align="right">{pct(c.coverage80)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="no-forecast">
            No forecast has been made for this product yet, so there is no model or backtest to show.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
