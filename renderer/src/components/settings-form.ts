import type { Settings } from '../../../core/contract/commands/settings';
import type { Draft } from './settings-fields';
import { FIELDS, toDraft } from './settings-fields';

/**
 * The settings form's state over time. Settings are reloaded whenever the workspace reports a
 * change (an import or the alerts check finishing, the theme switched in the app bar, a save),
 * and another workspace can be opened while the form is on screen, so the form keeps:
 * - which workspace its values belong to: values of another workspace replace the form;
 * - the stored values it last saw: a field the owner has not touched follows the stored value,
 *   an edited field keeps the edit, and an edited field whose stored value changed meanwhile is
 *   listed so the screen can say so (the owner saves the edit or loads the stored values).
 */
export interface SettingsFormState {
  workspacePath: string | undefined;
  /** The stored settings as the form shows them (the base the edits were made against). */
  stored: Draft | undefined;
  draft: Draft | undefined;
  /** Edited fields whose stored value changed while they were being edited. */
  changedWhileEditing: string[];
  /** The workspace whose unsaved edits were dropped when another workspace was opened. */
  editsDroppedFor: string | undefined;
}

export type SettingsFormAction =
  /** Settings read from `workspacePath`; `reset` throws edits away (after a restore). */
  | { type: 'loaded'; workspacePath: string; settings: Settings; reset?: boolean }
  | { type: 'edited'; changes: Draft }
  /** `sent` is the draft as it was when the save started; `settings` the stored answer. */
  | { type: 'saved'; workspacePath: string; settings: Settings; sent: Draft }
  | { type: 'discarded' };

export const EMPTY_SETTINGS_FORM: SettingsFormState = { workspacePath: undefined, stored: undefined, draft: undefined, changedWhileEditing: [], editsDroppedFor: undefined };

/** The fields the owner changed and has not saved. */
export function editedFields(state: SettingsFormState): string[] {
  const { stored, draft } = state;
  if (!stored || !draft) return [];
  return Object.keys(draft).filter((key) => draft[key] !== stored[key]);
}

const EXTRA_LABELS: Record<string, string> = { currency: 'Currency', locale: 'Number and date format', country: 'Country' };

export function fieldLabel(key: string): string {
  return FIELDS.find((f) => f.key === key)?.label ?? EXTRA_LABELS[key] ?? key;
}

function fresh(workspacePath: string, stored: Draft, editsDroppedFor: string | undefined): SettingsFormState {
  return { workspacePath, stored, draft: { ...stored }, changedWhileEditing: [], editsDroppedFor };
}

function sameDraft(a: Draft, b: Draft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Stored values arrive: follow them where the owner has not edited, keep the edits. */
function merge(state: SettingsFormState & { stored: Draft; draft: Draft }, incoming: Draft): SettingsFormState {
  const { stored, draft } = state;
  const next: Draft = { ...draft };
  const changed = new Set(state.changedWhileEditing);
  for (const key of Object.keys(incoming)) {
    const edited = draft[key] !== stored[key];
    if (!edited) next[key] = incoming[key] ?? '';
    else if (incoming[key] === draft[key]) changed.delete(key);
    else if (incoming[key] !== stored[key]) changed.add(key);
  }
  return { ...state, stored: incoming, draft: next, changedWhileEditing: [...changed].filter((key) => next[key] !== incoming[key]) };
}

export function settingsFormReducer(state: SettingsFormState, action: SettingsFormAction): SettingsFormState {
  switch (action.type) {
    case 'loaded': {
      const incoming = toDraft(action.settings);
      if (action.reset || !state.stored || !state.draft || state.workspacePath !== action.workspacePath) {
        const dropped = !action.reset && state.workspacePath !== undefined && state.workspacePath !== action.workspacePath && editedFields(state).length > 0;
        return fresh(action.workspacePath, incoming, dropped ? state.workspacePath : undefined);
      }
      if (sameDraft(incoming, state.stored)) return state;
      return merge({ ...state, stored: state.stored, draft: state.draft }, incoming);
    }
    case 'edited': {
      if (!state.draft) return state;
      const draft = { ...state.draft, ...action.changes };
      const changedWhileEditing = state.changedWhileEditing.filter((key) => draft[key] !== state.stored?.[key]);
      return { ...state, draft, changedWhileEditing, editsDroppedFor: undefined };
    }
    case 'saved': {
      // An answer for a workspace that is no longer the form's changes nothing here.
      if (action.workspacePath !== state.workspacePath || !state.draft) return state;
      const stored = toDraft(action.settings);
      const draft: Draft = { ...state.draft };
      // Fields typed into while the save was under way keep what was typed.
      for (const key of Object.keys(stored)) if (draft[key] === action.sent[key]) draft[key] = stored[key] ?? '';
      return { ...state, stored, draft, changedWhileEditing: [], editsDroppedFor: undefined };
    }
    case 'discarded':
      return state.stored && state.workspacePath ? fresh(state.workspacePath, state.stored, undefined) : state;
  }
}
