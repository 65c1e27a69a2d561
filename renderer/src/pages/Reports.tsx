import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { ErrorNotice, PageHeader } from '../components/Page';
import { ReportButtons } from '../components/ReportButtons';
import { money, num } from '../format';
import { SLOW_STOCK_RULES, coverWeeksText, slowStockSummary } from '../components/reports/slow-stock-format';
import { useCommand } from '../hooks/useCommand';

const HEALTH_LABEL = { dead: 'Dead', slow: 'Slow', overstock: 'Overstock' } as const;
const HEALTH_COLOR = { dead: 'error', slow: 'warning', overstock: 'info' } as const;

function ReportCard({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 280px' }}>
      <CardContent>
        <Typography variant="h2" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {text}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

export function ReportsPage() {
  const slow = useCommand('reports.slowStock', {});
  const lines = slow.data ?? [];
  return (
    <>
      <PageHeader title="Reports" subtitle="Printable PDF reports made on this computer, and the same data as CSV for a spreadsheet." />
      <Stack direction="row" sx={{ gap: 2, mb: 3, flexWrap: 'wrap' }}>
        <ReportCard title="Reorder report" text="The latest plan by supplier: what to order, how much, what it costs and why.">
          <ReportButtons spec={{ kind: 'reorder' }} label="Reorder report" />
        </ReportCard>
        <ReportCard title="Purchase orders" text="Every open purchase order, one page per supplier, ready to send.">
          <ReportButtons spec={{ kind: 'po' }} label="Purchase orders" />
        </ReportCard>
        <ReportCard title="Slow stock" text="Dead and slow-moving stock by money tied up, overstock by weeks of cover.">
          <ReportButtons spec={{ kind: 'slow' }} label="Slow stock" />
        </ReportCard>
      </Stack>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Slow-moving, dead and overstocked products
      </Typography>
      <ErrorNotice error={slow.error} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="slow-summary">
        {slow.data ? slowStockSummary(lines) : 'Loading…'}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }} data-testid="slow-rules">
        {SLOW_STOCK_RULES}
      </Typography>
      <Table size="small" aria-label="Slow stock">
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Product</TableCell>
            <TableCell>Supplier</TableCell>
            <TableCell align="right">On hand</TableCell>
            <TableCell align="right">
              <Tooltip title="All the stock on hand, at cost.">
                <span>Stock value</span>
              </Tooltip>
            </TableCell>
            <TableCell align="right">
              <Tooltip title="Value of the stock above 13 weeks of cover at the product's pace; all of it for dead stock. The total above adds this column.">
                <span>Beyond 13 weeks</span>
              </Tooltip>
            </TableCell>
            <TableCell align="right">
              <Tooltip title="How many times a year the stock on hand sells through at the product's pace (its forecast, else its past year's sales).">
                <span>Turns a year</span>
              </Tooltip>
            </TableCell>
            <TableCell align="right">
              <Tooltip title="Weeks the stock on hand lasts at the same pace: 52 ÷ turns a year.">
                <span>Weeks of cover</span>
              </Tooltip>
            </TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={`${l.sku}@${l.locationName ?? ''}`} data-testid="slow-row">
              <TableCell>
                <Chip size="small" label={HEALTH_LABEL[l.health]} color={HEALTH_COLOR[l.health]} />
              </TableCell>
              <TableCell>
                {l.name}
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {l.locationName === null ? l.sku : `${l.sku} · ${l.locationName}`}
                </Typography>
              </TableCell>
              <TableCell>{l.supplierName ?? '—'}</TableCell>
              <TableCell align="right">{num(l.onHand, 1)}</TableCell>
              <TableCell align="right">{money(l.moneyTiedUpCents)}</TableCell>
              <TableCell align="right">{money(l.excessValueCents)}</TableCell>
              <TableCell align="right">{num(l.turnoverPerYear, l.turnoverPerYear !== null && l.turnoverPerYear < 0.1 ? 2 : 1)}</TableCell>
              <TableCell align="right">{coverWeeksText(l.weeksOfCover)}</TableCell>
              <TableCell>{l.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
