import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Pagination, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { AlertKind, Severity } from '../../../core/contract/commands/products';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { AlertList } from '../components/alerts/AlertList';
import { ErrorNotice, PageHeader } from '../components/Page';
import { ALERT_KIND_LABELS } from '../components/products/labels';
import { date, num } from '../format';
import { useCommand } from '../hooks/useCommand';
import { useFreshFigures } from '../hooks/useFreshFigures';
import { queryParams, usePath } from '../router';

const PAGE = 50;
const KINDS = Object.keys(ALERT_KIND_LABELS) as AlertKind[];

export function AlertsPage() {
  const { notify } = useApp();
  const path = usePath();
  const fromUrl = useMemo(() => (queryParams(path).get('kind') ?? '').split(',').filter((k): k is AlertKind => (KINDS as string[]).includes(k)), [path]);
  const [view, setView] = useState<'open' | 'history'>('open');
  const [kinds, setKinds] = useState<AlertKind[]>(fromUrl);
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  useEffect(() => setKinds(fromUrl), [fromUrl]);

  const alerts = useCommand('alerts.list', { view, kinds, severities: severity ? [severity] : [], offset: (page - 1) * PAGE, limit: PAGE });
  const data = alerts.data;
  useFreshFigures(data?.state);
  useEffect(() => setSelected([]), [data]);

  const refresh = () => call('alerts.refresh', {}).catch((err: unknown) => notify(String(err), 'error'));
  const acknowledgeSelected = async () => {
    try {
      const { acknowledged } = await call('alerts.acknowledge', { ids: selected });
      notify(`${acknowledged} ${acknowledged === 1 ? 'alert' : 'alerts'} acknowledged.`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const openIds = (data?.rows ?? []).filter((r) => r.status === 'open').map((r) => r.id);
  const state = data?.state;
  const counts = data?.openCounts;
  return (
    <>
      <PageHeader
        title="Alerts"
        subtitle={state?.lastRefreshAt ? `Checked ${date(state.lastRefreshAt)} on data up to ${date(state.asOfDay)}${state.stale ? ' · the data changed since; checking again' : ''}` : 'Not checked yet'}
        actions={
          <Button variant="outlined" onClick={() => void refresh()}>
            Check now
          </Button>
        }
      />
      <ErrorNotice error={alerts.error} />
      {state && (!state.hasForecast || !state.hasStockCounts) ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="alerts-limits">
          {!state.hasStockCounts ? 'No stock counts are imported, so stock on hand is only what deliveries received in Shelfcast added: stockout, overstock and dead-stock alerts may be missing. ' : ''}
          {!state.hasForecast ? 'No forecast yet: stockout and forecast-accuracy alerts need one. Unusual sales are checked from the history alone.' : ''}
        </Alert>
      ) : null}
      {counts ? (
        <Stack direction="row" sx={{ gap: 1, mb: 2 }} data-testid="alert-counts">
          <Chip color="error" label={`${num(counts.critical)} critical`} />
          <Chip color="warning" label={`${num(counts.warning)} warnings`} />
          <Chip color="info" variant="outlined" label={`${num(counts.info)} for information`} />
        </Stack>
      ) : null}
      <Card variant="outlined">
        <CardContent>
          <Tabs value={view} onChange={(_e, v: 'open' | 'history') => { setView(v); setPage(1); }} aria-label="Open alerts or history" sx={{ mb: 2 }}>
            <Tab value="open" label="Open" />
            <Tab value="history" label="History" />
          </Tabs>
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
            <TextField
              id="alerts-kind"
              select
              size="small"
              label="Kind"
              value={kinds}
              sx={{ minWidth: 240 }}
              slotProps={{ select: { multiple: true, renderValue: (v) => ((v as AlertKind[]).length === 0 ? 'All kinds' : (v as AlertKind[]).map((k) => ALERT_KIND_LABELS[k]).join(', ')), displayEmpty: true }, inputLabel: { shrink: true } }}
              onChange={(e) => { setKinds(e.target.value as unknown as AlertKind[]); setPage(1); }}
            >
              {KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {ALERT_KIND_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
            <TextField id="alerts-severity" select size="small" label="Severity" value={severity} sx={{ minWidth: 160 }} onChange={(e) => { setSeverity(e.target.value as Severity | ''); setPage(1); }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
              <MenuItem value="">All</MenuItem>
              <MenuItem value="critical">Critical</MenuItem>
              <MenuItem value="warning">Warning</MenuItem>
              <MenuItem value="info">Information</MenuItem>
            </TextField>
            {view === 'open' && openIds.length > 0 ? (
              <>
                <Button size="small" onClick={() => setSelected(selected.length === openIds.length ? [] : openIds)}>
                  {selected.length === openIds.length ? 'Select none' : 'Select all on this page'}
                </Button>
                <Button size="small" variant="contained" disabled={selected.length === 0} onClick={() => void acknowledgeSelected()}>
                  Acknowledge {selected.length > 0 ? num(selected.length) : ''}
                </Button>
              </>
            ) : null}
          </Box>
          {data && data.rows.length === 0 ? (
            <Typography color="text.secondary" sx={{ py: 2 }} data-testid="no-alerts">
              {view === 'open' ? 'No open alerts. Nothing needs your attention right now.' : 'No alerts yet.'}
            </Typography>
          ) : null}
          <AlertList alerts={data?.rows ?? []} selectable={view === 'open'} selected={selected} onSelect={setSelected} />
          {data && data.total > PAGE ? (
            <Stack sx={{ alignItems: 'center', mt: 2 }}>
              <Pagination count={Math.ceil(data.total / PAGE)} page={page} onChange={(_e, p) => setPage(p)} aria-label="Alert pages" />
              <Typography variant="caption" color="text.secondary">
                {num(data.total)} alerts
              </Typography>
            </Stack>
          ) : null}
        </CardContent>
      </Card>
    </>
  );
}
