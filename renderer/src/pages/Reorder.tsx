import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Button, FormControlLabel, InputAdornment, Stack, Switch, TextField, Typography } from '@mui/material';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Recommendation } from '../../../core/contract/commands/plan';
import { call } from '../api/client';
import { useApp } from '../AppContext';
import { ErrorNotice, PageHeader } from '../components/Page';
import { planMadeText } from '../components/data-dates';
import { productsText } from '../components/located-counts';
import { ReportButtons } from '../components/ReportButtons';
import type { Decide } from '../components/reorder/RecommendationRow';
import { SupplierGroup } from '../components/reorder/SupplierGroup';
import { costText } from '../components/reorder/cost-text';
import { num } from '../format';
import { useCommand } from '../hooks/useCommand';
import { href, navigate } from '../router';

export function ReorderPage() {
  const { notify, settings } = useApp();
  const [onlyToOrder, setOnlyToOrder] = useState(true);
  const [budget, setBudget] = useState('');
  const [eoqFloor, setEoqFloor] = useState(false);
  const view = useCommand('plan.view', { onlyToOrder });
  const plan = view.data?.plan ?? null;
  const lines = view.data?.lines ?? [];

  const groups = useMemo(() => {
    const map = new Map<string, Recommendation[]>();
    for (const line of lines) {
      const name = line.supplierName ?? 'No supplier';
      map.set(name, [...(map.get(name) ?? []), line]);
    }
    return [...map.entries()];
  }, [lines]);
  // A shop that orders for several locations sees each line's location (decided on the whole plan, so the filter does not change the rows' names).
  const showLocation = (plan?.locations ?? 0) > 1;

  // One stable callback for every row, so a reload re-renders only the rows that changed.
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  const decide = useCallback<Decide>(async (id, input) => {
    try {
      await call('plan.decide', { id, ...input });
      return true;
    } catch (err) {
      notifyRef.current(err instanceof Error ? err.message : String(err), 'error');
      return false;
    }
  }, []);

  const readyForOrders = lines.some((l) => (l.status === 'accepted' || l.status === 'edited') && l.poId === null);

  const budgetValue = budget.trim() === '' ? null : Number(budget.replace(',', '.'));
  const budgetInvalid = budgetValue !== null && !(budgetValue > 0);

  const makePlan = async () => {
    try {
      await call('plan.start', { eoqFloor, budgetCents: budgetValue === null ? null : Math.round(budgetValue * 100) });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const createOrders = async () => {
    try {
      const orders = await call('plan.createPurchaseOrders', {});
      notify(`${orders.length} draft purchase ${orders.length === 1 ? 'order' : 'orders'} ready.`, 'success');
      navigate('/purchase-orders');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <>
      <PageHeader
        title="Reorder"
        subtitle={
          plan
            ? `${planMadeText(plan)} · ${productsText(plan)} · ${plan.toOrder} ${showLocation ? (plan.toOrder === 1 ? 'line ' : 'lines ') : ''}to order · ${costText(view.data?.totalCostCents ?? 0, view.data?.linesWithoutCost ?? 0, plan.toOrder)}`
            : 'What to order, from whom, how much and why.'
        }
        actions={
          <>
            <Button variant={plan ? 'outlined' : 'contained'} startIcon={<PlayArrowIcon />} disabled={budgetInvalid} onClick={() => void makePlan()}>
              {plan ? 'Plan again' : 'Make a plan'}
            </Button>
            <Button variant="contained" disabled={!readyForOrders} onClick={() => void createOrders()}>
              Create purchase orders
            </Button>
          </>
        }
      />
      <ErrorNotice error={view.error} />
      {plan === null && !view.loading ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          No plan yet. “Make a plan” forecasts every product and works out what to order, from whom, how much and why.
        </Alert>
      ) : null}
      {view.data && view.data.urgentWithoutOrder.length > 0 ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="urgent-without-order">
          Also urgent, with nothing new to order: stock on order covers {view.data.urgentWithoutOrder.length === 1 ? 'this product' : 'these products'}, but the shelf
          empties before it arrives — check the delivery with the supplier:{' '}
          {view.data.urgentWithoutOrder.map((u, i) => (
            <span key={`${u.productId}@${u.locationId}`}>
              {i > 0 ? ', ' : ''}
              <a href={href(`/products/${u.productId}`)}>{u.productName}</a>
              {showLocation ? ` at ${u.locationName}` : ''} ({num(u.onOrder, 1)} on order)
            </span>
          ))}
          .
        </Alert>
      ) : null}
      {plan && plan.withoutStockCount > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="no-stock-count">
          {plan.withoutStockCount === plan.lines
            ? 'No product has a stock count'
            : showLocation
              ? `${plan.withoutStockCount} of ${plan.lines} lines have no stock count at their location`
              : `${plan.withoutStockCount} of ${plan.lines} products have no stock count`}
          , so stock on hand
          is taken as received minus sold — usually nothing — and the plan orders as if those shelves were empty. Import a stock count (Import screen) and plan again.
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }} aria-label="Plan options">
          <TextField
            size="small"
            label="Budget (optional)"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            error={budgetInvalid}
            helperText={budgetInvalid ? 'An amount, e.g. 1500' : undefined}
            sx={{ width: 160 }}
            slotProps={{ input: { startAdornment: <InputAdornment position="start">{settings?.currency ?? ''}</InputAdornment> } }}
          />
          <FormControlLabel control={<Switch checked={eoqFloor} onChange={(e) => setEoqFloor(e.target.checked)} />} label="At least the EOQ" />
          {plan ? <FormControlLabel control={<Switch checked={onlyToOrder} onChange={(e) => setOnlyToOrder(e.target.checked)} />} label="Only products to order" /> : null}
        </Stack>
        {plan ? <ReportButtons spec={{ kind: 'reorder' }} label="Reorder report" /> : null}
      </Stack>
      {plan && groups.length === 0 ? <Typography sx={{ mb: 2 }}>Nothing to order: every product has enough stock for its lead time and review period.</Typography> : null}
      {groups.map(([name, group]) => (
        <SupplierGroup key={name} name={name} lines={group} total={view.data?.suppliers.find((s) => s.name === name)} decide={decide} showLocation={showLocation} />
      ))}
    </>
  );
}
