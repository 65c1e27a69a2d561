import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ShopEvent } from '../../../../core/contract/commands/events';
import { ApiError, call } from '../../api/client';

interface Draft {
  name: string;
  type: ShopEvent['type'];
  startDay: string;
  endDay: string;
  scope: ShopEvent['scope'];
  scopeValue: string;
  multiplier: string;
}

const EMPTY: Draft = { name: '', type: 'promo', startDay: '', endDay: '', scope: 'all', scopeValue: '', multiplier: '' };

const TYPE_LABELS: Record<ShopEvent['type'], string> = { promo: 'Promotion', closure: 'Closure', holiday: 'Holiday', other: 'Other' };
export { TYPE_LABELS };

/** Add or edit an event; errors from the core are shown at the field they concern. */
export function EventDialog({ open, event, categories, onClose }: { open: boolean; event: ShopEvent | null; categories: string[]; onClose: (saved: boolean) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setErrors({});
    setGeneral(undefined);
    setDraft(event ? { name: event.name, type: event.type, startDay: event.startDay, endDay: event.endDay, scope: event.scope, scopeValue: event.scopeValue ?? '', multiplier: event.multiplier === null ? '' : String(event.multiplier) } : EMPTY);
  }, [open, event]);

  const save = async () => {
    setErrors({});
    setGeneral(undefined);
    const multiplier = draft.multiplier.trim() === '' ? null : Number(draft.multiplier.replace(',', '.'));
    if (multiplier !== null && !Number.isFinite(multiplier)) {
      setErrors({ multiplier: 'enter a number such as 1.5, or leave it empty' });
      return;
    }
    const fields = { name: draft.name, type: draft.type, startDay: draft.startDay, endDay: draft.endDay || draft.startDay, scope: draft.scope, scopeValue: draft.scope === 'all' ? null : draft.scopeValue, multiplier };
    try {
      if (event) await call('events.update', { id: event.id, ...fields });
      else await call('events.create', fields);
      onClose(true);
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        const byField = Object.fromEntries((err.details as Array<{ path: string; message: string }>).map((d) => [d.path || 'name', d.message]));
        setErrors(byField);
        if (err.code !== 'input.invalid' || Object.keys(byField).length === 0) setGeneral(err.message);
      } else setGeneral(err instanceof Error ? err.message : String(err));
    }
  };

  const field = (key: keyof Draft) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }), error: Boolean(errors[key]), helperText: errors[key] });
  return (
    <Dialog open={open} onClose={() => onClose(false)} aria-labelledby="event-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="event-dialog-title">{event ? 'Edit event' : 'Add an event'}</DialogTitle>
      <DialogContent>
        <Box component="form" id="event-form" onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, pt: 1 }}>
          {general ? <Alert severity="error" sx={{ gridColumn: '1 / -1' }}>{general}</Alert> : null}
          <TextField id="event-name" label="Name" autoFocus size="small" {...field('name')} sx={{ gridColumn: '1 / -1' }} />
          <TextField id="event-type" select label="Kind" size="small" {...field('type')}>
            {(Object.keys(TYPE_LABELS) as Array<ShopEvent['type']>).map((t) => (
              <MenuItem key={t} value={t}>
                {TYPE_LABELS[t]}
              </MenuItem>
            ))}
          </TextField>
          <TextField id="event-multiplier" label="Expected sales ×" size="small" {...field('multiplier')} helperText={errors.multiplier ?? '1.5 = half again as much; 0 = closed; empty = let the forecast learn it'} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <TextField id="event-start" type="date" label="From" size="small" {...field('startDay')} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField id="event-end" type="date" label="To" size="small" {...field('endDay')} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField id="event-scope" select label="Applies to" size="small" {...field('scope')}>
            <MenuItem value="all">The whole shop</MenuItem>
            <MenuItem value="category">One category</MenuItem>
            <MenuItem value="sku">One product (SKU)</MenuItem>
          </TextField>
          {draft.scope === 'category' ? (
            <TextField id="event-scope-value" select label="Category" size="small" {...field('scopeValue')}>
              {categories.map((c) => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              ))}
            </TextField>
          ) : draft.scope === 'sku' ? (
            <TextField id="event-scope-value" label="SKU" size="small" {...field('scopeValue')} />
          ) : (
            <Box />
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button type="submit" form="event-form" variant="contained">
          {event ? 'Save' : 'Add event'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
