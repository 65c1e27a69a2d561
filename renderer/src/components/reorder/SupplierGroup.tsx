import { Alert, Box, Button, Card, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Recommendation, SupplierTotal } from '../../../../core/contract/commands/plan';
import { call } from '../../api/client';
import { useApp } from '../../AppContext';
import { money, num } from '../../format';
import { costText } from './cost-text';
import type { Decide } from './RecommendationRow';
import { RecommendationRow } from './RecommendationRow';

export function SupplierGroup({
  name,
  lines,
  total,
  decide,
  showLocation = false,
}: {
  name: string;
  lines: Recommendation[];
  total: SupplierTotal | undefined;
  decide: Decide;
  /** Name each line's location (a shop ordering for several). */
  showLocation?: boolean;
}) {
  const { notify } = useApp();
  const pending = lines.filter((l) => l.status === 'pending' && l.suggestedQty > 0 && l.poId === null);
  const acceptAll = async () => {
    try {
      await call('plan.decideMany', { ids: pending.map((l) => l.id), action: 'accept' });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <Card variant="outlined" sx={{ mb: 2 }} component="section" aria-label={`Supplier ${name}`} data-testid={`supplier-${name}`}>
      <Stack direction="row" sx={{ px: 2, py: 1.5, alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h2">{name}</Typography>
          <Typography variant="body2" color="text.secondary" data-testid="supplier-total">
            {total ? `${total.lines} to order · ${num(total.units, 1)} units · ${costText(total.costCents, total.linesWithoutCost, total.lines)}` : 'Nothing to order'}
          </Typography>
        </Box>
        <Button size="small" variant="outlined" disabled={pending.length === 0} onClick={() => void acceptAll()}>
          Accept all {pending.length > 0 ? pending.length : ''}
        </Button>
      </Stack>
      {total?.belowMinimum && total.minOrderValueCents !== null ? (
        <Alert severity="warning" sx={{ mx: 2, mb: 1 }}>
          Below {name}’s minimum order value of {money(total.minOrderValueCents)} by {money(total.minOrderValueCents - total.costCents)}.
        </Alert>
      ) : null}
      <Table size="small" aria-label={`Recommendations for ${name}`}>
        <TableHead>
          <TableRow>
            <TableCell>Priority</TableCell>
            <TableCell>Product and why</TableCell>
            <TableCell align="right">On hand</TableCell>
            <TableCell align="right">On order</TableCell>
            <TableCell align="right">Order</TableCell>
            <TableCell align="right">Cost</TableCell>
            <TableCell>Decision</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => (
            <RecommendationRow key={line.id} line={line} decide={decide} showLocation={showLocation} />
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
