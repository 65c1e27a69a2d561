import { z } from 'zod';
import { Empty, FileRef, Id } from '../common';
import { command } from '../spec';

export const ReportKind = z.enum(['reorder', 'po', 'slow']);

export const ReportRequest = z
  .object({
    kind: ReportKind,
    format: z.enum(['pdf', 'csv']),
    supplier: z.string().min(1).max(200).optional(),
    poId: Id.optional(),
  })
  .strict();

export const SlowStockLine = z.object({
  sku: z.string(),
  name: z.string(),
  /** The location, when the shop's stock sits at more than one. */
  locationName: z.string().nullable(),
  supplierName: z.string().nullable(),
  health: z.enum(['dead', 'slow', 'overstock']),
  onHand: z.number(),
  /** The whole stock's value at cost. */
  moneyTiedUpCents: z.number().int().nullable(),
  /** Units a week behind both turnover and cover: the forecast's, else past sales'. */
  weeklyPace: z.number(),
  paceSource: z.enum(['forecast', 'sales']),
  turnoverPerYear: z.number().nullable(),
  /** onHand ÷ weeklyPace, so 365/7 ÷ turnoverPerYear. */
  weeksOfCover: z.number().nullable(),
  /** Value of the stock beyond 13 weeks of cover (all of it for dead stock). */
  excessValueCents: z.number().int().nullable(),
  reason: z.string(),
});

export const reportCommands = {
  'reports.generate': command(
    'Writes a report (reorder, purchase orders, slow stock) as PDF or CSV and returns a handle to download, save or print it.',
    ReportRequest,
    FileRef.extend({ lines: z.number().int() }),
  ),
  'reports.slowStock': command('Dead, slow-moving and overstocked products, ranked by money tied up.', Empty, z.array(SlowStockLine)),
};
