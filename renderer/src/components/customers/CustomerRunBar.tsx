import { Alert, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { CustomerRunInfo } from '../../../../core/contract/commands/customers';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import { date, pct } from '../../format';

const HORIZONS = [4, 8, 12, 26];

/**
 * What the customer predictions are based on, whether they are out of date, and a button to
 * make them again (a job: the progress bar shows in the jobs bar).
 */
export function CustomerRunBar({ run, customersWithSales }: { run: CustomerRunInfo | null | undefined; customersWithSales?: number }) {
  const { notify } = useApp();
  const [weeks, setWeeks] = useState(run?.horizonWeeks ?? 12);
  const [starting, setStarting] = useState(false);
  const start = () => {
    setStarting(true);
    call('customers.run', { horizonWeeks: weeks })
      .catch((err: unknown) => notify(err instanceof Error ? err.message : String(err), 'error'))
      .finally(() => setStarting(false));
  };
  const button = (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
      <TextField select size="small" label="Horizon" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} sx={{ minWidth: 120 }}>
        {HORIZONS.map((w) => (
          <MenuItem key={w} value={w}>
            {w} weeks
          </MenuItem>
        ))}
      </TextField>
      <Button variant={run && !run.stale ? 'outlined' : 'contained'} onClick={start} disabled={starting} data-testid="customers-run">
        {run ? 'Update predictions' : 'Predict customer orders'}
      </Button>
    </Stack>
  );
  if (run === undefined) return null;
  if (run === null) {
    return (
      <Alert severity="info" sx={{ mb: 2 }} action={button}>
        {customersWithSales === 0
          ? 'No sale in this workspace carries a customer ID yet. Import invoices or orders with a customer column to see who will reorder what.'
          : `${customersWithSales ?? 'Some'} customers have bought from you. Predict when each will order again.`}
      </Alert>
    );
  }
  const calibration = run.calibration
    ? ` Checked on the ${run.horizonWeeks} weeks before: ${pct(run.calibration.observedRate)} of ${run.calibration.cases} repeat customers ordered, the model said ${pct(run.calibration.predictedRate)}.`
    : '';
  return (
    <Stack sx={{ mb: 2, gap: 1 }}>
      {run.stale ? (
        <Alert severity="warning" action={button} data-testid="customers-stale">
          New data was imported after these predictions were made. Update them to include it.
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" data-testid="customers-run-info">
          Predictions for {date(run.asOf)} to {date(run.until)} ({run.horizonWeeks} weeks), from customers with at least {run.minOrders} orders of a product.
          {calibration}
        </Typography>
        {run.stale ? null : button}
      </Stack>
    </Stack>
  );
}
