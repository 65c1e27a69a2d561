import { num } from '../../format';

/**
 * Whole cases of `casePack`, at least the MOQ: the rule the main process applies when it
 * saves (core/inventory/order-quantity.ts roundOrderQuantity; the renderer may not import
 * core, so test/renderer/reorder/case-rounding.test.ts checks the two agree).
 */
function wholeCases(requested: number, casePack: number, moq: number): number {
  const pack = casePack > 0 ? casePack : 1;
  return Math.max(1, Math.ceil(Math.max(requested, moq > 0 ? moq : 0) / pack - 1e-9)) * pack;
}

export interface CaseRounding {
  /** What will be saved: whole cases, at least the MOQ (0 when the entry is not a positive number). */
  quantity: number;
  /** Shown under the field before saving, e.g. "30 → 36 (3 cases of 12)"; null when nothing changes and there are no cases to mention. */
  note: string | null;
}

/** The quantity an owner's entry becomes when saved, so the screen says it before saving. */
export function caseRounding(entry: string, casePack: number, moq: number): CaseRounding {
  const requested = Number(entry.replace(',', '.'));
  if (entry.trim() === '' || !Number.isFinite(requested) || !(requested > 0)) return { quantity: 0, note: null };
  const quantity = wholeCases(requested, casePack, moq);
  const parts: string[] = [];
  if (casePack > 1) parts.push(`${num(quantity / casePack)} ${quantity / casePack === 1 ? 'case' : 'cases'} of ${num(casePack)}`);
  if (quantity > wholeCases(requested, casePack, 0)) parts.push(`the minimum order is ${num(moq)}`);
  const why = parts.length > 0 ? ` (${parts.join('; ')})` : '';
  if (quantity === requested) return { quantity, note: why ? `${num(quantity)}${why}` : null };
  return { quantity, note: `${num(requested, 2)} → ${num(quantity)}${why}` };
}
