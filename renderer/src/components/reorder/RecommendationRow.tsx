import { Box, Button, Chip, Stack, TableCell, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { memo, useState } from 'react';
import type { Recommendation } from '../../../../core/contract/commands/plan';
import { date, money, num, pct } from '../../format';
import { caseRounding } from './case-rounding';
import { PRIORITY_COLOR, PRIORITY_HELP } from './priority';

const STATUS_LABEL: Record<Recommendation['status'], string> = { pending: 'To decide', accepted: 'Accepted', edited: 'Changed', rejected: 'Rejected', expired: 'Expired' };

export type DecisionInput = { action: 'accept' } | { action: 'reject' } | { action: 'reset' } | { action: 'edit'; quantity: number };
/** Sends one decision; resolves true when it was saved (the page reports failures). */
export type Decide = (id: number, input: DecisionInput) => Promise<boolean>;

/**
 * One line of the plan. Memoised on the line's content: a decision reloads the plan, and
 * without this every row of every supplier (hundreds of MUI cells) rendered again for each
 * click, which took well over a second under load.
 */
export const RecommendationRow = memo(RecommendationRowView, (a, b) => a.decide === b.decide && a.showLocation === b.showLocation && sameLine(a.line, b.line));

function sameLine(a: Recommendation, b: Recommendation): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function RecommendationRowView({ line, decide: send, showLocation = false }: { line: Recommendation; decide: Decide; showLocation?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [quantity, setQuantity] = useState(String(line.quantity || line.suggestedQty || line.casePack));
  const locked = line.poId !== null || line.status === 'expired';

  const decide = async (input: DecisionInput) => {
    if (await send(line.id, input)) setEditing(false);
  };

  const cases = line.casePack > 1 ? `${num(line.quantity / line.casePack, 1)} × ${num(line.casePack)}` : '';
  const rounding = caseRounding(quantity, line.casePack, line.moq);
  // Names for tests and screen readers: the SKU, and its location where the plan orders one product for several.
  const who = showLocation ? `${line.sku} at ${line.locationName}` : line.sku;

  return (
    <TableRow data-testid={showLocation ? `rec-${line.sku}@${line.locationName}` : `rec-${line.sku}`} sx={{ opacity: line.status === 'rejected' ? 0.55 : 1, verticalAlign: 'top' }}>
      <TableCell sx={{ width: 90 }}>
        <Tooltip title={PRIORITY_HELP[line.priority]}>
          <Chip size="small" label={line.priority} color={PRIORITY_COLOR[line.priority]} data-testid="priority" />
        </Tooltip>
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {line.productName}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {line.sku}
          {showLocation ? ` · ${line.locationName}` : ''}
          {line.abc ? ` · class ${line.abc}` : ''}
          {line.serviceLevel !== null ? ` · ${pct(line.serviceLevel, 1)} service` : ''}
          {line.expectedStockoutDate ? ` · runs out about ${date(line.expectedStockoutDate)}` : ''}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="reasoning">
          {line.reasoning}
        </Typography>
      </TableCell>
      <TableCell align="right">{num(line.onHand, 1)}</TableCell>
      <TableCell align="right">{num(line.onOrder, 1)}</TableCell>
      <TableCell align="right" sx={{ minWidth: 120 }}>
        {editing ? (
          <TextField
            size="small"
            type="number"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            slotProps={{ htmlInput: { min: 0, step: line.casePack, 'aria-label': `Quantity for ${who}` } }}
            helperText={<span data-testid="case-rounding">{rounding.note ?? ' '}</span>}
            sx={{ width: 110 }}
          />
        ) : (
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="quantity">
              {num(line.quantity, 1)}
            </Typography>
            {cases ? <Typography variant="caption" color="text.secondary">{cases}</Typography> : null}
            {line.status === 'edited' ? <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">suggested {num(line.suggestedQty, 1)}</Typography> : null}
          </Box>
        )}
      </TableCell>
      <TableCell align="right">{money(line.costCents)}</TableCell>
      <TableCell sx={{ minWidth: 200 }}>
        {line.poNumber ? (
          <Chip size="small" variant="outlined" label={`On ${line.poNumber}`} />
        ) : editing ? (
          <Stack direction="row" sx={{ gap: 0.5 }}>
            <Button size="small" variant="contained" disabled={!(rounding.quantity > 0)} onClick={() => void decide({ action: 'edit', quantity: rounding.quantity })}>
              Save
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Stack>
        ) : (
          <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" variant="outlined" label={STATUS_LABEL[line.status]} data-testid="status" />
            {line.status === 'pending' ? (
              <>
                <Button size="small" disabled={locked || line.suggestedQty <= 0} onClick={() => void decide({ action: 'accept' })} aria-label={`Accept ${who}`}>
                  Accept
                </Button>
                <Button size="small" disabled={locked} onClick={() => setEditing(true)} aria-label={`Edit ${who}`}>
                  Edit
                </Button>
                <Button size="small" color="inherit" disabled={locked} onClick={() => void decide({ action: 'reject' })} aria-label={`Reject ${who}`}>
                  Reject
                </Button>
              </>
            ) : line.status !== 'expired' ? (
              <Button size="small" onClick={() => void decide({ action: 'reset' })} aria-label={`Undo ${who}`}>
                Undo
              </Button>
            ) : null}
          </Stack>
        )}
      </TableCell>
    </TableRow>
  );
}
