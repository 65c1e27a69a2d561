import { Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { CustomerPrediction } from '../../../../core/contract/commands/customers';
import { date, money, num, pct } from '../../format';
import { href } from '../../router';
import { EXPECTED_UNITS_HELP, REVENUE_AT_STAKE_HELP, nextExpectedText, overdueText, rhythmText, unitsAtStakeText, unitsAtStakeTitle } from './format';

/**
 * Customer × product predictions: rhythm, last and next expected order, confidence, overdue
 * flag and revenue at stake. Each row's reason sentence is its tooltip.
 */
export function PredictionsTable({ rows, show, horizonWeeks }: { rows: CustomerPrediction[]; show: 'customer' | 'product' | 'both'; horizonWeeks?: number }) {
  return (
    // Nine columns: narrower cell padding keeps them on a 1280-pixel screen without wrapping dates.
    <Table size="small" aria-label="Customer predictions" data-testid="customer-predictions" sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          {show !== 'product' ? <TableCell>Customer</TableCell> : null}
          {show !== 'customer' ? <TableCell>Product</TableCell> : null}
          <TableCell>Rhythm</TableCell>
          <TableCell>Last order</TableCell>
          <TableCell>Next expected</TableCell>
          <TableCell align="right">Confidence</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">
            <Tooltip title={EXPECTED_UNITS_HELP}>
              <span>Expected units</span>
            </Tooltip>
          </TableCell>
          <TableCell align="right">
            <Tooltip title={REVENUE_AT_STAKE_HELP}>
              <span>Revenue at stake</span>
            </Tooltip>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <Tooltip key={`${r.customerId}-${r.productId}`} title={r.reason} placement="bottom-start">
            <TableRow hover data-testid="customer-prediction-row">
              {show !== 'product' ? (
                <TableCell>
                  <Link href={href(`/customers/${r.customerId}`)}>{r.customerName}</Link>
                </TableCell>
              ) : null}
              {show !== 'customer' ? (
                <TableCell>
                  <Link href={href(`/products/${r.productId}`)}>{r.productName}</Link>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {r.sku}
                  </Typography>
                </TableCell>
              ) : null}
              <TableCell>
                <span style={{ whiteSpace: 'nowrap' }}>{rhythmText(r)}</span>
                <Typography variant="caption" color="text.secondary" component="div">
                  {r.orderCount} orders, usually {num(r.typicalQuantity, 1)} units
                </Typography>
              </TableCell>
              <TableCell>
                <span style={{ whiteSpace: 'nowrap' }}>{date(r.lastOrder)}</span>
                <Typography variant="caption" color="text.secondary" component="div">
                  {r.daysSinceLastOrder} days ago
                </Typography>
              </TableCell>
              <TableCell>
                {/* "Was due" may sit on its own line; the date never breaks. */}
                {nextExpectedText(r).prefix ? `${nextExpectedText(r).prefix} ` : null}
                <span style={{ whiteSpace: 'nowrap' }}>{nextExpectedText(r).day}</span>
                <Typography variant="caption" color="text.secondary" component="div">
                  {nextExpectedText(r).detail}
                </Typography>
              </TableCell>
              <TableCell align="right">{pct(r.confidence)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {r.atRisk ? <Chip size="small" color="warning" label={overdueText(r)} /> : <Chip size="small" variant="outlined" label={`Active ${pct(r.probabilityActive)}`} />}
              </TableCell>
              <TableCell align="right">{num(r.expectedUnits, r.expectedUnits < 10 ? 1 : 0)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} title={r.atRisk && horizonWeeks ? unitsAtStakeTitle(r, horizonWeeks) : undefined}>
                {r.atRisk ? money(r.revenueAtStakeCents, { whole: true }) : '—'}
                {r.atRisk ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {unitsAtStakeText(r)}
                  </Typography>
                ) : null}
              </TableCell>
            </TableRow>
          </Tooltip>
        ))}
      </TableBody>
    </Table>
  );
}
