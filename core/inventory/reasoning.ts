/**
 * The one plain sentence (two at most) that explains a recommendation with its numbers,
 * e.g. "Order 24: 2 cases of 12. You have 9, 12 are on order, and in the next 3 weeks
 * (lead time + review) you will sell 31 ± 8 at 95% service."
 * The "± n" is the safety stock: the units kept above the mean to reach the service level.
 */
import type { PolicyDecision, PolicyParams } from './policy';
import type { ScheduledReceipt } from './scenarios';

/** Whole numbers stay whole; fractional quantities (sold by weight) keep one decimal. */
export function formatQuantity(value: number): string {
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) < 0.05) return String(rounded === 0 ? 0 : rounded);
  return value.toFixed(1);
}

/** "3 weeks" when the span is whole weeks, otherwise "10 days" ("1 day", "1 week"). */
export function formatSpan(days: number): string {
  const whole = Math.round(days);
  if (Math.abs(days - whole) > 0.05) return `${days.toFixed(1)} days`;
  if (whole > 0 && whole % 7 === 0) return whole === 7 ? '1 week' : `${whole / 7} weeks`;
  return whole === 1 ? '1 day' : `${whole} days`;
}

function casesPhrase(quantity: number, casePack: number): string {
  if (casePack <= 1) return '';
  const cases = Math.round(quantity / casePack);
  return `: ${cases} ${cases === 1 ? 'case' : 'cases'} of ${formatQuantity(casePack)}`;
}

function percent(level: number): string {
  const value = level * 100;
  return Number.isInteger(Math.round(value * 10) / 10) ? `${Math.round(value)}%` : `${value.toFixed(1)}%`;
}

/**
 * When the stock on order arrives, for a product whose shelf empties before it does: the
 * earliest open line's due day relative to the plan's day ("due 7 days ago" means the
 * supplier is late).
 */
function arrivalPhrase(onOrderLines: readonly ScheduledReceipt[]): string {
  const due = Math.min(...onOrderLines.map((line) => line.dueInDays));
  if (due < 0) {
    const late = Math.max(1, Math.round(-due));
    return `were due ${formatSpan(late)} ago: chase the supplier`;
  }
  return due < 1 ? 'are due today' : `are due in ${formatSpan(Math.round(due))}`;
}

export function explain(decision: PolicyDecision, params: PolicyParams, onOrderLines: readonly ScheduledReceipt[] = []): string {
  const span = formatSpan(params.leadTimeDays + params.reviewPeriodDays);
  const have = `You have ${formatQuantity(decision.inventoryPosition - decision.onOrder)}`;
  const onOrder = decision.onOrder > 0 ? `, ${formatQuantity(decision.onOrder)} ${decision.onOrder === 1 ? 'is' : 'are'} on order` : ', none on order';
  const outlook = `in the next ${span} (lead time + review) you will sell ${formatQuantity(decision.meanCycleDemand)} ± ${formatQuantity(Math.max(0, decision.safetyStock))} at ${percent(params.serviceLevel)} service`;

  if (decision.suggestedQuantity <= 0) {
    if (decision.meanCycleDemand <= 0) return `No order: no sales are expected in the next ${span}. ${have}${onOrder}.`;
    const shortBeforeArrival = (decision.priority === 'urgent' || decision.priority === 'high') && decision.onOrder > 0 && onOrderLines.length > 0;
    if (shortBeforeArrival) {
      // The order already placed covers the cycle, but the shelf empties before it comes in.
      const days = decision.expectedStockoutDays === null ? null : Math.floor(decision.expectedStockoutDays);
      const empty = days === null || days <= 0 ? 'Your shelf is likely empty today' : `You will likely run out in ${formatSpan(days)}`;
      return `No new order: the ${formatQuantity(decision.onOrder)} on order cover the next ${span} (lead time + review), when you will sell ${formatQuantity(decision.meanCycleDemand)} ± ${formatQuantity(Math.max(0, decision.safetyStock))} at ${percent(params.serviceLevel)} service. ${have} on the shelf. ${empty}, and the units on order ${arrivalPhrase(onOrderLines)}.`;
    }
    const late = onOrderLines.some((line) => line.dueInDays < 0) ? ` The units on order ${arrivalPhrase(onOrderLines)}.` : '';
    return `No order needed. ${have}${onOrder}, and ${outlook}, which your stock covers.${late}`;
  }
  let head = `Order ${formatQuantity(decision.suggestedQuantity)}${casesPhrase(decision.suggestedQuantity, params.casePack)}.`;
  if (decision.quantityDrivenBy === 'moq') head = `Order ${formatQuantity(decision.suggestedQuantity)} (the supplier's minimum)${casesPhrase(decision.suggestedQuantity, params.casePack)}.`;
  if (decision.quantityDrivenBy === 'eoq') head = `Order ${formatQuantity(decision.suggestedQuantity)} (the economical batch size)${casesPhrase(decision.suggestedQuantity, params.casePack)}.`;
  let sentence = `${head} ${have}${onOrder}, and ${outlook}.`;
  if (!decision.belowReorderPoint) {
    // The review-cycle trigger: above the reorder point, but this review is the last chance
    // to order before the next one.
    sentence += ` Stock is above the reorder point (${formatQuantity(decision.reorderPoint)}), so this only tops it up to ${formatQuantity(decision.orderUpToLevel)} until the next review.`;
  }
  const onShelf = decision.inventoryPosition - decision.onOrder;
  if (onShelf <= 0 && decision.priority === 'urgent') {
    sentence += ` Your shelf is already empty, and this order takes ${formatSpan(params.leadTimeDays)} to arrive.`;
  } else if (decision.expectedStockoutDays !== null && (decision.priority === 'urgent' || decision.priority === 'high')) {
    const days = Math.floor(decision.expectedStockoutDays);
    const when = days <= 0 ? 'today' : `in ${formatSpan(days)}`;
    const before = decision.priority === 'urgent' ? `before this order can arrive (${formatSpan(params.leadTimeDays)})` : 'before the next review';
    sentence += ` You will likely run out ${when}, ${before}.`;
  }
  return sentence;
}
