import { money } from '../../format';

/**
 * The money of some order lines when some products have no unit cost: the known part and how
 * many lines it leaves out, never a total that silently counts unknown costs as zero.
 */
export function costText(costCents: number, linesWithoutCost: number, lines: number): string {
  if (lines > 0 && linesWithoutCost >= lines) return 'cost unknown (no unit costs)';
  if (linesWithoutCost <= 0) return money(costCents);
  return `${money(costCents)} + ${linesWithoutCost} ${linesWithoutCost === 1 ? 'line' : 'lines'} without a unit cost`;
}
