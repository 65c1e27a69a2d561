import { describe, expect, it } from 'vitest';
import { shopTitle } from '../../../renderer/src/components/shop-title';

describe('header title', () => {
  it('names the workspace only when it differs from the shop', () => {
    expect(shopTitle('My shop', 'My shop')).toBe('My shop');
    expect(shopTitle('Harbour Lane Provisions', 'demo')).toBe('Harbour Lane Provisions — demo');
    expect(shopTitle(undefined, 'demo')).toBe('demo');
    expect(shopTitle('', 'demo')).toBe('demo');
  });
});
