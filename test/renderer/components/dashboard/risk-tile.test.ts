import { describe, expect, it } from 'vitest';
import { atRiskTile } from '../../../../renderer/src/components/dashboard/risk-tile';

describe('at-risk tile', () => {
  it('with a plan, points at the plan and says which shelves were taken as empty', () => {
    const t = atRiskTile({ products: 98, beforeDelivery: 96, source: 'plan', withoutStockCount: 98, lines: 98, locations: 1 });
    expect(t.hint).toBe('From the reorder plan: 96 before a delivery could arrive; 2 before the next review; 98 with no stock count, taken as empty');
    expect(atRiskTile({ products: 3, beforeDelivery: 3, source: 'plan', withoutStockCount: 0, lines: 3, locations: 1 }).hint).toBe('From the reorder plan: 3 before a delivery could arrive');
    expect(t.link).toBe('/reorder');
  });
  it('without a plan, the stockout alerts', () => {
    expect(atRiskTile({ products: 2, beforeDelivery: 1, source: 'alerts', withoutStockCount: 0, lines: 2, locations: 0 })).toEqual({ hint: '1 before a delivery could arrive', link: '/alerts?kind=stockout_lead_time,stockout_7d' });
  });
});
