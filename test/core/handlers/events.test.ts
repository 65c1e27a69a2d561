import { afterEach, describe, expect, it } from 'vitest';
import type { ShelfcastApp } from '../../../core/app/app';
import type { ShopEvent } from '../../../core/contract/commands/events';
import { eventsForProduct } from '../../../core/db/repos/events';
import { dayFromIso } from '../../../core/dates';
import { openSmallShopApp } from '../../helpers/screens-app';
import { useTempDir } from '../../helpers/tmp';

describe('events through the router', () => {
  const tempDir = useTempDir();
  let app: ShelfcastApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });
  async function open() {
    const opened = await openSmallShopApp(tempDir());
    app = opened.app;
    return opened;
  }

  it('adds, edits and deletes events, each audited', async () => {
    const { app: a, call } = await open();
    const promo = await call<ShopEvent>('events.create', { name: 'Tea week', type: 'promo', startDay: '2025-12-01', endDay: '2025-12-07', scope: 'category', scopeValue: 'Tea', multiplier: 1.5 });
    expect(promo).toMatchObject({ name: 'Tea week', scope: 'category', scopeValue: 'Tea', multiplier: 1.5, source: 'user' });
    const closure = await call<ShopEvent>('events.create', { name: 'Stocktake', type: 'closure', startDay: '2025-12-24', endDay: '2025-12-24', multiplier: 0 });
    expect(closure.scope).toBe('all');
    const { source: _source, ...fields } = promo;
    const updated = await call<ShopEvent>('events.update', { ...fields, endDay: '2025-12-10', multiplier: 1.8 });
    expect(updated).toMatchObject({ endDay: '2025-12-10', multiplier: 1.8 });
    expect((await call<ShopEvent[]>('events.list', {})).map((e) => e.name)).toEqual(['Stocktake', 'Tea week']);
    expect((await call<ShopEvent[]>('events.list', { fromDay: '2025-12-20', toDay: '2025-12-31' })).map((e) => e.name)).toEqual(['Stocktake']);
    await call('events.delete', { id: closure.id });
    expect((await call<ShopEvent[]>('events.list', {})).map((e) => e.name)).toEqual(['Tea week']);
    const actions = a.db.prepare("SELECT action FROM audit_log WHERE entity = 'event' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'event.create' }, { action: 'event.create' }, { action: 'event.update' }, { action: 'event.delete' }]);
  });

  it('applies an event to the products in its scope', async () => {
    const { app: a, call } = await open();
    await call('events.create', { name: 'Tea week', type: 'promo', startDay: '2025-12-01', endDay: '2025-12-07', scope: 'category', scopeValue: 'tea' });
    await call('events.create', { name: 'Oat offer', type: 'promo', startDay: '2025-12-01', endDay: '2025-12-07', scope: 'sku', scopeValue: 'OAT' });
    const window = [dayFromIso('2025-11-01'), dayFromIso('2025-12-31')] as const;
    expect(eventsForProduct(a.db, { sku: 'TEA', category: 'Tea' }, ...window).map((e) => e.name)).toEqual(['Tea week']);
    expect(eventsForProduct(a.db, { sku: 'OAT', category: 'Dairy' }, ...window).map((e) => e.name)).toEqual(['Oat offer']);
  });

  it('says clearly what is wrong with a bad event', async () => {
    const { fail } = await open();
    const backwards = await fail('events.create', { name: 'X', type: 'promo', startDay: '2025-12-07', endDay: '2025-12-01' });
    expect(backwards.code).toBe('input.invalid');
    expect(JSON.stringify(backwards.details)).toContain('the event ends before it starts');
    const noScope = await fail('events.create', { name: 'X', type: 'promo', startDay: '2025-12-01', endDay: '2025-12-01', scope: 'sku' });
    expect(JSON.stringify(noScope.details)).toContain('say which SKU');
    const unknown = await fail('events.create', { name: 'X', type: 'promo', startDay: '2025-12-01', endDay: '2025-12-01', scope: 'sku', scopeValue: 'NOPE' });
    expect(unknown.message).toBe('There is no product with SKU "NOPE".');
    expect((await fail('events.create', { name: 'X', type: 'promo', startDay: '2025-13-01', endDay: '2025-12-01' })).code).toBe('input.invalid');
    expect((await fail('events.delete', { id: 999 })).code).toBe('not_found');
  });

  it('lists the public holidays of the country in settings over the history and horizon', async () => {
    const { call } = await open();
    const gb = await call<{ country: string; countryName: string; fromDay: string; toDay: string; holidays: Array<{ day: string; name: string }> }>('events.holidays', {});
    expect(gb.country).toBe('GB');
    expect(gb.countryName).toBe('United Kingdom');
    expect(gb.fromDay).toBe('2025-02-10');
    expect(gb.toDay).toBe('2026-02-15'); // 13 weeks after 16 Nov 2025
    expect(gb.holidays.map((h) => h.day)).toEqual(['2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-12-25', '2025-12-26', '2026-01-01']);
    await call('settings.update', { country: 'DE' });
    const de = await call<{ holidays: Array<{ day: string; name: string }> }>('events.holidays', { fromDay: '2025-10-01', toDay: '2025-10-31' });
    expect(de.holidays.map((h) => h.day)).toEqual(['2025-10-03']); // German Unity Day
    const countries = await call<Array<{ code: string }>>('calendar.countries', {});
    expect(countries.some((c) => c.code === 'FR')).toBe(true);
  });
});
