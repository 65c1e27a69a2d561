import { Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { AlertItem } from '../../../../core/contract/commands/alerts';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import { date } from '../../format';
import { href } from '../../router';
import { ALERT_KIND_LABELS, SEVERITY_COLORS } from '../products/labels';

const STATUS_TEXT: Record<AlertItem['status'], string> = { open: 'open', acknowledged: 'acknowledged', resolved: 'resolved' };

/** A list of alerts with severity, product link, acknowledge and (for unusual sales) mark as one-off. */
export function AlertList({ alerts, selectable = false, selected = [], onSelect, showProduct = true, dense = false }: { alerts: AlertItem[]; selectable?: boolean; selected?: number[]; onSelect?: (ids: number[]) => void; showProduct?: boolean; dense?: boolean }) {
  const { notify } = useApp();
  const [marking, setMarking] = useState<AlertItem>();
  const [reason, setReason] = useState('');

  const acknowledge = async (ids: number[]) => {
    try {
      const { acknowledged } = await call('alerts.acknowledge', { ids });
      notify(`${acknowledged} ${acknowledged === 1 ? 'alert' : 'alerts'} acknowledged.`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const markOneOff = async () => {
    if (!marking) return;
    try {
      await call('alerts.markOneOff', { alertId: marking.id, reason: reason.trim() || null });
      notify('Marked as a one-off: the forecast will ignore that week from its next run.', 'success');
      setMarking(undefined);
      setReason('');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  if (alerts.length === 0) return null;
  return (
    <>
      <List dense={dense} aria-label="Alerts" disablePadding>
        {alerts.map((alert) => (
          <ListItem key={alert.id} divider alignItems="flex-start" sx={{ gap: 1, px: 0, flexWrap: dense ? 'wrap' : 'nowrap' }} data-testid="alert-item" data-kind={alert.kind}>
            {selectable ? (
              <Checkbox
                size="small"
                checked={selected.includes(alert.id)}
                disabled={alert.status !== 'open'}
                onChange={(e) => onSelect?.(e.target.checked ? [...selected, alert.id] : selected.filter((id) => id !== alert.id))}
                slotProps={{ input: { 'aria-label': `Select alert: ${alert.message}` } }}
                sx={{ mt: -0.5 }}
              />
            ) : null}
            <Box sx={{ flexGrow: 1, minWidth: 0, flexBasis: dense ? '100%' : 'auto' }}>
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                <Chip size="small" label={alert.severity} color={SEVERITY_COLORS[alert.severity]} variant={alert.severity === 'info' ? 'outlined' : 'filled'} />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {ALERT_KIND_LABELS[alert.kind]}
                </Typography>
                {showProduct && alert.productId !== null ? (
                  <Link href={href(`/products/${alert.productId}`)} variant="body2">
                    {alert.productName} ({alert.sku})
                  </Link>
                ) : null}
                {dense ? null : (
                  <Typography variant="caption" color="text.secondary">
                    {date(alert.createdAt)}
                    {alert.status !== 'open' ? ` · ${STATUS_TEXT[alert.status]} ${date(alert.resolvedAt ?? alert.acknowledgedAt)}` : ''}
                  </Typography>
                )}
              </Stack>
              <Typography variant="body2">{alert.message}</Typography>
            </Box>
            {alert.status === 'open' ? (
              <Stack direction="row" sx={{ gap: 0.5, flexShrink: 0, ml: dense ? 'auto' : 0 }}>
                {alert.kind === 'anomaly' && alert.weekStartDay ? (
                  <Button size="small" onClick={() => setMarking(alert)}>
                    Mark as one-off
                  </Button>
                ) : null}
                <Button size="small" onClick={() => void acknowledge([alert.id])} aria-label={`Acknowledge: ${alert.message}`}>
                  Acknowledge
                </Button>
              </Stack>
            ) : null}
          </ListItem>
        ))}
      </List>
      <Dialog open={marking !== undefined} onClose={() => setMarking(undefined)} aria-labelledby="one-off-title">
        <DialogTitle id="one-off-title">Mark this week as a one-off?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The week of {date(marking?.weekStartDay)} for {marking?.productName} will be left out of the history the forecast learns from, so one unusual week does not move next week’s orders. You can undo this on the product’s page.
          </DialogContentText>
          <TextField autoFocus fullWidth size="small" id="one-off-reason" label="Why (optional)" placeholder="a bulk order, a data error…" value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setMarking(undefined)}>Cancel</Button>
          <Button variant="contained" onClick={() => void markOneOff()}>
            Mark as one-off
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
