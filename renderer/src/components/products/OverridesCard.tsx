import { Box, Button, Card, CardContent, List, ListItem, ListItemText, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ForecastOverride } from '../../../../core/contract/commands/products';
import { ApiError, call } from '../../api/client';
import { useApp } from '../../AppContext';
import { date, num } from '../../format';

export function describeOverride(o: Pick<ForecastOverride, 'kind' | 'value' | 'startDay' | 'endDay'>): string {
  const what = o.kind === 'percent' ? `${o.value > 0 ? '+' : ''}${num(o.value, 1)}% on the forecast` : `${num(o.value, 1)} units a week`;
  const from = o.startDay ? `from ${date(o.startDay)}` : 'from now';
  const to = o.endDay ? ` to ${date(o.endDay)}` : ', until removed';
  return `${what}, ${from}${to}`;
}

interface Draft {
  kind: 'percent' | 'units';
  value: string;
  startDay: string;
  endDay: string;
  reason: string;
}

const EMPTY: Draft = { kind: 'percent', value: '', startDay: '', endDay: '', reason: '' };

/** The owner's overrides of this product's forecast: add (with a reason), list, remove. All audited. */
export function OverridesCard({ productId, overrides }: { productId: number; overrides: ForecastOverride[] }) {
  const { notify } = useApp();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = async () => {
    setErrors({});
    const value = Number(draft.value);
    if (draft.value.trim() === '' || !Number.isFinite(value)) {
      setErrors({ value: 'enter a number' });
      return;
    }
    try {
      await call('products.overrides.add', { productId, kind: draft.kind, value, startDay: draft.startDay || null, endDay: draft.endDay || null, reason: draft.reason });
      setDraft(EMPTY);
      notify('Override saved. The chart shows it now; the next reorder plan uses it.', 'success');
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(Object.fromEntries((err.details as Array<{ path: string; message: string }>).map((d) => [d.path || 'value', d.message])));
      } else notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const remove = async (id: number) => {
    try {
      await call('products.overrides.remove', { id });
      notify('Override removed.', 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Your override
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          When you know better than the model (a new customer, roadworks outside), change the forecast here. It is kept with your reason, shown on the chart, used by the next plan, and can be removed.
        </Typography>
        <List dense aria-label="Active overrides" data-testid="override-list">
          {overrides.map((o) => (
            <ListItem
              key={o.id}
              disableGutters
              secondaryAction={
                <Button size="small" onClick={() => void remove(o.id)} aria-label={`Remove override: ${describeOverride(o)}`}>
                  Remove
                </Button>
              }
            >
              <ListItemText primary={describeOverride(o)} secondary={`“${o.reason}” · ${date(o.createdAt)}`} />
            </ListItem>
          ))}
          {overrides.length === 0 ? (
            <ListItem disableGutters>
              <ListItemText primary="No override: the plan uses the model’s forecast." />
            </ListItem>
          ) : null}
        </List>
        <Box component="form" aria-label="Add an override" onSubmit={(e) => { e.preventDefault(); void add(); }} sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1.5, mt: 1 }}>
          <TextField id="override-kind" select size="small" label="Change" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
            <MenuItem value="percent">By a percentage</MenuItem>
            <MenuItem value="units">To units per week</MenuItem>
          </TextField>
          <TextField id="override-value" size="small" label={draft.kind === 'percent' ? 'Percent (e.g. 20 or −30)' : 'Units per week'} value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} error={Boolean(errors.value)} helperText={errors.value} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <TextField id="override-from" size="small" type="date" label="From (optional)" value={draft.startDay} onChange={(e) => setDraft({ ...draft, startDay: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} error={Boolean(errors.startDay)} helperText={errors.startDay} />
          <TextField id="override-to" size="small" type="date" label="To (optional)" value={draft.endDay} onChange={(e) => setDraft({ ...draft, endDay: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} error={Boolean(errors.endDay)} helperText={errors.endDay} />
          <TextField id="override-reason" size="small" label="Reason" value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} error={Boolean(errors.reason)} helperText={errors.reason ?? 'Kept with the override and in the audit log.'} sx={{ gridColumn: '1 / -1' }} />
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Button type="submit" variant="contained">
              Save override
            </Button>
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
