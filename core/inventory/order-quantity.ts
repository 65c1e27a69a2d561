/**
 * Turning a raw need into a quantity a supplier will ship: whole case packs, at least the
 * minimum order quantity, optionally at least the economic order quantity.
 */

/** Tolerance for float noise, so 24.000000000004 units stay 2 cases of 12, not 3. */
const EPSILON = 1e-9;

/**
 * The smallest multiple of the case pack that is ≥ both the need and the MOQ; 0 when
 * nothing is needed. The MOQ itself is rounded up to whole cases, so the result is always
 * 0 or a multiple of the case pack that is ≥ MOQ.
 */
export function roundOrderQuantity(rawQuantity: number, casePack: number, moq: number): number {
  if (!(rawQuantity > EPSILON)) return 0;
  const pack = casePack > 0 ? casePack : 1;
  const needed = Math.max(rawQuantity, moq > 0 ? moq : 0);
  const cases = Math.ceil(needed / pack - EPSILON);
  return Math.max(1, cases) * pack;
}

/**
 * Economic order quantity (Harris 1913; Wilson): Q* = √(2·D·K / (h·c)), with D the annual
 * demand in units, K the cost of placing one order, h the yearly holding cost rate and c
 * the unit cost. Null when a cost is missing or zero, since Q* is then undefined. Capped at
 * a year of demand: a near-zero holding cost would otherwise ask for a lifetime's stock.
 */
export function economicOrderQuantity(annualDemandUnits: number, orderingCostCents: number, holdingCostRate: number, unitCostCents: number | null): number | null {
  if (unitCostCents === null || !(unitCostCents > 0) || !(holdingCostRate > 0) || !(annualDemandUnits > 0) || !(orderingCostCents >= 0)) return null;
  const eoq = Math.sqrt((2 * annualDemandUnits * orderingCostCents) / (holdingCostRate * unitCostCents));
  return Number.isFinite(eoq) ? Math.min(eoq, annualDemandUnits) : annualDemandUnits;
}

export interface BudgetCandidate {
  /** Any identifier of the line. */
  key: string;
  quantity: number;
  /** Cost of the line; null when the unit cost is unknown (kept outside the budget). */
  costCents: number | null;
  /** Expected units of shortage the order avoids over lead time + review. */
  expectedShortageAvoided: number;
}

export interface BudgetOutcome {
  kept: string[];
  dropped: string[];
  spentCents: number;
}

/**
 * Keeps whole lines in order of expected shortage avoided per unit of money (a greedy
 * knapsack, Dantzig 1957), skipping a line that no longer fits and trying cheaper ones.
 * Lines without a known cost cannot be ranked by money and are always kept, and listed.
 */
export function applyBudget(candidates: readonly BudgetCandidate[], budgetCents: number): BudgetOutcome {
  const priced = candidates.filter((c) => c.quantity > 0 && c.costCents !== null);
  const unpriced = candidates.filter((c) => c.quantity > 0 && c.costCents === null);
  const ratio = (c: BudgetCandidate) => (c.costCents! > 0 ? c.expectedShortageAvoided / c.costCents! : Infinity);
  const ranked = [...priced].sort((a, b) => ratio(b) - ratio(a) || a.key.localeCompare(b.key));
  const kept: string[] = unpriced.map((c) => c.key);
  const dropped: string[] = [];
  let spentCents = 0;
  for (const line of ranked) {
    const cost = line.costCents!;
    if (spentCents + cost <= budgetCents) {
      kept.push(line.key);
      spentCents += cost;
    } else {
      dropped.push(line.key);
    }
  }
  return { kept, dropped, spentCents };
}
