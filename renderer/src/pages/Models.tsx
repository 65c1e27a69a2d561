import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { GlobalModelCard } from '../components/models/GlobalModelCard';
import { ErrorNotice, PageHeader } from '../components/Page';
import { num } from '../format';
import { useCommand } from '../hooks/useCommand';

export function ModelsPage() {
  const { notify } = useApp();
  const view = useCommand('models.list', {});
  const backend = useCommand('models.backend', {}, { refreshOnChange: false });
  const versions = view.data?.global ?? [];
  const usage = view.data?.products.models ?? [];

  const train = async (model: 'gbdt' | 'nn') => {
    try {
      await call('models.train', { model });
      notify(model === 'gbdt' ? 'Training the tree model…' : 'Training the neural network…', 'info');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const promote = async (id: number) => {
    try {
      const promoted = await call('models.promote', { id });
      notify(`Version ${promoted.version} is now the champion.`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <>
      <PageHeader
        title="Models"
        subtitle="Models trained across all products, their versions and how they score against the seasonal naive forecast on the latest weeks."
        actions={
          <Chip
            data-testid="tf-backend"
            variant="outlined"
            label={backend.data ? `Networks train on: ${backend.data.label}` : backend.error ? 'Network backend unavailable' : 'Checking the network backend…'}
            title={backend.data?.description ?? backend.error?.message}
          />
        }
      />
      <ErrorNotice error={view.error} />
      {(['gbdt', 'nn'] as const).map((kind) => (
        <GlobalModelCard
          key={kind}
          kind={kind}
          versions={versions.filter((v) => v.model === kind)}
          productsUsing={usage.filter((u) => u.model.split(' + ').includes(kind)).reduce((sum, u) => sum + u.products, 0)}
          forecastRunId={view.data?.products.runId ?? null}
          onTrain={() => void train(kind)}
          onPromote={(id) => void promote(id)}
        />
      ))}
      <Card variant="outlined" data-testid="product-models">
        <CardContent>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Per product
          </Typography>
          {usage.length === 0 ? (
            <Typography color="text.secondary">No forecast run has chosen per-product models yet.</Typography>
          ) : (
            <Table size="small" aria-label="Models chosen per product">
              <TableHead>
                <TableRow>
                  <TableCell>Model</TableCell>
                  <TableCell align="right">Champion for</TableCell>
                  <TableCell align="right" title="Mean absolute scaled error in the rolling backtest: lower is better; 1 is as good as the naive forecast on the history">
                    Backtest error (MASE)
                  </TableCell>
                  <TableCell align="right" title="The same error for “last week again” on the same weeks">Naive error</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {usage.map((u) => (
                  <TableRow key={u.model}>
                    <TableCell>
                      <Typography variant="body2">{u.label}</Typography>
                      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                        {u.model}
                      </Typography>
                    </TableCell>
                    <TableCell align="right">{num(u.products)} products</TableCell>
                    <TableCell align="right">{num(u.mase, 2)}</TableCell>
                    <TableCell align="right">{num(u.naiveMase, 2)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
