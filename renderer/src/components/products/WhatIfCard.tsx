import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Slider, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { WhatIfNumbers, WhatIfResult } from '../../../../core/contract/commands/product-detail';
import { ApiError, call, subscribe } from '../../api/client';
import { date, money, num, pct } from '../../format';

interface Controls {
  /** null: the what-if's default, the location with the most sales. */
  locationId: number | null;
  serviceLevel: number | null;
  leadTimeDays: string;
  multiplier: string;
  weeks: string[];
}

const ROWS: Array<{ key: keyof WhatIfNumbers; label: string; format: (n: WhatIfNumbers) => string }> = [
  { key: 'suggestedQuantity', label: 'Order now', format: (n) => `${num(n.suggestedQuantity, 1)}${n.costCents !== null ? ` (${money(n.costCents)})` : ''}` },
  { key: 'reorderPoint', label: 'Reorder point', format: (n) => num(n.reorderPoint, 1) },
  { key: 'orderUpToLevel', label: 'Order up to', format: (n) => num(n.orderUpToLevel, 1) },
  { key: 'safetyStock', label: 'Safety stock', format: (n) => num(n.safetyStock, 1) },
  { key: 'meanCycleDemand', label: 'Expected sales, lead time + review', format: (n) => num(n.meanCycleDemand, 1) },
  { key: 'stockoutProbabilityBeforeDelivery', label: 'Chance of running out before a delivery', format: (n) => pct(n.stockoutProbabilityBeforeDelivery) },
  { key: 'expectedStockoutDay', label: 'Shelf empty around (no new order)', format: (n) => (n.expectedStockoutDay ? date(n.expectedStockoutDay) : 'not within the forecast') },
  { key: 'priority', label: 'Priority', format: (n) => n.priority },
];

const START: Controls = { locationId: null, serviceLevel: null, leadTimeDays: '', multiplier: '1.5', weeks: [] };

/**
 * What if the service level, the lead time or a promotion were different? Recomputes the
 * reorder numbers with the plan's own kernel as the owner moves the controls; saves nothing.
 * In a shop with several locations (`locations` not empty) it works on one location's stock,
 * forecast and plan line, says which, and lets the owner choose.
 */
