import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ProductDetail } from '../../../../core/contract/commands/product-detail';
import { money, num, pct } from '../../format';
import { href } from '../../router';
import { PRIORITY_COLORS } from './labels';
import { madeFromDataText } from '../data-dates';

const LEAD_SOURCE: Record<string, string> = { product: 'set on the product', supplier: 'the supplier’s', default: 'the default in settings', class: 'by class' };

function Row({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ color: 'text.secondary', border: 0, py: 0.5, pl: 0 }}>
        {label}
      </TableCell>
      <TableCell align="right" sx={{ border: 0, py: 0.5 }}>
        {value}
        {hint ? (
          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
            {hint}
          </Typography>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

/** The plan's numbers for this product with its one-sentence reason. */
export function PlanCard({ detail }: { detail: ProductDetail }) {
  const rec = detail.recommendation;
  const p = detail.product;
  const figures = rec?.figures ?? {};
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h2">Reorder numbers</Typography>
          {rec ? <Chip label={rec.priority} color={PRIORITY_COLORS[rec.priority]} size="small" /> : null}
        </Stack>
        {rec ? (
          <>
            <Alert severity={rec.suggestedQuantity > 0 ? 'warning' : 'success'} icon={false} sx={{ mb: 1.5 }} data-testid="plan-reasoning">
              {rec.reasoning}
            </Alert>
            <Table size="small" aria-label="Reorder numbers">
              <TableBody>
                <Row label="Suggested order" value={`${num(rec.finalQuantity ?? rec.suggestedQuantity, 1)} units`} hint={rec.unitCostCents !== null ? money((rec.finalQuantity ?? rec.suggestedQuantity) * rec.unitCostCents) : undefined} />
                <Row label="Reorder point" value={num(rec.reorderPoint, 1)} hint="below this, the shelf may empty before a delivery" />
                <Row label="Order up to" value={num(rec.orderUpToLevel, 1)} hint="each review tops stock + on order up to this" />
                <Row label="Safety stock" value={num(rec.safetyStock, 1)} />
                <Row label="Service level" value={pct(figures.serviceLevel ?? p.serviceLevel, 1)} />
                <Row label="Lead time" value={`${num(figures.leadTimeDays ?? p.leadTimeDays, 1)} days`} hint={LEAD_SOURCE[p.leadTimeSource]} />
                {figures.daysOfCover !== undefined ? <Row label="Days of cover" value={num(figures.daysOfCover, 1)} /> : null}
                {figures.stockoutProbabilityBeforeDelivery !== undefined ? <Row label="Chance of running out before a delivery" value={pct(figures.stockoutProbabilityBeforeDelivery)} /> : null}
              </TableBody>
            </Table>
            <Box sx={{ mt: 1 }}>
              <Typography variant="caption" color="text.secondary">
                {madeFromDataText('Plan', rec.createdAt, rec.dataAsOf)} · status {rec.status} · <a href={href('/reorder')}>open the reorder plan</a>
              </Typography>
            </Box>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="no-plan">
            No reorder plan covers this product yet. Make one on the Reorder screen; the what-if below works from the forecast alone.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
