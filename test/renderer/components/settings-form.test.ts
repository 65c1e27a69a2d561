import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS } from '../../../core/contract/commands/settings';
import type { Settings } from '../../../core/contract/commands/settings';
import type { SettingsFormAction, SettingsFormState } from '../../../renderer/src/components/settings-form';
import { EMPTY_SETTINGS_FORM, editedFields, settingsFormReducer } from '../../../renderer/src/components/settings-form';

const SHOP_A = '/shops/a.shelfcast';
const SHOP_B = '/shops/b.shelfcast';
const settingsA: Settings = { ...SETTINGS_DEFAULTS, shopName: 'Corner Shop', currency: 'GBP' };
const settingsB: Settings = { ...SETTINGS_DEFAULTS, shopName: 'Harbour Deli', currency: 'EUR', horizonWeeks: 26 };

function run(...actions: SettingsFormAction[]): SettingsFormState {
  return actions.reduce(settingsFormReducer, EMPTY_SETTINGS_FORM);
}

const loadedA = (settings: Settings = settingsA): SettingsFormAction => ({ type: 'loaded', workspacePath: SHOP_A, settings });
const edit = (changes: Record<string, string>): SettingsFormAction => ({ type: 'edited', changes });

describe('settings form: reloads of the same workspace keep unsaved edits', () => {
  it('a background reload with unchanged values changes nothing', () => {
    const editing = run(loadedA(), edit({ shopName: 'Corner Shop & Café' }));
    expect(settingsFormReducer(editing, loadedA())).toBe(editing);
  });

  it('untouched fields follow the stored values; edited ones keep the edit without a warning', () => {
    const state = run(loadedA(), edit({ shopName: 'Corner Shop & Café' }), loadedA({ ...settingsA, theme: 'dark' }));
    expect(state.draft?.shopName).toBe('Corner Shop & Café');
    expect(state.draft?.theme).toBe('dark');
    expect(state.changedWhileEditing).toEqual([]);
    expect(editedFields(state)).toEqual(['shopName']);
  });

  it('an edited field whose stored value changed keeps the edit and is named; loading the stored values takes them', () => {
    const state = run(loadedA(), edit({ horizonWeeks: '20' }), loadedA({ ...settingsA, horizonWeeks: 8 }));
    expect(state.draft?.horizonWeeks).toBe('20');
    expect(state.changedWhileEditing).toEqual(['horizonWeeks']);
    const discarded = settingsFormReducer(state, { type: 'discarded' });
    expect(discarded.draft?.horizonWeeks).toBe('8');
    expect(discarded.changedWhileEditing).toEqual([]);
    expect(editedFields(discarded)).toEqual([]);
  });

  it('the warning goes when the stored value comes to equal the edit, or the edit is put back', () => {
    const changed = run(loadedA(), edit({ horizonWeeks: '20' }), loadedA({ ...settingsA, horizonWeeks: 8 }));
    expect(settingsFormReducer(changed, loadedA({ ...settingsA, horizonWeeks: 20 })).changedWhileEditing).toEqual([]);
    expect(settingsFormReducer(changed, edit({ horizonWeeks: '8' })).changedWhileEditing).toEqual([]);
  });

  it('after a save, the stored answer replaces what was sent, but not what was typed meanwhile', () => {
    const editing = run(loadedA(), edit({ 'serviceLevels.A': '97.50', shopName: 'New name' }));
    const sent = editing.draft ?? {};
    const typedDuringSave = settingsFormReducer(editing, edit({ shopName: 'Newer name' }));
    const saved = settingsFormReducer(typedDuringSave, {
      type: 'saved',
      workspacePath: SHOP_A,
      settings: { ...settingsA, shopName: 'New name', serviceLevels: { ...settingsA.serviceLevels, A: 0.975 } },
      sent,
    });
    expect(saved.draft?.['serviceLevels.A']).toBe('97.5');
    expect(saved.draft?.shopName).toBe('Newer name');
    expect(editedFields(saved)).toEqual(['shopName']);
    // The save's own workspace.changed reload then changes nothing.
    expect(settingsFormReducer(saved, loadedA({ ...settingsA, shopName: 'New name', serviceLevels: { ...settingsA.serviceLevels, A: 0.975 } }))).toBe(saved);
  });

  it('property: edits survive any sequence of same-workspace reloads', () => {
    const horizon = fc.integer({ min: 4, max: 52 });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.array(fc.tuple(horizon, fc.constantFrom('light', 'dark', 'system') as fc.Arbitrary<Settings['theme']>), { maxLength: 6 }), (name, reloads) => {
        let state = run(loadedA(), edit({ shopName: `${name}!` }));
        for (const [horizonWeeks, theme] of reloads) state = settingsFormReducer(state, loadedA({ ...settingsA, horizonWeeks, theme }));
        expect(state.draft?.shopName).toBe(`${name}!`);
        const last = reloads.at(-1);
        if (last) expect([state.draft?.horizonWeeks, state.draft?.theme]).toEqual([String(last[0]), last[1]]);
      }),
    );
  });
});

describe('settings form: another workspace', () => {
  it('opening another workspace resets the form to its values and says the edits were not saved', () => {
    const state = run(loadedA(), edit({ shopName: 'Corner Shop & Café' }), { type: 'loaded', workspacePath: SHOP_B, settings: settingsB });
    expect(state.workspacePath).toBe(SHOP_B);
    expect(state.draft?.shopName).toBe('Harbour Deli');
    expect(state.draft?.currency).toBe('EUR');
    expect(editedFields(state)).toEqual([]);
    expect(state.editsDroppedFor).toBe(SHOP_A);
  });

  it('without unsaved edits the switch is silent', () => {
    const state = run(loadedA(), { type: 'loaded', workspacePath: SHOP_B, settings: settingsB });
    expect(state.editsDroppedFor).toBeUndefined();
  });

  it('a save answered for the previous workspace does not touch the new form', () => {
    const editing = run(loadedA(), edit({ shopName: 'Corner Shop & Café' }));
    const switched = settingsFormReducer(editing, { type: 'loaded', workspacePath: SHOP_B, settings: settingsB });
    const late = settingsFormReducer(switched, { type: 'saved', workspacePath: SHOP_A, settings: { ...settingsA, shopName: 'Corner Shop & Café' }, sent: editing.draft ?? {} });
    expect(late).toBe(switched);
  });

  it('a reset load (after a restore) drops the edits of the same workspace', () => {
    const state = run(loadedA(), edit({ shopName: 'Corner Shop & Café' }), { type: 'loaded', workspacePath: SHOP_A, settings: settingsA, reset: true });
    expect(state.draft?.shopName).toBe('Corner Shop');
    expect(state.editsDroppedFor).toBeUndefined();
  });
});