export function WhatIfCard({ productId, locations = [] }: { productId: number; locations?: ReadonlyArray<{ id: number; name: string }> }) {
  const [controls, setControls] = useState<Controls>(START);
  const [result, setResult] = useState<WhatIfResult>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => subscribe('workspace.changed', () => setVersion((v) => v + 1)), []);

  useEffect(() => {
    const lead = controls.leadTimeDays.trim() === '' ? null : Number(controls.leadTimeDays);
    const multiplier = Number(controls.multiplier);
    if (lead !== null && !Number.isFinite(lead)) return;
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      call('products.whatIf', {
        productId,
        locationId: controls.locationId,
        serviceLevel: controls.serviceLevel,
        leadTimeDays: lead,
        promotion: controls.weeks.length > 0 && Number.isFinite(multiplier) ? { weeks: controls.weeks, multiplier } : null,
      })
        .then((r) => {
          if (ticket !== latest.current) return; // a newer question is on its way
          setResult(r);
          setError(undefined);
        })
        .catch((err: unknown) => {
          if (ticket !== latest.current) return;
          if (err instanceof ApiError && Array.isArray(err.details)) setError((err.details as Array<{ message: string }>).map((d) => d.message).join('; '));
          else setError(err instanceof Error ? err.message : String(err));
        });
    }, result ? 150 : 0);
    return () => clearTimeout(timer);
    // The first answer is asked for at once; later ones after a short pause in typing.
  }, [productId, controls, version]);

  const base = result?.base;
  const toggleWeek = (start: string) => setControls((c) => ({ ...c, weeks: c.weeks.includes(start) ? c.weeks.filter((w) => w !== start) : [...c.weeks, start] }));
  const serviceLevel = controls.serviceLevel ?? base?.serviceLevel ?? 0.95;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h2">What if…</Typography>
          <Button size="small" onClick={() => setControls((c) => ({ ...START, locationId: c.locationId }))}>
            Reset
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Try a different service level, lead time or a promotion. The numbers are worked out again as you change them, the same way the plan does; nothing is saved.
        </Typography>
        {locations.length > 0 && result ? (
          locations.length > 1 ? (
            <TextField
              select
              id="whatif-location"
              size="small"
              label="Location"
              value={controls.locationId ?? result.locationId}
              onChange={(e) => setControls((c) => ({ ...c, locationId: Number(e.target.value) }))}
              helperText="Its stock, forecast and plan line: the plan orders for each location separately."
              sx={{ mb: 2, minWidth: 240 }}
            >
              {locations.map((l) => (
                <MenuItem key={l.id} value={l.id}>
                  {l.name}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <Typography variant="body2" sx={{ mb: 2 }} data-testid="whatif-location">
              At {locations.find((l) => l.id === result.locationId)?.name ?? 'its location'}: its stock, forecast and plan line.
            </Typography>
          )
        ) : null}
        {error && !result ? <Alert severity="info">{error}</Alert> : null}
        {result && base ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 5fr) minmax(0, 7fr)' }, gap: 3 }}>
            <Box>
              <Typography id="whatif-service-label" variant="body2" gutterBottom>
                Service level: {pct(serviceLevel, 1)}
              </Typography>
              <Slider
                aria-labelledby="whatif-service-label"
                value={serviceLevel * 100}
                min={80}
                max={99.5}
                step={0.5}
                marks={[{ value: 90, label: '90%' }, { value: 95, label: '95%' }, { value: 99, label: '99%' }]}
                valueLabelDisplay="auto"
                valueLabelFormat={(v) => pct(v / 100, 1)}
                onChange={(_e, v) => setControls((c) => ({ ...c, serviceLevel: (v as number) / 100 }))}
                sx={{ mb: 2 }}
              />
              <TextField id="whatif-lead" size="small" label={`Lead time, days (now ${num(base.leadTimeDays, 1)})`} value={controls.leadTimeDays} onChange={(e) => setControls((c) => ({ ...c, leadTimeDays: e.target.value }))} slotProps={{ htmlInput: { inputMode: 'decimal' } }} sx={{ mb: 2, width: '100%' }} />
              <TextField id="whatif-multiplier" size="small" label="Promotion: sales times" value={controls.multiplier} onChange={(e) => setControls((c) => ({ ...c, multiplier: e.target.value }))} slotProps={{ htmlInput: { inputMode: 'decimal' } }} sx={{ mb: 1, width: '100%' }} helperText="…in the weeks you pick:" />
              <Box role="group" aria-label="Promotion weeks" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                {result.periods.map((period) => (
                  <Chip key={period.start} label={date(period.start)} size="small" clickable color={controls.weeks.includes(period.start) ? 'secondary' : 'default'} variant={controls.weeks.includes(period.start) ? 'filled' : 'outlined'} onClick={() => toggleWeek(period.start)} aria-pressed={controls.weeks.includes(period.start)} />
                ))}
              </Box>
            </Box>
            <Box>
              {error ? <Alert severity="warning" sx={{ mb: 1 }}>{error}</Alert> : null}
              <Table size="small" aria-label="Reorder numbers now and in the what-if" data-testid="whatif-table">
                <TableHead>
                  <TableRow>
                    <TableCell />
                    <TableCell align="right">With today’s settings</TableCell>
                    <TableCell align="right">What if</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {ROWS.map((row) => {
                    const changed = row.format(base) !== row.format(result.whatIf);
                    return (
                      <TableRow key={row.key}>
                        <TableCell component="th" scope="row">
                          {row.label}
                        </TableCell>
                        <TableCell align="right">{row.format(base)}</TableCell>
                        <TableCell align="right" sx={{ fontWeight: changed ? 700 : 400 }} data-testid={`whatif-${row.key}`}>
                          {row.format(result.whatIf)}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <Typography variant="body2" sx={{ mt: 1.5 }} data-testid="whatif-reasoning">
                {result.reasoning}
              </Typography>
              {result.overridesApplied > 0 ? (
                <Typography variant="caption" color="text.secondary">
                  Both columns include your override.
                </Typography>
              ) : null}
            </Box>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
